import Mustache

/// How `{{name}}` is escaped in every theme template: the five entities of swift-mustache's own HTML
/// content type, found on bytes and scalars instead of Characters.
///
/// Why: swift-mustache 2.1.1 escapes Character by Character, hashing each one into a dictionary, which was
/// about a tenth of a full build's CPU time (every `{{name}}` of 12,000 pages). And a special that shares
/// its Character with another scalar (`"` + U+0301, U+0600 + `"`) is not equal to the special, so it
/// went through unescaped and could end an attribute. Nearly all text has no special at all and is
/// returned as it is after one scan of its bytes.
///
/// swift-mustache picks an escaper by name through its content-type pragma, and a template starts with
/// its HTML escaper, not the registered one: `template(_:)` registers this one under `HTML` and puts the
/// pragma first. A template that sets `{{% CONTENT_TYPE: HTML }}` itself gets this one too; one that sets
/// `TEXT` gets no escaping from that line on.
struct TemplateHTML: MustacheContentType {
    static let name = "HTML"

    /// A standalone line, so the parser drops it with its newline: lines of the template proper are
    /// numbered one higher, which `Theme` takes off again in diagnostics.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Parses a theme template behind `pragma`. Registering again is harmless; it is what makes the
    /// name resolve in this process.
    static func template(_ source: String) throws -> MustacheTemplate {
        MustacheContentTypes.register(TemplateHTML(), named: name)
        return try MustacheTemplate(string: pragma + source)
    }

    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: Escape.isSpecial) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
