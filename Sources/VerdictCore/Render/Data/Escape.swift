/// Escaping for the text formats Verdict writes by hand.
public enum Escape {
    /// XML and HTML text and attribute values: escapes the five specials (quotes too, so one function
    /// serves text and attributes) and drops the characters XML 1.0 forbids, which would make a whole
    /// feed or sitemap unparseable. Works on scalars, not Characters: a combining mark after `"` or `&`
    /// forms one Character with it, which a Character comparison would let through unescaped.
    public static func xml(_ text: String) -> String { markup(text, apostrophe: "&apos;") }

    /// `xml` with the apostrophe written as `&#39;`, as in inline SVG, where HTML parsers read it.
    static func markup(_ text: String, apostrophe: String) -> String {
        // Most text (numbers, ids, names) needs nothing: return it after one scan of its bytes instead
        // of rebuilding it. 0xEF may start U+FFFE or U+FFFF, so it takes the careful path too.
        let clean = text.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: false
            case 0x20...: true
            default: byte == 0x09 || byte == 0x0A || byte == 0x0D
            }
        }
        if clean { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += apostrophe
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// One of the five bytes HTML escaping replaces.
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "'")
    }

    /// A JSON string literal that is safe inside `<script>` (see `JSONString.literal`).
    static func scriptSafeJSON(_ text: String) -> String { JSONString.literal(text, scriptSafe: true) }

    /// A JSON object from members whose values are JSON already, in the order given.
    static func jsonObject(_ members: [(key: String, json: String)]) -> String {
        "{" + members.map { scriptSafeJSON($0.key) + ":" + $0.json }.joined(separator: ",") + "}"
    }

    /// One RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled.
    /// Scalars, not Characters: `"` with a combining mark after it is one Character, not equal to `"`.
    static func csv(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D })
        else { return field }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in field.unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append("\"") }
        }
        out.append("\"")
        return String(out)
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
