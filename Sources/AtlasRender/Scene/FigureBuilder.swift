import AtlasModel

/// Lays out a declarative figure: a grid of panels with titles and captions, a shared
/// legend and a source line.
public enum FigureBuilder {
    public static func scene(_ figure: Figure, width: Int? = nil, dpi: Double = 150, style: Style = .default,
                             atlas: Atlas) throws(RenderError) -> Scene {
        let w = Double(width ?? figure.width)
        guard (200...16000).contains(w) else { throw RenderError.invalidRequest("a figure is 200 to 16000 px wide, not \(Int(w))") }
        try RenderError.checking { () throws(InvalidOption) in try Limits.dpi.check(dpi) }
        let columns = max(1, min(figure.columns, figure.panels.count))
        let rows = (figure.panels.count + columns - 1) / columns
        // Text scales with the width, but wide banners keep a readable size.
        let u = w / (22 + 9 * Double(min(columns, 4)))
        let margin = u
        let box = figure.region.box
        let cellWidth = (w - 2 * margin) / Double(columns)
        let scale = cellWidth / box.width
        let panelHeight = box.height * scale
        let titleRow = figure.panels.contains { $0.title != nil } ? u * 1.3 : 0
        let captionRow = figure.panels.contains { $0.caption != nil } ? u * 2.9 : 0
        let header = figure.subtitle == nil ? u * 2.2 : u * 3.9
        let rowHeight = titleRow + panelHeight + captionRow
        let legendHeight = figure.legend ? u * 4.4 : 0
        // The source line (with each pattern's source and fidelity) takes the lines it needs.
        let measure = try TextMeasurer(fontFamily: style.fontFamily)
        let drawn = SourceCaption.text(for: uniquePatterns(figure.panels.flatMap(\.patterns)))
        let source = [figure.source.map { "Sources: \($0)." }, drawn.isEmpty ? nil : drawn, ChartBuilder.disclaimer]
            .compactMap { $0 }.joined(separator: " ")
        let footer = max(u * 1.6, measure.size(source, size: u * 0.48, width: w - 2 * margin).height + u * 0.6)
        let height = Int((margin + header + Double(rows) * rowHeight + legendHeight + footer + margin).rounded(.up))
        guard height <= 32000 else { throw RenderError.invalidRequest("the figure would be \(height) px tall") }

        // One size for every panel title: the largest at which the longest one fits.
        var titleSize = u * 0.8
        let titles = figure.panels.compactMap(\.title)
        while titleSize > u * 0.45, titles.contains(where: { measure.size($0, size: titleSize, weight: .bold).width > cellWidth - u * 0.4 }) {
            titleSize *= 0.95
        }
        var panels: [ScenePanel] = []
        var leaders: [SceneLeader] = []
        var labelBoxes: [SceneBox] = []
        var texts: [SceneText] = [SceneText(text: figure.title, at: Point(margin, margin), size: u * 1.25, weight: .bold,
                                            fitWidth: w - 2 * margin)]
        if let subtitle = figure.subtitle {
            texts.append(SceneText(text: subtitle, at: Point(margin, margin + u * 1.8), size: u * 0.68, color: style.mutedText,
                                   width: w - 2 * margin))
        }
        for (index, spec) in figure.panels.enumerated() {
            guard let body = atlas.view(spec.view) else { throw RenderError.invalidRequest("the atlas has no \(spec.view.rawValue) view") }
            let column = index % columns, row = index / columns
            let top = margin + header + Double(row) * rowHeight
            let frame = Rect(minX: margin + Double(column) * cellWidth, minY: top + titleRow,
                             maxX: margin + Double(column + 1) * cellWidth, maxY: top + titleRow + panelHeight)
            let shift: Double = switch spec.view {
            case .lateralRight: -28
            case .lateralLeft: 28
            default: 0
            }
            let origin = Point(frame.center.x - (box.center.x - shift) * scale, frame.minY - box.minY * scale)
            let placed = spec.patterns.flatMap { pattern in spec.sides.compactMap { pattern.placed(in: spec.view, side: $0) } }
            var panel = ScenePanel(view: body, origin: origin, scale: scale, frame: frame, label: spec.title, patterns: placed)
            panel.clip = figure.region != .full
            panels.append(panel)
            if let title = spec.title {
                texts.append(SceneText(text: title, at: Point(frame.center.x, top + u * 0.1), size: titleSize, weight: .bold,
                                       alignment: .center, fitWidth: cellWidth - u * 0.4))
            }
            if let caption = spec.caption {
                texts.append(SceneText(text: caption, at: Point(frame.center.x, frame.maxY + u * 0.35), size: u * 0.6,
                                       alignment: .center, width: cellWidth - u * 0.8))
            }
            texts += ChartBuilder.sideMarks(panel, unit: u, region: figure.region)
            texts += EdgeMarkerText.texts(for: panel, atlas: atlas, size: u * 0.45)
            let callouts = Callouts.place(spec.labels, in: panel, size: u * 0.55, measure: measure, style: style)
            texts += callouts.texts
            leaders += callouts.leaders
            labelBoxes += callouts.boxes
        }
        let bottom = margin + header + Double(rows) * rowHeight
        var legend: SceneLegend?
        if figure.legend {
            legend = SceneLegend(entries: ChartBuilder.legendEntries(kind: .render, style: style, panels: panels),
                                 frame: Rect(minX: margin, minY: bottom + u * 0.4, maxX: w - margin, maxY: bottom + legendHeight),
                                 textSize: u * 0.58)
        }
        texts.append(SceneText(text: source, at: Point(margin, bottom + legendHeight + u * 0.3), size: u * 0.48,
                               color: style.mutedText, width: w - 2 * margin))
        var scene = Scene(width: Int(w), height: height, dpi: dpi, title: figure.title, panels: panels, texts: texts, legend: legend,
                          metadata: [("Title", figure.title), ("Software", "referral-atlas \(ReferralAtlasVersion.string)"),
                                     ("Source", "\(atlas.name) \(atlas.version)")],
                          style: style)
        scene.leaders = leaders
        scene.labelBoxes = labelBoxes
        scene.addAnatomy(atlas.anatomy, enabled: figure.anatomy)
        return scene
    }
}

/// Patterns in first-seen order, each once.
func uniquePatterns(_ patterns: [Pattern]) -> [Pattern] {
    var seen: Set<String> = []
    return patterns.filter { seen.insert($0.id).inserted }
}
