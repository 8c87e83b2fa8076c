import Foundation

/// The outcome of `verdict check`, formatted for people or for CI annotations.
public struct CheckReport: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json }

    public let diagnostics: [Diagnostic]
    public let strict: Bool

    public init(diagnostics: [Diagnostic], strict: Bool) {
        self.diagnostics = diagnostics.sorted()
        self.strict = strict
    }

    /// Under `--strict` warnings count as errors, and are reported as such; notes stay notes.
    public var effective: [Diagnostic] {
        guard strict else { return diagnostics }
        return diagnostics.map { $0.severity == .warning ? $0.with(severity: .error) : $0 }
    }

    /// 0 clean, 1 errors (or warnings under --strict).
    public var exitStatus: Int32 {
        effective.contains { $0.severity == .error } ? 1 : 0
    }

    public func render(_ format: Format, limit: Int = 500) -> String {
        let shown = effective.prefix(limit)
        switch format {
        case .text:
            var lines = shown.map(\.description)
            if effective.count > limit { lines.append("… and \(effective.count - limit) more") }
            lines.append(effective.isEmpty ? "No problems found." : Self.tally(effective))
            return lines.joined(separator: "\n")
        case .json:
            // A problem of a whole file or folder has `null` for its line and column.
            let objects = effective.map { diagnostic -> [String: Any] in
                ["file": diagnostic.path, "line": diagnostic.line ?? NSNull(), "column": diagnostic.column ?? NSNull(),
                 "severity": diagnostic.severity.rawValue, "message": diagnostic.message]
            }
            let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// `2 errors, 1 warning` (notes only when there are some, as they never fail anything).
    static func tally(_ diagnostics: [Diagnostic]) -> String {
        func count(_ severity: Diagnostic.Severity, _ noun: String) -> String {
            let n = diagnostics.count { $0.severity == severity }
            return "\(n) \(noun)\(n == 1 ? "" : "s")"
        }
        let notes = diagnostics.contains { $0.severity == .note } ? ", " + count(.note, "note") : ""
        return count(.error, "error") + ", " + count(.warning, "warning") + notes
    }
}
