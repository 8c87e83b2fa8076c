/// Colours and type for every chart. Elements carry `currentColor` presentation attributes, so
/// a chart stays legible (in monochrome) wherever CSS is stripped; the inline stylesheet adds the
/// Okabe–Ito palette, in lighter shades when the reader prefers dark mode. Inline in a page,
/// text and axes follow the page's text colour; opened on its own (`:root`), the SVG sets one.
/// Themes can restyle charts through the `--chart-*` custom properties or the classes.
enum ChartStyle {
    static let fontSize = 13.0
    static let smallFontSize = 12.0
    static let titleFontSize = 14.0
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

    /// Okabe & Ito (2008), the colour-blind-safe palette.
    enum OkabeIto {
        static let orange = "#E69F00"
        static let skyBlue = "#56B4E9"
        static let bluishGreen = "#009E73"
        static let yellow = "#F0E442"
        static let blue = "#0072B2"
        static let vermillion = "#D55E00"
        static let reddishPurple = "#CC79A7"
    }

    /// No `<`, `>` or `&`, so the stylesheet reads the same escaped or not.
    static let css = """
    .chart{--chart-point:\(OkabeIto.blue);--chart-bar:\(OkabeIto.blue);--chart-frontier:\(OkabeIto.bluishGreen);\
    --chart-highlight:\(OkabeIto.vermillion)}
    @media (prefers-color-scheme:dark){.chart{--chart-point:\(OkabeIto.skyBlue);--chart-bar:\(OkabeIto.skyBlue);\
    --chart-highlight:\(OkabeIto.orange)}}
    svg.chart:root{color:#1d1d1f;color-scheme:light dark}
    @media (prefers-color-scheme:dark){svg.chart:root{color:#ececec}}
    .chart text{fill:currentColor}
    .chart .chart-muted{fill-opacity:.78}
    .chart .chart-label-highlight{font-weight:700}
    .chart-axis{stroke:currentColor;stroke-opacity:.55}
    .chart-grid{stroke:currentColor;stroke-opacity:.15}
    .chart-track{fill:currentColor;fill-opacity:.1}
    .chart-leader{stroke:currentColor;stroke-opacity:.45}
    .chart-point{fill:var(--chart-point);stroke:none}
    .chart-line{fill:none;stroke:var(--chart-point)}
    .chart-bar{fill:var(--chart-bar)}
    .chart-frontier{fill:none;stroke:var(--chart-frontier)}
    .chart-point.chart-frontier{fill:var(--chart-point);stroke:var(--chart-frontier)}
    .chart-highlight,.chart-bar.chart-highlight,.chart-point.chart-highlight{fill:var(--chart-highlight)}
    .chart-median{stroke:currentColor}
    """
}

/// Wraps a chart's body in the `<svg>` element every chart shares: scalable to its container,
/// labelled for screen readers by its `<title>` and `<desc>`, self-contained.
struct ChartDocument: Sendable {
    let kind: String
    let title: String
    let description: String
    let width: Double
    let height: Double
    let body: [SVG.Element]
    /// Given, or made from a hash of the content, so several charts on one page get distinct ids
    /// while the same chart always gets the same one.
    var id: String? = nil

    func render() -> String {
        let content = SVG.group(["class": "chart-body"], body).render()
        let id = self.id ?? "chart-" + ChartDocument.fnv1a(kind + "\u{0}" + title + "\u{0}" + description + "\u{0}" + content)
        let root = SVG.Element("svg", [
            "xmlns": "http://www.w3.org/2000/svg",
            "class": "chart chart-\(kind)-chart",
            "viewBox": "0 0 \(SVG.number(width)) \(SVG.number(height))",
            "width": "100%",
            "role": "img",
            "aria-labelledby": "\(id)-title \(id)-desc",
            "font-family": ChartStyle.fontFamily,
            "font-size": ChartStyle.fontSize,
        ], [
            SVG.Element("title", ["id": "\(id)-title"], text: title).node,
            SVG.Element("desc", ["id": "\(id)-desc"], text: description).node,
            SVG.Element("style", text: ChartStyle.css).node,
        ])
        var out = root.render()
        // The body was rendered once for the hash; splice it in rather than render it again.
        out.removeLast("</svg>".count)
        return out + content + "\n</svg>\n"
    }

    /// FNV-1a (64-bit), as 8 hex digits: stable across runs, unlike Swift's seeded `Hasher`.
    static func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
