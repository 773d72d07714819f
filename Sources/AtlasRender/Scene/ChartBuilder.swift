import AtlasModel

/// Turns a chart request into a Scene: layout, panels, titles, legend and footer. Blank
/// templates are printable pages, laid out by `SheetBuilder`.
public enum ChartBuilder {
    public static var disclaimer: String { Phrasebook().text(.disclaimer) }

    public static func scene(_ request: ChartRequest, atlas: Atlas) throws(RenderError) -> Scene {
        try request.validate()
        if request.kind == .template { return try SheetBuilder.scene(request, atlas: atlas) }
        let layout = ChartLayout(views: request.views, width: request.width, region: request.region)
        guard layout.height <= 32000 else {
            throw RenderError.invalidRequest("a \(request.width) px wide chart would be \(layout.height) px tall; use a smaller --width")
        }
        let style = request.style
        let phrases = request.phrases
        var panels: [ScenePanel] = []
        for (index, viewID) in request.views.enumerated() {
            guard let view = atlas.view(viewID) else { throw RenderError.invalidRequest("the atlas has no \(viewID.rawValue) view") }
            let placed = request.patterns.flatMap { pattern in
                request.sides.compactMap { pattern.placed(in: viewID, side: $0) }
            }
            panels.append(ScenePanel(view: view, origin: layout.origin(panel: index, view: viewID), scale: layout.scale,
                                     frame: layout.panelFrames[index], label: view.panelLabel(phrases), patterns: placed,
                                     showLandmarks: request.landmarks, clip: request.region != .full))
        }

        let title = request.title ?? defaultTitle(request, atlas: atlas)
        var scene = Scene(width: layout.width, height: layout.height, dpi: request.dpi, title: title, panels: panels,
                          texts: [], legend: nil,
                          metadata: [("Title", title), ("Software", "referral-atlas \(ReferralAtlasVersion.string)"),
                                     ("Source", "\(atlas.name) \(atlas.version)")],
                          style: style)
        scene.addAnatomy(atlas.anatomy, phrases: phrases, enabled: request.anatomy)
        scene.outlineFloor = Scene.outlineFloor(width: Double(layout.width))
        guard !request.bare else { return scene }

        let u = layout.unit
        let w = Double(layout.width)
        let measure = try TextMeasurer(fontFamily: style.fontFamily)
        let titleText = ChartTitle.fitted(title, at: Point(layout.margin, layout.headerTop), size: u * 1.2,
                                          width: w - 2 * layout.margin, measure: measure)
        // A title wrapped onto a second line pushes everything below it down.
        let extra = ChartTitle.extraHeight(titleText, size: u * 1.2, measure: measure)
        if extra > 0 { scene.lowerPanels(by: extra) }
        // A close-up's edge notes stand in a band above its panels, off the body.
        let noteSize = u * 0.5
        let band = request.region == .full ? 0
            : EdgeMarkerText.band(for: scene.panels, atlas: atlas, size: noteSize, phrases: phrases, measure: measure)
        if band > 0 { scene.lowerPanels(by: band) }
        // Side marks under the frames (a crowded close-up, see `sideMarks`) take a row of their own.
        let marks = scene.panels.map { sideMarks($0, unit: u, region: request.region, belowWhenCrowded: request.views.count > 1) }
        let marksBelow = zip(scene.panels, marks).contains { panel, texts in texts.contains { $0.at.y > panel.frame.maxY } }
        var footerTop = layout.footerTop + extra + band + (marksBelow ? u * 1.2 : 0)
        // Each pattern whose muscle its zones mostly hide gets the muscle alone, in a row under
        // the panels (see `MuscleInsets`): the legend then says where the muscle is seen.
        var row = MuscleInsetRow()
        if request.anatomy, style.anatomy.show {
            let insets = MuscleInsets.needed(scene.panels, anatomy: atlas.anatomy, phrases: phrases)
            row = MuscleInsetRow(insets, under: scene.panels, top: footerTop + u * 0.4, captionSize: u * 0.55, atlas: atlas,
                                 measure: measure)
            if row.height > 0 { footerTop += row.height + u * 0.4 }
        }
        scene.texts.append(titleText)
        scene.texts.append(SceneText(text: subtitle(request, atlas: atlas), at: Point(layout.margin, layout.headerTop + u * 1.75 + extra),
                                     size: u * 0.68, color: style.mutedText, width: w - 2 * layout.margin))
        for panel in scene.panels {
            if request.views.count > 1, let label = panel.label {
                scene.texts.append(SceneText(text: label, at: Point(panel.frame.center.x, panel.frame.minY - band - u * 1.2),
                                             size: u * 0.85, weight: .bold, alignment: .center))
            }
        }
        scene.texts += marks.joined()
        scene.texts += EdgeMarkerText.chartTexts(for: scene.panels, atlas: atlas, size: noteSize, phrases: phrases, measure: measure,
                                                 lift: band)
        // Added after the view panels' texts and edge notes (which read the view panels only).
        scene.panels += row.panels
        scene.boxes += row.boxes
        scene.texts += row.texts
        scene.legend = SceneLegend(entries: legendEntries(kind: request.kind, style: style, panels: scene.panels, phrases: phrases),
                                   frame: Rect(minX: 0, minY: 0, maxX: 0, maxY: 0), textSize: u * 0.62)
        scene.addAnatomy(atlas.anatomy, phrases: phrases, enabled: request.anatomy)
        // A colour dermatome plate tells its bands apart by hue alone, which a black-and-white
        // printer loses (S1's pale pink turns the grey of bare skin): the footer names the
        // style that textures them (review 2040 item 14).
        let colourBands = request.patterns.contains { $0.family == .dermatome } && style.dermatomeTextures.isEmpty
        let greyscale = colourBands ? phrases.text(.dermatomeGreyscale) : ""
        // Soles beside other views: which way they face (review 17:40 item 7).
        let soles = request.views.contains(.plantar) && request.views.count > 1 ? phrases.text(.solesSeenFromBelow) : ""
        // A blank chart has no source caption: no leading space then.
        let footer = [soles, greyscale, SourceCaption.text(for: request.patterns, phrases: phrases), phrases.text(.disclaimer),
                      phrases.text(.drawnBy, ["atlas": "\(atlas.name) \(atlas.version)"])]
            .filter { !$0.isEmpty }.joined(separator: " ")
        let entries = scene.legend?.entries ?? []
        // Wrapped, not shrunk: the source captions of several patterns take two or three lines.
        func fullWidthFooter(at y: Double) -> SceneText {
            SceneText(text: footer, at: Point(layout.margin, y), size: u * 0.5, color: style.mutedText, width: w - 2 * layout.margin)
        }
        let key = KeyBesideInsets(row: row, pageWidth: w, margin: layout.margin, unit: u)
        if let beside = key.place(entries, footer: footer, color: style.mutedText, measure: measure) {
            // The white beside the muscle pictures holds the key (rev8 review item 6).
            scene.legend?.frame = beside.legend
            var bottom = key.rowBottom
            if let text = beside.footer {
                scene.texts.append(text)
                bottom = max(bottom, measure.box(of: text).maxY)
            } else {
                let text = fullWidthFooter(at: max(bottom, beside.legend.maxY) + u * 0.55)
                scene.texts.append(text)
                bottom = measure.box(of: text).maxY
            }
            scene.height = Int((bottom + layout.margin).rounded(.up))
            return scene
        }
        // The legend takes the rows its entries need (several patterns' families and the
        // anatomy line run past the usual few), and the footer stands below it.
        let legendHeight = max(u * 4.7, FigureBuilder.legendHeight(entries, size: u * 0.62, width: w - 2 * layout.margin, measure: measure))
        scene.legend?.frame = Rect(minX: layout.margin, minY: footerTop + u * 0.3, maxX: w - layout.margin,
                                   maxY: footerTop + u * 0.3 + legendHeight)
        let footerText = fullWidthFooter(at: footerTop + u * 0.55 + legendHeight)
        scene.texts.append(footerText)
        // The page ends a margin below the footer's last line, however many lines it takes.
        let footerBottom = measure.box(of: footerText).maxY
        scene.height = max(layout.height + Int(extra.rounded(.up)), Int((footerBottom + layout.margin).rounded(.up)))
        return scene
    }

