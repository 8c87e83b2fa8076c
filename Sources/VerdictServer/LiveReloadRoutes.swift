import Foundation
import Hummingbird
import ServiceLifecycle
import VerdictCore

/// The server's own endpoints, outside the site: the event stream, the script, and a status document.
enum LiveReloadRoutes {
    static func add(to router: Router<BasicRequestContext>, state: PreviewState) {
        router.get(RouterPath(LiveReload.eventsPath)) { request, _ -> Response in
            guard HostAllowlist.originPermitted(request) else {
                return PlainResponse.make(.forbidden, "Blocked: the live-reload stream is only for pages of this preview.\n")
            }
            return events(state: state)
        }
        router.get(RouterPath(LiveReload.scriptPath)) { _, _ -> Response in
            var headers: HTTPFields = [:]
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            headers[.contentTypeOptions] = "nosniff"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        router.get(RouterPath(LiveReload.statusPath)) { request, _ -> Response in
            guard HostAllowlist.originPermitted(request) else {
                return PlainResponse.make(.forbidden, "Blocked: the status is only for pages of this preview.\n")
            }
            return await status(state: state)
        }
    }

    /// Server-Sent Events until the page goes away or the server shuts down (Ctrl-C must not wait for
    /// open tabs, hence `cancelOnGracefulShutdown`).
    static func events(state: PreviewState) -> Response {
        var headers: HTTPFields = [:]
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.accelBuffering] = "no"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let stream = await state.subscribe()
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            for await event in stream.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: event.wireText))
            }
            try await writer.finish(nil)
        })
    }

    private struct Status: Encodable {
        let instance: String
        let generation: Int
        let rebuilds: Int
        let built: Bool
        let problems: [String]
        let liveReloadClients: Int
    }

    static func status(state: PreviewState) async -> Response {
        let site = await state.site
        let status = Status(instance: site.instance, generation: site.generation, rebuilds: await state.rebuilds, built: site.isBuilt,
                            problems: LiveReload.overlayLines(await state.problems), liveReloadClients: await state.subscriberCount)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var headers: HTTPFields = [:]
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        let data = (try? encoder.encode(status)) ?? Data("{}".utf8)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
