import Foundation

/// Number and movement formatting shared by every page, so a score reads the same everywhere.
enum Format {
    /// Up to two decimals for ordinary values, three significant digits for small ones; no locale.
    static func number(_ value: Double) -> String {
        let magnitude = abs(value)
        let decimals: Int
        if magnitude >= 100 || magnitude == 0 { decimals = magnitude.rounded() == magnitude ? 0 : 1 }
        else if magnitude >= 1 { decimals = 2 }
        else { decimals = max(2, Int((-log10(magnitude)).rounded(.down)) + 3) }
        return fixed(value, decimals: min(decimals, 8))
    }

    /// `value` rounded to `decimals` places, half away from zero, trailing zeros dropped. Rounds the
    /// shortest decimal form of the value (what the snapshot file says, such as `939.85`), so readers
    /// see 939.9 where binary rounding would print 939.8; no locale, and far cheaper than `String(format:)`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let written = value.description
        guard value.isFinite, !written.contains("e") else {
            return String(format: "%.\(decimals)f", value)
        }
        let negative = written.hasPrefix("-")
        let unsigned = negative ? written.dropFirst() : written[...]
        let dot = unsigned.firstIndex(of: ".") ?? unsigned.endIndex
        var digits = Array(unsigned[..<dot].utf8).map { Int($0) - 48 }
        let fraction = dot < unsigned.endIndex ? Array(unsigned[unsigned.index(after: dot)...].utf8).map { Int($0) - 48 } : []
        digits += fraction.prefix(decimals)
        digits += Array(repeating: 0, count: max(0, decimals - fraction.count))
        if fraction.count > decimals, fraction[decimals] >= 5 {
            var index = digits.count - 1
            while index >= 0 {
                if digits[index] == 9 { digits[index] = 0; index -= 1 } else { digits[index] += 1; break }
            }
            if index < 0 { digits.insert(1, at: 0) }
        }
        let split = digits.count - decimals
        var integer = String(digits[..<split].map { Character(Unicode.Scalar(UInt8($0 + 48))) })
        while integer.count > 1, integer.hasPrefix("0") { integer.removeFirst() }
        var decimalsText = String(digits[split...].map { Character(Unicode.Scalar(UInt8($0 + 48))) })
        while decimalsText.hasSuffix("0") { decimalsText.removeLast() }
        let body = decimalsText.isEmpty ? integer : integer + "." + decimalsText
        return negative && body != "0" ? "-" + body : body
    }

    static func value(_ value: Double?, unit: String) -> String {
        guard let value else { return "—" }
        let number = Format.number(value)
        if unit.isEmpty { return number }
        if unit.hasPrefix("$") { return "$" + number + unit.dropFirst() }
        return "\(number) \(unit)"
    }

    /// A short label and a CSS-friendly class for a movement; `false` when there is none, so a nested
    /// Mustache section never falls back to a parent's movement.
    static func movement(_ movement: Movement?) -> Any {
        guard let movement else { return false }
        switch movement {
        case .new: return ["label": "new", "class": "new", "title": "Not in the previous snapshot"]
        case .unranked: return ["label": "–", "class": "same", "title": "Not ranked in both snapshots"]
        case .change(let delta) where delta > 0:
            return ["label": "▲ \(delta)", "class": "up", "title": "Up \(delta) place\(delta == 1 ? "" : "s") since the previous snapshot"]
        case .change(let delta) where delta < 0:
            return ["label": "▼ \(-delta)", "class": "down", "title": "Down \(-delta) place\(delta == -1 ? "" : "s") since the previous snapshot"]
        case .change:
            return ["label": "=", "class": "same", "title": "Same rank as in the previous snapshot"]
        }
    }
}
