import Foundation

/// Numbers as decimal text, worked on the shortest form of a value (what the snapshot file says, such as
/// `939.85`) rather than its binary expansion. Shared by the ranking, which decides how many decimals a
/// metric shows, and by the pages, which print them, so both round the same way.
enum DecimalText {
    /// How many decimals the value's shortest form has: `73.6` → 1, `560.0` → 0, `1e-05` → 5; at most `limit`.
    static func writtenDecimals(_ value: Double, limit: Int = 9) -> Int {
        guard value.isFinite else { return 0 }
        let written = value.description
        var mantissa = Substring(written)
        var exponent = 0
        if let e = written.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = written[..<e]
            exponent = Int(written[written.index(after: e)...]) ?? 0
        }
        var fraction = mantissa.firstIndex(of: ".").map { mantissa[mantissa.index(after: $0)...] } ?? ""
        while fraction.last == "0" { fraction.removeLast() }
        return min(limit, max(0, fraction.count - exponent))
    }

    /// `value` rounded to `decimals` places, half away from zero; no locale, and far cheaper than
    /// `String(format:)`. Trailing zeros are dropped unless `keepZeros`, which a column of one metric
    /// needs so that 73.0 stands beside 73.6.
    static func fixed(_ value: Double, decimals: Int, keepZeros: Bool = false) -> String {
        let written = value.description
        guard value.isFinite, !written.utf8.contains(UInt8(ascii: "e")) else {
            let text = String(format: "%.\(decimals)f", value)
            return keepZeros ? text : trimmed(text)
        }
        // ASCII digits of the shortest form, worked on as bytes: this runs for every cell of every table.
        let zero = UInt8(ascii: "0")
        var bytes = Array(written.utf8)
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        let dot = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        let fraction = bytes[min(dot + 1, bytes.count)...]
        var digits = Array(bytes[..<dot])
        digits += fraction.prefix(decimals)
        digits += repeatElement(zero, count: max(0, decimals - fraction.count))
        if fraction.count > decimals, fraction[fraction.startIndex + decimals] >= UInt8(ascii: "5") {
            var index = digits.count - 1
            while index >= 0 {
                if digits[index] == UInt8(ascii: "9") { digits[index] = zero; index -= 1 } else { digits[index] += 1; break }
            }
            if index < 0 { digits.insert(UInt8(ascii: "1"), at: 0) }
        }
        let integerEnd = digits.count - decimals
        var start = 0
        while start < integerEnd - 1, digits[start] == zero { start += 1 }
        var end = digits.count
        if !keepZeros { while end > integerEnd, digits[end - 1] == zero { end -= 1 } }
        // A value that rounds to zero has no sign: "-0.0" would read as a measurement below zero.
        let isZero = !digits[start..<end].contains { $0 != zero }
        var out: [UInt8] = negative && !isZero ? [UInt8(ascii: "-")] : []
        out += digits[start..<integerEnd]
        if end > integerEnd {
            out.append(UInt8(ascii: "."))
            out += digits[integerEnd..<end]
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var out = Substring(text)
        while out.last == "0" { out.removeLast() }
        if out.last == "." { out.removeLast() }
        return out == "-0" ? "0" : String(out)
    }
}
