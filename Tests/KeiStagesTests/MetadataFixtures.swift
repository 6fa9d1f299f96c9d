/// Inline KEI-like article pages for the metadata tests.
enum MetadataFixtures {
    /// A Korea Policy article page with Highwire tags, JSON-LD, OpenGraph and visible metadata that all agree.
    static let keiPage = """
    <!DOCTYPE html>
    <html lang="en-US">
    <head>
    <meta charset="utf-8">
    <title>Allying Against Adversaries: U.S.-South Korea Cooperation amid Heightened North Korea-Russia Ties | Korea Economic Institute of America</title>
    <meta name="citation_title" content="Allying Against Adversaries: U.S.-South Korea Cooperation amid Heightened North Korea-Russia Ties">
    <meta name="citation_author" content="Lee, Jae-won">
    <meta name="citation_author_institution" content="Korea University">
    <meta name="citation_author" content="Victor Cha">
    <meta name="citation_author_institution" content="Center for Strategic and International Studies">
    <meta name="citation_author_email" content="vcha@example.org">
    <meta name="citation_publication_date" content="2025/12/15">
    <meta name="citation_journal_title" content="Korea Policy">
    <meta name="citation_volume" content="3">
    <meta name="citation_issue" content="2">
    <meta name="citation_publisher" content="Korea Economic Institute of America">
    <meta name="citation_pdf_url" content="https://keia.org/wp-content/uploads/2025/12/allying.pdf">
    <meta name="citation_doi" content="https://doi.org/10.5555/kp.2025.3.2.1">
    <meta name="citation_keywords" content="alliance; North Korea; Russia">
    <meta name="citation_language" content="en">
    <meta name="description" content="At a time of escalating cooperation between Russia and North Korea,&nbsp;the alliance matters.">
    <meta property="og:title" content="Allying Against Adversaries: U.S.–South Korea Cooperation amid Heightened North Korea–Russia Ties">
    <meta property="og:site_name" content="Korea Economic Institute of America">
    <meta property="og:url" content="https://keia.org/publication/allying-against-adversaries/">
    <meta property="article:published_time" content="2025-12-15T09:00:00-05:00">
    <link rel="canonical" href="https://keia.org/publication/allying-against-adversaries/">
    <script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebSite", "@id": "https://keia.org/#website", "name": "KEI"},
      {"@type": "ScholarlyArticle", "headline": "Allying Against Adversaries: U.S.-South Korea Cooperation amid Heightened North Korea-Russia Ties",
       "alternativeHeadline": "Policy Recommendations for Seoul and Washington",
       "datePublished": "2025-12-15",
       "author": [{"@type": "Person", "name": "Jae-won Lee", "affiliation": {"@type": "Organization", "name": "Korea University"}},
                  {"@type": "Person", "name": "Victor Cha"}],
       "isPartOf": {"@type": "PublicationIssue", "issueNumber": "2",
                    "isPartOf": {"@type": "PublicationVolume", "volumeNumber": "3",
                                 "isPartOf": {"@type": "Periodical", "name": "Korea Policy"}}},
       "publisher": {"@type": "Organization", "name": "Korea Economic Institute of America"},
       "keywords": ["ignored", "because citation_keywords wins"],
       "inLanguage": "en-US"}
    ]}
    </script>
    </head>
    <body>
    <nav><a href="/">Home</a> <span class="date">January 1, 2020</span></nav>
    <div class="series-banner">Korea Policy Vol. 3, Issue 2</div>
    <article>
    <h1>Allying Against Adversaries: U.S.-South Korea Cooperation amid Heightened North&nbsp;Korea-Russia Ties</h1>
    <p class="subtitle">Policy Recommendations for  Seoul and Washington</p>
    <div class="byline">By Jae-won Lee and Victor Cha</div>
    <p class="published">Published December 15, 2025</p>
    <a class="download" href="/wp-content/uploads/2025/12/allying.pdf">Download PDF</a>
    <h2>Executive Summary</h2>
    <p>At a time of escalating cooperation between Russia and North Korea within and beyond the security domain,
    the role of the U.S.-South Korea alliance has never been greater.</p>
    </article>
    </body>
    </html>
    """

    /// A page with only visible metadata: series banner, byline block with affiliations, written date.
    static let visibleOnlyPage = """
    <html><head><title>Deterrence on the Peninsula - KEI</title></head>
    <body>
    <header><p>Korea Policy Vol. 4, No. 1</p></header>
    <main>
    <h1>Deterrence on the Peninsula</h1>
    <h2 class="dek">What the alliance can still do</h2>
    <div class="authors">
      <div class="author"><span class="author-name">Jane Doe</span>, <span class="author-affiliation">Korea University</span></div>
      <div class="author"><span class="author-name">John Roe</span> <span class="author-affiliation">Seoul National University</span></div>
      <div class="author"><span class="author-name">Mi-jin Park</span></div>
    </div>
    <p>Posted on Dec. 3, 2025</p>
    <p>Body text of the article that is long enough to be the content of this page.</p>
    </main>
    </body></html>
    """
}