    static func defaultTitle(_ request: ChartRequest, atlas: Atlas) -> String {
        switch request.kind {
        case .template: return request.phrases.text(.templateTitle)
        case .render:
            if request.patterns.isEmpty { return "Body chart" }
            return request.patterns.map(request.phrases.name(of:)).joined(separator: " + ")
        }
    }

    static func subtitle(_ request: ChartRequest, atlas: Atlas) -> String {
        // With patterns drawn, an enlarged view says so ("Soles (enlarged 2×)"); a blank
        // chart of one view is simply named.
        let views = request.views.compactMap { id in atlas.view(id).map { request.patterns.isEmpty ? $0.label : $0.panelLabel(request.phrases) } }
            .joined(separator: ", ")
        let sides: String = switch Set(request.sides) {
        case [.left]: request.phrases.text(.sideLeft)
        case [.right]: request.phrases.text(.sideRight)
        default: request.phrases.text(.sideBoth)
        }
        if request.patterns.isEmpty { return "\(views) view" }
        let families = Set(request.patterns.map(\.family)).map { familyText($0, request.phrases) }
        return "\(views) · \(sides) · " + families.sorted().joined(separator: "; ")
    }

    static func familyText(_ family: Family, _ phrases: Phrasebook) -> String {
        switch family {
        case .myofascial: phrases.text(.familyMyofascial)
        case .articular: phrases.text(.familyArticular)
        case .discogenic: phrases.text(.familyDiscogenic)
        case .entrapment: phrases.text(.familyEntrapment)
        case .radicular: phrases.text(.familyRadicular)
        case .neural: phrases.text(.familyNeural)
        case .dermatome: phrases.text(.familyDermatome)
        }
    }

