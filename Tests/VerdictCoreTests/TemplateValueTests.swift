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
}
