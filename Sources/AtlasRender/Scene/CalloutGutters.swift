import AtlasModel

/// Room for a figure's labels beside the body. A label goes to the side `Callouts` picks
/// for it; where the white between the body and the panel's edge at the label's height is
/// narrower than the label, that side of that panel gets a gutter, found in a few rounds
/// since the body shrinks as the gutters grow. Every panel keeps one scale, set by the panel
/// whose two gutters together are widest; the others centre their body in the room left.
struct CalloutGutters {
    /// Per panel, the gutter on each side, in pixels.
    var left: [Double] = [], right: [Double] = []
    /// Per panel, each label's side (true: left), as placed when the gutters were found.
    var sides: [[Bool]?] = []

    /// The room the widest pair of gutters takes from every cell (one scale for all panels).
    var widest: Double { zip(left, right).map { $0 + $1 }.max() ?? 0 }

    static func find(_ figure: Figure, atlas: Atlas, box: Rect, cellWidth: Double, size: Double, measure: TextMeasurer) -> CalloutGutters {
        let none = figure.panels.map { _ in 0.0 }
        var gutters = CalloutGutters(left: none, right: none, sides: figure.panels.map { _ in nil })
        guard figure.panels.contains(where: { !$0.labels.isEmpty }) else { return gutters }
        for _ in 0..<4 {
            let scale = (cellWidth - gutters.widest) / box.width
            guard scale > 0 else { break }
            var grew = false
            for (index, spec) in figure.panels.enumerated() where !spec.labels.isEmpty {
                var need = (left: 0.0, right: 0.0)
                guard let body = atlas.view(spec.view) else { continue }
                let frame = Rect(minX: 0, minY: 0, maxX: cellWidth, maxY: box.height * scale)
                let placed = spec.patterns.flatMap { pattern in spec.sides.compactMap { pattern.placed(in: spec.view, side: $0) } }
                let panel = ScenePanel(view: body, origin: origin(frame: frame, panel: index, view: spec.view, box: box, scale: scale,
                                                                  gutters: gutters),
                                       scale: scale, frame: gutters.inner(frame, panel: index), patterns: placed)
                let sides = gutters.sides[index] ?? Callouts.sides(spec.labels, in: panel, area: frame, size: size, measure: measure)
                gutters.sides[index] = sides
                let outline = body.outline.polylines(segmentsPerCurve: 10).flatMap { $0 }.map(panel.toPixels)
                // A label set beside its point needs no gutter.
                for (label, onLeft) in zip(spec.labels, sides) where label.beside == nil {
                    let extent = measure.size(label.text, size: size, weight: .bold)
                    let y = panel.toPixels(label.point).y
                    // The body's edge on that side within the label's height (and a little more).
                    let band = outline.filter { abs($0.y - y) < extent.height * 1.5 && gutters.inner(frame, panel: index).contains($0) }.map(\.x)
                    let edge = onLeft ? (band.min() ?? frame.maxX) : (band.max() ?? frame.minX)
                    let free = onLeft ? edge - frame.minX : frame.maxX - edge
                    let deficit = extent.width + size * 1.6 - free
                    if onLeft { need.left = max(need.left, deficit) } else { need.right = max(need.right, deficit) }
                }
                if need.left > 0.5 || need.right > 0.5 { grew = true }
                gutters.left[index] += max(0, need.left)
                gutters.right[index] += max(0, need.right)
            }
            guard grew else { break }
        }
        // Never so wide that the body all but vanishes: half the cell at most.
        let most = cellWidth / 2
        if gutters.widest > most {
            let k = most / gutters.widest
            gutters.left = gutters.left.map { $0 * k }
            gutters.right = gutters.right.map { $0 * k }
        }
        return gutters
    }

    /// A panel's cell without its gutters: where the body is drawn (and clipped), as wide as
    /// every panel's (the one scale), centred in the room its own gutters leave.
    func inner(_ cell: Rect, panel index: Int) -> Rect {
        let slack = (widest - left[index] - right[index]) / 2
        return Rect(minX: cell.minX + left[index] + slack, minY: cell.minY, maxX: cell.maxX - right[index] - slack, maxY: cell.maxY)
    }

    /// Where the atlas origin lands in panel `index` framed by `frame`: the body centred in the
    /// room its gutters leave.
    static func origin(frame: Rect, panel index: Int, view: ViewID, box: Rect, scale: Double, gutters: CalloutGutters) -> Point {
        let centre = frame.minX + gutters.left[index] + (frame.width - gutters.left[index] - gutters.right[index]) / 2
        return Point(centre - (box.center.x - ChartLayout.centringShift(view)) * scale, frame.minY - box.minY * scale)
    }
}
