/// "Did you mean …?" for ids and tags: the nearest candidate by edit distance, if it is close enough
/// to be a typo rather than a different name.
enum Suggest {
    /// `accept` is asked only about candidates already close enough, so it may be slow.
    static func nearest(to word: String, in candidates: some Sequence<String>,
                        accepting accept: (String) -> Bool = { _ in true }) -> String? {
        let limit = max(1, min(3, word.count / 4))
        // The distance is counted in Unicode scalars, so lengths in scalars bound it from below.
        let length = word.unicodeScalars.count
        var best: (distance: Int, candidate: String)?
        for candidate in candidates where candidate != word {
            guard abs(candidate.unicodeScalars.count - length) <= limit else { continue }
            let distance = editDistance(word, candidate, limit: limit)
            if distance <= limit, best.map({ (distance, candidate) < ($0.distance, $0.candidate) }) ?? true, accept(candidate) {
                best = (distance, candidate)
            }
        }
        return best?.candidate
    }

    /// `nearest` for model ids, leaving out ids that differ only in digits: `gpt-4-0314` beside a
    /// reviewed `gpt-4-0613`, or `qwen2-7b` beside `qwen2-72b`, is another version or size of the model,
    /// common in older snapshots, not a typo that should stop a build.
    static func nearestModel(to id: String, in candidates: some Sequence<String>) -> String? {
        let letters = withoutDigits(id)
        return nearest(to: id, in: candidates) { withoutDigits($0) != letters }
    }

    private static func withoutDigits(_ id: String) -> String {
        String(id.unicodeScalars.filter { !("0"..."9").contains($0) })
    }

    /// Levenshtein distance over Unicode scalars; gives up early (returning limit + 1) past `limit`.
    /// Only cells within `limit` of the diagonal can stay under it, so only those are computed.
    static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let over = limit == .max ? limit : limit + 1
        if abs(a.count - b.count) > limit { return over }
        let band = min(limit, max(a.count, b.count))
        let outside = band + 1
        var previous = Array(0...b.count).map { min($0, outside) }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - band), high = min(b.count, i + band)
            current[0] = min(i, outside)
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = current[0] < outside && low == 1 ? current[0] : outside
            for j in low...high {
                let cost = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, cost, outside)
                rowMinimum = min(rowMinimum, current[j])
            }
            if high < b.count { current[high + 1] = outside }
            if rowMinimum > limit { return over }
            swap(&previous, &current)
        }
        return min(previous[b.count], over)
    }
}
