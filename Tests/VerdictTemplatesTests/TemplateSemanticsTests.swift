import Testing
import VerdictTemplates

/// The behaviour Verdict's themes rely on, as swift-mustache 2.1.1 rendered it.
@Suite struct TemplateSemanticsTests {
    func render(_ template: String, _ value: TemplateValue, partials: [String: String] = [:]) throws -> String {
        try TemplateLibrary(templates: partials.merging(["t": template]) { $1 }).render("t", value)
    }

    @Test func emptyTextZeroAndEmptyObjectsAreTruthy() throws {
        let value: TemplateValue = ["e": "", "z": 0, "o": [:], "f": false, "n": nil, "l": []]
        #expect(try render("{{#e}}e{{/e}}{{#z}}z{{/z}}{{#o}}o{{/o}}{{#f}}f{{/f}}{{#n}}n{{/n}}{{#l}}l{{/l}}{{#missing}}m{{/missing}}", value) == "ezo")
        #expect(try render("{{^e}}e{{/e}}{{^z}}z{{/z}}{{^o}}o{{/o}}{{^f}}f{{/f}}{{^n}}n{{/n}}{{^l}}l{{/l}}{{^missing}}m{{/missing}}", value) == "fnlm")
    }

    @Test func valuesPrintAsSwiftMustachePrintedThem() throws {
        let value: TemplateValue = ["t": true, "f": false, "i": 42, "d": .number(0.5, text: "0.5"), "n": nil, "l": [1], "o": ["a": 1]]
        #expect(try render("{{t}} {{f}} {{i}} {{d}} [{{n}}{{l}}{{o}}]", value) == "true false 42 0.5 []")
    }

    @Test func namesClimbTheStackAndDottedNamesDoNot() throws {
        let value: TemplateValue = ["title": "outer", "page": ["title": "inner", "url": "/p"], "site": ["name": "S"]]
        #expect(try render("{{#page}}{{title}} {{site.name}} {{.title}}|{{.site.name}}|{{/page}}", value) == "inner S inner||")
        // `page.missing.x` stops at page: it does not look further out.
        #expect(try render("{{#page}}{{page.title}}[{{title.x}}]{{/page}}", value) == "inner[]")
        // A field present as null stops the search.
        #expect(try render("{{#inner}}[{{title}}]{{/inner}}", ["title": "outer", "inner": ["title": nil]]) == "[]")
    }

    @Test func theCurrentValueAndTextSections() throws {
        #expect(try render("{{#url}}<a href=\"{{.}}\">{{url}}</a>{{/url}}", ["url": "/a&b"]) == "<a href=\"/a&amp;b\">/a&amp;b</a>")
        #expect(try render("{{#xs}}{{.}},{{/xs}}", ["xs": ["a", 1, true]]) == "a,1,true,")
    }

    @Test func firstAndLastMarkTheEndsOfAList() throws {
        let template = "{{#xs}}{{#first()}}<ul>{{/first()}}<li>{{.}}</li>{{#last()}}</ul>{{/last()}}{{/xs}}"
        #expect(try render(template, ["xs": ["a", "b", "c"]]) == "<ul><li>a</li><li>b</li><li>c</li></ul>")
        #expect(try render(template, ["xs": ["a"]]) == "<ul><li>a</li></ul>")
        #expect(try render(template, ["xs": []]) == "")
        #expect(try render("{{#xs}}{{index()}}{{#even()}}e{{/even()}}{{^first()}}!{{/first()}} {{/xs}}", ["xs": [1, 2, 3]]) == "0e 1! 2e! ")
    }

