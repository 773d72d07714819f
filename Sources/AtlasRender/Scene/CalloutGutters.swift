import AtlasModel

/// Room for a figure's labels beside the body. A label goes to the side `Callouts` picks
/// for it; where the white between the body and the panel's edge at the label's height is
/// narrower than the label, that side of every panel gets a gutter (the panels keep one
/// scale), found in a few rounds since the body shrinks as the gutters grow.
struct CalloutGutters {
    var left = 0.0, right = 0.0
    /// Per panel, each label's side (true: left), as placed when the gutters were found.
    var sides: [[Bool]?] = []

    static func find(_ figure: Figure, atlas: Atlas, box: Rect, cellWidth: Double, size: Double, measure: TextMeasurer) -> CalloutGutters {
        var gutters = CalloutGutters(sides: figure.panels.map { _ in nil })
        guard figure.panels.contains(where: { !$0.labels.isEmpty }) else { return gutters }
        for _ in 0..<4 {
            let scale = (cellWidth - gutters.left - gutters.right) / box.width
            guard scale > 0 else { break }
            var need = (left: 0.0, right: 0.0)
            for (index, spec) in figure.panels.enumerated() where !spec.labels.isEmpty {
                guard let body = atlas.view(spec.view) else { continue }
                let frame = Rect(minX: 0, minY: 0, maxX: cellWidth, maxY: box.height * scale)
                let placed = spec.patterns.flatMap { pattern in spec.sides.compactMap { pattern.placed(in: spec.view, side: $0) } }
                let panel = ScenePanel(view: body, origin: origin(frame: frame, view: spec.view, box: box, scale: scale, gutters: gutters),
                                       scale: scale, frame: gutters.inner(frame), patterns: placed)
                let sides = gutters.sides[index] ?? Callouts.sides(spec.labels, in: panel, area: frame, size: size, measure: measure)
                gutters.sides[index] = sides
                let outline = body.outline.polylines(segmentsPerCurve: 10).flatMap { $0 }.map(panel.toPixels)
                for (label, onLeft) in zip(spec.labels, sides) {
                    let extent = measure.size(label.text, size: size, weight: .bold)
                    let y = panel.toPixels(label.point).y
                    // The body's edge on that side within the label's height (and a little more).
                    let band = outline.filter { abs($0.y - y) < extent.height * 1.5 && gutters.inner(frame).contains($0) }.map(\.x)
                    let edge = onLeft ? (band.min() ?? frame.maxX) : (band.max() ?? frame.minX)
                    let free = onLeft ? edge - frame.minX : frame.maxX - edge
                    let deficit = extent.width + size * 1.6 - free
                    if onLeft { need.left = max(need.left, deficit) } else { need.right = max(need.right, deficit) }
                }
            }
            guard need.left > 0.5 || need.right > 0.5 else { break }
            gutters.left += max(0, need.left)
            gutters.right += max(0, need.right)
        }
        // Never so wide that the body all but vanishes: half the cell at most.
        let most = cellWidth / 2
        if gutters.left + gutters.right > most {
            let k = most / (gutters.left + gutters.right)
            gutters.left *= k
            gutters.right *= k
        }
        return gutters
    }

    /// A cell without its gutters: where the body is drawn (and clipped).
    func inner(_ cell: Rect) -> Rect { Rect(minX: cell.minX + left, minY: cell.minY, maxX: cell.maxX - right, maxY: cell.maxY) }

    /// Where the atlas origin lands in a panel framed by `frame`: the body centred in the room
    /// the gutters leave.
    static func origin(frame: Rect, view: ViewID, box: Rect, scale: Double, gutters: CalloutGutters) -> Point {
        let centre = frame.minX + gutters.left + (frame.width - gutters.left - gutters.right) / 2
        return Point(centre - (box.center.x - ChartLayout.centringShift(view)) * scale, frame.minY - box.minY * scale)
    }
}
