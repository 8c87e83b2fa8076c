/// "Did you mean …?" for ids and tags: the nearest candidate by edit distance, if it is close enough
/// to be a typo rather than a different name.
enum Suggest {
    static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(3, word.count / 4))
        // The distance is counted in Unicode scalars, so lengths in scalars bound it from below.
        let length = word.unicodeScalars.count
        var best: (distance: Int, candidate: String)?
        for candidate in candidates where candidate != word {
            guard abs(candidate.unicodeScalars.count - length) <= limit else { continue }
            let distance = editDistance(word, candidate, limit: limit)
            if distance <= limit, best.map({ (distance, candidate) < ($0.distance, $0.candidate) }) ?? true {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance over Unicode scalars; gives up early (returning limit + 1) past `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
