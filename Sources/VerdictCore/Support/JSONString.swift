/// JSON string literals, written one way by everything Verdict writes as JSON: the data downloads, the
/// search index, JSON-LD inside pages, and the snapshots `verdict import` writes.
enum JSONString {
    /// `text` as a JSON string literal, escaped as JSONSerialization does. `scriptSafe` adds `<`, `>` and
    /// `&` as unicode escapes, so the JSON can sit inside `<script>`; snapshots people edit by hand keep
    /// them plain.
    static func literal(_ text: String, scriptSafe: Bool = false) -> String {
        // Nearly every string has nothing to escape: one scan of its bytes instead of a rebuild scalar by scalar.
        if !text.utf8.contains(where: { needsEscape($0, scriptSafe: scriptSafe) }) { return "\"" + text + "\"" }
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
            case "<" where scriptSafe, ">" where scriptSafe, "&" where scriptSafe,
                 "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func needsEscape(_ byte: UInt8, scriptSafe: Bool) -> Bool {
        switch byte {
        case 0x00...0x1F, UInt8(ascii: "\""), UInt8(ascii: "\\"): true
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): scriptSafe
        default: false
        }
    }
}
