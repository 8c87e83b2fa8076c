import Mustache
import Testing
@testable import VerdictCore

/// `TemplateNode` must be invisible to themes: each template renders the same bytes from the wrapped view
/// as from the plain dictionary swift-mustache would otherwise get.
@Suite struct TemplateValueTests {
    /// A view with each kind of value the views hold. A function: `[String: Any]` is not Sendable.
    static func view() -> [String: Any] { [
        "title": "Fish & <Chips> \"quoted\" 'single'",
        "empty": "",
        "count": 3,
        "ready": true,
        "off": false,
        "tags": ["zeta", "alpha", "mu"],
        "rows": [["name": "a", "value": 1], ["name": "b", "value": 2]] as [[String: Any]],
        "mixed": [["name": "x"], ["name": "y"]] as [Any],
        "review": ["vendor": "V", "date": ["iso": "2026-01-02"]] as [String: Any],
        "missing": String?.none as Any,
        "present": String?.some("here") as Any,
    ] }

    static let templates = [
        "{{title}}|{{{title}}}|{{&title}}",
        "{{#title}}[{{.}}]{{count}}{{/title}}{{^title}}none{{/title}}",
        "{{#empty}}[{{.}}]{{/empty}}{{^empty}}no{{/empty}}",
        "{{#ready}}yes{{/ready}}{{#off}}no{{/off}}{{^off}}not off{{/off}}",
        "{{#tags}}{{.}},{{/tags}}|{{#sorted(tags)}}{{.}},{{/sorted(tags)}}|{{#reversed(tags)}}{{.}}{{/reversed(tags)}}",
        "{{count(tags)}} {{first(tags)}} {{last(tags)}} {{#empty(tags)}}e{{/empty(tags)}}",
        "{{#rows}}{{name}}={{value}}{{^last()}};{{/last()}}{{#first()}}!{{/first()}} {{title}}{{/rows}}",
        "{{#mixed}}{{name}}{{/mixed}}",
        "{{review.vendor}} {{review.date.iso}} {{#review}}{{vendor}}{{date.iso}}{{title}}{{/review}}",
        "{{uppercased(review.vendor)}} {{lowercased(title)}} {{capitalized(empty)}} {{reversed(review.vendor)}}",
        "{{count(review)}} {{plusone(count)}} {{#even(count)}}even{{/even(count)}}{{#odd(count)}}odd{{/odd(count)}}",
        "{{#review}}{{#date}}{{iso}}/{{vendor}}/{{count}}{{/date}}{{/review}}",
        "{{missing}}|{{present}}|{{#present}}{{.}}{{/present}}|{{nothing}}{{#nothing}}x{{/nothing}}{{^nothing}}y{{/nothing}}",
    ]

    @Test(arguments: templates)
    func wrappedViewRendersLikeThePlainDictionary(_ source: String) throws {
        let template = try MustacheTemplate(string: source)
        let plain = template.render(Self.view())
        let wrapped = template.render(TemplateNode(values: Self.view()))
        #expect(wrapped == plain)
        #expect(!plain.isEmpty)
    }

    @Test func stringsAreStillEscapedInDoubleBraces() throws {
        let template = try MustacheTemplate(string: "{{title}}")
        #expect(template.render(TemplateNode(values: Self.view())) == "Fish &amp; &lt;Chips&gt; &quot;quoted&quot; &#39;single&#39;")
    }

    /// swift-mustache's own escaping compares Characters, so a quote that shares its Character with a
    /// combining mark (after it) or a prepended mark (before it) ended the attribute unescaped. Theme
    /// templates escape scalar by scalar (`TemplateHTML`).
    @Test(arguments: [
        ("Q \"\u{301} onmouseover=alert(1)", "Q &quot;\u{301} onmouseover=alert(1)"),
        ("\u{600}\"x", "\u{600}&quot;x"),
        ("<\u{903}b>", "&lt;\u{903}b&gt;"),
        ("a&\u{200D}'\u{FE0F}", "a&amp;\u{200D}&#39;\u{FE0F}"),
        ("café & thé \"ok\" 😀", "café &amp; thé &quot;ok&quot; 😀"),
    ])
    func specialsSharingACharacterAreStillEscaped(_ text: String, _ expected: String) throws {
        let template = try TemplateHTML.template("<a title=\"{{t}}\">{{#list}}{{.}}{{/list}}{{#node}}{{t}}{{/node}}")
        let html = template.render(TemplateNode(values: ["t": text, "list": [text], "node": ["t": text]]))
        #expect(html == "<a title=\"\(expected)\">\(expected)\(expected)")
    }

    @Test func tripleBracesPassTextOnUntouched() throws {
        let markup = "<p title=\"\u{301}x\">\u{600}\"</p>"
        let template = try TemplateHTML.template("{{{html}}}|{{&t}}|{{t}}")
        let html = template.render(TemplateNode(values: ["html": markup, "t": markup]))
        #expect(html == markup + "|" + markup + "|&lt;p title=&quot;\u{301}x&quot;&gt;\u{600}&quot;&lt;/p&gt;")
    }
}
