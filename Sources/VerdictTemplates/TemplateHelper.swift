import Foundation

/// The helpers a tag may call, as swift-mustache's transforms did, so themes written for it keep working.
///
/// Written `{{count(items)}}`, `{{#empty(tags)}}`, nested as `{{count(reversed(items))}}`. With no argument
/// (`{{#first()}}`), `first`, `last`, `index`, `even` and `odd` describe the position in the innermost list
/// section. A helper that does not apply to its value (`count` of a number) gives nothing.
///
/// | helper | list | object | text | whole number | no argument |
/// |---|---|---|---|---|---|
/// | `count` | items | fields | | | |
/// | `empty` | no items | no fields | `""` | | |
/// | `first`, `last` | that item | | | | first/last item? |
/// | `reversed` | reversed | | reversed | | |
/// | `sorted` | texts or numbers sorted | `{key, value}` list sorted by key | | | |
/// | `enumerated` | | `{key, value}` list sorted by key | | | |
/// | `uppercased`, `lowercased`, `capitalized` | | | converted | | |
/// | `equalzero`, `plusone`, `minusone` | | | | `n == 0`, `n + 1`, `n - 1` | |
/// | `even`, `odd` | | | | parity | parity of the index |
/// | `index` | | | | | 0-based index |
enum TemplateHelper: String, Sendable, CaseIterable {
    case count, empty, first, last, reversed, sorted, enumerated
    case uppercased, lowercased, capitalized
    case equalzero, plusone, minusone, even, odd, index

    /// The helper applied to a value, or nil when it does not apply.
    func apply(to value: TemplateValue) -> TemplateValue? {
        switch value {
        case .list(let items): applyToList(items)
        case .object(let object): applyToObject(object)
        case .text(let text), .html(let text): applyToText(text, html: value.isHTML)
        case .number(let number, _):
            if let integer = Int(exactly: number) { applyToInteger(integer) } else { nil }
        case .bool, .null: nil
        }
    }

    /// The helper applied to the position in a list section (`{{#first()}}`).
    func apply(to position: ListPosition) -> TemplateValue? {
        switch self {
        case .first: .bool(position.index == 0)
        case .last: .bool(position.isLast)
        case .index: .int(position.index)
        case .even: .bool(position.index & 1 == 0)
        case .odd: .bool(position.index & 1 == 1)
        default: nil
        }
    }

    private func applyToList(_ items: [TemplateValue]) -> TemplateValue? {
        switch self {
        case .count: return .int(items.count)
        case .empty: return .bool(items.isEmpty)
        case .first: return items.first
        case .last: return items.last
        case .reversed: return .list(items.reversed())
        case .sorted:
            if let texts = items.allTexts { return .list(texts.sorted().map(TemplateValue.text)) }
            if let numbers = items.allNumbers {
                return .list(numbers.sorted { $0.number < $1.number }.map { .number($0.number, text: $0.text) })
            }
            return nil
        default: return nil
        }
    }

    private func applyToObject(_ object: TemplateObject) -> TemplateValue? {
        switch self {
        case .count: .int(object.fields.count)
        case .empty: .bool(object.fields.isEmpty)
        // swift-mustache gave these in dictionary order; sorted here, so output never depends on hashing.
        case .enumerated, .sorted:
            .list(object.fields.sorted { $0.key < $1.key }.map { .object(TemplateObject(["key": .text($0.key), "value": $0.value])) })
        default: nil
        }
    }

    private func applyToText(_ text: String, html: Bool) -> TemplateValue? {
        func wrap(_ converted: String) -> TemplateValue { html ? .html(converted) : .text(converted) }
        switch self {
        case .empty: return .bool(text.isEmpty)
        case .uppercased: return wrap(text.uppercased())
        case .lowercased: return wrap(text.lowercased())
        case .capitalized: return wrap(text.capitalized)
        case .reversed: return wrap(String(text.reversed()))
        default: return nil
        }
    }

    private func applyToInteger(_ value: Int) -> TemplateValue? {
        switch self {
        case .equalzero: .bool(value == 0)
        case .plusone: .int(value + 1)
        case .minusone: .int(value - 1)
        case .even: .bool(value & 1 == 0)
        case .odd: .bool(value & 1 == 1)
        default: nil
        }
    }
}

/// Where the renderer is in the innermost list section.
struct ListPosition: Sendable {
    let index: Int
    let isLast: Bool
}

extension TemplateValue {
    var isHTML: Bool {
        if case .html = self { true } else { false }
    }
}

extension [TemplateValue] {
    fileprivate var allTexts: [String]? {
        var texts: [String] = []
        for item in self {
            guard case .text(let text) = item else { return nil }
            texts.append(text)
        }
        return texts
    }

    fileprivate var allNumbers: [(number: Double, text: String)]? {
        var numbers: [(number: Double, text: String)] = []
        for item in self {
            guard case .number(let number, let text) = item else { return nil }
            numbers.append((number, text))
        }
        return numbers
    }
}
