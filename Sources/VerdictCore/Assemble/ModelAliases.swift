/// Review `aliases`: the other ids under which snapshots list a reviewed model (importers keep the
/// source's ids, such as `meta-llama/Meta-Llama-3-8B`). The join happens here, once, before ranking:
/// a result listed under an alias is filed under the review's `model`, so rankings, movement, history,
/// charts, compare pages, downloads and checks all see one model.
enum ModelAliases {
    /// Alias → the model id of the review claiming it. An alias that another review claims first (by
    /// file path, as for duplicate models), or that is another review's `model`, is an error at its line.
    /// `byModel`: index into `reviews` of each reviewed model.
    static func collect(_ reviews: [Review], byModel: [String: Int], problems: inout DiagnosticList) -> [String: String] {
        let claiming = reviews.filter { !$0.meta.aliases.isEmpty }
        guard !claiming.isEmpty else { return [:] }
        var canonical: [String: String] = [:]
        var claimedBy: [String: Review] = [:]
        for review in claiming.sorted(by: { $0.path < $1.path }) {
            for alias in review.meta.aliases {
                let id = alias.value
                func report(_ message: String, _ severity: Diagnostic.Severity = .error) {
                    problems.append(contentsOf: [Diagnostic(path: review.path, line: alias.line, column: alias.column,
                                                            severity: severity, message)])
                }
                if id.isEmpty {
                    report("an entry of `aliases` is empty")
                } else if id == review.meta.model {
                    report("alias \"\(id)\" is the review's own model; remove it", .warning)
                } else if let other = byModel[id].map({ reviews[$0] }) {
                    report("alias \"\(id)\" is the model of another review (\(other.path)); a snapshot result under it cannot belong to both")
                } else if let other = claimedBy[id] {
                    if other === review {
                        report("alias \"\(id)\" is listed twice", .warning)
                    } else {
                        report("alias \"\(id)\" is already an alias of \"\(other.meta.model)\" in \(other.path); an alias names one reviewed model")
                    }
                } else {
                    claimedBy[id] = review
                    canonical[id] = review.meta.model
                }
            }
        }
        return canonical
    }

    /// Each snapshot with its aliased results filed under the reviewed model. A snapshot that lists a
    /// model twice that way (the model and an alias, or two aliases) is an error at the alias's result,
    /// which keeps the id it was written with, so the snapshot still holds each id once.
    static func join(_ snapshots: [Snapshot], aliases: [String: String], problems: inout DiagnosticList) -> [Snapshot] {
        guard !aliases.isEmpty else { return snapshots }
        return snapshots.map { snapshot in
            guard snapshot.results.contains(where: { aliases[$0.model] != nil }) else { return snapshot }
            // Results under a model's own id come first, wherever they stand, so the alias is the one reported.
            var listed: [String: Int] = [:]
            for (index, result) in snapshot.results.enumerated() where aliases[result.model] == nil { listed[result.model] = index }
            var results = snapshot.results
            for (index, result) in snapshot.results.enumerated() {
                guard let model = aliases[result.model] else { continue }
                if let other = listed[model] {
                    let earlier = snapshot.results[other].model
                    let clash = earlier == model
                        ? "which this snapshot also lists (result \(other + 1))"
                        : "and so is \"\(earlier)\" (result \(other + 1))"
                    problems.error(snapshot.path, snapshot.line(ofResultAt: index),
                                   "\"\(result.model)\" is a review's alias of \"\(model)\", \(clash); list each model once")
                    continue
                }
                listed[model] = index
                results[index] = result.filed(as: model)
            }
            return snapshot.replacingResults(results)
        }
    }
}
