import Foundation

/// Maps data values to user-space coordinates. `reversed` puts the domain's lower end at the
/// range's upper end, which is what a y axis needs since SVG's y grows downwards.
///
/// Clamping policy: `callAsFunction` extrapolates linearly (in log space for `LogScale`) beyond
/// the domain, so a caller can see that a value falls outside; `clamped(_:)` pins to the range.
protocol ChartScale: Sendable {
    var domain: ClosedRange<Double> { get }
    var range: ClosedRange<Double> { get }
    var reversed: Bool { get }
    /// The position of `x` between the domain ends: 0 at the lower, 1 at the upper end.
    func fraction(_ x: Double) -> Double
    func value(atFraction t: Double) -> Double
    func ticks(count: Int) -> [Double]
}

extension ChartScale {
    func callAsFunction(_ x: Double) -> Double {
        let t = fraction(x)
        let width = range.upperBound - range.lowerBound
        return reversed ? range.upperBound - t * width : range.lowerBound + t * width
    }

    func clamped(_ x: Double) -> Double {
        min(max(self(x), range.lowerBound), range.upperBound)
    }

    func invert(_ y: Double) -> Double {
        let width = range.upperBound - range.lowerBound
        guard width != 0 else { return value(atFraction: 0.5) }
        let t = (y - range.lowerBound) / width
        return value(atFraction: reversed ? 1 - t : t)
    }
}

struct LinearScale: ChartScale, Equatable {
    let domain: ClosedRange<Double>
    let range: ClosedRange<Double>
    let reversed: Bool

    init(domain: ClosedRange<Double>, range: ClosedRange<Double>, reversed: Bool = false) {
        self.domain = domain
        self.range = range
        self.reversed = reversed
    }

    /// A zero-width domain maps everything to the middle of the range rather than dividing by zero.
    func fraction(_ x: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        return span == 0 ? 0.5 : (x - domain.lowerBound) / span
    }

    func value(atFraction t: Double) -> Double {
        domain.lowerBound + t * (domain.upperBound - domain.lowerBound)
    }

    func ticks(count: Int = 5) -> [Double] {
        Ticks.linear(domain.lowerBound, domain.upperBound, count: count)
    }

    func nice(count: Int = 5) -> LinearScale {
        LinearScale(domain: domain.nice(count: count), range: range, reversed: reversed)
    }
}

/// Base-10 logarithmic scale. A non-positive domain end has no logarithm: a lower end ≤ 0 is
/// replaced by upper / 1000 (three decades), an upper end ≤ 0 makes the domain 1...10. Inputs
/// ≤ 0 map to the lower end so a stray zero cannot produce NaN coordinates.
struct LogScale: ChartScale, Equatable {
    let domain: ClosedRange<Double>
    let range: ClosedRange<Double>
    let reversed: Bool

    init(domain: ClosedRange<Double>, range: ClosedRange<Double>, reversed: Bool = false) {
        if domain.upperBound <= 0 {
            self.domain = 1...10
        } else if domain.lowerBound <= 0 {
            self.domain = (domain.upperBound / 1000)...domain.upperBound
        } else {
            self.domain = domain
        }
        self.range = range
        self.reversed = reversed
    }

    func fraction(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let low = log10(domain.lowerBound), span = log10(domain.upperBound) - low
        return span == 0 ? 0.5 : (log10(x) - low) / span
    }

    func value(atFraction t: Double) -> Double {
        let low = log10(domain.lowerBound), high = log10(domain.upperBound)
        return pow(10, low + t * (high - low))
    }

    func ticks(count: Int = 5) -> [Double] {
        Ticks.log(domain.lowerBound, domain.upperBound, count: count)
    }

    func nice(count: Int = 5) -> LogScale {
        LogScale(domain: domain.niceLog(count: count), range: range, reversed: reversed)
    }

    /// The rule for choosing a log axis: every value positive and the largest more than 20 times
    /// the smallest. Non-finite values are ignored; no values means linear.
    static func isSuitable(for values: [Double]) -> Bool {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), low > 0 else { return false }
        return high / low > 20
    }
}

extension ClosedRange where Bound == Double {
    /// Widened to whole steps of the ticks a linear axis would get, so it starts and ends on a tick.
    func nice(count: Int = 5) -> ClosedRange<Double> {
        Ticks.nice(lowerBound, upperBound, count: count)
    }

    /// Widened to 1-2-5 values, or powers of ten when a log axis would show only those.
    func niceLog(count: Int = 5) -> ClosedRange<Double> {
        Ticks.niceLog(lowerBound, upperBound, count: count)
    }
}
