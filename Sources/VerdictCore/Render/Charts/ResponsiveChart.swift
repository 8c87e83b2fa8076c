/// A chart drawn twice, for a wide and for a phone-sized figure, so its labels stay legible on both:
/// an SVG scales with its `viewBox`, and a 600-unit drawing shown 330 px wide prints 12-unit text at
/// about 6 px. The theme shows one drawing and hides the other (`display: none`, so screen readers
/// meet one chart too); without the theme's stylesheet both show, one under the other.
enum ResponsiveChart {
    /// The desktop drawing's width, in SVG units (the charts' default).
    static let wideWidth = 600.0
    /// The phone drawing's width: about the width of a 360–400 px screen less the page's gutters, so
    /// text is drawn close to its nominal size there.
    static let narrowWidth = 360.0

    /// Both drawings; `draw` gets the width and the id suffix (`""` or `"-narrow"`, so ids stay unique on the page).
    static func html(_ draw: (_ width: Double, _ idSuffix: String) -> String) -> String {
        "<div class=\"chart-size chart-size-wide\">" + draw(wideWidth, "") + "</div>"
            + "<div class=\"chart-size chart-size-narrow\">" + draw(narrowWidth, "-narrow") + "</div>"
    }
}
