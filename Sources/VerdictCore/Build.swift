import Foundation

public struct BuildOptions: Sendable {
    public var content: URL
    /// How the content folder is named in messages (as typed on the command line).
    public var contentDisplay: String
    public var output: URL
    public var outputDisplay: String
    public var includeDrafts: Bool
    /// Folder holding themes; by default `Themes/` next to the content folder (see `Theme.locate`).
    public var themes: URL?

    public init(content: URL, contentDisplay: String? = nil, output: URL, outputDisplay: String? = nil,
                includeDrafts: Bool = false, themes: URL? = nil) {
        self.content = content
        self.contentDisplay = contentDisplay ?? content.path
        self.output = output
        self.outputDisplay = outputDisplay ?? output.path
        self.includeDrafts = includeDrafts
        self.themes = themes
    }
}

public struct BuildReport: Sendable {
    public let pages: Int
    public let files: Int
    public let reviews: Int
    public let snapshots: Int
    public let milliseconds: Int
    /// Warnings (a successful build has no errors).
    public let diagnostics: [Diagnostic]
    /// Milliseconds spent in each step, in order (`verdict build --timings`).
    public let timings: [(step: String, milliseconds: Int)]

    public var summary: String {
        "Built \(pages) pages (\(reviews) reviews, \(snapshots) snapshots, \(files) files) in \(milliseconds) ms"
    }
}

/// The build, step by step: load → parse → assemble → check → render → write.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) async throws(BuildFailure) -> BuildReport {
        let clock = ContinuousClock.now
        try OutputFolder.validate(options.output, display: options.outputDisplay, content: options.content)

        let prepared = try await prepare(content: options.content, contentDisplay: options.contentDisplay,
                                         includeDrafts: options.includeDrafts, themes: options.themes)
        try prepared.diagnostics.failOnErrors()
        let writing = ContinuousClock.now
        let (files, renderDiagnostics) = try await SiteWriter.write(site: prepared.site, theme: prepared.theme,
                                                                    targets: prepared.targets, statics: prepared.statics,
                                                                    to: options.output)
        let site = prepared.site
        return BuildReport(pages: site.pageCount, files: files, reviews: site.reviews.count, snapshots: site.snapshots.count,
                           milliseconds: (ContinuousClock.now - clock).milliseconds,
                           diagnostics: (prepared.diagnostics + renderDiagnostics).sorted(),
                           timings: prepared.timings + [("render and write", (ContinuousClock.now - writing).milliseconds)])
    }

    /// A site ready to render: loaded, parsed, assembled, its theme loaded, and checked.
    public struct Prepared: Sendable {
        public let site: Site
        public let theme: Theme
        let targets: LinkTargets
        let statics: [StaticFile]
        public let diagnostics: [Diagnostic]
        var timings: [(step: String, milliseconds: Int)] = []
    }

    public static func prepare(content: URL, contentDisplay: String? = nil, includeDrafts: Bool = false,
                               themes: URL? = nil) async throws(BuildFailure) -> Prepared {
        var timings: [(step: String, milliseconds: Int)] = []
        var lap = ContinuousClock.now
        func step(_ name: String) {
            timings.append((name, (ContinuousClock.now - lap).milliseconds))
            lap = ContinuousClock.now
        }
        let loaded = try await Loader.load(LoadOptions(content: content, displayPath: contentDisplay, includeDrafts: includeDrafts))
        step("load")
        let parsed = await Parser.parse(loaded)
        step("parse")
        let site = Assembler.assemble(parsed)
        step("assemble")
        let theme = try await Theme.load(site.config, content: content, themes: themes)
        let (statics, staticProblems) = SiteWriter.staticFiles(site: site, theme: theme)
        let targets = LinkTargets(site: site, extraFiles: statics.map(\.outputPath))
        let diagnostics = Checker.check(site, targets: targets) + staticProblems
        step("theme and checks")
        return Prepared(site: site, theme: theme, targets: targets, statics: statics, diagnostics: diagnostics.sorted(),
                        timings: timings)
    }

    /// `verdict check`: everything `build` does except writing; every problem, in a stable order.
    public static func check(content: URL, contentDisplay: String? = nil, includeDrafts: Bool = false,
                             themes: URL? = nil) async -> [Diagnostic] {
        do {
            let prepared = try await prepare(content: content, contentDisplay: contentDisplay, includeDrafts: includeDrafts, themes: themes)
            let rendered = await SiteRenderer.render(site: prepared.site, theme: prepared.theme, targets: prepared.targets) { _, _ in }
            return (prepared.diagnostics + rendered).sorted()
        } catch {
            return error.diagnostics
        }
    }
}

extension [Diagnostic] {
    func failOnErrors() throws(BuildFailure) {
        if contains(where: { $0.severity == .error }) { throw BuildFailure(self) }
    }
}

extension Duration {
    var milliseconds: Int { Int(components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000) }
}
