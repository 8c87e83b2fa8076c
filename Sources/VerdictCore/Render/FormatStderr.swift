/// Scores with their standard error, `65.2 ± 0.4`: one string per cell, so themes print it as they print
/// a bare score, and sortable tables still read the value first.
extension Format {
    /// The value as `number` shows it, then the standard error rounded to the same decimals. A standard
    /// error that would read 0 there (`65 ± 0` for 65 ± 0.41) is shown at the value's full precision,
    /// the value padded to match (`65.00 ± 0.41`).
    static func number(_ value: Double, stderr: Double?) -> String {
        let shown = number(value)
        guard let stderr else { return shown }
        let decimals = shown.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        let error = fixed(stderr, decimals: decimals)
        let full = Format.decimals(value)
        if error == "0", stderr > 0, full > decimals, fixed(stderr, decimals: full) != "0" {
            return padded(fixed(value, decimals: full), to: full) + " ± " + padded(fixed(stderr, decimals: full), to: full)
        }
        return shown + " ± " + padded(error, to: decimals)
    }

    /// `value(_:unit:)` with the standard error beside the number, before the unit (`65.2 ± 0.4 %`).
    static func value(_ value: Double?, stderr: Double?, unit: String) -> String {
        guard let value, let stderr else { return Format.value(value, unit: unit) }
        return withUnit(Format.number(value, stderr: stderr), unit: unit)
    }

    /// `text` (as `fixed` writes it) with trailing zeros put back up to `decimals` places.
    private static func padded(_ text: String, to decimals: Int) -> String {
        guard decimals > 0 else { return text }
        let shown = text.split(separator: ".", maxSplits: 1).dropFirst().first?.count
        return text + (shown == nil ? "." : "") + String(repeating: "0", count: decimals - (shown ?? 0))
    }
}
