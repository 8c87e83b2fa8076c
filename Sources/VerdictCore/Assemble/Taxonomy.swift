/// Items of one review that carry a tag: a reference to one of the review's `tagGroups`, so an edit
/// that keeps a review's tags leaves the taxonomy valid (`verdict serve` then reuses it).
public struct TaggedItems: Sendable {
    /// Index into `Site.reviews`.
    public let review: Int
    public let role: Section.Role
    /// Index into the review's `tagGroups[role]`.
    public let group: Int
    /// How many items the group holds.
    public let count: Int

    public func items(in reviews: [Review]) -> [Item] { reviews[review].tagGroups[role]![group].items }
}

/// A use-case page: an optional intro, then every item tagged with it, grouped by model.
public struct UseCase: Sendable {
    public let slug: String
    public let title: String
    public let intro: Page?
    public let groups: [TaggedItems]
}

/// A capability page: the models strong and weak in it.
public struct Capability: Sendable {
    public let slug: String
    public let strong: [TaggedItems]
    public let weak: [TaggedItems]
    /// The newest snapshot's metric of the same id, if any.
    public let metricID: String?

    public var title: String { Capability.title(for: slug) }

    /// `long-context` → "Long context".
    static func title(for slug: String) -> String {
        let words = slug.split(separator: "-").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

enum Taxonomy {
    /// Groups items by tag; review order (by title) decides group order, so pages read alphabetically by model.
    static func group(_ reviews: [Review], role: Section.Role) -> [String: [TaggedItems]] {
        var byTag: [String: [TaggedItems]] = [:]
        for (index, review) in reviews.enumerated() {
            for (position, group) in (review.tagGroups[role] ?? []).enumerated() {
                byTag[group.tag, default: []].append(TaggedItems(review: index, role: role, group: position, count: group.items.count))
            }
        }
        return byTag
    }

    static func useCases(_ reviews: [Review], intros: [String: Page]) -> [UseCase] {
        let groups = group(reviews, role: .useCases)
        let slugs = Set(groups.keys).union(intros.keys).sorted()
        return slugs.map { slug in
            UseCase(slug: slug, title: intros[slug]?.title ?? Capability.title(for: slug), intro: intros[slug],
                    groups: groups[slug] ?? [])
        }
    }

    static func capabilities(_ reviews: [Review], latest: RankedSnapshot?) -> [Capability] {
        let strong = group(reviews, role: .strengths)
        let weak = group(reviews, role: .weaknesses)
        return Set(strong.keys).union(weak.keys).sorted().map { slug in
            Capability(slug: slug, strong: strong[slug] ?? [], weak: weak[slug] ?? [],
                       metricID: latest?.ranking(slug) != nil ? slug : nil)
        }
    }
}
