import Foundation
import VerdictTemplates

/// Renders every route in parallel and hands each page straight to `emit`, so pages never all sit
/// in memory at once. Links the templates produced are checked against the site as they pass.
enum SiteRenderer {
    struct Result: Sendable {
        let diagnostics: [Diagnostic]
        /// View-model fingerprints of the theme-rendered pages, by output file (only when `reuse` was given).
        let keys: [String: UInt64]
        /// Input keys of the pages that have one (see `PageInputKeys`; only when `reuseInput` was given).
        let inputs: [String: UInt64]
        /// HTML pages `reuse` or `reuseInput` took instead of rendering them (kept data files are not counted).
        let reused: Int
    }

    /// With `lint`, every tag's lookups are recorded and names no page's view held are reported (`verdict check`).
    /// With `reuse`, each page's view model is fingerprinted first, and a page `reuse` accepts for its
    /// fingerprint is neither rendered nor emitted (it is the caller's to place in the output).
    /// With `reuseInput`, a page with an input key (`inputKeys`) is first offered by that key, before
    /// its view is built; `reuseInput` returns the view fingerprint recorded with the page it took
    /// (data files with an input key are offered the same way).
    /// With `emitStream`, a data file made in chunks (`DataStream`) goes to it instead of being put
    /// together for `emit`.
    /// Once `stop` returns true the remaining pages are skipped (`verdict serve` drops a background
    /// render that a newer edit made stale); the result is then incomplete.
    static func render(site: Site, theme: Theme, targets: LinkTargets,
                       reuse: (@Sendable (Route, UInt64) -> Bool)? = nil,
                       inputKeys: PageInputKeys? = nil,
                       reuseInput: (@Sendable (Route, UInt64) -> Kept?)? = nil,
                       stop: (@Sendable () -> Bool)? = nil,
                       lint: Bool = false,
                       emitStream: (@Sendable (Route, DataStream) throws(Diagnostic) -> Void)? = nil,
                       emit: @escaping @Sendable (Route, Data) throws(Diagnostic) -> Void) async -> Result {
        let renderer = Renderer(site: site, theme: theme)
        let record = lint ? ThemeLint.Record(tags: theme.tags.count) : nil
        let fromMarkdown = markdownLinks(in: site)
        // The routes that cover a whole snapshot or the whole site go first: started last, as they are
        // listed, they left one core finishing them alone for seconds while the other sat idle.
        let order = site.routes.indices.filter { site.routes[$0].kind.coversSite }
            + site.routes.indices.filter { !site.routes[$0].kind.coversSite }
        let scheduled = await order.concurrentMap { index -> Outcome in
            let route = site.routes[index]
            if let stop, stop() { return Outcome() }
            let input = reuseInput == nil ? nil : inputKeys?.key(for: route, in: site)
            if let input, let reuseInput, let kept = reuseInput(route, input) { return Outcome(key: kept.viewKey, input: input, reused: true) }
            do throws(Diagnostic) {
                switch renderer.plan(route) {
                case .file(let data):
                    try emit(route, data)
                    return Outcome(input: input)
                case .stream(let stream):
                    if let emitStream { try emitStream(route, stream) } else { try emit(route, stream.data) }
                    return Outcome(input: input)
                case .page(let template, let context):
                    let key = reuse == nil ? nil : Self.key(template: template, context: ContextFingerprint.of(context))
                    if let key, let reuse, reuse(route, key) { return Outcome(key: key, input: input, reused: true) }
                    var html: [UInt8] = []
                    html.reserveCapacity(Self.pageCapacity)
                    if let record {
                        var usage = TemplateTagUsage(tagCount: theme.tags.count)
                        try theme.render(context, template: template, into: &html, recording: &usage)
                        record.add(usage, view: context, route: index, tags: theme.tags)
                    } else {
                        try theme.render(context, template: template, into: &html)
                    }
                    let findings = TemplateLinks.check(html, page: route.path, template: template, targets: targets, skipping: fromMarkdown)
                    try emit(route, Data(html))
                    return Outcome(key: key, input: input, findings: findings)
                }
            } catch {
                return Outcome(diagnostics: [error])
            }
        }
        var outcomes = [Outcome](repeating: Outcome(), count: site.routes.count)
        for (index, outcome) in zip(order, scheduled) { outcomes[index] = outcome }
        var keys: [String: UInt64] = [:]
        var inputs: [String: UInt64] = [:]
        for (route, outcome) in zip(site.routes, outcomes) {
            if let key = outcome.key { keys[route.file] = key }
            if let input = outcome.input { inputs[route.file] = input }
        }
        let diagnostics = outcomes.flatMap(\.diagnostics)
            + TemplateLinks.report(outcomes.flatMap(\.findings), theme: theme, root: site.config.root)
            + (record?.report(theme: theme) ?? [])
        return Result(diagnostics: diagnostics, keys: keys, inputs: inputs, reused: zip(site.routes, outcomes).count { $0.kind.isPage && $1.reused })
    }

    /// A file `reuseInput` kept: with the view fingerprint recorded for it, for pages (data files have none).
    struct Kept: Sendable {
        let viewKey: UInt64?
    }

