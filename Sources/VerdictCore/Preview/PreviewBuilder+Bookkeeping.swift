import Foundation
import Synchronization

extension PreviewBuilder {
    /// Decoded and parsed input files by path relative to the content folder.
    struct SourceCache: Sendable {
        var configBytes: Data?
        var configChangedAt = 0
        var reviews: [String: CachedReview] = [:]
        var snapshots: [String: CachedSnapshot] = [:]
        /// Use-case intros and free pages.
        var pages: [String: CachedPage] = [:]

        var keys: Set<String> { Set(reviews.keys).union(snapshots.keys).union(pages.keys) }
    }

    struct LastBuild: Sendable {
        let counter: Int
        let prepared: SiteBuilder.Prepared
        let themeStamp: FolderStamp
        let routeFiles: Set<String>
        let statics: [String: SourceStamp]
        let sources: Set<String>
        /// The site-wide checks, kept for a quick rebuild to reuse.
        let checks: Checker.Report
    }

    /// What changed since the last successful build.
    struct Changes: Sendable {
        let config: Bool
        let snapshots: Bool
        /// Reviews, pages or use-case intros changed, appeared or disappeared.
        let markdown: Bool
        /// Their paths relative to the content folder.
        let files: Set<String>

        /// Slugs of the changed review files, looked up once per review page.
        let reviewSlugs: Set<String>

        init(config: Bool, snapshots: Bool, markdown: Bool, files: Set<String>) {
            self.config = config
            self.snapshots = snapshots
            self.markdown = markdown
            self.files = files
            reviewSlugs = Set(files.filter { $0.hasPrefix("reviews/") && $0.hasSuffix(".md") }
                .map { String($0.dropFirst("reviews/".count).dropLast(".md".count)) })
        }

        /// True when `route` is made from one of the changed Markdown files.
        func affects(_ route: Route, in site: Site) -> Bool {
            switch route.kind {
            case .review(let index): reviewSlugs.contains(site.reviews[index].slug)
            case .page(let index): files.contains(where: { $0.hasPrefix("pages/") && Loader.pagePath($0) == site.pages[index].path })
            case .useCase(let index, _): files.contains("usecases/\(site.useCases[index].slug).md")
            default: false
            }
        }
    }

    struct Fingerprint: Equatable, Sendable {
        let hash: UInt64
        let count: Int
        /// Every byte, with the hash the build cache uses (`Data`'s own hash looks at only a prefix).
        init(_ data: Data) {
            hash = StableHash.of(data)
            count = data.count
        }
    }

    final class BuildCounter: Sendable {
        let value = Atomic<Int>(0)
    }

    /// Collects changed pages from the concurrent renderer.
    final class RenderSink: Sendable {
        let changed = Mutex<[(String, Data, Fingerprint)]>([])
    }

    /// A static file's path and `stat`. A stamp taken within two seconds of the file's last change is not
    /// trusted (`InputStamp.isRecent`): a second save in the same tick of the file system's clock, at the
    /// same size, would leave it as it was. Such a stamp, or none, matches nothing, so the file is read
    /// again; `copyStatics` still writes it only when its bytes changed.
    struct SourceStamp: Equatable, Sendable {
        let source: String
        let stamp: InputStamp?
        init(_ url: URL) {
            source = url.path
            stamp = InputStamp.of(url.resolvingSymlinksInPath().path).flatMap { $0.isRecent ? nil : $0 }
        }

        static func == (lhs: SourceStamp, rhs: SourceStamp) -> Bool {
            lhs.source == rhs.source && lhs.stamp != nil && lhs.stamp == rhs.stamp
        }
    }

    /// The bytes of a theme's files other than its static files (those are compared one by one, so a
    /// stylesheet edit only copies the stylesheet). Bytes, not stamps: templates are a few kilobytes, and
    /// a template saved twice within one clock tick at the same size keeps its stamp.
    struct FolderStamp: Equatable, Sendable {
        let files: [String: Fingerprint?]
        init(_ folder: URL) {
            var files: [String: Fingerprint?] = [:]
            let root = folder.standardizedFileURL.path
            for item in FolderWalk.entries(under: root) ?? [] where item.kind != .folder && !item.path.hasPrefix("static/") {
                let path = root + "/" + item.path
                files[path] = FileManager.default.contents(atPath: path).map(Fingerprint.init)
            }
            self.files = files
        }
    }
}
