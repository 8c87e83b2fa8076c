import Foundation
import VerdictCore

/// The live-reload protocol: the events pages receive, the script that listens to them, and how the
/// script gets into served pages. Only responses are changed; the files on disk stay as `verdict build`
/// writes them.
enum LiveReload {
    /// Paths outside any site (site paths are slugs, which never start with `_`).
    static let prefix = "/__verdict/"
    static let eventsPath = "/__verdict/events"
    static let scriptPath = "/__verdict/live-reload.js"
    static let statusPath = "/__verdict/status"
    static let overlayID = "verdict-error-overlay"

    // MARK: Events

    private struct Hello: Encodable {
        let instance: String
        let generation: Int
    }

    private struct Generation: Encodable {
        let generation: Int
    }

    private struct Reload: Encodable {
        let generation: Int
        /// The URL paths that changed; absent when every page should reload.
        let paths: [String]?
    }

    private struct Problems: Encodable {
        let count: Int
        /// `path:line:column: error: message` lines, HTML-escaped: the overlay inserts them as markup.
        let html: String
    }

    static func hello(_ site: ServedSite) -> ServerSentEvent {
        ServerSentEvent(name: "hello", data: json(Hello(instance: site.instance, generation: site.generation)))
    }

    static func reloadEvent(_ generation: Int, paths: [String]?) -> ServerSentEvent {
        ServerSentEvent(name: "reload", data: json(Reload(generation: generation, paths: paths)))
    }

    static func cssEvent(_ generation: Int) -> ServerSentEvent {
        ServerSentEvent(name: "css", data: json(Generation(generation: generation)))
    }

    static func clearedEvent(_ generation: Int) -> ServerSentEvent {
        ServerSentEvent(name: "cleared", data: json(Generation(generation: generation)))
    }

    static func problemsEvent(_ diagnostics: [Diagnostic]) -> ServerSentEvent {
        let lines = overlayLines(diagnostics)
        return ServerSentEvent(name: "problems", data: json(Problems(count: lines.count, html: lines.map(Escape.xml).joined(separator: "\n"))))
    }

    /// The errors as `path:line:column: error: message`, as the terminal prints them, so the text
    /// can be pasted into an editor's jump-to-line.
    static func overlayLines(_ diagnostics: [Diagnostic]) -> [String] {
        let errors = diagnostics.filter { $0.severity == .error }
        return (errors.isEmpty ? diagnostics : errors).sorted().map(\.description)
    }

