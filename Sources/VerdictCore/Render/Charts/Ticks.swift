import Foundation

/// "Nice" tick values: 1, 2 or 5 × 10^k steps, computed from integers so that 0.6 prints as 0.6
/// and not 0.6000000000000001.
enum Ticks {
    /// A step of `factor × 10^power`, kept apart so tick values can be made from exact integers.
    struct Step: Equatable, Sendable {
        let factor: Int
        let power: Int

        var value: Double { Ticks.multiple(factor, power) }

        /// `index × step`, exact for decimal steps (division by a power of ten rounds once).
        func at(_ index: Int) -> Double { Ticks.multiple(index * factor, power) }
    }

    static func pow10(_ power: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(power) { result *= 10 }
        return power >= 0 ? result : 1 / result
    }

    static func multiple(_ integer: Int, _ power: Int) -> Double {
        power >= 0 ? Double(integer) * pow10(power) : Double(integer) / pow10(-power)
    }

    /// The step that gives about `count` intervals over `lower...upper` (d3's rule: the thresholds
    /// √50, √10, √2 pick whichever of 10, 5, 2, 1 lands closest).
    static func step(_ lower: Double, _ upper: Double, count: Int) -> Step? {
        let span = upper - lower
        guard span > 0, span.isFinite else { return nil }
        let raw = span / Double(max(1, count))
        var power = Int(floor(log10(raw)))
        let error = raw / pow10(power)
        var factor = error >= 50.squareRoot() ? 10 : error >= 10.squareRoot() ? 5 : error >= 2.squareRoot() ? 2 : 1
        if factor == 10 { factor = 1; power += 1 }
        return Step(factor: factor, power: power)
    }

    /// Whether tick indices fit an `Int`; absurd domains (1e300 wide at 1e-3 steps) get no ticks.
    static func indexable(_ lower: Double, _ upper: Double, _ step: Step) -> Bool {
        max(abs(lower), abs(upper)) / step.value < 1e15
    }

    /// Tolerance in units of the step: domains are often built from the same arithmetic.
    private static let slack = 1e-9

    static func linear(_ lower: Double, _ upper: Double, count: Int, integers: Bool = false) -> [Double] {
        guard lower.isFinite, upper.isFinite else { return [] }
        if lower == upper { return [lower] }
        guard var step = step(lower, upper, count: count), Ticks.indexable(lower, upper, step) else { return [] }
        if integers && step.power < 0 { step = Step(factor: 1, power: 0) }
        let first = Int(ceil(lower / step.value - slack)), last = Int(floor(upper / step.value + slack))
        guard first <= last else { return [] }
        return (first...last).map(step.at)
    }

    /// Widens `lower...upper` to whole steps, repeating because widening can change the step.
    static func nice(_ lower: Double, _ upper: Double, count: Int) -> ClosedRange<Double> {
        guard lower.isFinite, upper.isFinite else { return lower...upper }
        var lower = lower, upper = upper
        if lower == upper {
            let pad = lower == 0 ? 1 : abs(lower) / 2
            lower -= lower == 0 ? 0 : pad
            upper += pad
        }
        var previous: Step?
        for _ in 0..<10 {
            guard let step = step(lower, upper, count: count), step != previous, indexable(lower, upper, step) else { break }
            lower = step.at(Int(floor(lower / step.value + slack)))
            upper = step.at(Int(ceil(upper / step.value - slack)))
            previous = step
        }
        return lower...upper
    }

    /// 1, 2, 5 × 10^k values within the domain (with a little slack for rounding), ascending.
    static func oneTwoFive(_ lower: Double, _ upper: Double) -> [Double] {
        guard lower > 0, upper >= lower, upper.isFinite else { return [] }
        let low = Int(floor(log10(lower))) - 1, high = Int(ceil(log10(upper))) + 1
        var values: [Double] = []
        for power in low...high {
            for factor in [1, 2, 5] {
                let value = multiple(factor, power)
                if value >= lower * (1 - slack) && value <= upper * (1 + slack) { values.append(value) }
            }
        }
        return values
    }

    static func powersOfTen(_ lower: Double, _ upper: Double) -> [Double] {
        oneTwoFive(lower, upper).filter { isPowerOfTen($0) }
    }

    static func isPowerOfTen(_ value: Double) -> Bool {
        let power = Int(log10(value).rounded())
        return value == pow10(power)
    }

    /// Log ticks: every 1, 2, 5 while there are few decades (≤ 2 × count of them), otherwise powers
    /// of ten only, thinned if even those are too many. Inside one 1-2-5 interval there is nothing
    /// logarithmic to show, so linear ticks are used.
    static func log(_ lower: Double, _ upper: Double, count: Int) -> [Double] {
        let dense = oneTwoFive(lower, upper)
        if dense.count < 2 { return linear(lower, upper, count: count) }
        if dense.count <= 2 * max(1, count) { return dense }
        let powers = dense.filter(isPowerOfTen)
        guard powers.count > 2 * max(1, count) else { return powers }
        let stride = Int((Double(powers.count) / Double(max(1, count))).rounded(.up))
        return powers.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
    }

    /// Widens to 1-2-5 values, or to powers of ten when the ticks on the result are powers only,
    /// so that either way the axis starts and ends on a tick.
    static func niceLog(_ lower: Double, _ upper: Double, count: Int) -> ClosedRange<Double> {
        guard lower > 0, upper >= lower, upper.isFinite else { return lower...upper }
        let candidates = oneTwoFive(lower / 10, upper * 10)
        let low = candidates.last { $0 <= lower * (1 + slack) } ?? lower
        let high = candidates.first { $0 >= upper * (1 - slack) } ?? upper
        if low == high { return niceLog(low / 2, high * 2, count: count) }
        let ticks = log(low, high, count: count)
        if ticks.count >= 2 && ticks.allSatisfy(isPowerOfTen) && !(isPowerOfTen(low) && isPowerOfTen(high)) {
            return pow10(Int(floor(log10(low) + slack)))...pow10(Int(ceil(log10(high) - slack)))
        }
        return low...high
    }
}

/// Tick labels without locale: minimal decimals (0.5, 1, 2.5) and k/M/B from a thousand up
/// (1k, 1.5k, 2M), which keeps axis labels short at phone width.
enum TickFormat {
    static func label(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        let magnitude = abs(value)
        for (limit, suffix) in [(1e9, "B"), (1e6, "M"), (1e3, "k")] where magnitude >= limit {
            return plain(value / limit, maxDecimals: 2) + suffix
        }
        return plain(value, maxDecimals: 6)
    }

    static func plain(_ value: Double, maxDecimals: Int) -> String {
        var decimals = 0
        while decimals < maxDecimals {
            let scaled = value * Ticks.pow10(decimals)
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, abs(scaled)) { break }
            decimals += 1
        }
        let scaled = (value * Ticks.pow10(decimals)).rounded()
        guard abs(scaled) < 9e15 else { return String(Int64(value)) }
        let integer = Int64(scaled)
        if integer == 0 { return "0" }
        var digits = String(integer.magnitude)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return (integer < 0 ? "-" : "") + digits
    }
}
