import VerdictMarkdown

/// Site-wide checks that need the whole assembled site: links, typos in ids and tags, stale reviews.
/// Errors stop `verdict build`; warnings are printed, and `verdict check --strict` treats them as errors;
/// notes are printed and fail nothing (the "review first, benchmark later" workflow).
enum Checker {
    static func check(_ site: Site, targets: LinkTargets) -> [Diagnostic] { report(site, targets: targets).all }

    /// Every diagnostic, and the share of each review (by index into `site.reviews`).
    struct Report: Sendable {
        let all: [Diagnostic]
        let byReview: [[Diagnostic]]
        /// Snapshot rows that look like typos of reviewed models.
        let snapshotModels: [Diagnostic]
    }

    /// A review's own checks depend only on it, the link targets, the snapshots and which reviews lack
    /// benchmark data; the snapshot rows only on the snapshots and the reviewed models. `verdict serve`
    /// passes the last report when the site kept its structure (`Assembler.reassemble`, same link
    /// targets): only the `changed` reviews are checked again.
    static func report(_ site: Site, targets: LinkTargets, reusing previous: Report? = nil, changed: Set<Int> = []) -> Report {
        let suggested = reviewsGettingSuggestions(site)
        let byReview = site.reviews.indices.map { index -> [Diagnostic] in
            if let previous, !changed.contains(index) { return previous.byReview[index] }
            var problems = DiagnosticList()
            let review = site.reviews[index]
            checkLinks(review.links, path: review.path, page: "/models/\(review.slug)/", targets: targets, into: &problems)
            checkModel(review, site: site, suggest: suggested.contains(index), into: &problems)
            checkDates(review, site: site, into: &problems)
            checkSections(review, into: &problems)
            return problems.items
        }
        var problems = DiagnosticList()
        problems.append(contentsOf: site.diagnostics)
        for diagnostics in byReview { problems.append(contentsOf: diagnostics) }
        for page in site.pages { checkLinks(page.links, path: page.sourcePath, page: page.path, targets: targets, into: &problems) }
        for intro in site.useCases.compactMap(\.intro) {
            checkLinks(intro.links, path: intro.sourcePath, page: intro.path, targets: targets, into: &problems)
        }
        let snapshotModels = previous?.snapshotModels ?? checkSnapshotModels(site)
        problems.append(contentsOf: snapshotModels)
        // A review left out for an error takes its tags with it; counting without them would call tags
        // of other reviews "used only once". The error comes first.
        if site.standIns.isEmpty { checkTags(site, into: &problems) }
        return Report(all: problems.items.sorted(), byReview: byReview, snapshotModels: snapshotModels)
    }

    private static func checkLinks(_ links: [MarkdownLink], path: String, page: String, targets: LinkTargets,
                                   into problems: inout DiagnosticList) {
        for link in links {
            if link.isImage, link.text.trimmingSpaces().isEmpty {
                problems.warning(path, link.line, "image \(link.destination) has no alt text; describe it for readers who cannot see it: ![what it shows](\(link.destination))")
            }
            switch targets.problem(with: link.destination, on: page) {
            case .missingPage(let missing)?:
                let hint = Suggest.nearest(to: missing, in: targets.paths).map { "; did you mean \($0)?" } ?? ""
                problems.error(path, link.line, "link to \(link.destination): the site has no page or file \(missing)\(hint)")
            case .missingAnchor(let target, let anchor)?:
                let hint = Suggest.nearest(to: anchor, in: targets.anchors[target] ?? []).map { "; did you mean #\($0)?" } ?? ""
                problems.error(path, link.line, "link to \(link.destination): \(target) has no anchor #\(anchor)\(hint)")
            case nil:
                break
            }
        }
    }

    /// "Did you mean" compares an id with every known id; past this many warnings the hint stops, so a
    /// site with thousands of unbenchmarked models is not checked in quadratic time.
    static let suggestionLimit = 50

    /// The first `suggestionLimit` reviews, in site order, whose model is in no snapshot.
    private static func reviewsGettingSuggestions(_ site: Site) -> Set<Int> {
        Set(site.reviews.indices.lazy.filter { site.snapshotsByModel[site.reviews[$0].meta.model] == nil }.prefix(suggestionLimit))
    }

    private static func checkModel(_ review: Review, site: Site, suggest: Bool, into problems: inout DiagnosticList) {
        let meta = review.meta
        if site.snapshotsByModel[meta.model] == nil {
            // A likely typo of a benchmarked id is worth fixing; a model no snapshot holds yet is not.
            if suggest, let near = Suggest.nearestModel(to: meta.model, in: site.snapshotsByModel.keys) {
                problems.warning(review.path, meta.fieldLines["model"] ?? 1,
                                 "model \"\(meta.model)\" is in no benchmark snapshot, so the page shows no benchmark data; did you mean \"\(near)\"?")
            } else {
                problems.note(review.path, meta.fieldLines["model"] ?? 1,
                              "model \"\(meta.model)\" is in no benchmark snapshot yet; its page shows benchmark data once a snapshot holds it")
            }
        }
        for alternative in meta.alternatives where !site.isKnown(model: alternative.value) {
            if let near = Suggest.nearestModel(to: alternative.value, in: site.knownModels) {
                problems.error(review.path, alternative.line, "alternative \"\(alternative.value)\" matches no reviewed or benchmarked model; did you mean \"\(near)\"?")
            } else {
                problems.warning(review.path, alternative.line, "alternative \"\(alternative.value)\" matches no reviewed or benchmarked model; it is shown by its id")
            }
        }
        if meta.alternatives.contains(where: { $0.value == meta.model }) {
            problems.warning(review.path, meta.fieldLines["alternatives"] ?? 1, "the review lists its own model as an alternative")
        }
    }

