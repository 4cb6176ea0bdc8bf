import Foundation
import ScanTestSupport

/// Writes many realistic, reproducible school web pages (head with meta, OpenGraph and JSON-LD;
/// navigation, an article with figures, a footer; scripts and styles that are not text).
struct PageCorpus {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    private static let words = """
        the students our school grade class team concert science fair library week field trip families \
        volunteers thank you everyone practice season tournament coach music art project reading club \
        les élèves notre école année classe équipe fête bibliothèque sortie bénévoles merci printemps
        """.split(separator: " ").map(String.init)

    /// Writes `count` pages into `directory`; returns the total bytes written.
    mutating func write(count: Int, into directory: String) -> Int {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var total = 0
        for index in 0..<count {
            let page = Array(page(index).utf8)
            FileManager.default.createFile(atPath: "\(directory)/page-\(index).html", contents: Data(page))
            total += page.count
        }
        return total
    }

    private mutating func sentence(_ count: Int) -> String {
        (0..<count).map { _ in Self.words[Int(random.next() % UInt64(Self.words.count))] }.joined(separator: " ")
    }

    private mutating func page(_ index: Int) -> String {
        let title = sentence(6)
        var article = ""
        for paragraph in 0..<24 {
            article += "<p>\(sentence(45)) &amp; \(sentence(8)).</p>\n"
            if paragraph % 6 == 5 {
                article += "<figure><img src=\"/m/\(index)-\(paragraph).jpg\" alt=\"\(sentence(7))\" title=\"\(sentence(3))\"><figcaption>\(sentence(9)) Photo © 2025 Prairie Sky Photography</figcaption></figure>\n"
            }
        }
        return """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>\(title)</title>
            <meta name="description" content="\(sentence(20))"><meta property="og:title" content="\(title)">
            <meta property="og:description" content="\(sentence(20))"><meta property="og:image:alt" content="\(sentence(6))">
            <link rel="canonical" href="https://lakeside.aspenridge.example/news/\(index)">
            <style>body{font-family:sans-serif}nav a{margin:0 1em}</style>
            <script>window.analytics=window.analytics||[];analytics.push(['page',\(index)]);</script>
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"\(title)","description":"\(sentence(15))","image":{"@type":"ImageObject","caption":"\(sentence(6))"}}</script>
            </head><body><header><nav><a href="/">Home</a><a href="/news/">News</a><a href="/calendar/">Calendar</a></nav></header>
            <main><article><h1>\(title)</h1>
            \(article)</article></main>
            <footer><p>© 2025 Aspen Ridge School Division · <a href="/privacy">Privacy</a></p></footer></body></html>

            """
    }
}
