import Foundation
import Testing
import VerdictTemplates

/// Every case of the Mustache specification, read at test time from `../shared/mustache-spec/` beside
/// the package (the files are someone else's text, so they are not copied here). Without that folder
/// the test is skipped, so a clone elsewhere still passes.
@Suite struct MustacheSpecTests {
    struct Case: Sendable {
        let template: String
        let partials: [String: String]
        let data: TemplateValue
        let expected: String
    }

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/mustache-spec").standardizedFileURL

    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    /// Cases by "file: name", or nil when the folder is missing.
    static let cases: [String: Case]? = {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("sections.json").path) else { return nil }
        var cases: [String: Case] = [:]
        for file in files {
            guard let data = try? Data(contentsOf: folder.appendingPathComponent("\(file).json")),
                  case .object(let spec)? = try? TemplateValue(json: data),
                  case .list(let tests)? = spec["tests"] else { continue }
            for test in tests {
                guard case .object(let test) = test, case .text(let name)? = test["name"],
                      case .text(let template)? = test["template"], case .text(let expected)? = test["expected"] else { continue }
                var partials: [String: String] = [:]
                if case .object(let object)? = test["partials"] {
                    for (key, value) in object.fields { if case .text(let text) = value { partials[key] = text } }
                }
                var key = "\(file): \(name)"
                var copy = 1
                while cases[key] != nil {
                    copy += 1
                    key = "\(file): \(name) (\(copy))"
                }
                cases[key] = Case(template: template, partials: partials, data: test["data"] ?? .null, expected: expected)
            }
        }
        return cases
    }()

    static let names: [String] = cases.map { $0.keys.sorted() } ?? []

    /// Skipped, like the cases, when the folder is missing: a clone outside this setting still passes.
    @Test(.enabled(if: cases != nil, "the Mustache specification is not at ../shared/mustache-spec/: skipped"))
    func theSpecificationIsThere() {
        // Every case of the seven files was read (a name used twice is numbered, not lost).
        #expect(Self.names.count == 163)
    }

    @Test(.enabled(if: cases != nil, "the Mustache specification is not at ../shared/mustache-spec/: skipped"),
          arguments: names)
    func specCase(_ name: String) throws {
        let specCase = try #require(Self.cases?[name])
        let main = "\u{0}spec"
        // The specification renders an unknown partial as nothing; Verdict's default makes it an error.
        let library = try TemplateLibrary(templates: specCase.partials.merging([main: specCase.template]) { $1 },
                                          unknownPartials: .renderEmpty)
        #expect(try library.render(main, specCase.data) == specCase.expected)
    }
}
