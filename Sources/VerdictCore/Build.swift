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
    public let warnings: [Diagnostic]

    public var summary: String {
        "Built \(pages) pages (\(reviews) reviews, \(snapshots) snapshots, \(files) files) in \(milliseconds) ms"
    }
}

/// The build, step by step: load → parse → assemble → render → write.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) async throws(BuildFailure) -> BuildReport {
        let clock = ContinuousClock.now
        try OutputFolder.validate(options.output, display: options.outputDisplay, content: options.content)

        let loaded = try await Loader.load(LoadOptions(content: options.content, displayPath: options.contentDisplay,
                                                        includeDrafts: options.includeDrafts))
        let parsed = await Parser.parse(loaded)
        let site = try Assembler.assemble(parsed)
        let theme = try await Theme.load(site.config.theme, content: options.content, themes: options.themes)
        let files = try await SiteWriter.write(site: site, theme: theme, to: options.output)

        let elapsed = ContinuousClock.now - clock
        return BuildReport(pages: site.routes.count, files: files, reviews: site.reviews.count, snapshots: site.snapshots.count,
                           milliseconds: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000),
                           warnings: site.warnings)
    }

    /// Everything up to rendering, without writing: what `verdict check` and the preview server reuse.
    public static func assemble(content: URL, contentDisplay: String? = nil, includeDrafts: Bool = false) async throws(BuildFailure) -> Site {
        let loaded = try await Loader.load(LoadOptions(content: content, displayPath: contentDisplay, includeDrafts: includeDrafts))
        return try Assembler.assemble(await Parser.parse(loaded))
    }
}
