import AtlasModel

/// Lays out a blank chart for a patient to draw on: a paper page at true scale with the
/// bodies, "Your left" and "Your right" on each, the key (a colour and a pattern per feeling),
/// a name and date line, a 5 cm bar to check the print scale, and
/// the finder marks and code `compare` reads back from a scan or a photo.
enum SheetBuilder {
    static func scene(_ request: ChartRequest, atlas: Atlas) throws(RenderError) -> Scene {
        guard ChartSheet.viewChoices.contains(request.views) else {
            throw RenderError.invalidRequest("a blank chart shows all four views, back and front, or one of the back, front and side views, not "
                + request.views.map(\.rawValue).joined(separator: " + "))
        }
        let sheet = ChartSheet(views: request.views, paper: request.paper)
        let mm = Double(request.width) / sheet.pageWidth
        let style = request.style, phrases = request.phrases
        func px(_ r: Rect) -> Rect { Rect(minX: r.minX * mm, minY: r.minY * mm, maxX: r.maxX * mm, maxY: r.maxY * mm) }

        var panels: [ScenePanel] = []
        for (index, viewID) in sheet.views.enumerated() {
            guard let view = atlas.view(viewID) else { throw RenderError.invalidRequest("the atlas has no \(viewID.rawValue) view") }
            panels.append(ScenePanel(view: view, origin: sheet.origin(panel: index) * mm, scale: sheet.scale(panel: index) * mm,
                                     frame: px(sheet.panelFrames[index]), label: view.label, patterns: [],
                                     showLandmarks: request.landmarks))
        }
        let title = request.title ?? ChartBuilder.defaultTitle(request, atlas: atlas)
        // True scale: the page's pixels per inch, whatever the width asked for.
        var scene = Scene(width: Int((sheet.pageWidth * mm).rounded()), height: Int((sheet.pageHeight * mm).rounded()),
                          dpi: mm * 25.4, title: title, panels: panels, texts: [], legend: nil,
                          metadata: [("Title", title), ("Software", "referral-atlas \(ReferralAtlasVersion.string)"),
                                     ("Source", "\(atlas.name) \(atlas.version)"), ("Chart", sheet.name)],
                          style: style)

        var boxes: [SceneBox] = []
        let black = Color(hex: "#000000")!, white = Color(hex: "#FFFFFF")!
        for centre in sheet.markerCentres {
            for (square, isBlack) in ChartSheet.markerSquares(at: centre) { boxes.append(SceneBox(frame: px(square), fill: isBlack ? black : white)) }
        }
        // Neighbouring black cells as one box: no hairline seams between them.
        var run: Rect?
        for (cell, isBlack) in zip(sheet.codeCells, sheet.codeBits) {
            if isBlack { run = run.map { $0.union(cell) } ?? cell; continue }
            if let r = run { boxes.append(SceneBox(frame: px(r), fill: black)); run = nil }
        }
        if let r = run { boxes.append(SceneBox(frame: px(r), fill: black)) }
        let bottom = sheet.pageHeight - ChartSheet.markerInset
        let barLeft = ChartSheet.sideMargin + 4
        boxes.append(SceneBox(frame: px(Rect(minX: barLeft, minY: bottom - 0.4, maxX: barLeft + 50, maxY: bottom + 0.4)), fill: black))
        for tick in [0.0, 10, 20, 30, 40, 50] {
            boxes.append(SceneBox(frame: px(Rect(minX: barLeft + tick - 0.2, minY: bottom - 1.5, maxX: barLeft + tick + 0.2, maxY: bottom + 0.4)),
                                  fill: black))
        }
        scene.boxes = boxes
        guard !request.bare else { return scene }

        let left = ChartSheet.sideMargin + 2, textWidth = sheet.pageWidth - 2 * left
        let instructions = phrases.text(.templateInstructions, ["where": phrases.text(whereKey(sheet.views))])
        var texts = [SceneText(text: title, at: Point(left, 5.5) * mm, size: 5.2 * mm, weight: .bold, fitWidth: textWidth * mm),
                     SceneText(text: instructions, at: Point(left, 12.8) * mm, size: 3.0 * mm, color: style.mutedText, width: textWidth * mm)]
        for panel in panels {
            if let label = panelLabel(panel, phrases: phrases) {
                texts.append(SceneText(text: label, at: Point(panel.frame.center.x, panel.frame.minY - 1.2 * mm), size: 3.4 * mm,
                                       weight: .bold, alignment: .center, fitWidth: panel.frame.width * 0.95))
            }
            texts += sideWords(panel, box: sheet.panelBox, size: (sheet.isLandscape ? 2.6 : 3.2) * mm, phrases: phrases,
                               stacked: sheet.isLandscape || sheet.isBackFront,
                               hugging: sheet.bodyViews.count > 1, aboveSoles: sheet.hasSoles)
        }
        let footerTop = sheet.pageHeight - sheet.bottomRoom + 1.5
        texts.append(SceneText(text: phrases.text(.templateNameDate), at: Point(left, footerTop) * mm, size: 3.4 * mm,
                               fitWidth: textWidth * mm))
        texts.append(SceneText(text: phrases.text(.disclaimer), at: Point(left, footerTop + 6) * mm, size: 2.5 * mm,
                               color: style.mutedText, width: textWidth * mm))
        texts.append(SceneText(text: phrases.text(.templateScaleBar), at: Point(barLeft, bottom - 5.2) * mm, size: 2.2 * mm,
                               color: style.mutedText))
        let codeRight = sheet.codeCells.last?.maxX ?? sheet.pageWidth / 2
        texts.append(SceneText(text: "referral-atlas · \(sheet.name)", at: Point(codeRight + 3, bottom - 1.3) * mm, size: 2.2 * mm,
                               color: style.mutedText))
        scene.texts = texts
        // The key sits between the instructions and the bodies, clear of the panels: `compare`
        // reads only marks inside them, so the printed colours are never taken for a drawing.
        scene.legend = SceneLegend(entries: ChartBuilder.legendEntries(kind: .template, style: style, panels: panels, phrases: phrases),
                                   frame: px(Rect(minX: left, minY: 21.5, maxX: sheet.pageWidth - left, maxY: 33)), textSize: 3 * mm)
        return scene
    }

