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
        var text = String(format: "%.\(min(decimals, 8))f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
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
