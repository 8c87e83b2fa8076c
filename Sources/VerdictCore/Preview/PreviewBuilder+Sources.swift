import Foundation
import VerdictMarkdown

/// How `PreviewBuilder` reads one input file: each mirrors the `Loader` and `Parser` functions for its
/// kind of file, and returns what it read last time when the file did not change.
extension PreviewBuilder {
    /// A file as last read: its stamp, so an unchanged file is not read again, and a fingerprint of its
    /// bytes, so a file touched but not changed is not parsed again.
    struct Seen: Sendable, Equatable {
        let stamp: InputStamp?
        let bytes: Fingerprint?
    }

    /// One input file as last decoded and parsed. A class: the cache is copied into every build's
    /// bookkeeping, and a big site has thousands.
    final class Cached<Value: Sendable>: Sendable {
        let seen: Seen
        /// The site path a page was parsed for (pages only).
        let path: String?
        let changedAt: Int
        let diagnostics: [Diagnostic]
        let value: Value?

        init(seen: Seen, path: String? = nil, changedAt: Int, diagnostics: [Diagnostic], value: Value?) {
            (self.seen, self.path, self.changedAt, self.diagnostics, self.value) = (seen, path, changedAt, diagnostics, value)
        }

        /// The same result, for a file whose stamp changed but whose bytes did not.
        func seen(as seen: Seen) -> Cached { Cached(seen: seen, path: path, changedAt: changedAt, diagnostics: diagnostics, value: value) }
    }

    typealias CachedReview = Cached<Review>
    typealias CachedSnapshot = Cached<Snapshot>
    typealias CachedPage = Cached<Page>

    /// `Loader.decodeReview` and `ReviewParser.parse`, skipped when the file is the one seen last time.
    static func review(_ entry: ContentTree.Entry, cached: CachedReview?, markdown: MarkdownOptions?, build: Int) -> CachedReview {
        let slug = Loader.reviewSlug(entry)
        guard Slug.isValid(slug) else {
            let diagnostic = Diagnostic(path: entry.displayPath,
                                        "review file name \"\(slug)\" is not a valid slug: use a-z, 0-9 and -, starting with a letter or digit (it becomes /models/<slug>/)")
            if let cached, cached.seen.bytes == nil, cached.diagnostics == [diagnostic] { return cached }
            return CachedReview(seen: Seen(stamp: nil, bytes: nil), changedAt: build, diagnostics: [diagnostic], value: nil)
        }
        return reread(entry, cached: cached, build: build) { file in
            let (source, diagnostics) = ReviewSource.decode(file, slug: slug)
            guard let source, let markdown else { return (diagnostics, nil) }
            return (diagnostics, ReviewParser.parse(source, markdown: markdown))
        }
    }

    static func snapshot(_ entry: ContentTree.Entry, cached: CachedSnapshot?, build: Int) -> CachedSnapshot {
        reread(entry, cached: cached, build: build) { file in
            let (snapshot, diagnostics) = SnapshotDecoder.decode(file)
            return (diagnostics, snapshot)
        }
    }

    /// `PageSource.decode` and `Page.parse` (at `path`, when the file name makes one).
    static func page(_ entry: ContentTree.Entry, path: String?, cached: CachedPage?, markdown: MarkdownOptions?, build: Int) -> CachedPage {
        reread(entry, path: path, cached: cached, build: build) { file in
            let (source, diagnostics) = PageSource.decode(file)
            guard let source, let path, let markdown else { return (diagnostics, nil) }
            return (diagnostics, Page.parse(source, path: path, markdown: markdown))
        }
    }

    /// The file again, unless its stamp is the one `cached` was read with; decoded again only when its
    /// bytes changed.
    private static func reread<Value>(_ entry: ContentTree.Entry, path: String? = nil, cached: Cached<Value>?, build: Int,
                                      decode: (SourceFile) -> ([Diagnostic], Value?)) -> Cached<Value> {
        let stamp = entry.stamp ?? InputStamp.of(entry.path)
        if let cached, stamp != nil, cached.seen.stamp == stamp, cached.path == path { return cached }
        switch readSource(entry) {
        case .success(let (data, file)):
            let seen = Seen(stamp: stamp?.isRecent == false ? stamp : nil, bytes: Fingerprint(data))
            if let cached, cached.seen.bytes == seen.bytes, cached.path == path { return cached.seen(as: seen) }
            let (diagnostics, value) = decode(file)
            return Cached(seen: seen, path: path, changedAt: build, diagnostics: diagnostics, value: value)
        case .failure(let diagnostic):
            return Cached(seen: Seen(stamp: nil, bytes: nil), path: path, changedAt: build, diagnostics: [diagnostic], value: nil)
        }
    }

    static func useCasePath(_ entry: ContentTree.Entry) -> String? {
        let slug = String(entry.relativePath.split(separator: "/").last!.dropLast(3))
        return Slug.isValid(slug) ? "/usecases/\(slug)/" : nil
    }

    /// `SourceFile.read`, keeping the bytes to compare with the next build.
    static func readSource(_ entry: ContentTree.Entry) -> Result<(Data, SourceFile), Diagnostic> {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: entry.path))
        } catch {
            return .failure(Diagnostic(path: entry.displayPath, "cannot read file: \(error.localizedDescription)"))
        }
        do throws(Diagnostic) {
            return .success((data, try SourceFile.decode(data, path: entry.displayPath, relativePath: entry.relativePath)))
        } catch {
            return .failure(error)
        }
    }
}
