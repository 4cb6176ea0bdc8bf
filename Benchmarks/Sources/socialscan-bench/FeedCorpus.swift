import ScanTestSupport

/// Writes a large, realistic, reproducible RSS 2.0 feed: school news in English and French,
/// escaped HTML descriptions, CDATA `content:encoded` with figures, Media RSS, entities.
struct FeedCorpus {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    private static let english = """
        the students our school grade class team concert science fair library week field trip families \
        volunteers thank you everyone practice season tournament coach music art project reading club \
        parents council lunch menu spring winter assembly award congratulations photo gallery community
        """.split(separator: " ").map(String.init)
    private static let french = """
        les élèves notre école année classe équipe concert fête de la science bibliothèque sortie \
        familles bénévoles merci à tous répétition saison tournoi entraîneur musique théâtre projet \
        lecture conseil dîner printemps hiver assemblée félicitations « photo » galerie communauté été
        """.split(separator: " ").map(String.init)
    private static let names = ["Maya Okafor", "Liam Tremblay", "Chloé Gagnon", "Noah Kaur", "Zoé Bélanger", "Arjun Singh"]

    mutating func rss(megabytes: Int) -> [UInt8] {
        let target = megabytes * 1_048_576
        var out = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel><title>Aspen Ridge School Division &#8211; News</title><link>https://aspenridge.example/</link>

            """.utf8)
        var number = 0
        while out.count < target {
            number += 1
            out += Array(item(number).utf8)
        }
        out += Array("</channel></rss>\n".utf8)
        return out
    }

    private mutating func item(_ number: Int) -> String {
        let french = random.next() % 4 == 0
        let title = sentence(words: 6, french: french)
        let paragraphs = (0..<3).map { _ in "<p>\(sentence(words: 40, french: french))</p>" }.joined()
        let name = Self.names[Int(random.next() % UInt64(Self.names.count))]
        let credit = random.next() % 3 == 0 ? " Photo © 2025 Prairie Sky Photography." : ""
        return """
            <item><title>\(title)</title><link>https://aspenridge.example/news/\(number)</link>
            <guid isPermaLink="false">news-\(number)</guid><pubDate>Thu, 15 May 2025 18:30:00 -0600</pubDate>
            <dc:creator>Office &amp; Staff</dc:creator>
            <description>&lt;p&gt;\(sentence(words: 25, french: french)) &amp;amp; more&lt;/p&gt;</description>
            <content:encoded><![CDATA[\(paragraphs)<figure><img src="/m/\(number).jpg" alt="\(name) \(sentence(words: 5, french: french))"><figcaption>\(sentence(words: 8, french: french))\(credit)</figcaption></figure><script>track(\(number))</script>]]></content:encoded>
            <media:content url="https://aspenridge.example/m/\(number).jpg" medium="image"><media:description>\(sentence(words: 12, french: french))</media:description></media:content>
            </item>

            """
    }

    private mutating func sentence(words: Int, french: Bool) -> String {
        let vocabulary = french ? Self.french : Self.english
        var result = ""
        for index in 0..<words {
            if index > 0 { result += " " }
            var word = vocabulary[Int(random.next() % UInt64(vocabulary.count))]
            if index == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
            result += word
        }
        return result + "."
    }
}