    private static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
    }


    // MARK: Injection

    /// The tag added to every served HTML page. The page's generation lets the script notice a rebuild
    /// it missed while (re)connecting; `page` is the URL path of the file served (the 404 page's own path
    /// when a missing page was asked for), matched against the paths a rebuild changed.
    static func tag(for site: ServedSite, page: String) -> String {
        "<script src=\"\(scriptPath)\" data-events=\"\(eventsPath)\" data-generation=\"\(site.generation)\" "
            + "data-instance=\"\(Escape.xml(site.instance))\" data-page=\"\(Escape.xml(page))\"></script>\n"
    }

    /// Inserts `tag` before the last `</body>` (any case), or appends it when the page has none.
    static func inject(_ tag: String, into html: [UInt8]) -> [UInt8] {
        let needle = Array("</body".utf8)
        var index = html.count - needle.count
        while index >= 0 {
            var matches = true
            for offset in 0..<needle.count where lowercased(html[index + offset]) != needle[offset] {
                matches = false
                break
            }
            if matches { return Array(html[..<index]) + Array(tag.utf8) + Array(html[index...]) }
            index -= 1
        }
        return html + Array(tag.utf8)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// Shown for every page until the first build succeeds; the overlay explains why.
    static func waitingPage(_ site: ServedSite) -> [UInt8] {
        let html = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Verdict preview: waiting for a successful build</title></head>
            <body style="font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
            <h1>Waiting for a successful build</h1>
            <p>The site has not built yet. Fix the problems shown in the terminal (and over this page);
            this page reloads by itself as soon as the build succeeds.</p>
            </body>
            </html>

            """
        return inject(tag(for: site, page: ""), into: Array(html.utf8))
    }

    // MARK: The script

    /// Served at `scriptPath`. Listens for events, reloads after a rebuild, swaps stylesheets after a
    /// CSS-only change, shows failures over the page and removes them after the fix, and reconnects.
    static let script = """
        // Verdict live reload: injected by `verdict serve` only; never part of a built site.
        (function () {
          "use strict";
          var script = document.currentScript;
          if (!script || !window.EventSource) return;
          var generation = Number(script.dataset.generation);
          var instance = script.dataset.instance;
          var page = script.dataset.page;
          var overlayID = "\(overlayID)";
          var source = null;
          var retry = null;

          function removeOverlay() {
            var overlay = document.getElementById(overlayID);
            if (overlay) overlay.remove();
          }

          function showOverlay(problems) {
            removeOverlay();
            var overlay = document.createElement("div");
            overlay.id = overlayID;
            overlay.setAttribute("role", "alert");
            overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;box-sizing:border-box;" +
              "padding:24px;background:rgba(24,24,28,.94);color:#f4f4f5;" +
              "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left";
            var plural = problems.count === 1 ? "problem" : "problems";
            overlay.innerHTML = '<div style="max-width:960px;margin:0 auto">' +
              '<p style="margin:0 0 12px;font-weight:bold;color:#ff8a80">Verdict: the rebuild failed (' +
              problems.count + ' ' + plural + '). This page still shows the last good build.</p>' +
              '<pre style="margin:0 0 16px;padding:12px 16px;white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;' +
              'line-height:1.5;color:#fff;background:#000;border:1px solid #55555c;border-radius:6px">' + problems.html + '</pre>' +
              '<p style="margin:0;color:#c4c4c8">Fix the file and save: this page updates by itself. ' +
              '<button type="button" style="font:inherit">Hide</button></p></div>';
            overlay.querySelector("button").addEventListener("click", removeOverlay);
            (document.body || document.documentElement).appendChild(overlay);
          }

          function swapStylesheets(version) {
            var links = document.querySelectorAll('link[rel~="stylesheet"]');
            for (var i = 0; i < links.length; i++) {
              var url = new URL(links[i].href, location.href);
              if (url.origin !== location.origin) continue;
              url.searchParams.set("verdict-reload", String(version));
              links[i].href = url.href;
            }
          }

          function connect() {
            if (source) source.close();
            source = new EventSource(script.dataset.events);
            source.addEventListener("hello", function (event) {
              var data = JSON.parse(event.data);
              if (data.instance !== instance || data.generation !== generation) location.reload();
            });
            source.addEventListener("reload", function (event) {
              var data = JSON.parse(event.data);
              // Reload when this page changed (or everything did); otherwise it is still current.
              if (!data.paths || data.paths.indexOf(page) >= 0 || data.paths.indexOf(location.pathname) >= 0) {
                location.reload();
              } else {
                generation = data.generation;
                removeOverlay();
              }
            });
            source.addEventListener("css", function (event) {
              var data = JSON.parse(event.data);
              generation = data.generation;
              removeOverlay();
              swapStylesheets(data.generation);
            });
            source.addEventListener("problems", function (event) { showOverlay(JSON.parse(event.data)); });
            source.addEventListener("cleared", removeOverlay);
            source.onerror = function () {
              // The browser retries by itself unless the stream was refused; then try again here.
              if (source.readyState === EventSource.CLOSED) {
                source.close();
                clearTimeout(retry);
                retry = setTimeout(connect, 1000);
              }
            };
          }

          // Hidden tabs let go of their connection (browsers allow only a few per server) and catch up
          // when shown again: the greeting tells them whether they missed a rebuild.
          document.addEventListener("visibilitychange", function () {
            if (document.visibilityState === "hidden") {
              if (source) { source.close(); source = null; }
              clearTimeout(retry);
            } else if (!source) {
              connect();
            }
          });

          connect();
        })();

        """
}
