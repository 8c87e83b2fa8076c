import Foundation
import Synchronization

/// Renders a site into a staging area and, only if every page succeeded, commits it to the output
/// folder (see `Staging` for what a reader and a failed or killed build can see).
enum SiteWriter {
    /// The theme's static files overlaid by the site's own (Content wins); none may replace a page.
    static func staticFiles(site: Site, theme: Theme) -> (files: [StaticFile], problems: [Diagnostic]) {
        var byPath: [String: StaticFile] = [:]
        for file in theme.staticFiles { byPath[file.outputPath] = file }
        for file in site.staticFiles { byPath[file.outputPath] = file }
        let pages = Set(site.routes.map(\.file))
        let clashes = byPath.keys.filter(pages.contains).sorted()
        let problems = clashes.map {
            Diagnostic(path: byPath[$0]!.displayPath, "static file would replace the generated page /\($0); rename it")
        }
        return (byPath.values.filter { !pages.contains($0.outputPath) }.sorted { $0.outputPath < $1.outputPath }, problems)
    }

    struct Written: Sendable {
        let files: Int
        let diagnostics: [Diagnostic]
        /// View-model fingerprints of the theme-rendered pages, by output file (with a cache only).
        let keys: [String: UInt64]
        /// Input keys of the pages that have one (with a cache only; see `PageInputKeys`).
        let inputs: [String: UInt64]
        let reused: Int
        /// Hashes of the files rendered and written now (with a cache only), so the cache need not read them back.
        let hashes: [String: UInt64]
    }

    /// Renders into staging, copies static files, and commits only if every step succeeded.
    /// With `previous` (a cache of the current output made under the same environment), pages whose
    /// fingerprint it holds are kept in the output as they are instead of rendered; so are pages whose
    /// input key (`inputKeys`) it holds, without their view being built.
    static func write(site: Site, theme: Theme, targets: LinkTargets, statics: [StaticFile],
                      to output: URL, previous: BuildCache?, fingerprint: Bool,
                      inputKeys: PageInputKeys? = nil) async throws(BuildFailure) -> Written {
        let staging = try Staging.create(for: output, files: site.routes.map(\.file) + statics.map(\.outputPath))
        do throws(BuildFailure) {
            @Sendable func reusePrevious(_ route: Route, key: UInt64) -> Bool {
                guard let file = previous?.files[route.file], file.key == key.hex else { return false }
                return staging.keepPrevious(route.file, cached: file)
            }
            /// The view fingerprint recorded with the page taken, which is this page's too: the same inputs
            /// (none for a data file, which has no view).
            @Sendable func reuseByInput(_ route: Route, input: UInt64) -> SiteRenderer.Kept? {
                guard let file = previous?.files[route.file], file.input == input.hex else { return nil }
                let key = file.key.flatMap { UInt64($0, radix: 16) }
                guard key != nil || !route.kind.isPage, staging.keepPrevious(route.file, cached: file) else { return nil }
                return SiteRenderer.Kept(viewKey: key)
            }
            let reuse: (@Sendable (Route, UInt64) -> Bool)? = fingerprint ? reusePrevious : nil
            let reuseInput: (@Sendable (Route, UInt64) -> SiteRenderer.Kept?)? = fingerprint ? reuseByInput : nil
            let hashes = Mutex<[String: UInt64]>([:])
            // A file made in chunks is written as it is made (Staging+Stream.swift).
            @Sendable func writeStream(_ route: Route, _ stream: DataStream) throws(Diagnostic) {
                let hash = try staging.write(stream, to: route.file)
                if fingerprint { hashes.withLock { $0[route.file] = hash } }
            }
            let rendered = await SiteRenderer.render(site: site, theme: theme, targets: targets, reuse: reuse,
                                                     inputKeys: inputKeys, reuseInput: reuseInput,
                                                     emitStream: writeStream) { route, data throws(Diagnostic) in
                try staging.write(data, to: route.file)
                if fingerprint {
                    let hash = StableHash.of(data)
                    hashes.withLock { $0[route.file] = hash }
                }
            }
            var problems = rendered.diagnostics
            for file in statics {
                do throws(Diagnostic) { try staging.copy(file.source, to: file.outputPath) } catch { problems.append(error) }
            }
            if problems.contains(where: { $0.severity == .error }) { throw BuildFailure(problems) }
            try staging.commit()
            return Written(files: site.routes.count + statics.count, diagnostics: problems, keys: rendered.keys, inputs: rendered.inputs,
                           reused: rendered.reused,
                           hashes: hashes.withLock { $0 })
        } catch {
            staging.discard()
            throw error
        }
    }
}
