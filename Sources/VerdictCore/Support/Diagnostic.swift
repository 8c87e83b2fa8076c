/// One problem found in the input, located in the editor's source file.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// `error` fails the build; `warning` is printed and fails `verdict check --strict`; `note` is
    /// printed and never fails anything (a fact about the site worth knowing, such as a review written
    /// before its model's first benchmark).
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public let path: String
    /// Nil for problems of a whole file or folder (a missing file, a file name that is not a slug).
    public let line: Int?
    /// Nil exactly when `line` is.
    public let column: Int?
    public let severity: Severity
    public let message: String

    public init(path: String, line: Int, column: Int = 1, severity: Severity = .error, _ message: String) {
        self.path = path
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.severity = severity
        self.message = message
    }

    /// A problem with the file or folder at `path` as a whole, not with a line in it.
    public init(path: String, severity: Severity = .error, _ message: String) {
        self.path = path
        self.line = nil
        self.column = nil
        self.severity = severity
        self.message = message
    }

    /// The same place with another severity (`verdict check --strict` turns warnings into errors) or message.
    func with(severity: Severity? = nil, message: String? = nil) -> Diagnostic {
        let severity = severity ?? self.severity, message = message ?? self.message
        guard let line else { return Diagnostic(path: path, severity: severity, message) }
        return Diagnostic(path: path, line: line, column: column ?? 1, severity: severity, message)
    }

    /// `path:line:column: severity: message`, the form compilers use so editors can jump to it;
    /// `path: severity: message` when no line is to blame.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// `path:line:column`, or the path alone.
    public var location: String {
        guard let line else { return path }
        return "\(path):\(line):\(column ?? 1)"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.path, a.line ?? 0, a.column ?? 0, a.severity, a.message) < (b.path, b.line ?? 0, b.column ?? 0, b.severity, b.message)
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

    mutating func note(_ path: String, _ line: Int, _ message: String) {
        items.append(Diagnostic(path: path, line: line, severity: .note, message))
    }

    /// A problem of the file or folder as a whole.
    mutating func error(_ path: String, _ message: String) {
        items.append(Diagnostic(path: path, message))
    }

    mutating func warning(_ path: String, _ message: String) {
        items.append(Diagnostic(path: path, severity: .warning, message))
    }

    mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    var hasErrors: Bool { items.contains { $0.severity == .error } }
}
