import AtlasModel
import AtlasRender

/// The overlay's layout: the views the patient drew on, then the best patterns, each in
/// the view where it overlaps the drawing most, built as an ordinary chart scene so it
/// looks like everything else the tool draws.
struct OverlayScene {
    /// One panel of the overlay and what goes on it.
    enum Content {
        case drawing(TemplateReferencePanel)
        case match(PatternMatch, TemplateReferencePanel)
    }

    /// A panel of the drawing's template, by index into the reference.
    typealias TemplateReferencePanel = Int

    var scene: Scene
    var contents: [Content]

    /// The colour the compared marks are outlined in on the pattern panels: a violet that
    /// none of the pattern encodings use.
    static let outlineColor = Color(hex: "#6A1B9A")!

    init(_ analysis: DrawingAnalysis, atlas: Atlas, top: Int) throws(CompareError) {
        let comparison = analysis.comparison
        let reference = analysis.fit.reference
        var contents: [Content] = reference.panels.filter { analysis.marks.panels[$0.index].count() > 0 }.map { .drawing($0.index) }
        var patterns: [(Pattern, PatternMatch, ViewID)] = []
        // The best matches, and always the best nerve-root and the best muscle or joint
        // candidate, so the two kinds of source can be compared side by side.
        var shown = Array(comparison.matches.prefix(max(1, top)))
        for group in [SourceGroup.root, .referred] where !shown.contains(where: { $0.group == group }) {
            if let best = comparison.matches.first(where: { $0.group == group }) { shown.append(best) }
        }
        for match in shown {
            guard let pattern = atlas.pattern(match.id),
                  let best = match.views.max(by: { ($0.cellsInside, $0.essentialCoverage ?? 0) < ($1.cellsInside, $1.essentialCoverage ?? 0) }),
                  let panel = reference.panels.first(where: { $0.view == best.view }) else { continue }
            contents.append(.match(match, panel.index))
            patterns.append((pattern, match, best.view))
        }
        let views = contents.map { content -> ViewID in
            switch content {
            case .drawing(let i), .match(_, let i): reference.panels[i].view
            }
        }
        var request = ChartRequest(kind: .render, views: views)
        request.width = min(2600, max(1000, 340 * views.count))
        do {
            scene = try ChartBuilder.scene(request, atlas: atlas)
        } catch {
            throw CompareError.internalFailure("cannot lay out the overlay: \(error)")
        }
        let layout = ChartLayout(views: views, width: request.width)
        Self.lowerBelowHeader(&scene, by: (layout.unit * Self.extraHeader).rounded())
        var legend: [LegendEntry] = []
        for (offset, (pattern, match, view)) in patterns.enumerated() {
            let index = contents.count - patterns.count + offset
            scene.panels[index].patterns = match.side.sides.compactMap { pattern.placed(in: view, side: $0) }
            var single = ChartRequest(kind: .render, views: [view])
            single.patterns = [pattern]
            single.sides = match.side.sides
            single.width = 400
            let entries = (try? ChartBuilder.scene(single, atlas: atlas))?.legend?.entries ?? []
            for entry in entries where !legend.contains(entry) { legend.append(entry) }
        }
        self.contents = contents
        let style = scene.style
        let markEntries: [(Symptom, Color, String)] = [(.pain, style.painMark, "Your marks: pain (red)"),
                                                       (.numbness, style.numbnessMark, "Your marks: numbness (blue)"),
                                                       (.pinsAndNeedles, style.tinglingMark, "Your marks: pins and needles (green)")]
        let present = Set(analysis.marks.panels.flatMap { panel in Symptom.allCases.filter { panel.count($0) > 0 } })
        legend = markEntries.filter { present.contains($0.0) }.map { LegendEntry(symbol: .mark($0.1), text: $0.2) }
            + (OverlayPainter.hasLeftOutMarks(analysis)
                ? [LegendEntry(symbol: .mark(OverlayPainter.leftOutColor), text: "Left out: marks off the body (grey stripes)")] : [])
            + (patterns.isEmpty ? [] : [LegendEntry(symbol: .mark(Self.outlineColor), text: "Outline of your marks, as compared")])
            + legend
        scene.legend?.entries = legend
        scene.texts = texts(comparison, layout: layout) + scene.texts.filter { $0.text == "R" || $0.text == "L" }
        scene.title = "Pain drawing compared with the atlas"
        scene.metadata = [("Title", scene.title), ("Software", "referral-atlas \(ReferralAtlasVersion.string)"),
                          ("Source", "\(atlas.name) \(atlas.version)"), ("Drawing", comparison.drawing)]
    }

