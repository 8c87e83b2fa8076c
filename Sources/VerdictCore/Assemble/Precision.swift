import Foundation

/// How many decimals a metric shows on every page of one snapshot: tables, charts, scorecards, compare
/// pages, medians and prices alike, so a column never mixes 73.6 with 73.64 or 73.
extension Ranking {
    /// The fewest decimals that tell every two different values of the snapshot apart and print no
    /// non-zero value as zero, and at least three significant digits of the largest value (74.8, 640,
    /// 1.60), but never more decimals than the data itself has (a file that says 74 is not shown as 74.0).
    /// `values` are the measured values, in any order. Standard errors (`errors`) may ask for more: none may
    /// read as zero, up to the decimals they are written with, so `62.51 ± 0.02` is not `62.5 ± 0.0`.
    static func decimals(of values: [Double], errors: [Double] = []) -> Int {
        let errors = errors.filter { $0.isFinite && $0 > 0 }
        var decimals = decimals(of: values)
        let limit = errors.reduce(decimals) { max($0, DecimalText.writtenDecimals($1)) }
        let zero = { (d: Int) in DecimalText.fixed(0, decimals: d, keepZeros: true) }
        while decimals < limit, errors.contains(where: { DecimalText.fixed($0, decimals: decimals, keepZeros: true) == zero(decimals) }) {
            decimals += 1
        }
        return decimals
    }

    private static func decimals(of values: [Double]) -> Int {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return 0 }
        let own = finite.reduce(0) { max($0, DecimalText.writtenDecimals($1)) }
        let largest = finite.lazy.map(abs).max() ?? 0
        let readable = largest > 0 ? max(0, 2 - Int(log10(largest).rounded(.down))) : 0
        let sorted = finite.sorted()
        var decimals = min(own, readable)
        while decimals < own, !distinct(sorted, at: decimals) { decimals += 1 }
        return decimals
    }

    /// Whether different values stay different, and non-zero values non-zero, when rounded; `sorted`
    /// ascending, so neighbours suffice.
    private static func distinct(_ sorted: [Double], at decimals: Int) -> Bool {
        let zero = DecimalText.fixed(0, decimals: decimals, keepZeros: true)
        var previous: (value: Double, text: String)?
        for value in sorted {
            if let previous, previous.value == value { continue }
            let text = DecimalText.fixed(value, decimals: decimals, keepZeros: true)
            if value != 0, text == zero { return false }
            if let previous, previous.text == text { return false }
            previous = (value, text)
        }
        return true
    }
}
