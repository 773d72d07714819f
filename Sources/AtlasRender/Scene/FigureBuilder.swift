import AtlasModel

/// Lays out a declarative figure: a grid of panels with titles and captions, a shared
/// legend and a source line.
///
/// Text is sized for reading: a blog shows a figure about `readingWidth` pixels wide, and
/// there every text is at least `smallestText` pixels tall, at any width the figure is
/// drawn (sizes scale with it). Panel titles wrap rather than shrink.
public enum FigureBuilder {
    /// The width a figure is read at in a blog post.
    public static let readingWidth = 800.0
    /// The smallest text, in pixels, at `readingWidth`.
    public static let smallestText = 14.0
    /// The source line's size at `readingWidth`: a long paragraph of small grey print, set a
    /// little larger so that its letters themselves (ascender to descender, about 0.93 of the
    /// size in DejaVu Sans) measure 14 px, not only the font size (a review measured 13 px).
    public static let sourceText = 15.5
    /// The view names ("Back view") and L/R marks at `readingWidth`: short grey labels whose
    /// capitals (0.73 of the size in DejaVu Sans) measured 10 px at 14, read as 13.7 px type
    /// (review 2040); at 15.5 their letters measure 14 px, as the source line's do.
    public static let viewText = 15.5

    public static func scene(_ figure: Figure, width: Int? = nil, dpi: Double = 150, style: Style = .default,
                             atlas: Atlas) throws(RenderError) -> Scene {
        let w = Double(width ?? figure.width)
        guard (200...16000).contains(w) else { throw RenderError.invalidRequest("a figure is 200 to 16000 px wide, not \(Int(w))") }
        try RenderError.checking { () throws(InvalidOption) in try Limits.dpi.check(dpi) }
        let columns = max(1, min(figure.columns, figure.panels.count))
        let rows = (figure.panels.count + columns - 1) / columns
        // One reading pixel: every size below is a multiple of it.
        let d = w / readingWidth
        let sizes = (title: 28 * d, subtitle: 16 * d, panelTitle: 16 * d, view: viewText * d, note: smallestText * d, caption: 14.5 * d,
                     legend: 15 * d, source: sourceText * d, callout: smallestText * d, side: viewText * d)
        let margin = 16 * d
        let box = frameBox(figure)
        let cellWidth = (w - 2 * margin) / Double(columns)
        let measure = try TextMeasurer(fontFamily: style.fontFamily)
        // Labels stand in the white beside the body, never on it: where a panel's margin is too
        // narrow for a label, that panel gives that side a gutter (the same scale for all).
        let gutters = CalloutGutters.find(figure, atlas: atlas, box: box, cellWidth: cellWidth, size: sizes.callout, measure: measure)
        let scale = (cellWidth - gutters.widest) / box.width
        let panelHeight = box.height * scale
        let textWidth = cellWidth - 8 * d

        // Panels that do not all show the same view each say which view they show, unless the
        // panel's title already says it ("Back view" under "Back view" read as a doubled heading).
        let labelViews = Set(figure.panels.map(\.view)).count > 1
        let viewLabels = figure.panels.map { spec -> String? in
            let name = viewName(spec.view, atlas: atlas)
            return labelViews && !(spec.title?.lowercased().contains(name.lowercased()) ?? false) ? name : nil
        }
        let titleHeights = figure.panels.map { $0.title.map { measure.size($0, size: sizes.panelTitle, weight: .bold, width: textWidth).height } ?? 0 }
        let viewHeight = viewLabels.contains { $0 != nil } ? measure.size("Ag", size: sizes.view).height : 0
        // The views this figure shows of each pattern, for edge markers that point elsewhere.
        var shownViews: [String: Set<PatternView>] = [:]
        for spec in figure.panels { for pattern in spec.patterns { shownViews[pattern.id, default: []].insert(spec.view.patternView) } }
        // Edge-marker notes ("✕ TrP3: see side view") stand above their panel, off the body.
        let notes: [[String]] = figure.panels.map { spec in
            guard let body = atlas.view(spec.view) else { return [] }
            let probe = ScenePanel(view: body, origin: Point(0, 0), scale: 1, frame: Rect(minX: 0, minY: 0, maxX: 1, maxY: 1),
                                   patterns: spec.patterns.flatMap { pattern in spec.sides.compactMap { pattern.placed(in: spec.view, side: $0) } })
            return EdgeMarkerText.texts(for: probe, atlas: atlas, size: 1, shownViews: shownViews).map(\.text)
        }
        let noteHeights = notes.map { lines in
            lines.map { measure.size($0, size: sizes.note, weight: .bold, width: textWidth).height }.reduce(0, +)
        }
        // Each row holds room for its own panels' notes only (a row without notes no gap).
        let rowNotes = (0..<rows).map { row in noteHeights.indices.filter { $0 / columns == row }.map { noteHeights[$0] }.max() ?? 0 }
        let titleRows = rowNotes.map { notesHeight in
            (titleHeights.max() ?? 0) + viewHeight + notesHeight
                + (titleHeights.contains { $0 > 0 } || viewHeight > 0 || notesHeight > 0 ? 6 * d : 0)
        }
        // A mark whose label finds no place on the body (a small panel) is named in the caption.
        let markSize = SceneDrawer.markLabelSize(legendText: figure.legend ? sizes.legend : nil, scale: scale, smallestText: smallestText * d)
        let captions = figure.panels.enumerated().map { index, spec -> String? in
            guard let body = atlas.view(spec.view) else { return spec.caption }
            let cell = Rect(minX: margin + Double(index % columns) * cellWidth, minY: 0, maxX: margin + Double(index % columns + 1) * cellWidth,
                            maxY: panelHeight)
            let origin = CalloutGutters.origin(frame: cell, panel: index, view: spec.view, box: box, scale: scale, gutters: gutters)
            let probe = ScenePanel(view: body, origin: origin, scale: scale, frame: gutters.inner(cell, panel: index),
                                   patterns: spec.patterns.flatMap { pattern in spec.sides.compactMap { pattern.placed(in: spec.view, side: $0) } })
            let dropped = SceneDrawer.droppedMarks(probe, size: markSize) { measure.size($0, size: markSize) }
            let names = uniqueNames(dropped.map(SceneDrawer.captionName))
            guard !names.isEmpty else { return spec.caption }
            let marked = "Marked: \(names.joined(separator: ", "))."
            return spec.caption.map { "\($0) \(marked)" } ?? marked
        }
        let captionHeights = captions.map { $0.map { measure.size($0, size: sizes.caption, width: textWidth).height } ?? 0 }
        let captionRow = (captionHeights.max() ?? 0) > 0 ? captionHeights.max()! + 10 * d : 0
        let titleHeight = measure.size(figure.title, size: sizes.title, weight: .bold, width: w - 2 * margin).height
        let subtitleHeight = figure.subtitle.map { measure.size($0, size: sizes.subtitle, width: w - 2 * margin).height } ?? 0
        let header = titleHeight + (subtitleHeight > 0 ? 4 * d + subtitleHeight : 0) + 14 * d
        // Rows after the first stand clear of the captions above them.
        let rowGap = rows > 1 ? 14 * d : 0
        let rowHeights = titleRows.map { $0 + panelHeight + captionRow + rowGap }
        let rowTops = rowHeights.indices.map { row in margin + header + rowHeights.prefix(row).reduce(0, +) }

        var panels: [ScenePanel] = []
        var leaders: [SceneLeader] = []
        var labelBoxes: [SceneBox] = []
        var texts: [SceneText] = [SceneText(text: figure.title, at: Point(margin, margin), size: sizes.title, weight: .bold,
                                            width: w - 2 * margin)]
        if let subtitle = figure.subtitle {
            texts.append(SceneText(text: subtitle, at: Point(margin, margin + titleHeight + 4 * d), size: sizes.subtitle,
                                   color: style.mutedText, width: w - 2 * margin))
        }
        for (index, spec) in figure.panels.enumerated() {
            guard let body = atlas.view(spec.view) else { throw RenderError.invalidRequest("the atlas has no \(spec.view.rawValue) view") }
            let column = index % columns, row = index / columns
            let top = rowTops[row], titleRow = titleRows[row], notesHeight = rowNotes[row]
            let cell = Rect(minX: margin + Double(column) * cellWidth, minY: top + titleRow,
                            maxX: margin + Double(column + 1) * cellWidth, maxY: top + titleRow + panelHeight)
            let frame = gutters.inner(cell, panel: index)
            let origin = CalloutGutters.origin(frame: cell, panel: index, view: spec.view, box: box, scale: scale, gutters: gutters)
            let placed = spec.patterns.flatMap { pattern in spec.sides.compactMap { pattern.placed(in: spec.view, side: $0) } }
            var panel = ScenePanel(view: body, origin: origin, scale: scale, frame: frame, label: spec.title, patterns: placed)
            panel.clip = figure.region != .full
            panels.append(panel)
            if let title = spec.title {
                texts.append(SceneText(text: title, at: Point(cell.center.x, top), size: sizes.panelTitle, weight: .bold,
                                       alignment: .center, width: textWidth))
            }
            if let view = viewLabels[index] {
                texts.append(SceneText(text: view, at: Point(frame.center.x, top + titleRow - 4 * d - notesHeight - viewHeight), size: sizes.view,
                                       alignment: .center, color: style.mutedText, width: textWidth))
            }
            if let caption = captions[index] {
                texts.append(SceneText(text: caption, at: Point(cell.center.x, frame.maxY + 6 * d), size: sizes.caption,
                                       alignment: .center, width: textWidth))
            }
            texts += ChartBuilder.sideMarks(panel, unit: sizes.side / 0.9, region: figure.region).map { mark in
                var mark = mark
                mark.size = sizes.side
                return mark
            }
            var noteY = top + titleRow - 4 * d - notesHeight
            for note in notes[index] {
                texts.append(SceneText(text: note, at: Point(cell.center.x, noteY), size: sizes.note, weight: .bold, alignment: .center,
                                       color: Color(hex: "#333333")!, width: textWidth))
                noteY += measure.size(note, size: sizes.note, weight: .bold, width: textWidth).height
            }
            let callouts = Callouts.place(spec.labels, in: panel, area: cell, size: sizes.callout, measure: measure, style: style,
                                          sides: gutters.sides[index])
            texts += callouts.texts
            leaders += callouts.leaders
            labelBoxes += callouts.boxes
        }
        let bottom = margin + header + rowHeights.reduce(0, +) - rowGap
        // Root panels beside panels drawn over bones get the same faint skeleton (issue 12
        // review: the S1 and L5 panels of why-leg-pain alone had none).
        let overBones = panels.contains { panel in panel.patterns.contains { ![.radicular, .dermatome].contains($0.pattern.family) } }
        var layered = Scene(width: Int(w), height: 1, dpi: dpi, title: figure.title, panels: panels, texts: [], legend: nil,
                            metadata: [], style: style)
        layered.addAnatomy(atlas.anatomy, enabled: figure.anatomy, rootSkeleton: overBones)
        var legend: SceneLegend?
        var legendHeight = 0.0
        if figure.legend {
            // The legend as drawn, measured with the anatomy layer's own line (it replaces the
            // muscle outline's short one and may wrap).
            var probe = layered
            probe.legend = SceneLegend(entries: ChartBuilder.legendEntries(kind: .render, style: style, panels: panels),
                                       frame: Rect(minX: 0, minY: 0, maxX: 1, maxY: 1), textSize: sizes.legend)
            probe.addAnatomy(atlas.anatomy, enabled: figure.anatomy, rootSkeleton: overBones)
            // A long legend (why-leg-pain's twenty lines) is grouped under headings, in two columns.
            let entries = LegendGroups.grouped(probe.legend?.entries ?? [], phrases: Phrasebook())
            legendHeight = Self.legendHeight(entries, size: sizes.legend, width: w - 2 * margin, measure: measure) + 8 * d
            legend = SceneLegend(entries: entries, frame: Rect(minX: margin, minY: bottom + 4 * d, maxX: w - margin, maxY: bottom + legendHeight),
                                 textSize: sizes.legend)
        }
        // The source line names each pattern's source and fidelity, in the lines it needs.
        let drawn = SourceCaption.text(for: uniquePatterns(figure.panels.flatMap(\.patterns)))
        let source = [figure.source.map { "Sources: \($0)." }, drawn.isEmpty ? nil : drawn, ChartBuilder.disclaimer]
            .compactMap { $0 }.joined(separator: " ")
        let sourceTop = bottom + legendHeight + 6 * d
        texts.append(SceneText(text: source, at: Point(margin, sourceTop), size: sizes.source, color: style.mutedText, width: w - 2 * margin))
        let sourceHeight = measure.size(source, size: sizes.source, width: w - 2 * margin).height
        let height = Int((sourceTop + sourceHeight + margin).rounded(.up))
        guard height <= 32000 else { throw RenderError.invalidRequest("the figure would be \(height) px tall") }
        var scene = Scene(width: Int(w), height: height, dpi: dpi, title: figure.title, panels: layered.panels, texts: texts, legend: legend,
                          metadata: [("Title", figure.title), ("Software", "referral-atlas \(ReferralAtlasVersion.string)"),
                                     ("Source", "\(atlas.name) \(atlas.version)")],
                          style: style)
        scene.leaders = leaders
        scene.labelBoxes = labelBoxes
        scene.smallestText = smallestText * d
        scene.outlineFloor = Scene.outlineFloor(width: w)
        return scene
    }

