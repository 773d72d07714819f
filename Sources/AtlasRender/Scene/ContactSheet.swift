import AtlasModel

/// A grid of every pattern, each named: an index for browsing. Each pattern shows exactly
/// the panels of its own render in `render --all` (every view it shows on the patient's
/// right, side by side, with the same X marks and edge markers), so a thumbnail never shows
/// a view or a mark its own picture does not. A key under the title names what they draw.
public enum ContactSheet {
    public static func scene(atlas: Atlas, patterns: [Pattern], width: Int, columns: Int = 9, dpi: Double = 150,
                             style: Style = .default) throws(RenderError) -> Scene {
        guard !patterns.isEmpty else { throw RenderError.invalidRequest("no patterns for a contact sheet") }
        let w = Double(width)
        let unit = w / 60
        let margin = unit
        // A row is `columns` side views wide; a pattern takes a slot per view, never split
        // over two rows. A back or front slot is wider than a side one (its arms hang out).
        let rowMM = Double(columns) * slotWidthMM
        let scale = (w - 2 * margin) / rowMM
        let bodyHeight = (ChartLayout.panelBottomMM - ChartLayout.panelTopMM) * scale
        let cells = patterns.map { pattern in (pattern, fitting(views(of: pattern).filter { atlas.view($0) != nil }, in: rowMM)) }
            .filter { !$0.1.isEmpty }
        let measure = try TextMeasurer(fontFamily: style.fontFamily)
        let nameSize = unit * 0.62
        // A key under the title: every encoding the thumbnails draw, with their very X (the
        // fine one, see `SceneDrawer.crossLook`), grouped as a figure's long legend is.
        let shown = cells.flatMap { pattern, views in views.compactMap { view in atlas.view(view).map { (pattern, $0) } } }
            .map { pattern, body in ScenePanel(view: body, origin: Point(0, 0), scale: scale, frame: Rect(minX: 0, minY: 0, maxX: 0, maxY: 0),
                                               patterns: placed(pattern, in: body.id)) }
        let entries = LegendGroups.grouped(ChartBuilder.legendEntries(kind: .render, style: style, panels: shown), phrases: Phrasebook())
        let keyTop = margin + unit * 3.2
        let keyHeight = FigureBuilder.legendHeight(entries, size: nameSize, width: w - 2 * margin, measure: measure)
        let header = keyTop - margin + keyHeight + unit * 1.2
        // Each row keeps room for its tallest name as wrapped: a one-slot name of three lines
        // ran past the sheet's bottom edge when the room was a fixed two lines (review 2040).
        let tallestName = cells.map { pattern, views in
            measure.size(pattern.name, size: nameSize, width: spanMM(views) * scale - unit * 0.4).height
        }.max() ?? 0
        let labelHeight = max(unit * 2.6, unit * 0.2 + tallestName + unit * 0.4)
        let cellHeight = bodyHeight + labelHeight
        // Where each pattern starts: its row and its left edge in the row (millimetres).
        var places: [(row: Int, x: Double)] = []
        var row = 0, x = 0.0
        for (_, views) in cells {
            if x + spanMM(views) > rowMM + 0.5, x > 0 { row += 1; x = 0 }
            places.append((row, x))
            x += spanMM(views)
        }
        let rows = row + 1
        let height = Int((margin + header + Double(rows) * cellHeight + unit * 1.5 + margin).rounded(.up))
        guard height <= 32000 else { throw RenderError.invalidRequest("the contact sheet would be \(height) px tall") }

        var panels: [ScenePanel] = []
        var texts: [SceneText] = [
            SceneText(text: "ReferralAtlas: every pattern", at: Point(margin, margin), size: unit * 1.3, weight: .bold, fitWidth: w - 2 * margin),
            SceneText(text: "Each pattern is shown in the views it is drawn in, on the patient's right side. \(ChartBuilder.disclaimer)",
                      at: Point(margin, margin + unit * 1.9), size: unit * 0.7, color: style.mutedText, width: w - 2 * margin),
        ]
        for ((pattern, views), place) in zip(cells, places) {
            let top = margin + header + Double(place.row) * cellHeight
            var cellPanels: [ScenePanel] = []
            var left = margin + place.x * scale
            for view in views {
                guard let body = atlas.view(view) else { continue }
                let frame = Rect(minX: left, minY: top, maxX: left + slotWidthMM(view) * scale, maxY: top + bodyHeight)
                left = frame.maxX
                let origin = Point(frame.center.x + ChartLayout.centringShift(view) * scale, frame.minY - ChartLayout.panelTopMM * scale)
                var panel = ScenePanel(view: body, origin: origin, scale: scale, frame: frame, label: pattern.name,
                                       patterns: placed(pattern, in: view))
                panel.sideMarks = false
                panel.fineCrosses = true
                cellPanels.append(panel)
            }
            panels += cellPanels
            let span = spanMM(views) * scale
            texts.append(SceneText(text: pattern.name, at: Point(margin + place.x * scale + span / 2, top + bodyHeight + unit * 0.2),
                                   size: nameSize, alignment: .center, width: span - unit * 0.4))
        }
        let key = SceneLegend(entries: entries, frame: Rect(minX: margin, minY: keyTop, maxX: w - margin, maxY: keyTop + keyHeight),
                              textSize: nameSize)
        return Scene(width: width, height: height, dpi: dpi, title: "ReferralAtlas: every pattern", panels: panels, texts: texts,
                     legend: key, metadata: [("Title", "ReferralAtlas contact sheet"), ("Source", "\(atlas.name) \(atlas.version)")],
                     style: style)
    }

    /// What a thumbnail of `pattern` in `view` shows: the patient's right side (both sides
    /// of a dermatome map, which is drawn whole).
    static func placed(_ pattern: Pattern, in view: ViewID) -> [PlacedPattern] {
        [Side.right, .left].compactMap { side in pattern.family == .dermatome || side == .right ? pattern.placed(in: view, side: side) : nil }
    }

    /// The width of body one side-view slot frames, atlas millimetres: the body and its arms,
    /// not the margin a chart keeps for notes.
    static let slotWidthMM = 560.0

    /// A back or front view's slot: the body with its hanging arms is 710 mm wide, so in a
    /// 560 mm slot a back view's arm crossed its front neighbour's and the hands merged
    /// (review rev4 B); this leaves a gap of about 50 mm between the hands.
    static let wideSlotWidthMM = 760.0

    static func slotWidthMM(_ view: ViewID) -> Double {
        view == .posterior || view == .anterior ? wideSlotWidthMM : slotWidthMM
    }

    static func spanMM(_ views: [ViewID]) -> Double { views.map(slotWidthMM).reduce(0, +) }

    /// As many of `views` as one row holds (in order).
    static func fitting(_ views: [ViewID], in rowMM: Double) -> [ViewID] {
        var kept: [ViewID] = []
        for view in views where spanMM(kept + [view]) <= rowMM + 0.5 { kept.append(view) }
        return kept
    }

    /// The views of a pattern's own render in `render --all`: every view it shows on the
    /// patient's right side.
    static func views(of pattern: Pattern) -> [ViewID] { pattern.bodyViews(side: .right) }
}
