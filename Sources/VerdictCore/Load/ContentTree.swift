import Foundation

/// The files of `Content/`, sorted and sorted into their roles. Nothing is read yet.
struct ContentTree: Sendable {
    /// A class: `verdict serve` lists the folder on every rebuild and copies entries into its bookkeeping.
    final class Entry: Sendable {
        /// Absolute; kept as a string because a big site lists tens of thousands of entries on every
        /// `verdict serve` rebuild, and `URL` makes each one costly.
        let path: String
        var url: URL { URL(fileURLWithPath: path) }
        /// Relative to the content folder, `/`-separated.
        let relativePath: String
        /// As shown in diagnostics.
        let displayPath: String
        /// When the scan was asked for stamps (`verdict serve`), and the entry is a regular file.
        let stamp: InputStamp?

        init(path: String, relativePath: String, displayPath: String, stamp: InputStamp? = nil) {
            (self.path, self.relativePath, self.displayPath, self.stamp) = (path, relativePath, displayPath, stamp)
        }
    }

    var siteFile: Entry?
    var reviews: [Entry] = []
    var snapshots: [Entry] = []
    var useCases: [Entry] = []
    var pages: [Entry] = []
    var staticFiles: [Entry] = []

    /// Walks `root`, refusing symbolic links that lead outside it and ignoring hidden files
    /// (editor swap files, `.DS_Store`).
    static func scan(root: URL, displayRoot: String, stamping: Bool = false) -> (ContentTree, [Diagnostic]) {
        var tree = ContentTree()
        var problems = DiagnosticList()
        let fm = FileManager.default
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        let walked = root.standardizedFileURL.path
        guard let listing = FolderWalk.entries(under: walked, skippingHidden: true, stamping: stamping) else {
            return (tree, [Diagnostic(path: displayRoot, "cannot read the content folder")])
        }
        var entries: [Entry] = []
        let prefix = displayRoot.hasSuffix("/") ? displayRoot : displayRoot + "/"
        for item in listing {
            let relative = item.path
            let path = walked + "/" + relative
            let display = prefix + relative
            switch item.kind {
            case .folder:
                continue
            case .link:
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard target == rootPath || target.hasPrefix(rootPath + "/") else {
                    problems.error(display, "symbolic link points outside the content folder (to \(target)); copy the file in instead")
                    continue
                }
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
                    problems.error(display, "symbolic links to folders are not followed; use a real folder")
                    continue
                }
            case .file, .other:
                break
            }
            entries.append(Entry(path: path, relativePath: relative, displayPath: display, stamp: item.stamp))
        }
        for entry in entries { tree.classify(entry, problems: &problems) }
        return (tree, problems.items)
    }


    private mutating func classify(_ entry: Entry, problems: inout DiagnosticList) {
        // Substrings, not an array of strings: a big site classifies tens of thousands of paths.
        let path = entry.relativePath
        let depth = path.utf8.count { $0 == UInt8(ascii: "/") } + 1
        let top = path.utf8.firstIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? path[...]
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
        switch top {
        case SiteConfig.fileName where depth == 1:
            siteFile = entry
        case "reviews":
            if depth == 2, name.hasSuffix(".md") { reviews.append(entry) } else {
                problems.warning(entry.displayPath, "ignored: reviews are Markdown files directly in reviews/ (reviews/<slug>.md)")
            }
        case "benchmarks":
            if name.hasSuffix(".json") { snapshots.append(entry) } else {
                problems.warning(entry.displayPath, "ignored: benchmark snapshots are .json files")
            }
        case "usecases":
            if depth == 2, name.hasSuffix(".md") { useCases.append(entry) } else {
                problems.warning(entry.displayPath, "ignored: use-case intros are Markdown files directly in usecases/ (usecases/<slug>.md)")
            }
        case "pages":
            if name.hasSuffix(".md") { pages.append(entry) } else {
                problems.warning(entry.displayPath, "ignored: pages are Markdown files; put other files in static/")
            }
        case "static":
            staticFiles.append(entry)
        default:
            problems.warning(entry.displayPath, "ignored: not part of the content format (site.yml, reviews/, benchmarks/, usecases/, pages/, static/)")
        }
    }
}
