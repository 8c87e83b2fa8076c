import Foundation

/// Writes a rendered site into a staging folder and swaps it in for the output folder.
enum SiteWriter {
    /// The theme's static files overlaid by the site's own (Content wins); none may replace a page.
    static func staticFiles(site: Site, theme: Theme) -> (files: [StaticFile], problems: [Diagnostic]) {
        var byPath: [String: StaticFile] = [:]
        for file in theme.staticFiles { byPath[file.outputPath] = file }
        for file in site.staticFiles { byPath[file.outputPath] = file }
        let pages = Set(site.routes.map(\.file))
        let clashes = byPath.keys.filter(pages.contains).sorted()
        let problems = clashes.map {
            Diagnostic(path: byPath[$0]!.displayPath, line: 1, "static file would replace the generated page /\($0); rename it")
        }
        return (byPath.values.filter { !pages.contains($0.outputPath) }.sorted { $0.outputPath < $1.outputPath }, problems)
    }

    /// Renders into staging, copies static files, and swaps staging in only if every step succeeded.
    static func write(site: Site, theme: Theme, targets: LinkTargets, statics: [StaticFile],
                      to output: URL) async throws(BuildFailure) -> (files: Int, diagnostics: [Diagnostic]) {
        let staging = try Staging.create(for: output)
        do throws(BuildFailure) {
            try staging.makeDirectories(for: site.routes.map(\.file) + statics.map(\.outputPath))
            var problems = await SiteRenderer.render(site: site, theme: theme, targets: targets) { route, data throws(Diagnostic) in
                try staging.write(data, to: route.file)
            }
            for file in statics {
                do throws(Diagnostic) { try staging.copy(file.source, to: file.outputPath) } catch { problems.append(error) }
            }
            if problems.contains(where: { $0.severity == .error }) { throw BuildFailure(problems) }
            try staging.commit()
            return (site.routes.count + statics.count, problems)
        } catch {
            staging.discard()
            throw error
        }
    }
}
