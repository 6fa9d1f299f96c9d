import Testing
@testable import KeiCitations

@Suite struct InterviewItemTests {
    @Test func titlePlaceAndDateComeFromTheParts() {
        let item = InterviewItem.item("Interviews with U.S. and South Korean officials, Washington and Seoul, May–September 2025.", issued: nil)
        #expect(item.type == .interview)
        #expect(item.title == "Interviews with U.S. and South Korean officials")
        #expect(item.publisherPlace == "Washington and Seoul")
        #expect(item.issued?.year == 2025)
        #expect(item.author == nil && item.edition == nil)
    }

    @Test func anInterviewWithoutPlaceOrDateKeepsItsTitle() {
        let item = InterviewItem.item("Interview with a former official.", issued: nil)
        #expect(item.title == "Interview with a former official" && item.publisherPlace == nil && item.issued == nil)
    }
}
