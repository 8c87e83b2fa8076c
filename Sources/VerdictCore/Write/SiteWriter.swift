import Foundation

/// Renders every route and writes it into a staging folder, then swaps the staging folder in.
/// Pages are rendered and written in parallel chunks, so they never all sit in memory at once.
enum SiteWriter {
    static func write(site: Site, theme: Theme, to output: URL) async throws(BuildFailure) -> Int {
        let statics = try staticFiles(site: site, theme: theme)
        let staging = try Staging.create(for: output)
        do throws(BuildFailure) {
            try staging.makeDirectories(for: site.routes.map(\.file) + statics.map(\.outputPath))
            let renderer = Renderer(site: site, theme: theme)
            let failures = await site.routes.concurrentMap { route -> Diagnostic? in
                do throws(Diagnostic) {
                    let html = try renderer.render(route)
                    try staging.write(Data(html.utf8), to: route.file)
                    return nil
                } catch {
                    return error
                }
            }
            var problems = failures.compactMap { $0 }
            for file in statics {
                do throws(Diagnostic) { try staging.copy(file.source, to: file.outputPath) } catch { problems.append(error) }
            }
            if !problems.isEmpty { throw BuildFailure(problems) }
            try staging.commit()
        } catch {
            staging.discard()
            throw error
        }
        return site.routes.count + statics.count
    }

    /// The theme's static files overlaid by the site's own (Content wins); none may replace a page.
    private static func staticFiles(site: Site, theme: Theme) throws(BuildFailure) -> [StaticFile] {
        var byPath: [String: StaticFile] = [:]
        for file in theme.staticFiles { byPath[file.outputPath] = file }
        for file in site.staticFiles { byPath[file.outputPath] = file }
        let pages = Set(site.routes.map(\.file))
        let clashes = byPath.keys.filter(pages.contains).sorted()
        if !clashes.isEmpty {
            throw BuildFailure(clashes.map { Diagnostic(path: byPath[$0]!.source.path, line: 1, "static file would replace the generated page /\($0); rename it") })
        }
        return byPath.values.sorted { $0.outputPath < $1.outputPath }
    }
}
