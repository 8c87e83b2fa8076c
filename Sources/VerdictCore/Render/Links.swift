/// Turns site paths into links that honour the baseURL path (`/models/x/` → `/desk/models/x/`).
struct Links: Sendable {
    let root: String
    let baseURL: String

    init(config: SiteConfig) {
        root = config.root
        baseURL = config.baseURL
    }

    /// Root-relative link for use inside the site.
    func url(_ path: String) -> String { root + path.dropFirst() }

    /// Absolute URL for canonical links, feeds and sitemaps.
    func absolute(_ path: String) -> String { baseURL + path.dropFirst() }

    func review(_ slug: String) -> String { url("/models/\(slug)/") }
    func useCase(_ slug: String) -> String { url("/usecases/\(slug)/") }
    func capability(_ slug: String) -> String { url("/capabilities/\(slug)/") }
    func snapshot(_ date: Day) -> String { url("/benchmarks/\(date)/") }
}
