import Foundation

/// `verdict new`: starts a review or a free page from a template, the way `hugo new` does, so an editor
/// never has to copy an existing review (and its model id) to begin.
public enum Scaffold {
    /// What was written.
    public struct Created: Sendable {
        /// As shown to the editor: the content folder as given, then the file's path in it.
        public let path: String
        /// Facts worth knowing about the new file (printed as notes).
        public let notes: [String]
    }

    /// Writes `<content>/reviews/<slug>.md` as a draft dated `today`. Title, vendor and tier come from
    /// the options, else from the newest snapshot holding the model, else from the slug. Refuses a bad
    /// slug, an existing file and a model another review already covers; nothing is written then.
    public static func review(slug: String, model: String?, title: String?, vendor: String?,
                              content: URL, contentDisplay: String, today: Day) throws(Diagnostic) -> Created {
        let display = Self.display(contentDisplay, "reviews/\(slug).md")
        guard Slug.isValid(slug) else {
            throw Diagnostic(path: display, "\"\(slug)\" is not a valid slug: use a-z, 0-9 and -, starting with a letter or digit (it becomes the address /models/<slug>/), for example \(Slug.make(from: slug))")
        }
        try requireContentFolder(content, display: contentDisplay)
        let file = content.appendingPathComponent("reviews/\(slug).md")
        try refuseExisting(file, display: display)
        let model = model.map { String($0.trimmingSpaces()) } ?? slug
        guard !model.isEmpty else { throw Diagnostic(path: display, "--model must not be empty") }
        if let other = reviewPath(of: model, in: content, contentDisplay: contentDisplay) {
            throw Diagnostic(path: display, "model \"\(model)\" is already reviewed in \(other); one review per model (edit that file, or pass another --model)")
        }
        let snapshots = snapshots(in: content)
        let benchmarked = snapshots.reversed().lazy.compactMap { $0.results.first { $0.model == model } }.first
        var notes: [String] = []
        if benchmarked == nil {
            var note = "model \"\(model)\" is in no benchmark snapshot yet"
            let known = Set(snapshots.flatMap { $0.results.map(\.model) })
            if let near = Suggest.nearestModel(to: model, in: known) { note += "; did you mean \"\(near)\"?" }
            notes.append(note)
        }
        let template = ReviewTemplate(title: title ?? benchmarked?.name ?? Self.title(fromSlug: slug),
                                      model: model, vendor: vendor ?? benchmarked?.vendor ?? "Vendor",
                                      tier: benchmarked?.tier, reviewed: today)
        try write(template.text, to: file, display: display)
        return Created(path: display, notes: notes)
    }

    /// Writes `<content>/pages/<path>.md`. `path` is the page's place in the site, `benchmarks/notes`
    /// for `/benchmarks/notes/` (a leading or trailing `/` and a `.md` are accepted).
    public static func page(path: String, title: String?, content: URL, contentDisplay: String) throws(Diagnostic) -> Created {
        var relative = Substring(path)
        while relative.hasPrefix("/") { relative = relative.dropFirst() }
        while relative.hasSuffix("/") { relative = relative.dropLast() }
        if relative.hasSuffix(".md") { relative = relative.dropLast(3) }
        let display = Self.display(contentDisplay, "pages/\(relative).md")
        guard !relative.isEmpty, let sitePath = Loader.pagePath("pages/\(relative).md") else {
            throw Diagnostic(path: display, "page path \"\(path)\" must be slugs (a-z, 0-9 and -) joined by /, like benchmarks/notes")
        }
        if let clash = generatedClash(sitePath) {
            throw Diagnostic(path: display, "page path \(sitePath) \(clash); choose another path")
        }
        try requireContentFolder(content, display: contentDisplay)
        let file = content.appendingPathComponent("pages/\(relative).md")
        try refuseExisting(file, display: display)
        let last = relative.split(separator: "/").last.map(String.init) ?? String(relative)
        try write(PageTemplate(title: title ?? Self.title(fromSlug: last)).text, to: file, display: display)
        return Created(path: display, notes: [])
    }

    /// `gpt-4-1-nano` → `Gpt 4 1 Nano`: a start the editor will correct.
    static func title(fromSlug slug: String) -> String {
        slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    private static func display(_ content: String, _ relative: String) -> String {
        (content.hasSuffix("/") ? content : content + "/") + relative
    }

    /// Why Verdict's own pages leave no room for a free page at `sitePath`, or nil.
    static func generatedClash(_ sitePath: String) -> String? {
        let fixed: Set = ["/", "/models/", "/usecases/", "/capabilities/", "/benchmarks/", "/benchmarks/leaderboard/",
                          "/benchmarks/changes/", "/compare/", "/api/"]
        if fixed.contains(sitePath) { return "is a page Verdict generates" }
        for prefix in ["/models/", "/usecases/", "/capabilities/", "/compare/", "/api/"] where sitePath.hasPrefix(prefix) {
            return "is inside \(prefix), where Verdict generates the pages"
        }
        let parts = sitePath.split(separator: "/")
        if parts.count == 2, parts[0] == "benchmarks", Day(String(parts[1])) != nil { return "is the page of a snapshot date" }
        return nil
    }

    private static func requireContentFolder(_ content: URL, display: String) throws(Diagnostic) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: content.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(path: display, "content folder not found; run from your site's folder or pass --content <folder>")
        }
    }

    private static func refuseExisting(_ file: URL, display: String) throws(Diagnostic) {
        // lstat: a dangling symbolic link is a file too.
        var status = stat()
        if lstat(file.path, &status) == 0 {
            throw Diagnostic(path: display, "already exists; edit it, or choose another name (nothing was written)")
        }
    }

    /// Created exclusively (O_EXCL): a file that appeared in the meantime is never overwritten.
    private static func write(_ text: String, to file: URL, display: String) throws(Diagnostic) {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw Diagnostic(path: display, "cannot create its folder: \(error.localizedDescription)")
        }
        let descriptor = open(file.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "already exists; edit it, or choose another name (nothing was written)" : "cannot create the file: \(String(cString: strerror(errno)))"
            throw Diagnostic(path: display, reason)
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else {
            unlink(file.path)
            throw Diagnostic(path: display, "cannot write the file (disk full?)")
        }
    }

    /// The review file (as shown) whose front matter names `model`, if any. Files that do not decode are
    /// skipped: `verdict check` reports them.
    private static func reviewPath(of model: String, in content: URL, contentDisplay: String) -> String? {
        let folder = content.appendingPathComponent("reviews")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
        for name in names {
            let path = display(contentDisplay, "reviews/\(name)")
            guard let file = try? SourceFile.read(url: folder.appendingPathComponent(name), path: path, relativePath: "reviews/\(name)"),
                  let split = try? FrontMatterSplit.split(file), let yaml = split.yaml,
                  var fields = try? YAMLFields(yaml: yaml, path: path, firstLine: split.yamlLine) else { continue }
            if fields.string("model") == model { return path }
        }
        return nil
    }

    private static func snapshots(in content: URL) -> [Snapshot] {
        let folder = content.appendingPathComponent("benchmarks")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }
        return names.compactMap { name in
            guard let file = try? SourceFile.read(url: folder.appendingPathComponent(name), path: name, relativePath: "benchmarks/\(name)") else { return nil }
            return SnapshotDecoder.decode(file).0
        }.sorted { $0.date < $1.date }
    }
}

extension Day {
    /// The editor's calendar date now (local time zone): what `verdict new` writes as `reviewed`.
    public static func today() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        let text = String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
        return Day(text)!
    }
}
