import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import VerdictCore

/// Paths and helpers shared by the tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let themes = root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Themes")

    static func content(_ name: String) -> URL { root.appendingPathComponent("\(name)/Content") }

    private static let runPrefix = "verdict-tests-run-"

    /// This test process's temporary folders all live here, and it is removed when the process exits:
    /// the suite builds hundreds of sites, and left behind they filled /tmp by gigabytes a day. A run that
    /// crashed cannot remove its folder, so each run first removes those of processes no longer alive.
    static let runFolder: URL = {
        let fm = FileManager.default
        let base = fm.temporaryDirectory
        for name in (try? fm.contentsOfDirectory(atPath: base.path)) ?? [] where name.hasPrefix(runPrefix) {
            guard let pid = pid_t(name.dropFirst(runPrefix.count)), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? fm.removeItem(at: base.appendingPathComponent(name))
        }
        let folder = base.appendingPathComponent("\(runPrefix)\(getpid())")
        try? fm.createDirectory(at: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Fixtures.runFolder) }
        return folder
    }()

    /// A fresh, empty temporary folder that the test owns, inside `runFolder`.
    static func temporaryFolder(_ label: String = #function) throws -> URL {
        let safe = label.filter { $0.isLetter || $0.isNumber }
        let url = runFolder.appendingPathComponent("\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `files` (relative path → contents) under a new temporary content folder.
    static func site(_ files: [String: String], label: String = #function) throws -> URL {
        let root = try temporaryFolder(label).appendingPathComponent("Content")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static let siteYML = "title: Test\nbaseURL: https://example.org/\n"

    static func review(_ slug: String = "m", model: String = "m-1", extra: String = "", body: String = "## Verdict\n\nGood.\n") -> String {
        "---\ntitle: Model \(slug)\nmodel: \(model)\nvendor: V\nreviewed: 2026-01-01\n\(extra)---\n\(body)"
    }

    static func source(_ text: String, path: String = "Content/reviews/x.md") -> SourceFile {
        SourceFile(path: path, relativePath: "reviews/x.md", text: text)
    }

    /// Every file under `folder`, relative path → bytes.
    static func snapshot(of folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.standardizedFileURL.pathComponents.count
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            out[url.standardizedFileURL.pathComponents.dropFirst(base).joined(separator: "/")] = try Data(contentsOf: url)
        }
        return out
    }

    static func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }
}

extension ReviewSource {
    /// Decodes a review or fails the test with its diagnostics.
    static func decodeForTest(_ text: String, slug: String = "x") throws -> ReviewSource {
        let (review, diagnostics) = decode(Fixtures.source(text), slug: slug)
        guard let review else { throw BuildFailure(diagnostics) }
        return review
    }
}
