import Testing
@testable import KeiCitations

/// The learner and the model's text form.
@Suite struct SequenceModelTests {
    static let examples: [LabelledReference] = (0..<30).map { i in
        LabelledReference(segments: [
            ("author", i % 2 == 0 ? "Kim, Dong-hyun." : "Elena Marsh,"),
            ("title", i % 3 == 0 ? "“Visible Assurance.”" : "Two Audiences."),
            ("date", "(\(1990 + i)).")
        ])
    }

    @Test func trainingIsDeterministicAndTheTextFormRoundTrips() throws {
        let trainer = PerceptronTrainer(epochs: 3, minFeatureCount: 1)
        let a = trainer.train(Self.examples)
        let b = trainer.train(Self.examples)
        #expect(a.serialized() == b.serialized())
        let restored = try #require(SequenceModel(serialized: a.serialized()))
        let tokens = ["Park,", "Ji-won.", "“Port", "Calls.”", "(2021)."]
        #expect(restored.label(tokens) == a.label(tokens))
        #expect(a.label(tokens) == ["author", "author", "title", "title", "date"])
    }

    @Test func malformedModelTextIsRejected() {
        #expect(SequenceModel(serialized: "") == nil)
        #expect(SequenceModel(serialized: "labels a b\ntransitions 1 2\n") == nil)
        #expect(SequenceModel(serialized: "labels a\ntransitions 0 0\nzz 0:1\n") == nil)
    }

    @Test func anyStyleXMLIsRead() throws {
        let xml = """
        <?xml version="1.0"?><dataset><sequence><author>Schaal, S., &amp; Atkeson, C.</author>
        <title>Robot   juggling.</title></sequence><sequence><title>&#x201C;X&#8221;</title></sequence></dataset>
        """
        let refs = try AnyStyleDataset.parse(xml)
        #expect(refs.count == 2)
        #expect(refs[0].text == "Schaal, S., & Atkeson, C. Robot juggling.")
        #expect(refs[0].tokensAndLabels.labels == ["author", "author", "author", "author", "author", "title", "title"])
        #expect(refs[1].text == "“X”")
        #expect(throws: AnyStyleDataset.Failure.self) { try AnyStyleDataset.parse("<dataset><sequence><title>open") }
    }

    @Test func theCompiledModelLoads() {
        let model = ReferenceParser.shared.model
        #expect(model.featureCount > 1000)
        for label in ["author", "title", "journal", "container-title", "date", "pages", "volume", "location", "publisher", "url"] {
            #expect(model.labels.contains(label), "\(label)")
        }
    }
}
