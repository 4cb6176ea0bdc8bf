import ScanParse
import ScanTestSupport
import Testing

@Suite("HTML to text")
struct HTMLTextTests {
    @Test(arguments: [
        ("<p>Fish &amp; chips &lt;3 &eacute;t&eacute; &#8212; &#x1F3C6;</p>", "Fish & chips <3 été — 🏆"),
        ("<p>One</p><p>Two</p><ul><li>a</li><li>b</li></ul>", "One\nTwo\na\nb"),
        ("Line one<br>Line two", "Line one\nLine two"),
        ("<b>bold</b> and <i>italic</i>   text\n\n spaced", "bold and italic text spaced"),
        ("<p>Visible</p><script>var hidden = 1;</script><style>p{}</style><noscript>no</noscript><template>t</template>", "Visible"),
        ("no&nbsp;break&nbsp;space", "no break space"),
        ("Double &amp;amp; escaped", "Double &amp; escaped"),
        ("<div><p>unclosed <b>bold<p>next", "unclosed bold\nnext"),
        ("", ""),
        ("plain text, no markup", "plain text, no markup"),
    ])
    func bodyText(markup: String, expected: String) {
        #expect(HTMLText.extract(fromMarkup: markup).body == expected)
    }

    /// White space is folded the same whatever the text's length and alignment: the folding
    /// copies eight bytes at a time where it can, and must agree with the plain rule (split on
    /// white space, join with one space) at every position.
    @Test func foldingAgreesWithThePlainRuleAtEveryAlignment() {
        var random = SplitMix64(seed: 27)
        let pieces = ["a", "é", "word", "©", "\u{A0}", " ", " ", " ", "  ", "\t", "\n", "\r\n", "\u{C}", "x y", "\u{1}"]
        let spaces: Set<Character> = [" ", "\t", "\n", "\r", "\r\n", "\u{C}", "\u{A0}"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let expected = text.split(whereSeparator: { spaces.contains($0) }).joined(separator: " ")
            #expect(HTMLText.extract(fromMarkup: text).body == expected, "\(Array(text.utf8))")
        }
    }

    @Test func imageAltAndCaptionsAreTheirOwnTexts() {
        let html = """
            <p>Gallery</p>
            <figure><img src="1.jpg" alt="  Two students   at the easel "><figcaption>Art <em>night</em> © 2024</figcaption></figure>
            <img src="2.jpg" alt=""><img src="3.jpg">
            """
        let text = HTMLText.extract(fromMarkup: html)
        #expect(text.body == "Gallery")
        #expect(text.imageAlts == ["Two students at the easel"])
        #expect(text.figcaptions == ["Art night © 2024"])
    }

    @Test func deepNestingIsWalkedWithoutRecursion() {
        let depth = 50_000
        let html = String(repeating: "<div>", count: depth) + "deep" + String(repeating: "</div>", count: depth)
        let text = HTMLText.extract(fromMarkup: html)
        #expect(text.body.isEmpty || text.body == "deep")
    }
}
