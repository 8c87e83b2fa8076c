/// One problem in one template's source: where it is and what is wrong.
public struct TemplateSyntaxError: Error, Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The template's name, as given to `TemplateLibrary(templates:)`.
    public let template: String
    /// 1-based line of the tag at fault.
    public let line: Int
    /// 1-based column (in Characters) of the tag's opening delimiter.
    public let column: Int
    public let message: String

    public init(template: String, line: Int, column: Int, message: String) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(template):\(line):\(column): \(message)" }

    public static func < (lhs: TemplateSyntaxError, rhs: TemplateSyntaxError) -> Bool {
        (lhs.template, lhs.line, lhs.column, lhs.message) < (rhs.template, rhs.line, rhs.column, rhs.message)
    }
}

/// Every syntax error of every template in a library, sorted by template, line and column: a theme with
/// three broken templates reports all three in one run.
public struct TemplateLibraryError: Error, Sendable, Equatable, CustomStringConvertible {
    public let errors: [TemplateSyntaxError]

    public init(_ errors: [TemplateSyntaxError]) { self.errors = errors.sorted() }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

/// A render asked for a template the library does not have.
public struct TemplateNotFound: Error, Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public init(name: String) { self.name = name }
    public var description: String { "no template named \"\(name)\"" }
}

/// JSON text that `TemplateValue(json:)` cannot read, with the 1-based line and column of the fault.
public struct TemplateJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
    public var description: String { "\(line):\(column): \(message)" }
}

/// 1-based line and column (in Characters) of a byte offset in UTF-8 source, computed only when an error
/// needs them.
func sourceLocation(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    let end = min(offset, bytes.count)
    var line = 1
    var lineStart = 0
    for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
    }
    let prefix = String(decoding: bytes[lineStart..<end], as: UTF8.self)
    return (line, prefix.count + 1)
}
