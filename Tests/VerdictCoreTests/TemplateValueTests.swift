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

    /// swift-mustache escapes Character by Character, so a quote that shares its Character with a
    /// combining mark (after it) or a prepended mark (before it) used to end the attribute unescaped.
    @Test(arguments: [
        ("Q \"\u{301} onmouseover=alert(1)", "Q &quot;\u{200B}\u{301} onmouseover=alert(1)"),
        ("\u{600}\"x", "\u{600}\u{200B}&quot;x"),
        ("<\u{903}b>", "&lt;\u{200B}\u{903}b&gt;"),
        ("a&\u{200D}'\u{FE0F}", "a&amp;\u{200B}\u{200D}&#39;\u{200B}\u{FE0F}"),
        ("café & thé \"ok\" 😀", "café &amp; thé &quot;ok&quot; 😀"),
    ])
    func specialsSharingACharacterAreStillEscaped(_ text: String, _ expected: String) throws {
        let template = try MustacheTemplate(string: "<a title=\"{{t}}\">{{#list}}{{.}}{{/list}}")
        let html = template.render(TemplateNode(values: ["t": text, "list": [text]]))
        #expect(html == "<a title=\"\(expected)\">\(expected)")
    }

    @Test func markupKeysArePassedOnUntouched() throws {
        let markup = "<p title=\"\u{301}x\">\u{600}\"</p>"
        let template = try MustacheTemplate(string: "{{{html}}}|{{{introHTML}}}|{{{t}}}")
        let html = template.render(TemplateNode(values: ["html": markup, "introHTML": markup, "t": markup]))
        #expect(html == markup + "|" + markup + "|" + Escape.isolatingSpecials(markup))
        #expect(Escape.isolatingSpecials(markup) != markup)
    }
}
