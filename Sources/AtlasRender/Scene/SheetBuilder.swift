import AtlasModel

/// Lays out a blank chart for a patient to draw on: a paper page at true scale with the
/// bodies, the colour key, a name and date line, a 5 cm bar to check the print scale, and
/// the finder marks and code `compare` reads back from a scan or a photo.
enum SheetBuilder {
    static func scene(_ request: ChartRequest, atlas: Atlas) throws(RenderError) -> Scene {
        let sheet = ChartSheet(views: request.views, paper: request.paper)
        let mm = Double(request.width) / sheet.pageWidth
        let style = request.style, phrases = request.phrases
        func px(_ r: Rect) -> Rect { Rect(minX: r.minX * mm, minY: r.minY * mm, maxX: r.maxX * mm, maxY: r.maxY * mm) }

        var panels: [ScenePanel] = []
        for (index, viewID) in sheet.views.enumerated() {
            guard let view = atlas.view(viewID) else { throw RenderError.invalidRequest("the atlas has no \(viewID.rawValue) view") }
            panels.append(ScenePanel(view: view, origin: sheet.origin(panel: index) * mm, scale: sheet.scale * mm,
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
        var texts = [SceneText(text: title, at: Point(left, 7.5) * mm, size: 5.2 * mm, weight: .bold, fitWidth: textWidth * mm),
                     SceneText(text: phrases.text(.templateInstructions), at: Point(left, 15) * mm, size: 3.1 * mm,
                               color: style.mutedText, width: textWidth * mm)]
        for panel in panels {
            if let label = panel.label {
                texts.append(SceneText(text: label, at: Point(panel.frame.center.x, panel.frame.minY - 1.2 * mm), size: 3.4 * mm,
                                       weight: .bold, alignment: .center))
            }
            texts += ChartBuilder.sideMarks(panel, unit: 4.5 * mm)
        }
        let footerTop = sheet.pageHeight - ChartSheet.panelsBottomRoom + 3
        texts.append(SceneText(text: phrases.text(.templateNameDate), at: Point(left, footerTop) * mm, size: 3.4 * mm,
                               fitWidth: textWidth * mm))
        texts.append(SceneText(text: phrases.text(.disclaimer), at: Point(left, footerTop + 6.5) * mm, size: 2.5 * mm,
                               color: style.mutedText, width: textWidth * mm))
        texts.append(SceneText(text: phrases.text(.templateScaleBar), at: Point(barLeft, bottom - 5.2) * mm, size: 2.2 * mm,
                               color: style.mutedText))
        let codeRight = sheet.codeCells.last?.maxX ?? sheet.pageWidth / 2
        texts.append(SceneText(text: "referral-atlas · \(sheet.name)", at: Point(codeRight + 3, bottom - 1.3) * mm, size: 2.2 * mm,
                               color: style.mutedText))
        scene.texts = texts
        scene.legend = SceneLegend(entries: ChartBuilder.legendEntries(kind: .template, style: style, panels: panels, phrases: phrases),
                                   frame: px(Rect(minX: left, minY: 25.5, maxX: sheet.pageWidth - left, maxY: 31.5)), textSize: 3 * mm)
        return scene
    }
}
