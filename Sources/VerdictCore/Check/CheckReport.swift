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

    /// Under `--strict` warnings count as errors, and are reported as such.
    public var effective: [Diagnostic] {
        guard strict else { return diagnostics }
        return diagnostics.map { Diagnostic(path: $0.path, line: $0.line, column: $0.column, severity: .error, $0.message) }
    }

    /// 0 clean, 1 errors (or warnings under --strict).
    public var exitStatus: Int32 {
        effective.contains { $0.severity == .error } ? 1 : 0
    }

    public func render(_ format: Format, limit: Int = 500) -> String {
        let shown = effective.prefix(limit)
        switch format {
        case .text:
            var lines = shown.map(\.detailedDescription)
            if effective.count > limit { lines.append("… and \(effective.count - limit) more") }
            let errors = effective.count { $0.severity == .error }
            let warnings = effective.count - errors
            lines.append(effective.isEmpty ? "No problems found." : "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            return lines.joined(separator: "\n")
        case .json:
            let objects = effective.map { diagnostic -> [String: Any] in
                ["file": diagnostic.path, "line": diagnostic.line, "column": diagnostic.column,
                 "severity": diagnostic.severity.rawValue, "message": diagnostic.message]
            }
            let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("[]".utf8)
            return String(decoding: data, as: UTF8.self)
        }
    }
}
