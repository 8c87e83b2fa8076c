/// A date given to the day or only to the month, such as a knowledge cutoff (`2024-06` or `2024-06-01`):
/// vendors often publish no more than the month, and inventing a day would claim a precision they did not give.
public enum DayOrMonth: Sendable, Hashable {
    case day(Day)
    /// The month, held as its first day.
    case month(Day)

    /// Accepts `YYYY-MM-DD` naming a real date, or `YYYY-MM` with a month from 01 to 12.
    public init?(_ text: String) {
        if let day = Day(text) { self = .day(day); return }
        // A month is its first day written without the day: `Day` does the digit and range checks.
        guard text.utf8.count == 7, let first = Day(text + "-01") else { return nil }
        self = .month(first)
    }

    /// `2024-06-01` or `2024-06`: both valid in an HTML `<time datetime>`.
    public var iso: String {
        switch self {
        case .day(let day): return day.description
        case .month(let first): return String(first.description.prefix(7))
        }
    }

    /// "1 June 2024" or "June 2024", the site's one way of writing dates.
    public var longDescription: String {
        switch self {
        case .day(let day): return day.longDescription
        case .month(let first): return String(first.longDescription.drop { $0 != " " }.dropFirst())
        }
    }
}
