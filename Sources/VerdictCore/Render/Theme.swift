import Foundation
import VerdictTemplates

/// A theme folder: Mustache templates (compiled once per build by VerdictTemplates) and static files.
public struct Theme: Sendable {
    public let name: String
    public let directory: URL
    let library: TemplateLibrary
    let staticFiles: [StaticFile]
    /// Template sources by name, kept to point diagnostics at the line that wrote a link.
    let sources: [String: String]

    /// Templates every theme must provide; one per kind of page.
    static let requiredTemplates = ["home", "models", "review", "usecases", "usecase", "capabilities", "capability",
                                    "benchmarks", "snapshot", "changes", "compare", "page", "404",
                                    "compare-index", "data", "search"]

    /// Looks for `Themes/<name>` next to the content folder, then in the working folder, then beside the
    /// `verdict` executable's checkout, so a site without its own Themes/ still builds with the default theme.
    static func locate(_ name: String, content: URL, themes: URL? = nil) -> URL? {
        if let themes { return themes.appendingPathComponent(name, isDirectory: true) }
        var candidates = [content.standardizedFileURL.deletingLastPathComponent(),
                          URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for _ in 0..<6 {
            executable = executable.deletingLastPathComponent()
            candidates.append(executable)
        }
        return candidates
            .map { $0.appendingPathComponent("Themes/\(name)", isDirectory: true) }
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("templates").path) }
    }

    static func load(_ config: SiteConfig, content: URL, themes: URL? = nil) async throws(BuildFailure) -> Theme {
        let name = config.theme
        guard let directory = locate(name, content: content, themes: themes),
              FileManager.default.fileExists(atPath: directory.appendingPathComponent("templates").path) else {
            throw BuildFailure([Diagnostic(path: config.sourcePath, line: config.themeLine,
                                           "theme \"\(name)\" not found: expected \(themes?.path ?? "Themes")/\(name)/templates/ (themes are looked up next to the content folder unless --themes is given)")])
        }
        let templates = directory.appendingPathComponent("templates")
        let sources = try templateSources(in: templates)
        let library = try parse(sources, in: templates)
        let missing = requiredTemplates.filter { sources[$0] == nil }
        if !missing.isEmpty {
            throw BuildFailure(missing.map {
                Diagnostic(path: templates.appendingPathComponent("\($0).mustache").path,
                           "theme \"\(name)\" has no template \"\($0)\"; copy it from Themes/default/templates/")
            })
        }
        return Theme(name: name, directory: directory, library: library, staticFiles: staticFiles(in: directory),
                     sources: sources)
    }

    /// The same templates with the static files listed again: `verdict serve` keeps parsed templates
    /// while their files are unchanged, but a new stylesheet must still be copied.
    func relistingStaticFiles() -> Theme {
        Theme(name: name, directory: directory, library: library, staticFiles: Theme.staticFiles(in: directory), sources: sources)
    }

    /// Every `.mustache` file under `templates`, by its path without the extension (`partials/item`):
    /// the name `{{>partials/item}}` uses.
    private static func templateSources(in templates: URL) throws(BuildFailure) -> [String: String] {
        var sources: [String: String] = [:]
        var unreadable: [Diagnostic] = []
        let enumerator = FileManager.default.enumerator(at: templates, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "mustache" else { continue }
            let name = DisplayPath.relative(url, under: templates).dropLast(".mustache".count)
            if let text = try? String(contentsOf: url, encoding: .utf8) {
                sources[String(name)] = text
            } else {
                unreadable.append(Diagnostic(path: DisplayPath.of(url), "cannot read template: it is not UTF-8 text"))
            }
        }
        if !unreadable.isEmpty { throw BuildFailure(unreadable.sorted()) }
        return sources
    }

    /// The name tags of every template (`TemplateTagUsage` refers to them by position).
    var tags: [TemplateTag] { library.tags }

    /// Compiles every template, reporting every template that fails, not only the first.
    private static func parse(_ sources: [String: String], in templates: URL) throws(BuildFailure) -> TemplateLibrary {
        do {
            return try TemplateLibrary(templates: sources)
        } catch {
            throw BuildFailure(error.errors.map { error in
                Diagnostic(path: DisplayPath.of(templates.appendingPathComponent("\(error.template).mustache")),
                           line: error.line, column: error.column, "template error: \(error.message)")
            })
        }
    }

    /// The template file and line most likely to have written `literal`: the page's own template first,
    /// then the layout and partials, by name.
    func origin(of literal: String, renderedBy template: String) -> (path: String, line: Int) {
        let names = [template] + sources.keys.filter { $0 != template }.sorted()
        for name in names {
            guard let text = sources[name], let range = text.range(of: literal) else { continue }
            return (templatePath(name), 1 + text[..<range.lowerBound].count { $0 == "\n" })
        }
        return (templatePath(template), 1)
    }

    private static func staticFiles(in directory: URL) -> [StaticFile] {
        let root = directory.appendingPathComponent("static")
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var files: [StaticFile] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let relative = DisplayPath.relative(url, under: root)
            files.append(StaticFile(source: url, displayPath: DisplayPath.of(url), outputPath: relative))
        }
        return files.sorted { $0.outputPath < $1.outputPath }
    }

    func templatePath(_ template: String) -> String {
        DisplayPath.of(directory.appendingPathComponent("templates/\(template).mustache"))
    }

    /// A page's HTML, as UTF-8 bytes.
    func render(_ value: TemplateValue, template: String) throws(Diagnostic) -> [UInt8] {
        var bytes: [UInt8] = []
        try render(value, template: template, into: &bytes)
        return bytes
    }

    func render(_ value: TemplateValue, template: String, into bytes: inout [UInt8]) throws(Diagnostic) {
        do {
            try library.render(template, value, into: &bytes)
        } catch {
            throw Diagnostic(path: templatePath(template), line: 1, "template \"\(template)\" cannot be rendered in theme \"\(name)\": \(error)")
        }
    }

    /// `render`, noting which name tags were evaluated and which found a value (`verdict check`'s theme lint).
    func render(_ value: TemplateValue, template: String, into bytes: inout [UInt8],
                recording usage: inout TemplateTagUsage) throws(Diagnostic) {
        do {
            try library.render(template, value, into: &bytes, recording: &usage)
        } catch {
            throw Diagnostic(path: templatePath(template), line: 1, "template \"\(template)\" cannot be rendered in theme \"\(name)\": \(error)")
        }
    }
}
