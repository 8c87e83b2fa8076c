import VerdictMarkdown

/// Site-wide checks that need the whole assembled site: links, typos in ids and tags, stale reviews.
/// Errors stop `verdict build`; warnings are printed, and `verdict check --strict` treats them as errors.
enum Checker {
    static func check(_ site: Site, targets: LinkTargets) -> [Diagnostic] {
        var problems = DiagnosticList()
        problems.append(contentsOf: site.diagnostics)
        checkLinks(site, targets: targets, into: &problems)
        checkModels(site, into: &problems)
        checkTags(site, into: &problems)
        checkDates(site, into: &problems)
        checkSections(site, into: &problems)
        return problems.items.sorted()
    }

    private static func checkLinks(_ site: Site, targets: LinkTargets, into problems: inout DiagnosticList) {
        var sources: [(path: String, page: String, links: [MarkdownLink])] = site.reviews.map { ($0.path, "/models/\($0.slug)/", $0.links) }
        sources += site.pages.map { ($0.sourcePath, $0.path, $0.links) }
        sources += site.useCases.compactMap { useCase in useCase.intro.map { ($0.sourcePath, $0.path, $0.links) } }
        for source in sources {
            for link in source.links {
                if link.isImage, link.text.trimmingSpaces().isEmpty {
                    problems.warning(source.path, link.line, "image \(link.destination) has no alt text; describe it for readers who cannot see it: ![what it shows](\(link.destination))")
                }
                switch targets.problem(with: link.destination, on: source.page) {
                case .missingPage(let path)?:
                    let hint = Suggest.nearest(to: path, in: targets.paths).map { "; did you mean \($0)?" } ?? ""
                    problems.error(source.path, link.line, "link to \(link.destination): the site has no page or file \(path)\(hint)")
                case .missingAnchor(let page, let anchor)?:
                    let hint = Suggest.nearest(to: anchor, in: targets.anchors[page] ?? []).map { "; did you mean #\($0)?" } ?? ""
                    problems.error(source.path, link.line, "link to \(link.destination): \(page) has no anchor #\(anchor)\(hint)")
                case nil:
                    break
                }
            }
        }
    }

    /// "Did you mean" compares an id with every known id; past this many warnings the hint stops, so a
    /// site with thousands of unbenchmarked models is not checked in quadratic time.
    static let suggestionLimit = 50

    private static func checkModels(_ site: Site, into problems: inout DiagnosticList) {
        let known = site.knownModels
        let reviewed = Set(site.reviews.map(\.meta.model))
        var suggestions = suggestionLimit
        for review in site.reviews {
            let meta = review.meta
            if site.snapshots(holding: meta.model).isEmpty {
                var message = "model \"\(meta.model)\" is in no benchmark snapshot, so the page shows no benchmark data"
                if suggestions > 0 {
                    suggestions -= 1
                    if let near = Suggest.nearest(to: meta.model, in: site.snapshotsByModel.keys) { message += "; did you mean \"\(near)\"?" }
                }
                problems.warning(review.path, meta.fieldLines["model"] ?? 1, message)
            }
            for alternative in meta.alternatives where !known.contains(alternative.value) {
                if let near = Suggest.nearest(to: alternative.value, in: known) {
                    problems.error(review.path, alternative.line, "alternative \"\(alternative.value)\" matches no reviewed or benchmarked model; did you mean \"\(near)\"?")
                } else {
                    problems.warning(review.path, alternative.line, "alternative \"\(alternative.value)\" matches no reviewed or benchmarked model; it is shown by its id")
                }
            }
            if meta.alternatives.contains(where: { $0.value == meta.model }) {
                problems.warning(review.path, meta.fieldLines["alternatives"] ?? 1, "the review lists its own model as an alternative")
            }
        }
        // A snapshot row whose id is one typo away from a reviewed model missing from that snapshot.
        for snapshot in site.snapshots {
            let ids = Set(snapshot.snapshot.results.map(\.model))
            guard ids.contains(where: { !reviewed.contains($0) }) else { continue }
            let candidates = reviewed.subtracting(ids)
            for result in snapshot.snapshot.results where !reviewed.contains(result.model) {
                if let near = Suggest.nearest(to: result.model, in: candidates) {
                    problems.error(snapshot.snapshot.path, snapshot.snapshot.line(ofResult: result.model),
                                   "model \"\(result.model)\" matches no review; did you mean \"\(near)\"?")
                }
            }
        }
    }

    private static func checkTags(_ site: Site, into problems: inout DiagnosticList) {
        for (roles, kind) in [([Section.Role.strengths, .weaknesses], "capability"), ([.useCases], "use-case")] {
            // Uses of each tag, and where it was first used (the place to report when it is the only one).
            var uses: [String: (count: Int, path: String, line: Int)] = [:]
            for review in site.reviews {
                for role in roles {
                    for group in review.tagGroups[role] ?? [] {
                        if let known = uses[group.tag] {
                            uses[group.tag] = (known.count + group.items.count, known.path, known.line)
                        } else {
                            uses[group.tag] = (group.items.count, review.path, group.items[0].line)
                        }
                    }
                }
            }
            let intros = kind == "use-case" ? Set(site.useCases.compactMap { $0.intro == nil ? nil : $0.slug }) : []
            // A tag used once is never among the tags it could be a typo of, so one list serves all.
            let others = uses.keys.filter { uses[$0]!.count > 1 || intros.contains($0) }
            for (tag, use) in uses where use.count == 1 && !intros.contains(tag) {
                let hint = Suggest.nearest(to: tag, in: others).map { "; did you mean \"\($0)\"?" } ?? ""
                problems.warning(use.path, use.line, "\(kind) tag \"\(tag)\" is used only once across the site\(hint)")
            }
        }
    }

    private static func checkDates(_ site: Site, into problems: inout DiagnosticList) {
        guard let newest = site.latest?.date else { return }
        for review in site.reviews {
            let meta = review.meta
            for (field, day) in [("reviewed", meta.reviewed), ("published", meta.published), ("released", meta.released)] {
                guard let day, day > newest else { continue }
                if field == "published", meta.fieldLines["published"] == nil { continue }
                problems.warning(review.path, meta.fieldLines[field] ?? 1,
                                 "`\(field)` \(day) is after the newest snapshot (\(newest)); is the date right?")
            }
            if let holding = site.snapshots(holding: meta.model).last,
               holding.date.ordinal - meta.reviewed.ordinal > site.config.staleAfterDays {
                problems.warning(review.path, meta.fieldLines["reviewed"] ?? 1,
                                 "review is stale: reviewed \(meta.reviewed), \(holding.date.ordinal - meta.reviewed.ordinal) days before the snapshot of \(holding.date) (staleAfterDays: \(site.config.staleAfterDays))")
            }
        }
    }

    private static func checkSections(_ site: Site, into problems: inout DiagnosticList) {
        for review in site.reviews {
            if review.sections.isEmpty && review.introHTML.isEmpty {
                problems.error(review.path, review.bodyLine, "the review has no text after its front matter; write at least a ## Verdict section")
            }
            for section in review.sections where section.role != .other && section.isEmpty {
                problems.warning(review.path, section.line, "section \"\(section.title)\" is empty")
            }
        }
    }
}
