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

    /// `value` rounded to `decimals` places, half away from zero, trailing zeros dropped (see `DecimalText`).
    static func fixed(_ value: Double, decimals: Int) -> String {
        DecimalText.fixed(value, decimals: decimals)
    }

    static func value(_ value: Double?, unit: String) -> String {
        guard let value else { return "—" }
        return withUnit(Format.number(value), unit: unit)
    }

    /// A value of a ranked metric with the decimals its snapshot decided for it (`Ranking.decimals`),
    /// trailing zeros kept, so every page shows one metric one way. The number alone for table cells,
    /// whose unit is in the column header.
    static func number(_ value: Double, decimals: Int) -> String {
        DecimalText.fixed(value, decimals: decimals, keepZeros: true)
    }

    static func value(_ value: Double?, unit: String, decimals: Int) -> String {
        guard let value else { return "—" }
        return withUnit(number(value, decimals: decimals), unit: unit)
    }

    /// A value on `ranking`'s metric, with its unit and the snapshot's decimals for it.
    static func value(_ value: Double?, on ranking: Ranking) -> String {
        Format.value(value, unit: ranking.metric.unit, decimals: ranking.decimals)
    }

    /// `65.2 ± 0.4` with the metric's decimals for both; an error that would read zero there keeps the
    /// digits that make it non-zero (`65.2 ± 0.04`), the value staying at the metric's decimals.
    static func number(_ value: Double, stderr: Double?, decimals: Int) -> String {
        let shown = number(value, decimals: decimals)
        guard let stderr else { return shown }
        var error = number(stderr, decimals: decimals)
        if stderr > 0, !error.contains(where: { $0 != "0" && $0 != "." }) {
            error = fixed(stderr, decimals: max(decimals, DecimalText.writtenDecimals(stderr)))
        }
        return shown + " ± " + error
    }

    /// `value(_:on:)` with the standard error beside the number, before the unit (`65.2 ± 0.4 %`).
    static func value(_ value: Double?, stderr: Double?, on ranking: Ranking) -> String {
        guard let value else { return "—" }
        return withUnit(number(value, stderr: stderr, decimals: ranking.decimals), unit: ranking.metric.unit)
    }

    /// `61.5 pts`, `$0.15/M` (a unit starting with `$` puts the sign first).
    static func withUnit(_ number: String, unit: String) -> String {
        if unit.isEmpty { return number }
        if unit.hasPrefix("$") { return "$" + number + unit.dropFirst() }
        return "\(number) \(unit)"
    }

    /// 1048576 → "1,048,576": token counts read at a glance; no locale.
    static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return number < 0 ? "-" + out : out
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
