import Foundation

/// Renders every route in parallel and hands each page straight to `emit`, so pages never all sit
/// in memory at once. Links the templates produced are checked against the site as they pass.
enum SiteRenderer {
    static func render(site: Site, theme: Theme, targets: LinkTargets,
                       emit: @escaping @Sendable (Route, Data) throws(Diagnostic) -> Void) async -> [Diagnostic] {
        let renderer = Renderer(site: site, theme: theme)
        let rewrite = Parser.markdownOptions(for: site.config).rewriteURL
        let results = await site.routes.concurrentMap { route -> ([Diagnostic], [TemplateLinks.Finding]) in
            do throws(Diagnostic) {
                let output = try renderer.render(route)
                var findings: [TemplateLinks.Finding] = []
                if case .page(let template, let html) = output {
                    let fromMarkdown = Set(markdownLinks(of: route, in: site).map(rewrite))
                    findings = TemplateLinks.check(html, page: route.path, template: template, targets: targets, skipping: fromMarkdown)
                }
                try emit(route, output.data)
                return ([], findings)
            } catch {
                return ([error], [])
            }
        }
        return results.flatMap(\.0) + TemplateLinks.report(results.flatMap(\.1), theme: theme, root: site.config.root)
    }

    /// Links written in Markdown on this page; they were checked at their source line already.
    private static func markdownLinks(of route: Route, in site: Site) -> [String] {
        switch route.kind {
        case .review(let index): return site.reviews[index].links.map(\.destination)
        case .page(let index): return site.pages[index].links.map(\.destination)
        case .useCase(let index, _): return site.useCases[index].intro?.links.map(\.destination) ?? []
        default: return []
        }
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

    static func check(_ html: String, page: String, template: String, targets: LinkTargets, skipping: Set<String>) -> [Finding] {
        attributes(in: html).filter { !skipping.contains($0) }.compactMap { href in
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

    static func attributes(in html: String) -> [String] {
        var out: [String] = []
        for marker in [" href=\"", " src=\""] {
            var rest = html[...]
            while let start = rest.range(of: marker) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                out.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[end...]
            }
        }
        return out
    }
}
