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

    /// Values of ` href="` and ` src="` attributes, scanned over UTF-8 bytes in one pass.
    static func attributes(in html: String) -> [String] {
        var out: [String] = []
        let href = Array(" href=\"".utf8), src = Array(" src=\"".utf8)
        let quote = UInt8(ascii: "\"")
        var html = html
        html.makeContiguousUTF8()
        _ = html.utf8.withContiguousStorageIfAvailable { bytes in
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: " ") else { index += 1; continue }
                let marker = matches(bytes, at: index, href) ? href.count : matches(bytes, at: index, src) ? src.count : 0
                guard marker > 0 else { index += 1; continue }
                let start = index + marker
                var end = start
                while end < bytes.count, bytes[end] != quote { end += 1 }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                out.append(value.contains("&amp;") ? value.replacingOccurrences(of: "&amp;", with: "&") : value)
                index = end + 1
            }
        }
        return out
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset] != pattern[offset] { return false }
        return true
    }
}
