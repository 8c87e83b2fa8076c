import Foundation

/// Decides whether a folder may be used as the output. A build removes every file in it that it did
/// not produce, so the checks are strict: a wrong `--output` must never delete someone's files.
enum OutputFolder {
    /// Written into every built site so later builds know the folder is Verdict's to update.
    static let marker = ".verdict-output"
    /// Files a fresh repository keeps in an empty output folder; they survive builds.
    static let placeholders: Set<String> = [".gitkeep", ".keep", ".gitignore"]

    static func validate(_ output: URL, display: String, content: URL) throws(BuildFailure) {
        let fm = FileManager.default
        let target = output.standardizedFileURL.resolvingSymlinksInPath().path
        let contentPath = content.standardizedFileURL.resolvingSymlinksInPath().path
        let home = fm.homeDirectoryForCurrentUser.standardizedFileURL.resolvingSymlinksInPath().path
        func refuse(_ reason: String) throws(BuildFailure) {
            throw BuildFailure([Diagnostic(path: display, "refusing to use this output folder: \(reason)")])
        }
        if target == "/" || target.isEmpty { try refuse("it is the root of the file system") }
        if target == home { try refuse("it is your home folder") }
        if target == contentPath { try refuse("it is the content folder") }
        if contentPath.hasPrefix(target + "/") { try refuse("it contains the content folder") }
        if target.hasPrefix(contentPath + "/") { try refuse("it is inside the content folder") }
        let cwd = fm.currentDirectoryPath
        if target == URL(fileURLWithPath: cwd).standardizedFileURL.resolvingSymlinksInPath().path {
            try refuse("it is the current folder")
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        if !isDirectory.boolValue { try refuse("it is a file, not a folder") }
        let entries = (try? fm.contentsOfDirectory(atPath: target)) ?? []
        if entries.contains(marker) { return }
        let others = entries.filter { !placeholders.contains($0) }
        if !others.isEmpty {
            try refuse("it is not empty and was not made by Verdict (no \(marker) file); choose an empty or new folder, or delete it first")
        }
    }
}
