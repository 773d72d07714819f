import AtlasModel

/// A render's legend (and its source line, when it fits) set in the white a row of muscle
/// pictures leaves beside them, as a plate sets its key beside a figure. A side view's
/// picture stands under the side view, so the back view's column of the row stayed blank
/// (about 780 × 540 px on a 1200 px page) while the legend ran full width below both (rev8
/// review item 6).
struct KeyBesideInsets {
    let row: MuscleInsetRow
    let pageWidth: Double
    let margin: Double
    /// The chart's text unit: the legend is set at 0.62 of it and the source line at 0.5, as
    /// under the panels.
    let unit: Double

    /// The lowest point of the pictures and their captions.
    var rowBottom: Double { row.top + row.height - unit * 0.55 }

    /// The blank column, off the page margin and a gap clear of the pictures' frames; nil when
    /// there is none or it is narrower than 30% of the page (its lines would be a few words).
    var column: (minX: Double, maxX: Double)? {
        guard row.height > 0, let blank = row.blank else { return nil }
        let gap = unit * 0.5
        let minX = blank.minX <= margin + 1 ? margin : blank.minX + gap
        let maxX = blank.maxX >= pageWidth - margin - 1 ? pageWidth - margin : blank.maxX - gap
        return maxX - minX >= pageWidth * 0.3 ? (minX, maxX) : nil
    }

    /// The legend's frame beside the pictures, from the row's top, and the source line under
    /// it when both end above the pictures' bottom (else nil: the caller sets it full width
    /// below). Nil when the legend itself would run below the pictures: it then keeps its
    /// full-width place under them.
    func place(_ entries: [LegendEntry], footer: String, color: Color, measure: TextMeasurer) -> (legend: Rect, footer: SceneText?)? {
        guard let column, !entries.isEmpty else { return nil }
        let width = column.maxX - column.minX
        let height = FigureBuilder.legendHeight(entries, size: unit * 0.62, width: width, measure: measure)
        let legend = Rect(minX: column.minX, minY: row.top, maxX: column.maxX, maxY: row.top + height)
        guard legend.maxY <= rowBottom else { return nil }
        let text = SceneText(text: footer, at: Point(column.minX, legend.maxY + unit * 0.25), size: unit * 0.5, color: color, width: width)
        return (legend, measure.box(of: text).maxY <= rowBottom ? text : nil)
    }
}