    /// "R" and "L" beside the body (by the ankles, below any figure label's leader): the
    /// patient's sides, as the viewer sees them. With `belowWhenCrowded`, a close-up that has
    /// no room for a letter beside the leg (the pelvis frame: it would stand at the frame's
    /// edge, next to the neighbouring panel's, reading "R R") gets one line under its own
    /// frame instead, centred: "← L   R →".
    static func sideMarks(_ panel: ScenePanel, unit: Double, region: BodyRegion = .full, belowWhenCrowded: Bool = false) -> [SceneText] {
        guard panel.sideMarks, [.posterior, .anterior, .plantar].contains(panel.view.id) else { return [] }
        let grey = Color(hex: "#777777")!
        if panel.view.id == .plantar {
            // Above each sole's toes, at the sole's centre.
            return Side.allCases.map { side in
                let p = panel.toPixels(Point(110 * panel.view.id.screenSign(for: side), 1150))
                return SceneText(text: side == .right ? "R" : "L", at: p, size: min(unit * 0.9, 40 * panel.scale), weight: .bold,
                                 alignment: .center, color: grey)
            }
        }
        let size = min(unit * 0.9, 40 * panel.scale)
        let places = besideLeg(panel, size: size, region: region)
        if belowWhenCrowded, places.crowded {
            // The viewer's left comes first: the patient's left in the back view, right in the front.
            let leftSide: Side = panel.view.id.screenSign(for: .left) < 0 ? .left : .right
            let name: (Side) -> String = { $0 == .right ? "R" : "L" }
            let y = panel.frame.maxY + unit * 0.2
            return [SceneText(text: "← \(name(leftSide))", at: Point(panel.frame.center.x - size * 0.8, y), size: size, weight: .bold,
                              alignment: .right, color: grey),
                    SceneText(text: "\(name(leftSide == .left ? .right : .left)) →", at: Point(panel.frame.center.x + size * 0.8, y),
                              size: size, weight: .bold, alignment: .left, color: grey)]
        }
        return places.marks.map { side, point in
            SceneText(text: side == .right ? "R" : "L", at: point, size: size, weight: .bold, alignment: .center, color: grey)
        }
    }