    @Test func thePositionBelongsToTheInnermostListOnly() throws {
        // A section over an object, a partial or a block starts without a position, as in swift-mustache.
        let value: TemplateValue = ["xs": [["o": ["a": 1]]]]
        #expect(try render("{{#xs}}{{#first()}}A{{/first()}}{{#o}}{{#first()}}B{{/first()}}{{/o}}{{>p}}{{/xs}}", value,
                           partials: ["p": "{{#first()}}C{{/first()}}{{^first()}}c{{/first()}}"]) == "Ac")
        // A `true` section keeps it.
        #expect(try render("{{#xs}}{{#on}}{{#last()}}L{{/last()}}{{/on}}{{/xs}}", ["xs": [["on": true]]]) == "L")
    }

    @Test func valueHelpers() throws {
        let value: TemplateValue = ["xs": ["b", "a", "c"], "o": ["k": 1, "j": 2], "s": "Hello", "n": 4, "e": []]
        #expect(try render("{{count(xs)}} {{count(o)}} {{first(xs)}} {{last(xs)}} {{#sorted(xs)}}{{.}}{{/sorted(xs)}} {{#reversed(xs)}}{{.}}{{/reversed(xs)}}", value)
            == "3 2 b c abc cab")
        #expect(try render("{{#empty(e)}}none{{/empty(e)}}{{^empty(xs)}} some{{/empty(xs)}}", value) == "none some")
        #expect(try render("{{uppercased(s)}} {{lowercased(s)}} {{plusone(n)}} {{minusone(n)}} {{#even(n)}}even{{/even(n)}} {{count(reversed(xs))}}", value)
            == "HELLO hello 5 3 even 3")
        #expect(try render("{{#enumerated(o)}}{{key}}={{value}};{{/enumerated(o)}}", value) == "j=2;k=1;")
        // A helper that does not apply gives nothing.
        #expect(try render("[{{count(n)}}{{plusone(s)}}{{first()}}]", value) == "[]")
    }

    @Test func partialsAndParentsIndentAsSwiftMustacheDid() throws {
        let partials = ["tags": "<ul>{{#tags}}<li>{{.}}</li>{{/tags}}</ul>\n", "item": "<article>\n  {{>tags}}\n  <div>{{{body}}}</div>\n</article>\n",
                        "layout": "<main>\n{{$main}}{{/main}}\n</main>\n"]
        let page = "{{<layout}}\n{{$main}}\n{{#items}}\n  {{>item}}\n{{/items}}\n{{/main}}\n{{/layout}}\n"
        let value: TemplateValue = ["items": [["tags": ["a"], "body": .html("<p>x</p>\n<p>y</p>")]]]
        let output = try render(page, value, partials: partials)
        #expect(output
            == "<main>\n  <article>\n    <ul><li>a</li></ul>\n    <div><p>x</p>\n<p>y</p></div>\n  </article>\n\n</main>\n", "\(output.debugDescription)")
    }

    @Test func tagsRecordWhetherTheirNamesResolved() throws {
        let library = try TemplateLibrary(templates: ["t": "{{title}}\n{{titel}}{{#never}}{{inside}}{{/never}}"])
        #expect(library.tags.map(\.name) == ["title", "titel", "never", "inside"])
        #expect(library.tags.map { [$0.line, $0.column] } == [[1, 1], [2, 1], [2, 10], [2, 20]])
        var usage = TemplateTagUsage(tagCount: library.tags.count)
        var buffer: [UInt8] = []
        try library.render("t", ["title": "T"], into: &buffer, recording: &usage)
        // `inside` never ran, so it is not reported; `never` and `titel` resolved to nothing.
        #expect(usage.unresolved == [1, 2])
        var other = TemplateTagUsage(tagCount: library.tags.count)
        try library.render("t", ["titel": "x", "never": true], into: &buffer, recording: &other)
        usage.formUnion(other)
        #expect(usage.unresolved == [3])
    }

    @Test func rendersConcurrentlyFromManyTasks() async throws {
        let library = try TemplateLibrary(templates: ["t": "{{#xs}}<{{.}}>{{/xs}}", "p": "{{>t}}!"])
        let results = await withTaskGroup(of: Bool.self) { group in
            for task in 0..<64 {
                group.addTask {
                    let items = (0..<50).map { TemplateValue.int($0 + task) }
                    guard let page = try? library.render("p", ["xs": .list(items)]) else { return false }
                    return page == (0..<50).map { "<\($0 + task)>" }.joined() + "!"
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }
}
