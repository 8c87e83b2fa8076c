/// Escaping for the text formats Verdict writes by hand.
public enum Escape {
    /// XML and HTML text and attribute values.
    public static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A JSON string literal, escaped as JSONSerialization does, plus `<`, `>` and `&` as unicode escapes
    /// so the JSON is safe inside `<script>`.
    static func scriptSafeJSON(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A JSON object from members whose values are JSON already, in the order given.
    static func jsonObject(_ members: [(key: String, json: String)]) -> String {
        "{" + members.map { scriptSafeJSON($0.key) + ":" + $0.json }.joined(separator: ",") + "}"
    }

    /// One RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled.
    static func csv(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// RFC 3339 timestamp for a day, as feeds require a time: midnight UTC, never the build time.
    static func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }
}

extension Movement {
    /// `new`, `+2`, `-1`, `0`, or empty: the form used in CSV and JSON downloads.
    var dataLabel: String {
        switch self {
        case .new: "new"
        case .unranked: ""
        case .change(let delta): delta > 0 ? "+\(delta)" : "\(delta)"
        }
    }
}