    /// Just outside the leg near the bottom of the frame (measured on the outline, so a
    /// redrawn body keeps them clear of it), never out at the frame's edge; `crowded` when
    /// the frame leaves no room there and a letter had to be pulled in against that edge.
    static func besideLeg(_ panel: ScenePanel, size: Double, region: BodyRegion) -> (marks: [(Side, Point)], crowded: Bool) {
        let box = region.box
        let y = box.minY + box.height * 0.92
        let band = panel.view.outline.polylines(segmentsPerCurve: 10).flatMap { $0 }.filter { abs($0.y - y) < 60 }
        let half = size / panel.scale * 0.45
        var crowded = false
        let marks = Side.allCases.map { side -> (Side, Point) in
            let sign = panel.view.id.screenSign(for: side)
            let edge = band.filter { $0.x * sign > 0 }.map { abs($0.x) }.max() ?? 130
            let limit = box.width / 2 - half - 6
            if edge + 14 + half > limit - 2 * half { crowded = true }
            return (side, panel.toPixels(Point(min(edge + 14 + half, limit) * sign, y - half)))
        }
        return (marks, crowded)
    }

    /// Exactly the encodings present in the panels.
    public static func legendEntries(kind: ChartRequest.Kind, style: Style, panels: [ScenePanel],
                                     phrases: Phrasebook = Phrasebook()) -> [LegendEntry] {
        if kind == .template {
            // Each feeling's pen with its pattern: the key must not rely on colour alone.
            return [LegendEntry(symbol: .pen(style.painMark, .shade), text: phrases.text(.markPain)),
                    LegendEntry(symbol: .pen(style.numbnessMark, .lines), text: phrases.text(.markNumbness)),
                    LegendEntry(symbol: .pen(style.tinglingMark, .circles), text: phrases.text(.markTingling))]
        }
        let placed = panels.flatMap(\.patterns)
        let zones = placed.flatMap(\.zones)
        var entries: [LegendEntry] = []
        if placed.contains(where: { !$0.triggerPoints.isEmpty }) {
            entries.append(LegendEntry(symbol: .triggerPoint, text: phrases.text(.legendTriggerPoint)))
        }
        entries += ZoneLegend.entries(placed, phrases: phrases)
        for note in placed.compactMap(\.pattern.legendNote) where !entries.contains(where: { $0.text == note }) {
            entries.append(LegendEntry(symbol: .blank, text: note))
        }
        for mark in placed.flatMap(\.marks) where !entries.contains(where: { $0.text == mark.legend }) {
            entries.append(LegendEntry(symbol: LegendSymbol.forMark(mark.shape), text: mark.legend))
        }
        let radicular = zones.filter { $0.kind == .radicular }
        let roots = Set(radicular.compactMap(\.label))
        let plates = Set(placed.filter { $0.pattern.family == .dermatome }.flatMap(\.zones).compactMap(\.label))
        for root in ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3"] where roots.contains(root) {
            entries.append(plates.contains(root) ? LegendEntry(symbol: .dermatome(root), text: phrases.text(.legendDermatome, ["root": root]))
                                                 : LegendEntry(symbol: .root(root), text: phrases.text(.legendRoot, ["root": root])))
        }
        if radicular.contains(where: { $0.label == nil }) {
            entries.append(LegendEntry(symbol: .radicular, text: phrases.text(.legendRadicular)))
        }
        if zones.contains(where: { $0.kind == .gap }) {
            entries.append(LegendEntry(symbol: .gap, text: phrases.text(.legendGap)))
        }
        // Blank skin is a dermatome map's statement; a root's pain map leaves skin blank anyway.
        if !plates.isEmpty {
            entries.append(LegendEntry(symbol: .blank, text: phrases.text(.legendBlank)))
        }
        let nerves = placed.flatMap(\.nerves)
        if nerves.contains(where: { !$0.deep }) {
            entries.append(LegendEntry(symbol: .nerve, text: phrases.text(.legendNerve)))
        }
        if nerves.contains(where: \.deep) {
            entries.append(LegendEntry(symbol: .deepNerve, text: phrases.text(.legendDeepNerve)))
        }
        if placed.contains(where: { !$0.muscles.isEmpty }) {
            entries.append(LegendEntry(symbol: .muscle, text: phrases.text(.legendMuscle)))
        }
        return entries
    }
}

/// The tool's version, written into outputs.
public enum ReferralAtlasVersion {
    public static let string = "0.1.0"
}
