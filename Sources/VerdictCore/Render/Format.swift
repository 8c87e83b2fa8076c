import Foundation
import VerdictTemplates

/// Number and movement formatting shared by every page, so a score reads the same everywhere.
enum Format {
    /// Up to two decimals for ordinary values, three significant digits for small ones; no locale.
    static func number(_ value: Double) -> String {
        fixed(value, decimals: decimals(value))
    }

    /// The most decimals `number` shows for `value` (trailing zeros are then dropped).
    static func decimals(_ value: Double) -> Int {
        let magnitude = abs(value)
        let decimals: Int
        if magnitude >= 100 || magnitude == 0 { decimals = magnitude.rounded() == magnitude ? 0 : 1 }
        else if magnitude >= 1 { decimals = 2 }
        else { decimals = max(2, Int((-log10(magnitude)).rounded(.down)) + 3) }
        return min(decimals, 8)
    }

    /// `value` rounded to `decimals` places, half away from zero, trailing zeros dropped. Rounds the
    /// shortest decimal form of the value (what the snapshot file says, such as `939.85`), so readers
    /// see 939.9 where binary rounding would print 939.8; no locale, and far cheaper than `String(format:)`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let written = value.description
        guard value.isFinite, !written.utf8.contains(UInt8(ascii: "e")) else {
            return String(format: "%.\(decimals)f", value)
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
        while end > integerEnd, digits[end - 1] == zero { end -= 1 }
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        out += digits[start..<integerEnd]
        if end > integerEnd {
            out.append(UInt8(ascii: "."))
            out += digits[integerEnd..<end]
        }
        return out == [UInt8(ascii: "-"), zero] ? "0" : String(decoding: out, as: UTF8.self)
    }

    static func value(_ value: Double?, unit: String) -> String {
        guard let value else { return "—" }
        return withUnit(Format.number(value), unit: unit)
    }

    /// `61.5 pts`, `$0.15/M` (a unit starting with `$` puts the sign first).
    static func withUnit(_ number: String, unit: String) -> String {
        if unit.isEmpty { return number }
        if unit.hasPrefix("$") { return "$" + number + unit.dropFirst() }
        return "\(number) \(unit)"
    }

    /// "3 of 500", or "—" without a rank. Table rows repeat it on every review page, and one ready
    /// string is one template lookup instead of five (the rank and count stay in the view for themes).
    static func rank(_ rank: Int?, of count: Int) -> String {
        rank.map { "\($0) of \(count)" } ?? "—"
    }

    /// "3", or "—" without a rank: a leaderboard cell, one lookup instead of four for 500 rows.
    static func rank(_ rank: Int?) -> String {
        rank.map(String.init) ?? "—"
    }

    /// A short label and a CSS-friendly class for a movement; `false` when there is none, so a nested
    /// Mustache section never falls back to a parent's movement.
    static func movement(_ movement: Movement?) -> TemplateValue {
        guard let movement else { return false }
        switch movement {
        case .new: return ["label": "new", "class": "new", "title": "Not in the previous snapshot"]
        case .unranked: return ["label": "–", "class": "same", "title": "Not ranked in both snapshots"]
        case .change(let delta) where delta > 0:
            return ["label": .text("▲ \(delta)"), "class": "up", "title": .text("Up \(delta) place\(delta == 1 ? "" : "s") since the previous snapshot")]
        case .change(let delta) where delta < 0:
            return ["label": .text("▼ \(-delta)"), "class": "down", "title": .text("Down \(-delta) place\(delta == -1 ? "" : "s") since the previous snapshot")]
        case .change:
            return ["label": "=", "class": "same", "title": "Same rank as in the previous snapshot"]
        }
    }
}
