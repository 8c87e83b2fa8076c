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