    /// The box each panel frames, in atlas millimetres. A waist-to-toe or leg frame reaches
    /// up as far as the figure's highest zone or trigger point, so no pattern is cut off.
    static func frameBox(_ figure: Figure) -> Rect {
        var box = figure.region.box
        guard figure.region == .leg || figure.region == .lowerQuarter else { return box }
        let tops = figure.panels.flatMap { spec in
            spec.patterns.flatMap { pattern in
                spec.sides.compactMap { pattern.placed(in: spec.view, side: $0) }
                    .flatMap { $0.zones.compactMap(\.path.bounds).map(\.minY) + $0.triggerPoints.map(\.point.y) }
            }
        }
        if let top = tops.min() { box.minY = min(box.minY, top - 50) }
        return box
    }

    /// "Back view", "Right side view": which way a panel's body faces.
    static func viewName(_ view: ViewID, atlas: Atlas) -> String {
        "\(atlas.view(view)?.label ?? view.rawValue) view"
    }

    /// The height the legend needs, laid out as `LegendDrawer` lays it out (LegendLayout).
    static func legendHeight(_ entries: [LegendEntry], size: Double, width: Double, measure: TextMeasurer) -> Double {
        guard !entries.isEmpty else { return 0 }
        return LegendLayout(entries: entries, size: size, width: width) { measure.size($0, size: $1, width: $2) }.height
    }
}

/// Names in first-seen order, each once.
private func uniqueNames(_ names: [String]) -> [String] {
    var seen: Set<String> = []
    return names.filter { seen.insert($0).inserted }
}

/// Patterns in first-seen order, each once.
func uniquePatterns(_ patterns: [Pattern]) -> [Pattern] {
    var seen: Set<String> = []
    return patterns.filter { seen.insert($0.id).inserted }
}
