extension StringProtocol {
    /// `trimmingCharacters(in: .whitespaces)` without Foundation: on Linux that call bridges through
    /// NSString and was a visible share of parse time. Same set: tab and Unicode space separators.
    func trimmingSpaces() -> Substring {
        trimming { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)` without Foundation, same set.
    func trimmingSpacesAndNewlines() -> Substring {
        trimming { scalar in
            switch scalar {
            case "\t", "\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
            default: scalar.properties.generalCategory == .spaceSeparator
            }
        }
    }

    private func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> Substring {
        let whole = Substring(self)
        let scalars = whole.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return whole[whole.endIndex...] }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        return Substring(scalars[first...last])
    }
}
