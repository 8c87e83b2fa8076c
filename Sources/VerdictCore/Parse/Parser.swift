import VerdictMarkdown

/// The site after Markdown parsing: reviews split into sections and items, pages rendered.
public struct ParsedSite: Sendable {
    public let config: SiteConfig
    public let reviews: [Review]
    public let snapshots: [Snapshot]
    public let useCaseIntros: [String: Page]
    public let pages: [Page]
    public let staticFiles: [StaticFile]
    public let diagnostics: [Diagnostic]
    /// Slugs of review files left out for errors (see `ReviewStandIn`).
    public let unloadedReviews: [String]
}

enum Parser {
    /// What `Loader.load` runs on each review as it is read.
    static func reviewParser(for config: SiteConfig) -> @Sendable (ReviewSource) -> Review {
        let markdown = markdownOptions(for: config)
        return { ReviewParser.parse($0, markdown: markdown) }
    }

    /// Reviews were parsed while loading (`reviewParser`); the pages and use-case intros are parsed here.
    static func parse(_ site: LoadedSite<Review>) async -> ParsedSite {
        let markdown = markdownOptions(for: site.config)
        async let pages = site.pages.map { Pair(path: $0.path, source: $0.source) }
            .concurrentMap { Page.parse($0.source, path: $0.path, markdown: markdown) }
        var intros: [String: Page] = [:]
        for (slug, source) in site.useCaseIntros {
            intros[slug] = Page.parse(source, path: "/usecases/\(slug)/", markdown: markdown)
        }
        return ParsedSite(config: site.config, reviews: site.reviews, snapshots: site.snapshots, useCaseIntros: intros,
                          pages: await pages, staticFiles: site.staticFiles, diagnostics: site.diagnostics,
                          unloadedReviews: site.unloadedReviews)
    }

    private struct Pair: Sendable {
        let path: String
        let source: PageSource
    }

    /// Root-relative links in Markdown get the baseURL path, so `/models/x/` works under `/desk/` too.
    static func markdownOptions(for config: SiteConfig) -> MarkdownOptions {
        let root = config.root
        return MarkdownOptions(
            unsafeHTML: config.unsafeHTML,
            rewriteURL: { url in
                guard root != "/", url.hasPrefix("/"), !url.hasPrefix("//") else { return url }
                return root + url.dropFirst()
            },
            leadInLength: { Tags.leadIn($0).length })
    }
}