    /// Room added above the panels, in text units, for captions of up to three lines.
    static let extraHeader = 2.8

    /// Moves everything below the header down, making the picture taller.
    private static func lowerBelowHeader(_ scene: inout Scene, by extra: Double) {
        func lowered(_ r: Rect) -> Rect { Rect(minX: r.minX, minY: r.minY + extra, maxX: r.maxX, maxY: r.maxY + extra) }
        for i in scene.panels.indices {
            scene.panels[i].origin.y += extra
            scene.panels[i].frame = lowered(scene.panels[i].frame)
        }
        for i in scene.texts.indices where scene.texts[i].at.y > scene.panels.first?.frame.minY ?? 0 {
            scene.texts[i].at.y += extra
        }
        if let frame = scene.legend?.frame { scene.legend?.frame = lowered(frame) }
        scene.height += Int(extra)
    }

    /// A pattern panel's caption: panels are numbered 1 to n in reading order; a panel shown
    /// beyond the top (the best candidate of the other kind) says where it ranks.
    static func matchCaption(_ match: PatternMatch, number: Int, rank: Int) -> String {
        let kind = match.group == .root ? "nerve root" : match.group == .entrapment ? "trapped nerve" : "muscle or joint"
        let ranked = rank == number ? "" : " (ranked \(Phrase.ordinal(rank)))"
        return "\(number). \(match.name)\(ranked)\n\(match.side.words) · \(kind)\n\(ConfidenceText.percent(match.confidence)) chance it is a source"
    }

    private func texts(_ comparison: DrawingComparison, layout: ChartLayout) -> [SceneText] {
        let u = layout.unit, w = Double(scene.width)
        let muted = scene.style.mutedText
        let marks = comparison.areas.map(\.words).joined(separator: "; ").capitalisedFirst
        var texts = [
            SceneText(text: "\(comparison.drawing): the drawing and the patterns it resembles most", at: Point(layout.margin, layout.headerTop),
                      size: u * 1.2, weight: .bold, fitWidth: w - 2 * layout.margin),
            SceneText(text: "\(marks). \(comparison.leaning.words)", at: Point(layout.margin, layout.headerTop + u * 1.75),
                      size: u * 0.6, color: muted, width: w - 2 * layout.margin),
        ]
        var number = 0
        for (panel, content) in zip(scene.panels, contents) {
            let caption: String
            switch content {
            case .drawing:
                caption = "Your drawing\n\(panel.view.label)"
            case .match(let match, _):
                number += 1
                let rank = (comparison.matches.firstIndex(of: match) ?? 0) + 1
                caption = Self.matchCaption(match, number: number, rank: rank)
            }
            texts.append(SceneText(text: caption, at: Point(panel.frame.center.x, panel.frame.minY - u * (Self.extraHeader + 0.2)),
                                   size: u * 0.62, weight: .bold, alignment: .center, width: panel.frame.width - u * 0.3))
        }
        let template = comparison.template == "all" ? "four-view" : comparison.template
        let r = comparison.registration
        let footer = String(format: "%@ Drawn on the %@ chart, %@ (its printed lines matched to %.2f mm). Chance it is a source: each pattern's own chance of being one of the drawing's sources; a drawing can have two, so they need not add up to 100%%.",
                            DrawingComparison.disclaimer, template, r.method.words, r.residualMillimetres)
        let bottom = scene.legend.map { $0.frame.maxY + u * 0.25 } ?? (scene.panels.first?.frame.maxY ?? 0) + u
        texts.append(SceneText(text: footer, at: Point(layout.margin, bottom), size: u * 0.5, color: muted, width: w - 2 * layout.margin))
        return texts
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
