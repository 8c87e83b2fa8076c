import Testing
import VerdictTemplates

@Suite struct TemplateErrorTests {
    func errors(_ templates: [String: String]) -> [TemplateSyntaxError] {
        do {
            _ = try TemplateLibrary(templates: templates)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func anUnclosedSectionIsReportedWhereItOpens() {
        let found = errors(["page": "<p>\n  {{#items}}\n  <li>{{name}}</li>\n"])
        #expect(found.count == 1)
        #expect(found.first?.template == "page")
        #expect(found.first?.line == 2)
        #expect(found.first?.column == 3)
        #expect(found.first?.message.contains("unclosed section") == true)
    }

    @Test func aMismatchedClosingTagIsReportedWhereItCloses() {
        let found = errors(["page": "{{#a}}\nx {{/b}}\n"])
        #expect(found.map { [$0.line, $0.column] } == [[2, 3]])
        #expect(found.first?.message.contains("does not match") == true)
    }

    @Test func unknownPartialsAndParentsAreAllReported() {
        let found = errors(["page": "{{>nav}}\n  {{<shell}}{{/shell}}", "other": "é {{>missing}}"])
        #expect(found.map(\.description) == [
            "other:1:3: unknown partial \"missing\": no template has that name",
            "page:1:1: unknown partial \"nav\": no template has that name",
            "page:2:3: unknown parent \"shell\": no template has that name",
        ])
    }

    @Test func unknownPartialsCanRenderEmptyAsTheSpecificationSays() throws {
        let library = try TemplateLibrary(templates: ["t": "[{{>nope}}]"], unknownPartials: .renderEmpty)
        #expect(try library.render("t", nil) == "[]")
    }

    @Test func badDelimiterChangesAreErrors() {
        for template in ["a\n{{=<% =}}", "{{=<%%>=}}", "{{= <% %> }}"] {
            let found = errors(["t": template])
            #expect(found.count == 1, "\(template)")
            #expect(found.first?.message.contains("bad delimiter change") == true, "\(template)")
        }
        #expect(errors(["t": "a\n{{=<% =}}"]).first.map { [$0.line, $0.column] } == [2, 1])
    }

    @Test func everyBrokenTemplateIsReportedInOneRun() {
        let found = errors(["a": "{{#x}}", "b": "{{/y}}", "c": "fine {{z}}", "d": "{{count(}}"])
        #expect(found.map(\.template) == ["a", "b", "d"])
    }

    @Test func unknownHelpersAndUnclosedTagsAreErrors() {
        #expect(errors(["t": "{{shout(name)}}"]).first?.message.contains("unknown helper") == true)
        #expect(errors(["t": "x {{name"]).first?.message.contains("unclosed tag") == true)
        #expect(errors(["t": "{{! never closed"]).first?.message.contains("unclosed comment") == true)
    }

    @Test func renderingAnUnknownTemplateThrows() throws {
        let library = try TemplateLibrary(templates: ["t": "x"])
        #expect(throws: TemplateNotFound(name: "page")) { try library.render("page", nil) }
    }

    @Test func aTemplateThatIncludesItselfForeverStopsWithAnError() throws {
        let library = try TemplateLibrary(templates: ["t": "a{{>t}}"])
        #expect(throws: TemplateRenderError.self) { try library.render("t", nil) }
    }
}