    /// A snapshot row whose id is one typo away from a reviewed model, or an alias of one, missing from
    /// that snapshot (a different version of it is not a typo: `Suggest.nearestModel`).
    private static func checkSnapshotModels(_ site: Site) -> [Diagnostic] {
        var problems = DiagnosticList()
        lazy var reviewed = Set(site.reviewIndexByModel.keys).union(site.modelAliases.keys)
        for snapshot in site.snapshots where snapshot.snapshot.results.contains(where: { site.reviewIndexByModel[$0.model] == nil }) {
            let present = Set(snapshot.snapshot.results.map(\.model))
            let candidates = reviewed.filter { !present.contains(site.canonicalModel($0)) }
            for result in snapshot.snapshot.results where site.reviewIndexByModel[result.model] == nil {
                if let near = Suggest.nearestModel(to: result.model, in: candidates) {
                    problems.error(snapshot.snapshot.path, snapshot.snapshot.line(ofResult: result.model),
                                   "model \"\(result.model)\" matches no review; did you mean \"\(near)\"?")
                }
            }
        }
        return problems.items
    }

    /// Counted from the taxonomy, which already holds every tagged item once per tag.
    private static func checkTags(_ site: Site, into problems: inout DiagnosticList) {
        let capabilities = site.capabilities.map { ($0.slug, $0.strong + $0.weak) }
        let useCases = site.useCases.map { ($0.slug, $0.groups) }
        for (tags, kind) in [(capabilities, "capability"), (useCases, "use-case")] {
            let intros = kind == "use-case" ? Set(site.useCases.compactMap { $0.intro == nil ? nil : $0.slug }) : []
            var once: [(tag: String, item: Item, path: String)] = []
            var others: [String] = []
            for (tag, groups) in tags {
                let count = groups.reduce(0) { $0 + $1.count }
                if count == 1, !intros.contains(tag), let group = groups.first(where: { $0.count > 0 }) {
                    once.append((tag, group.items(in: site.reviews)[0], site.reviews[group.review].path))
                } else if count > 0 {
                    others.append(tag)
                }
            }
            // A tag used once is never among the tags it could be a typo of, so one list serves all.
            for (tag, item, path) in once {
                let hint = Suggest.nearest(to: tag, in: others).map { "; did you mean \"\($0)\"?" } ?? ""
                problems.warning(path, item.line, "\(kind) tag \"\(tag)\" is used only once across the site\(hint)")
            }
        }
    }

    private static func checkDates(_ review: Review, site: Site, into problems: inout DiagnosticList) {
        guard let newest = site.latest?.date else { return }
        let meta = review.meta
        for (field, day) in [("reviewed", meta.reviewed), ("published", meta.published), ("released", meta.released)] {
            guard let day, day > newest else { continue }
            if field == "published", meta.fieldLines["published"] == nil { continue }
            let message = "`\(field)` \(day) is after the newest snapshot (\(newest))"
            // A review written before the next benchmark run is the ordinary workflow, not a slip.
            if field == "reviewed" {
                problems.note(review.path, meta.fieldLines[field] ?? 1, message + "; the benchmark data shown is older than the review")
            } else {
                problems.warning(review.path, meta.fieldLines[field] ?? 1, message + "; is the date right?")
            }
        }
        if let holding = site.snapshots(holding: meta.model).last,
           holding.date.ordinal - meta.reviewed.ordinal > site.config.staleAfterDays {
            problems.warning(review.path, meta.fieldLines["reviewed"] ?? 1,
                             "review is stale: reviewed \(meta.reviewed), \(holding.date.ordinal - meta.reviewed.ordinal) days before the snapshot of \(holding.date) (staleAfterDays: \(site.config.staleAfterDays))")
        }
    }

    private static func checkSections(_ review: Review, into problems: inout DiagnosticList) {
        if review.sections.isEmpty && review.introHTML.isEmpty {
            problems.error(review.path, review.bodyLine, "the review has no text after its front matter; write at least a ## Verdict section")
        } else if !review.sections.contains(where: { $0.role == .verdict }) {
            problems.warning(review.path, review.sections.first?.line ?? review.bodyLine,
                             "the review has no ## Verdict section; its verdict is what lists, feeds and the summary show")
        }
        for section in review.sections where section.role != .other && section.isEmpty {
            problems.warning(review.path, section.line, "section \"\(section.title)\" is empty")
        }
    }
}