    /// Most pages fit: one allocation instead of a dozen doublings.
    private static let pageCapacity = 64 * 1024

    private struct Outcome: Sendable {
        var key: UInt64?
        var input: UInt64?
        var reused = false
        var findings: [TemplateLinks.Finding] = []
        var diagnostics: [Diagnostic] = []
    }

    /// A page is the template's output for its view model: both go into its key.
    private static func key(template: String, context: UInt64) -> UInt64 {
        var hash = StableHash()
        hash.combine(template)
        hash.combine(context)
        return hash.finalized
    }

    /// Every link written in Markdown, as rendered. They were checked at their source lines already, and
    /// a review's verdict or items also appear on lists, use-case, capability and compare pages: a
    /// template is blamed only for links written in it, never for an editor's link it shows.
    private static func markdownLinks(in site: Site) -> Set<String> {
        let rewrite = Parser.markdownOptions(for: site.config).rewriteURL
        var links = Set<String>()
        for review in site.reviews { for link in review.links { links.insert(rewrite(link.destination)) } }
        for page in site.pages { for link in page.links { links.insert(rewrite(link.destination)) } }
        for intro in site.useCases.compactMap(\.intro) { for link in intro.links { links.insert(rewrite(link.destination)) } }
        return links
    }
}

/// Finds `href` and `src` attributes in rendered pages. Only the theme's templates and cmark produced
/// this HTML, so a small scan suffices; Markdown itself is never analysed this way (its links come
/// from cmark's AST, with their source lines).
enum TemplateLinks {
    struct Finding: Sendable {
        let template: String
        let href: String
        let page: String
        let problem: String
    }

    /// Each distinct link once: a page repeats its nav and tag links many times.
    static func check(_ html: [UInt8], page: String, template: String, targets: LinkTargets, skipping: Set<String>) -> [Finding] {
        Set(attributes(in: html)).subtracting(skipping).compactMap { href in
            switch targets.problem(withRendered: href, on: page) {
            case .missingPage(let path)?: Finding(template: template, href: href, page: page, problem: "the site has no page or file \(path)")
            case .missingAnchor(let target, let anchor)?: Finding(template: template, href: href, page: page, problem: "\(target) has no anchor #\(anchor)")
            case nil: nil
            }
        }
    }

    /// One diagnostic per template line and link, however many pages repeat it.
    static func report(_ findings: [Finding], theme: Theme, root: String) -> [Diagnostic] {
        var grouped: [String: (first: Finding, pages: Int)] = [:]
        for finding in findings {
            let key = finding.template + "\u{0}" + finding.href
            grouped[key] = grouped[key].map { ($0.first.page <= finding.page ? $0.first : finding, $0.pages + 1) } ?? (finding, 1)
        }
        return grouped.values.map { first, pages in
            let literal = first.href.hasPrefix(root) ? String(first.href.dropFirst(root.count)) : first.href
            let origin = theme.origin(of: literal.isEmpty ? first.href : literal, renderedBy: first.template)
            let seen = pages == 1 ? "on \(first.page)" : "on \(first.page) and \(pages - 1) other page\(pages == 2 ? "" : "s")"
            return Diagnostic(path: origin.path, line: origin.line, "template link to \(first.href) (\(seen)): \(first.problem)")
        }.sorted()
    }

    /// Values of ` href="` and ` src="` attributes, in document order, as a left-to-right scan finds
    /// them: the next attribute starts after the last value's closing quote. The scan jumps from quote
    /// to quote with memchr and looks back for the attribute name; a byte-by-byte scan of every page
    /// (456 MB at 10,000 reviews) was 1.3% of a build.
    static func attributes(in html: String) -> [String] {
        attributes(in: Array(html.utf8))
    }

    static func attributes(in html: [UInt8]) -> [String] {
        html.withUnsafeBufferPointer { bytes -> [String] in
            guard let base = bytes.baseAddress else { return [] }
            let quote = UInt8(ascii: "\"")
            let names = [Array(" href=".utf8), Array(" src=".utf8)]
            func nextQuote(from index: Int) -> Int? {
                guard index < bytes.count, let hit = memchr(base + index, Int32(quote), bytes.count - index) else { return nil }
                return UnsafeRawPointer(base).distance(to: hit)
            }
            var out: [String] = []
            var attributeFrom = 0
            var quoteFrom = 0
            while let open = nextQuote(from: quoteFrom) {
                quoteFrom = open + 1
                let named = names.contains { name in
                    open - name.count >= attributeFrom && bytes[(open - name.count)..<open].elementsEqual(name)
                }
                guard named else { continue }
                let end = nextQuote(from: open + 1) ?? bytes.count
                let value = UnsafeBufferPointer(rebasing: bytes[(open + 1)..<end])
                let text = String(decoding: value, as: UTF8.self)
                // Most links hold no `&`; Foundation's substring search for `&amp;` in each of them showed in profiles.
                out.append(value.contains(UInt8(ascii: "&")) ? text.replacingOccurrences(of: "&amp;", with: "&") : text)
                attributeFrom = end + 1
                quoteFrom = end + 1
            }
            return out
        }
    }
}
