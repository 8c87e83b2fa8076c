import Foundation

/// Paths in messages are shown relative to the working folder when they are inside it: shorter,
/// and clickable in terminals and editors.
enum DisplayPath {
    static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        return path.hasPrefix(cwd + "/") ? String(path.dropFirst(cwd.count + 1)) : path
    }

    /// `url` relative to `root`, `/`-separated: how files under Content/ and a theme are named.
    static func relative(_ url: URL, under root: URL) -> String {
        url.standardizedFileURL.pathComponents.dropFirst(root.standardizedFileURL.pathComponents.count).joined(separator: "/")
    }
}
