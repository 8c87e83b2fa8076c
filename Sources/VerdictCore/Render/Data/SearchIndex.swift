import Foundation

/// `/search-index.json`: what the search box looks through, written at build time so search works
/// offline from any static host. One short array per entry, one entry per line:
///
///     {"version":1,"fields":["kind","title","url","detail","terms"],"entries":[
///     ["review","GPT-4.1 Nano","models/gpt-4-1-nano/","OpenAI · rank 5 of 9","gpt-4.1-nano-2025-04-14 openai …"],
///     …]}
///
/// `kind` is `review`, `model` (in the newest snapshot, not reviewed: its leaderboard row), `usecase` or `capability`;
/// `url` is relative to the site's root, so the script joins it to the root it is served under;
/// `detail` is the line under the title (the script names the kind before it);
/// `terms` are the lowercase words an entry is also found by besides its title (model id, `aliases`,
/// vendor, family, tier, tags). Entries are sorted by kind, then title, then url: same input, same bytes.
/// Summaries and body text stay out, so a review costs a few hundred bytes.
struct SearchEntry: Sendable, Hashable {
    enum Kind: Int, Sendable, Comparable {
        case review, model, useCase, capability

        var name: String {
            switch self {
            case .review: "review"
            case .model: "model"
            case .useCase: "usecase"
            case .capability: "capability"
            }
        }

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    let kind: Kind
    let title: String
    let url: String
    let detail: String
    let terms: String

    /// Lowercase words, each once, in the order given; empty ones dropped.
    init(kind: Kind, title: String, url: String, detail: String, terms: [String]) {
        self.kind = kind
        self.title = title
        self.url = url
        self.detail = detail
        var seen: Set<String> = []
        self.terms = terms.map { $0.lowercased() }.filter { !$0.isEmpty && seen.insert($0).inserted }.joined(separator: " ")
    }

    var json: String {
        "[" + [kind.name, title, url, detail, terms].map(Escape.scriptSafeJSON).joined(separator: ",") + "]"
    }

    static func ordered(_ a: SearchEntry, _ b: SearchEntry) -> Bool {
        (a.kind.rawValue, a.title, a.url) < (b.kind.rawValue, b.title, b.url)
    }
}

extension Renderer {
    static let searchIndexVersion = 1

    func searchIndex() -> Data {
        let lines = searchEntries().map(\.json).joined(separator: ",\n")
        let head = "{\"version\":\(Renderer.searchIndexVersion),\"fields\":[\"kind\",\"title\",\"url\",\"detail\",\"terms\"],\"entries\":[\n"
        return Data((head + lines + (lines.isEmpty ? "" : "\n") + "]}\n").utf8)
    }

    func searchEntries() -> [SearchEntry] {
        var entries = site.reviews.map(reviewEntry)
        if let latest = site.latest {
            let board = latest.leaderboard
            for entry in board.entries where site.review(model: entry.result.model) == nil {
                let result = entry.result
                var detail = [result.vendor ?? "", entry.rank.map { "rank \($0) of \(board.rankedCount)" } ?? "not ranked", "not reviewed"]
                detail.removeAll { $0.isEmpty }
                // The leaderboard's rows carry `id="m-<model id>"`, so the result opens at the model's row.
                let fragment = result.model.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? result.model
                entries.append(SearchEntry(kind: .model, title: result.name, url: "benchmarks/leaderboard/#m-" + fragment,
                                           detail: detail.joined(separator: " · "),
                                           terms: [result.model, result.vendor ?? "", result.tier ?? ""]))
            }
        }
        for useCase in site.useCases {
            let count = useCase.groups.count
            entries.append(SearchEntry(kind: .useCase, title: useCase.title, url: "usecases/\(useCase.slug)/",
                                       detail: "\(count) model\(count == 1 ? "" : "s")", terms: [useCase.slug]))
        }
        for capability in site.capabilities {
            entries.append(SearchEntry(kind: .capability, title: capability.title, url: "capabilities/\(capability.slug)/",
                                       detail: "\(capability.strong.count) strong, \(capability.weak.count) weak",
                                       terms: [capability.slug]))
        }
        return entries.sorted(by: SearchEntry.ordered)
    }

    private func reviewEntry(_ review: Review) -> SearchEntry {
        let meta = review.meta
        var detail = [meta.vendor]
        if let newest = site.snapshots(holding: meta.model).last, let rank = newest.leaderboard.rank(of: meta.model) {
            detail.append("rank \(rank) of \(newest.leaderboard.rankedCount)")
        }
        let tags = review.tagGroups.keys.sorted { $0.rawValue < $1.rawValue }.flatMap { review.tagGroups[$0]!.map(\.tag) }
        return SearchEntry(kind: .review, title: meta.title, url: "models/\(review.slug)/", detail: detail.joined(separator: " · "),
                           terms: [meta.model] + meta.aliases.map(\.value) + [meta.vendor, meta.family ?? "", meta.tier ?? ""] + tags)
    }
}
