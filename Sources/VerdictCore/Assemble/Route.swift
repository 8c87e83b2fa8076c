/// One output page: its site path and what it shows.
public struct Route: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case home
        /// `page` counts from 1; lists that grow with the site are split into pages.
        case models(page: Int)
        case review(Int)
        case useCases
        case useCase(Int, page: Int)
        case capabilities
        case capability(Int, page: Int)
        case benchmarks
        case leaderboard
        case snapshot(Int)
        case page(Int)
        case notFound
        case compare(Int)
        /// `/compare/`: every compare page.
        case compareIndex
        case changes
        /// `/data/`: the downloads and feeds.
        case data
        /// `/search/`: the search page; it reads `/search-index.json`.
        case search
        // Files that are not HTML pages.
        case atomFeed, jsonFeed, sitemap, robots, modelsAPI, leaderboardAPI, searchIndex
        case snapshotCSV(Int)

        /// Routes whose output covers a whole snapshot or every review: each costs as much as tens to
        /// hundreds of review pages.
        var coversSite: Bool {
            switch self {
            case .leaderboard, .snapshot, .snapshotCSV, .changes, .atomFeed, .jsonFeed, .sitemap, .modelsAPI, .leaderboardAPI,
                 .searchIndex: true
            default: false
            }
        }

        /// HTML pages get a template, a layout and a link check; the rest are data files.
        public var isPage: Bool {
            switch self {
            case .atomFeed, .jsonFeed, .sitemap, .robots, .modelsAPI, .leaderboardAPI, .searchIndex, .snapshotCSV: false
            default: true
            }
        }
    }

    /// Site path from the root, such as `/models/gpt-4-1-nano/`; `/404.html` for the error page.
    public let path: String
    public let kind: Kind

    /// The file this route is written to, relative to the output folder. Stored, not computed: the
    /// render results and the build cache key their tables by it, and one string shared by all of
    /// them saved about 9 MB of peak memory at 42,000 pages.
    public let file: String

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
        file = path.hasSuffix("/") ? String(path.dropFirst()) + "index.html" : String(path.dropFirst())
    }

    /// `/models/` page 1 is `/models/`, page 2 is `/models/page/2/`.
    static func paged(_ base: String, _ page: Int) -> String { page == 1 ? base : "\(base)page/\(page)/" }

    static func pageCount(_ count: Int, pageSize: Int) -> Int { max(1, (count + pageSize - 1) / pageSize) }
}
