import Testing
import VerdictTemplates

@Suite struct EscapingTests {
    func render(_ template: String, _ value: TemplateValue) throws -> String {
        try TemplateLibrary(templates: ["t": template]).render("t", value)
    }

    @Test func doubleMustacheEscapesTheFiveSpecials() throws {
        #expect(try render("{{x}}", ["x": "a & b < c > d \" e ' f"]) == "a &amp; b &lt; c &gt; d &quot; e &#39; f")
    }

    @Test func aQuoteFollowedByACombiningMarkIsStillEscaped() throws {
        // `"` + U+0301 is one Character that is not equal to `"`; it must not end an attribute.
        #expect(try render("<a title=\"{{x}}\">", ["x": "\"\u{301} onmouseover='x'"])
            == "<a title=\"&quot;\u{301} onmouseover=&#39;x&#39;\">")
        #expect(try render("{{x}}", ["x": "\u{600}\"&\u{301}<"]) == "\u{600}&quot;&amp;\u{301}&lt;")
    }

    @Test func textWithNoSpecialIsCopiedAsItIs() throws {
        #expect(try render("[{{x}}]", ["x": "héllo wörld — ✓ 😀"]) == "[héllo wörld — ✓ 😀]")
    }

    @Test func tripleMustacheAndAmpersandDoNotEscape() throws {
        #expect(try render("{{{x}}}|{{& x}}", ["x": "<b>&'\"</b>"]) == "<b>&'\"</b>|<b>&'\"</b>")
    }

    @Test func htmlValuesAreNeverEscaped() throws {
        let value: TemplateValue = ["x": .html("<p class=\"a\">Tom &amp; Jerry</p>")]
        #expect(try render("{{x}}|{{{x}}}", value) == "<p class=\"a\">Tom &amp; Jerry</p>|<p class=\"a\">Tom &amp; Jerry</p>")
    }

    @Test func theContentTypePragmaTurnsEscapingOffForTheRestOfTheTemplate() throws {
        #expect(try render("{{x}}{{% CONTENT_TYPE: TEXT }}{{x}}", ["x": "<"]) == "&lt;<")
    }

    @Test func theByteBufferVariantAppends() throws {
        let library = try TemplateLibrary(templates: ["t": "<{{x}}>"])
        var buffer = Array("head:".utf8)
        try library.render("t", ["x": "&"], into: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "head:<&amp;>")
    }
}
