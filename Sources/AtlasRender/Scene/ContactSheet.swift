import AtlasModel

/// A grid of every pattern, each named: an index for browsing. Each pattern shows exactly
/// the panels of its own render in `render --all` (every view it shows on the patient's
/// right, side by side, with the same X marks and edge markers), so a thumbnail never shows
/// a view or a mark its own picture does not.
public enum ContactSheet {
    public static func scene(atlas: Atlas, patterns: [Pattern], width: Int, columns: Int = 9, dpi: Double = 150,
                             style: Style = .default) throws(RenderError) -> Scene {
        guard !patterns.isEmpty else { throw RenderError.invalidRequest("no patterns for a contact sheet") }
        let w = Double(width)
        let unit = w / 60
        let margin = unit
        // A slot holds one body; a pattern takes a slot per view, never split over two rows.
        let slotWidth = (w - 2 * margin) / Double(columns)
        let scale = slotWidth / slotWidthMM
        let bodyHeight = (ChartLayout.panelBottomMM - ChartLayout.panelTopMM) * scale
        let header = unit * 3.4
        let cells = patterns.map { pattern in (pattern, views(of: pattern).filter { atlas.view($0) != nil }) }.filter { !$0.1.isEmpty }
        // Each row keeps room for its tallest name as wrapped: a one-slot name of three lines
        // ran past the sheet's bottom edge when the room was a fixed two lines (review 2040).
        let measure = try TextMeasurer(fontFamily: style.fontFamily)
        let nameSize = unit * 0.62
        let tallestName = cells.map { pattern, views in
            measure.size(pattern.name, size: nameSize, width: Double(min(views.count, columns)) * slotWidth - unit * 0.4).height
        }.max() ?? 0
        let labelHeight = max(unit * 2.6, unit * 0.2 + tallestName + unit * 0.4)
        let cellHeight = bodyHeight + labelHeight
        var places: [(row: Int, slot: Int)] = []
        var row = 0, slot = 0
        for (_, views) in cells {
            if slot + views.count > columns, slot > 0 { row += 1; slot = 0 }
            places.append((row, slot))
            slot += min(views.count, columns)
        }
        let rows = row + 1
        let height = Int((margin + header + Double(rows) * cellHeight + unit * 1.5 + margin).rounded(.up))
        guard height <= 32000 else { throw RenderError.invalidRequest("the contact sheet would be \(height) px tall") }

        var panels: [ScenePanel] = []
        var texts: [SceneText] = [
            SceneText(text: "ReferralAtlas: every pattern", at: Point(margin, margin), size: unit * 1.3, weight: .bold, fitWidth: w - 2 * margin),
            SceneText(text: "Each in the views its own picture shows, patient's right side. \(ChartBuilder.disclaimer)",
                      at: Point(margin, margin + unit * 1.9), size: unit * 0.7, color: style.mutedText, width: w - 2 * margin),
        ]
        for ((pattern, views), place) in zip(cells, places) {
            let top = margin + header + Double(place.row) * cellHeight
            var cellPanels: [ScenePanel] = []
            for (offset, view) in views.prefix(columns).enumerated() {
                guard let body = atlas.view(view) else { continue }
                let left = margin + Double(place.slot + offset) * slotWidth
                let frame = Rect(minX: left, minY: top, maxX: left + slotWidth, maxY: top + bodyHeight)
                let origin = Point(frame.center.x + ChartLayout.centringShift(view) * scale, frame.minY - ChartLayout.panelTopMM * scale)
                let placed = [Side.right, .left].compactMap { side in
                    pattern.family == .dermatome || side == .right ? pattern.placed(in: view, side: side) : nil
                }
                var panel = ScenePanel(view: body, origin: origin, scale: scale, frame: frame, label: pattern.name, patterns: placed)
                panel.sideMarks = false
                cellPanels.append(panel)
            }
            panels += cellPanels
            let span = Double(cellPanels.count) * slotWidth
            texts.append(SceneText(text: pattern.name, at: Point(margin + Double(place.slot) * slotWidth + span / 2, top + bodyHeight + unit * 0.2),
                                   size: nameSize, alignment: .center, width: span - unit * 0.4))
        }
        return Scene(width: width, height: height, dpi: dpi, title: "ReferralAtlas: every pattern", panels: panels, texts: texts,
                     legend: nil, metadata: [("Title", "ReferralAtlas contact sheet"), ("Source", "\(atlas.name) \(atlas.version)")],
                     style: style)
    }

    /// The width of body one slot frames, atlas millimetres: the body and its arms, not the
    /// margin a chart keeps for notes.
    static let slotWidthMM = 560.0

    /// The views of a pattern's own render in `render --all`: every view it shows on the
    /// patient's right side.
    static func views(of pattern: Pattern) -> [ViewID] { pattern.bodyViews(side: .right) }
}
