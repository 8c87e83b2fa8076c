/// Charts sized so their labels stay legible on a phone: an SVG scales with its `viewBox`, and a
/// 600-unit drawing shown 330 px wide prints 12-unit text at about 6 px.
enum ResponsiveChart {
    /// The desktop drawing's width, in SVG units (the charts' default).
    static let wideWidth = 600.0
    /// The phone drawing's width: about the width of a 360–400 px screen less the page's gutters, so
    /// text is drawn close to its nominal size there.
    static let narrowWidth = 360.0

    /// Both drawings, for the snapshot pages' scatter and bar charts, which need the room on a desktop
    /// (there are few such pages). The theme shows one and hides the other (`display: none`, so screen
    /// readers meet one chart); without the theme's stylesheet both show, one under the other.
    /// `draw` gets the width and an id suffix (`""` or `"-narrow"`, so ids stay unique on the page).
    static func html(_ draw: (_ width: Double, _ idSuffix: String) -> String) -> String {
        "<div class=\"chart-size chart-size-wide\">" + draw(wideWidth, "") + "</div>"
            + "<div class=\"chart-size chart-size-narrow\">" + draw(narrowWidth, "-narrow") + "</div>"
    }

    /// The phone drawing alone, which the theme shows at most about 1.25 times its size on a desktop:
    /// for review pages, one per review, where a second drawing would add about 12 KB and a third more
    /// chart work to every page (measured on a 300-review corpus).
    static func compact(_ draw: (_ width: Double, _ idSuffix: String) -> String) -> String {
        "<div class=\"chart-size chart-size-compact\">" + draw(narrowWidth, "") + "</div>"
    }
}
