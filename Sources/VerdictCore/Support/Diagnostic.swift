/// One problem found in the input, located in the editor's source file.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public let path: String
    public let line: Int
    public let column: Int
    public let severity: Severity
    public let message: String

    public init(path: String, line: Int, column: Int = 1, severity: Severity = .error, _ message: String) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.message = message
    }

    /// `path:line: error: message`, the form compilers use so editors can jump to it.
    public var description: String { "\(path):\(line): \(severity.rawValue): \(message)" }

    /// `path:line:column: severity: message`, used by `verdict check`.
    public var detailedDescription: String { "\(path):\(line):\(column): \(severity.rawValue): \(message)" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.path, a.line, a.column, a.severity, a.message) < (b.path, b.line, b.column, b.severity, b.message)
    }
}

/// The build stopped because of these problems; every one of them is reported.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while a stage runs, so one run reports every problem.
struct DiagnosticList: Sendable {
    private(set) var items: [Diagnostic] = []

    mutating func error(_ path: String, _ line: Int, _ message: String) {
        items.append(Diagnostic(path: path, line: line, message))
    }

    mutating func warning(_ path: String, _ line: Int, _ message: String) {
        items.append(Diagnostic(path: path, line: line, severity: .warning, message))
    }

    mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    var hasErrors: Bool { items.contains { $0.severity == .error } }
}