    /// Where the instructions ask to shade: exactly the views on the page.
    static func whereKey(_ views: [ViewID]) -> Phrasebook.Key {
        switch views {
        case ChartSheet.backFront, ChartSheet.backFrontWithoutSoles: .templateWhereBackFront
        case [.posterior]: .templateWhereBack
        case [.anterior]: .templateWhereFront
        case [.lateralRight]: .templateWhereRightSide
        case [.lateralLeft]: .templateWhereLeftSide
        default: .templateWhereAll
        }
    }

    /// "Back (seen from behind)", "Front (facing you)": a patient must know which way the
    /// figure faces to put a mark on the right side; other views keep their own label.
    static func panelLabel(_ panel: ScenePanel, phrases: Phrasebook) -> String? {
        switch panel.view.id {
        case .posterior: phrases.text(.templateBackLabel)
        case .anterior: phrases.text(.templateFrontLabel)
        case .plantar: phrases.text(.templateSolesLabel)
        default: panel.label
        }
    }

    /// "Your right" and "Your left" beside the lower legs, each on the side where the patient's
    /// own side lies as drawn (from behind: the viewer's right; from the front: the viewer's
    /// left); a side view says whose side it is, behind the calf. Printed grey ink, so
    /// `compare` takes them for part of the chart, never for a mark.
    /// `stacked` breaks them into short lines, where neighbouring panels leave little room.
    /// `hugging` sets them close beside the calves (whose outer edge is about 134 mm out),
    /// so that with a neighbour each pair plainly belongs to its own body, never reading as
    /// a pair of the two bodies' inner words ("Your right | Your right").
    /// `aboveSoles` raises them above the knees, clear of a soles inset between the lower legs
    /// and a line above its title, so that they do not stand level with the soles' own words
    /// ("Your right sole" and "Your left sole" say whose sole each is).
    static func sideWords(_ panel: ScenePanel, box: Rect, size: Double, phrases: Phrasebook, stacked: Bool = false,
                          hugging: Bool = false, aboveSoles: Bool = false) -> [SceneText] {
        let grey = Color(hex: "#666666")!
        if panel.view.id == .plantar { return solesWords(panel, size: size, phrases: phrases, grey: grey) }
        // Beside the calf: the arms end above it, so the room out to the panel's edge is free.
        let y = aboveSoles ? ChartSheet.solesTopBodyY - 4.6 * size / panel.scale : box.minY + box.height * 0.79
        let offset = hugging ? 134 + 70 : box.width / 2 - (box.width / 2 - 150) / 2
        // One word to a line when stacked, each line placed here (never by wrapping or the
        // font's line spacing): the words then lie in the same place at every size, as
        // `compare` expects of printed ink.
        func word(_ key: Phrasebook.Key, x: Double) -> [SceneText] {
            let text = phrases.text(key)
            let lines = stacked ? text.split(separator: " ").map(String.init) : [text]
            let top = panel.toPixels(Point(x, y))
            return lines.enumerated().map { index, line in
                SceneText(text: line, at: Point(top.x, top.y + Double(index) * size * 1.2), size: size, weight: .bold,
                          alignment: .center, color: grey)
            }
        }
        let view = panel.view.id
        if view == .posterior || view == .anterior {
            return Side.allCases.flatMap { side in
                word(side == .right ? .sideYourRight : .sideYourLeft, x: offset * view.screenSign(for: side))
            }
        }
        guard let side = view.onlySide else { return [] }
        // A side view: behind the body, which faces the viewer's right in the right side
        // view; the panel's centre lies `centringShift` from the atlas origin.
        let behind = side == .right ? -offset : offset
        return word(side == .right ? .sideYourRightSide : .sideYourLeftSide, x: behind - ChartLayout.centringShift(view))
    }

