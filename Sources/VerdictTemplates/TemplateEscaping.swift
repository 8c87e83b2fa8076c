/// Appends `text` with `&`, `<`, `>`, `"` and `'` replaced by the entities Verdict has always written
/// (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`).
///
/// Works on UTF-8 bytes: the five specials are ASCII and never part of a longer sequence, so a quote
/// followed by a combining mark (one Character, not equal to `"`) is still escaped. Text with no special
/// is copied in one piece.
func appendHTMLEscaped(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { bytes in
        var runStart = 0
        for index in 0..<bytes.count {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}

/// Appends `text` as it is.
func appendUTF8(_ text: String, to out: inout [UInt8]) {
    var text = text
    text.withUTF8 { out.append(contentsOf: $0) }
}
