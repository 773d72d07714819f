import AtlasModel

/// A grid of every pattern in the view that shows it best, each named: an index for browsing.
public enum ContactSheet {
    public static func scene(atlas: Atlas, patterns: [Pattern], width: Int, columns: Int = 6, dpi: Double = 150,
                             style: Style = .default) throws(RenderError) -> Scene {
        guard !patterns.isEmpty else { throw RenderError.invalidRequest("no patterns for a contact sheet") }
        let w = Double(width)
        let unit = w / 60
        let margin = unit
        let cellWidth = (w - 2 * margin) / Double(columns)
        let scale = cellWidth / ChartLayout.panelWidthMM
        let bodyHeight = (ChartLayout.panelBottomMM - ChartLayout.panelTopMM) * scale
        let labelHeight = unit * 2.6
        let cellHeight = bodyHeight + labelHeight
        let header = unit * 3.4
        let rows = (patterns.count + columns - 1) / columns
        let height = Int((margin + header + Double(rows) * cellHeight + unit * 1.5 + margin).rounded(.up))
        guard height <= 32000 else { throw RenderError.invalidRequest("the contact sheet would be \(height) px tall") }

        var panels: [ScenePanel] = []
        var texts: [SceneText] = [
            SceneText(text: "ReferralAtlas: every pattern", at: Point(margin, margin), size: unit * 1.3, weight: .bold, fitWidth: w - 2 * margin),
            SceneText(text: "Each in the view that shows it best, patient's right side. \(ChartBuilder.disclaimer)",
                      at: Point(margin, margin + unit * 1.9), size: unit * 0.7, color: style.mutedText, width: w - 2 * margin),
        ]
        for (index, pattern) in patterns.enumerated() {
            let view = bestView(pattern)
            guard let body = atlas.view(view) else { continue }
            let frame = Rect(minX: margin + Double(index % columns) * cellWidth, minY: margin + header + Double(index / columns) * cellHeight,
                             maxX: margin + Double(index % columns + 1) * cellWidth, maxY: margin + header + Double(index / columns) * cellHeight + bodyHeight)
            let shift: Double = view == .lateralRight ? -28 : 0
            let origin = Point(frame.center.x + shift * scale, frame.minY - ChartLayout.panelTopMM * scale)
            let placed = [Side.right, .left].compactMap { side in
                pattern.family == .dermatome ? pattern.placed(in: view, side: side) : (side == .right ? pattern.placed(in: view, side: side) : nil)
            }
            var panel = ScenePanel(view: body, origin: origin, scale: scale, frame: frame, label: pattern.name, patterns: placed)
            panel.sideMarks = false
            panels.append(panel)
            texts.append(SceneText(text: pattern.name, at: Point(frame.center.x, frame.maxY + unit * 0.2), size: unit * 0.62,
                                   alignment: .center, width: cellWidth - unit * 0.4))
        }
        return Scene(width: width, height: height, dpi: dpi, title: "ReferralAtlas: every pattern", panels: panels, texts: texts,
                     legend: nil, metadata: [("Title", "ReferralAtlas contact sheet"), ("Source", "\(atlas.name) \(atlas.version)")],
                     style: style)
    }

    /// The view with the most essential zone area (then any zone area), preferring the back
    /// when it ties.
    static func bestView(_ pattern: Pattern) -> ViewID {
        let order: [PatternView] = [.posterior, .lateral, .anterior]
        let areas = order.map { view -> Double in
            let zones = pattern.zones.filter { $0.view == view }
            let essential = zones.filter { $0.kind == .essential }.reduce(0) { total, zone in
                total + abs(Polygon.signedArea(zone.path.polylines().first ?? []))
            }
            let nerves = pattern.nerves.filter { $0.view == view }.count
            return zones.reduce(0) { total, zone in
                total + abs(Polygon.signedArea(zone.path.polylines().first ?? []))
            } + Double(nerves) * 1000 + essential * 10
        }
        let best = zip(order, areas).max { $0.1 < $1.1 }?.0 ?? .posterior
        return best == .lateral ? .lateralRight : (best == .anterior ? .anterior : .posterior)
    }
}
