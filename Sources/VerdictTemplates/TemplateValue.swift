/// The value tree a template is rendered against: a page's whole view model is one `TemplateValue`.
///
/// Why typed and not `[String: Any]`: every lookup is a dictionary read and a switch, with no dynamic
/// casts, and a view can only hold what a template can print.
public enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number and the text `{{x}}` prints for it (a JSON number prints as it was written).
    case number(Double, text: String)
    /// Plain text: `{{x}}` escapes it.
    case text(String)
    /// HTML that Verdict (or cmark) produced: `{{x}}` prints it as it is.
    case html(String)
    case list([TemplateValue])
    case object(TemplateObject)

    /// An integer, printed without a decimal point.
    public static func int(_ value: Int) -> TemplateValue { .number(Double(value), text: String(value)) }
}

/// A template object: fields looked up by name.
public struct TemplateObject: Sendable, Equatable {
    public var fields: [String: TemplateValue]

    public init(_ fields: [String: TemplateValue] = [:]) { self.fields = fields }

    public subscript(key: String) -> TemplateValue? {
        get { fields[key] }
        set { fields[key] = newValue }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
    public init(nilLiteral: ()) { self = .null }
}
