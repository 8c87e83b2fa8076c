import Synchronization
import VerdictTemplates

/// `verdict check`'s theme lint: a `{{name}}` or `{{#name}}` whose name resolved to nothing on every
/// page that rendered it is almost always a misspelt key (Mustache prints nothing for it, silently).
/// A name that some page's view holds, even as `null` or `false`, is fine: views state every key a
/// theme may read, so only a name no view ever has is reported.
enum ThemeLint {
    /// Collects tag usage from pages rendered concurrently.
    final class Record: Sendable {
        private struct Miss {
            var pages = 0
            /// The view of the first page (in route order) that missed the tag, and the nearest name it offered.
            var route = Int.max
            var suggestion: String?
            /// On that page, a leading part of the dotted name held a value with no fields (`benchmark` is
            /// null in `benchmark.newerData`): the name is not misspelt, the page just has nothing there.
            var throughValue = false
        }

        private struct State {
            var usage: TemplateTagUsage
            var misses: [Int: Miss] = [:]
        }

        private let state: Mutex<State>

        init(tags: Int) {
            state = Mutex(State(usage: TemplateTagUsage(tagCount: tags)))
        }

        func add(_ usage: TemplateTagUsage, view: TemplateValue, route: Int, tags: [TemplateTag]) {
            let missed = usage.unresolved
            // A suggestion is worked out from the view of the lowest route that missed the tag, so the
            // report does not depend on the order pages finished in; a misspelt key in the layout misses on
            // every page, and the names of a big view take a while to list.
            let wanted = missed.isEmpty ? [] : state.withLock { state in missed.filter { route < (state.misses[$0]?.route ?? .max) } }
            var suggestions: [Int: (name: String?, throughValue: Bool)] = [:]
            if !wanted.isEmpty {
                let (names, values) = ThemeLint.names(in: view)
                for tag in wanted {
                    let parts = tags[tag].name.split(separator: ".")
                    let throughValue = parts.count > 1 && (1..<parts.count).contains { values.contains(parts[..<$0].joined(separator: ".")) }
                    suggestions[tag] = (ThemeLint.nearest(to: tags[tag].name, in: names), throughValue)
                }
            }
            state.withLock { state in
                state.usage.formUnion(usage)
                for tag in missed {
                    var miss = state.misses[tag] ?? Miss()
                    miss.pages += 1
                    if let found = suggestions[tag], route < miss.route {
                        (miss.route, miss.suggestion, miss.throughValue) = (route, found.name, found.throughValue)
                    }
                    state.misses[tag] = miss
                }
            }
        }

        /// One warning per tag that missed on every page that reached it, at the tag in its own file.
        func report(theme: Theme) -> [Diagnostic] {
            let tags = theme.tags
            return state.withLock { state in
                state.usage.unresolved.filter { !(state.misses[$0]?.throughValue ?? false) }.map { index in
                    let tag = tags[index], miss = state.misses[index] ?? Miss()
                    let pages = miss.pages == 1 ? "the 1 page" : "all \(miss.pages) pages"
                    let hint = miss.suggestion.map { "; did you mean `\($0)`?" } ?? "; no page's view has a name like it"
                    return Diagnostic(path: theme.templatePath(tag.template), line: tag.line, column: tag.column, severity: .warning,
                                      "theme: `\(tag.name)` resolved to nothing on \(pages) rendered with it\(hint)")
                }.sorted()
            }
        }
    }

    /// The closest name, when it is close enough to be a slip: keys are short words, so swapped letters
    /// (`titel`) count as one edit, and up to a third of the name may differ (at least 2, at most 3).
    static func nearest(to name: String, in names: Set<String>) -> String? {
        let word = Array(name.unicodeScalars)
        let limit = max(2, min(3, word.count / 3))
        var best: (distance: Int, name: String)?
        for candidate in names where candidate != name {
            let other = Array(candidate.unicodeScalars)
            guard abs(other.count - word.count) <= limit else { continue }
            let distance = editDistance(word, other)
            if distance <= limit, best.map({ (distance, candidate) < ($0.distance, $0.name) }) ?? true { best = (distance, candidate) }
        }
        return best?.name
    }

    /// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`: the optimal string alignment distance.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count]
    }

    /// Every name a tag could reach in `view`: each dotted path from the top (`review.title`) and each
    /// path from a nested object or list element (`title`, as written inside `{{#review}}`); and, of
    /// those, the ones that hold a value without fields (null, false, text, a number).
    static func names(in view: TemplateValue) -> (names: Set<String>, values: Set<String>) {
        var names: Set<String> = [], values: Set<String> = []
        func walk(_ value: TemplateValue, path: [String]) {
            switch value {
            case .object(let object):
                for (key, field) in object.fields {
                    let full = path + [key]
                    let isValue = if case .object = field { false } else if case .list = field { false } else { true }
                    for start in full.indices {
                        let name = full[start...].joined(separator: ".")
                        names.insert(name)
                        if isValue { values.insert(name) }
                    }
                    walk(field, path: full)
                }
            case .list(let elements):
                for element in elements { walk(element, path: path) }
            default:
                break
            }
        }
        walk(view, path: [])
        return (names, values)
    }
}
