import Mustache

/// How `{{name}}` is escaped in every theme template: the same five entities as swift-mustache's own HTML
/// content type, found on bytes instead of Characters.
///
/// Why: swift-mustache 2.1.1 escapes Character by Character, hashing each one into a dictionary, which was
/// about a tenth of a full build's CPU time (every `{{name}}` of 12,000 pages). swift-mustache picks the
/// escaper through its content-type pragma, so `Theme` registers this one and starts each template with
/// `pragma`; a template that sets its own content type later still gets it.
///
/// The output is byte for byte swift-mustache's: `TemplateText` already gives every special its own
/// Character (`Escape.isolatingSpecials`), and nearly all text has no special at all and is returned as
/// it is after one scan of its bytes.
struct TemplateHTML: MustacheContentType {
    static let name = "VERDICT_HTML"

    /// A standalone line, so the parser drops it with its newline: lines of the template proper are
    /// numbered one higher, which `Theme` takes off again in diagnostics.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

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
