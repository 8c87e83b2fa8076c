import Foundation

/// How many decimals a metric shows on every page of one snapshot: tables, charts, scorecards, compare
/// pages, medians and prices alike, so a column never mixes 73.6 with 73.64 or 73.
extension Ranking {
    /// The fewest decimals that still tell every two different values of the snapshot apart, and at least
    /// enough for three significant digits of the smallest non-zero value (so $0.15 is not shown as $0.2),
    /// but never more than the data itself has (a file that says 74 is not shown as 74.00).
    /// `values` are the measured values in ranking order, so equal values sit side by side.
    static func decimals(of values: [Double]) -> Int {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return 0 }
        let own = finite.reduce(0) { max($0, DecimalText.writtenDecimals($1)) }
        let smallest = finite.lazy.map(abs).filter { $0 > 0 }.min()
        let readable = smallest.map { max(0, 2 - Int(log10($0).rounded(.down))) } ?? 0
        let sorted = finite.sorted()
        var decimals = min(own, readable)
        while decimals < own, !distinct(sorted, at: decimals) { decimals += 1 }
        return decimals
    }

    /// Whether different values stay different when rounded; `sorted` ascending, so neighbours suffice.
    private static func distinct(_ sorted: [Double], at decimals: Int) -> Bool {
        var previous: (value: Double, text: String)?
        for value in sorted {
            if let previous, previous.value == value { continue }
            let text = DecimalText.fixed(value, decimals: decimals, keepZeros: true)
            if let previous, previous.text == text { return false }
            previous = (value, text)
        }
        return true
    }
}