    /// "Your right sole" and "Your left sole", each on two lines just over its own sole's
    /// toes (the right sole on the viewer's left, as in the front view). The word "sole" and
    /// the place tell them from the bodies' "Your right" / "Your left" at the knees beside the
    /// inset, which a patient read as naming the soles (the back view's right knee stands
    /// next to the right sole, but the front view's right knee next to the left sole).
    static func solesWords(_ panel: ScenePanel, size: Double, phrases: Phrasebook, grey: Color) -> [SceneText] {
        guard let bounds = panel.view.outline.bounds else { return [] }
        let lineGap = size * 1.15
        return Side.allCases.flatMap { side -> [SceneText] in
            let sign = panel.view.id.screenSign(for: side)
            // Over the middle of this foot's outline, just above its highest toe.
            let xs = panel.view.outline.polylines(segmentsPerCurve: 16).flatMap { $0 }.filter { $0.x * sign > 0 }
            let footTop = xs.map(\.y).min() ?? bounds.minY
            let centre = xs.isEmpty ? bounds.width / 4 * sign : ((xs.map(\.x).min() ?? 0) + (xs.map(\.x).max() ?? 0)) / 2
            let at = panel.toPixels(Point(centre, footTop))
            let text = phrases.text(side == .right ? .sideYourRightSole : .sideYourLeftSole)
            // "Your right" over "sole": two short lines fit over a sole's width.
            let words = text.split(separator: " ").map(String.init)
            let lines = words.count > 1 ? [words.dropLast().joined(separator: " "), words.last!] : [text]
            return lines.enumerated().map { index, line in
                SceneText(text: line, at: Point(at.x, at.y - size * 0.5 - lineGap * Double(lines.count - index)),
                          size: size, weight: .bold, alignment: .center, color: grey)
            }
        }
    }
}
