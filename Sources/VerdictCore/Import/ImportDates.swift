import Foundation

/// Run dates as evaluation tools write them, each turned into the UTC day a snapshot is dated by.
enum ImportDates {
    static func utcDay(epochSeconds: Double) -> Day? {
        guard epochSeconds.isFinite, abs(epochSeconds) < 1e12 else { return nil }
        return day(ordinal: Int((epochSeconds / 86_400).rounded(.down)))
    }

    /// Days since 1970-01-01 back to a calendar day (the inverse of `Day.ordinal`).
    static func day(ordinal: Int) -> Day? {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return Day(pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2))
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// ISO 8601 time (`2024-05-01T12:34:56.123+02:00`, `…Z`, or a bare date) to its UTC day.
    static func utcDay(iso text: String) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 10, let date = Day(String(trimmed.prefix(10))) else { return nil }
        let rest = trimmed.dropFirst(10)
        guard let t = rest.first, t == "T" || t == " " else { return rest.isEmpty ? date : nil }
        let time = rest.dropFirst()
        let clock = time.prefix { $0.isNumber || $0 == ":" || $0 == "." }
        let parts = clock.split(separator: ":")
        guard parts.count >= 2, let hour = Int(parts[0]), let minute = Int(parts[1]) else { return date }
        let zone = time.dropFirst(clock.count)
        var offsetMinutes = 0
        if let sign = zone.first, sign == "+" || sign == "-" {
            let digits = zone.dropFirst().filter(\.isNumber)
            if digits.count >= 4, let h = Int(digits.prefix(2)), let m = Int(digits.dropFirst(2).prefix(2)) {
                offsetMinutes = (h * 60 + m) * (sign == "-" ? -1 : 1)
            } else if digits.count == 2, let h = Int(digits) {
                offsetMinutes = h * 60 * (sign == "-" ? -1 : 1)
            }
        }
        let minutes = hour * 60 + minute - offsetMinutes
        let shift = minutes < 0 ? -1 : minutes >= 1440 ? 1 : 0
        return shift == 0 ? date : day(ordinal: date.ordinal + shift)
    }

    /// A `YYYY-MM-DD` stamp in a file name just after `prefix` (`results_2025-01-25T04-48-43.json`).
    static func dayInName(_ name: String, after prefix: String) -> Day? {
        guard let range = name.range(of: prefix) else { return nil }
        let rest = name[range.upperBound...]
        return rest.count >= 10 ? Day(String(rest.prefix(10))) : nil
    }

    /// `YYYY-MM-DD` or `YYYYMMDD` anywhere in a name (`arena_hard_leaderboard_20240731.csv`): the last one.
    static func dayAnywhere(in name: String) -> Day? {
        let scalars = Array(name.unicodeScalars)
        var found: Day?
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]), index == 0 || !isDigit(scalars[index - 1]) else { index += 1; continue }
            let run = scalars[index...].prefix { isDigit($0) || $0 == "-" }
            let text = String(String.UnicodeScalarView(run))
            if text.count >= 10, let day = Day(String(text.prefix(10))) {
                found = day
            } else if text.count >= 8, text.prefix(8).allSatisfy(\.isNumber), !text.prefix(9).dropFirst(8).contains(where: \.isNumber) {
                let digits = text.prefix(8)
                found = Day("\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.suffix(2))") ?? found
            }
            index += max(run.count, 1)
        }
        return found
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
}
