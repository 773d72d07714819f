import AtlasModel

/// Paper sizes for handouts and printed charts.
public enum Paper: String, Sendable, CaseIterable {
    case a4, letter

    /// Width and height in millimetres.
    public var size: (width: Double, height: Double) {
        switch self {
        case .a4: (210, 297)
        case .letter: (215.9, 279.4)
        }
    }
}

/// What a handout shows.
public struct HandoutRequest: Sendable {
    public var patterns: [Pattern]
    public var paper: Paper = .a4
    public var dpi: Double = 300
    public var clinic: String? = nil
    public var side: Side = .right
    public var style = Style.default
    public var phrases = Phrasebook()

    public init(patterns: [Pattern]) {
        self.patterns = patterns
    }
}

/// Lays out a one-page patient handout: title, the pattern in the views where it shows,
/// legend, plain-language description, what you may feel, the education-aid note, clinic
/// footer and sources.
public enum HandoutBuilder {
    public static func scene(_ request: HandoutRequest, atlas: Atlas) throws(RenderError) -> Scene {
        guard !request.patterns.isEmpty else { throw RenderError.invalidRequest("a handout needs at least one pattern") }
        let mm = request.dpi / 25.4
        let page = request.paper.size
        let width = page.width * mm, height = page.height * mm
        let margin = 16 * mm
        let content = width - 2 * margin
        let style = request.style, phrases = request.phrases
        let measure = try TextMeasurer(fontFamily: style.fontFamily)

        let body = 3.6 * mm, small = 2.5 * mm, heading = 4.4 * mm
        let title = request.patterns.map(phrases.name(of:)).joined(separator: " + ")
        let families = Set(request.patterns.map(\.family)).map { ChartBuilder.familyText($0, phrases) }.sorted()
        var texts: [SceneText] = []
        var y = margin
        texts.append(SceneText(text: title, at: Point(margin, y), size: 7.5 * mm, weight: .bold, fitWidth: content))
        y += 10.5 * mm
        let subtitle = families.joined(separator: "; ").capitalizedFirst + ". " + phrases.text(.handoutSideNote)
        texts.append(SceneText(text: subtitle, at: Point(margin, y), size: 3.2 * mm, color: style.mutedText, width: content))
        y += measure.size(subtitle, size: 3.2 * mm, width: content).height + 3 * mm

        // Text below the pictures, measured first so the pictures take what is left.
        let description = request.patterns.map(phrases.description(of:)).joined(separator: "\n\n")
        let feel = Array(Set(request.patterns.flatMap(phrases.feel(of:)))).sorted()
        let feelText = feel.map { "•  \($0)" }.joined(separator: "\n")
        let sources = Array(Set(request.patterns.flatMap(\.sources))).sorted()
        let sourceText = SourceCaption.text(for: request.patterns, phrases: phrases) + " "
            + "\(phrases.text(.handoutSources)): " + sources.joined(separator: "; ") + ". "
            + phrases.text(.drawnBy, ["atlas": "\(atlas.name) \(atlas.version)"])
        let aid = phrases.text(.handoutAid)
        let clinic = request.clinic.map { "\(phrases.text(.handoutClinic)): \($0)" }
        let columnGap = 8 * mm
        let leftWidth = content * 0.56, rightWidth = content - leftWidth - columnGap
        let aboutHeight = heading * 1.6 + measure.size(description, size: body, width: leftWidth).height
        let feelHeight = feel.isEmpty ? 0 : heading * 1.6 + measure.size(feelText, size: body, width: rightWidth).height
        let aidHeight = measure.size(aid, size: body, weight: .bold, width: content - 8 * mm).height + 6 * mm
        let footerHeight = measure.size(sourceText, size: small, width: content).height
            + (clinic.map { measure.size($0, size: 3.2 * mm, weight: .bold, width: content).height + 2 * mm } ?? 0)
        let legendHeight = 6 * 2.9 * mm
        // Everything below the pictures: view labels, legend, text columns, note box, footer
        // and the gaps between them.
        let textHeight = 5 * mm + 2 * mm + legendHeight + 4 * mm + max(aboutHeight, feelHeight) + 5 * mm + aidHeight
            + 6 * mm + footerHeight

        // Pictures: the views where the patterns show, as large as the page allows.
        let views = ViewID.allCases.filter { view in request.patterns.contains { $0.placed(in: view, side: request.side) != nil } }
        guard !views.isEmpty else { throw RenderError.invalidRequest("nothing of these patterns shows on the \(request.side.rawValue) side") }
        let box = BodyRegion.full.box
        let available = max(70 * mm, height - margin - y - textHeight)
        let scale = min(content / Double(views.count) / box.width, min(available, 150 * mm) / box.height)
        let panelWidth = box.width * scale, panelHeight = box.height * scale
        let left = margin + (content - panelWidth * Double(views.count)) / 2
        var panels: [ScenePanel] = []
        for (index, view) in views.enumerated() {
            guard let bodyView = atlas.view(view) else { continue }
            let frame = Rect(minX: left + Double(index) * panelWidth, minY: y + 5 * mm, maxX: left + Double(index + 1) * panelWidth,
                             maxY: y + 5 * mm + panelHeight)
            let shift: Double = view == .lateralRight ? -28 : (view == .lateralLeft ? 28 : 0)
            let placed = request.patterns.compactMap { $0.placed(in: view, side: request.side) }
            let panel = ScenePanel(view: bodyView, origin: Point(frame.center.x + shift * scale, frame.minY - box.minY * scale),
                                   scale: scale, frame: frame, label: bodyView.label, patterns: placed)
            panels.append(panel)
            texts.append(SceneText(text: bodyView.label, at: Point(frame.center.x, y), size: 3.4 * mm, weight: .bold, alignment: .center))
            texts += ChartBuilder.sideMarks(panel, unit: 4 * mm)
            texts += EdgeMarkerText.texts(for: panel, atlas: atlas, size: 2.6 * mm, phrases: phrases)
        }
        y += 5 * mm + panelHeight + 2 * mm
        let legend = SceneLegend(entries: ChartBuilder.legendEntries(kind: .render, style: style, panels: panels, phrases: phrases),
                                 frame: Rect(minX: margin, minY: y, maxX: width - margin, maxY: y + legendHeight), textSize: 2.9 * mm)
        y += legendHeight + 4 * mm

        texts.append(SceneText(text: phrases.text(.handoutAbout), at: Point(margin, y), size: heading, weight: .bold))
        texts.append(SceneText(text: description, at: Point(margin, y + heading * 1.6), size: body, width: leftWidth))
        if !feel.isEmpty {
            let x = margin + leftWidth + columnGap
            texts.append(SceneText(text: phrases.text(.handoutFeel), at: Point(x, y), size: heading, weight: .bold))
            texts.append(SceneText(text: feelText, at: Point(x, y + heading * 1.6), size: body, width: rightWidth))
        }
        y += max(aboutHeight, feelHeight) + 5 * mm
        let aidBox = Rect(minX: margin, minY: y, maxX: width - margin, maxY: y + aidHeight)
        texts.append(SceneText(text: aid, at: Point(margin + 4 * mm, y + 3 * mm), size: body, weight: .bold, width: content - 8 * mm))

        var footerY = height - margin - footerHeight
        if let clinic {
            texts.append(SceneText(text: clinic, at: Point(margin, footerY), size: 3.2 * mm, weight: .bold, width: content))
            footerY += measure.size(clinic, size: 3.2 * mm, weight: .bold, width: content).height + 2 * mm
        }
        texts.append(SceneText(text: sourceText, at: Point(margin, footerY), size: small, color: style.mutedText, width: content))

        var scene = Scene(width: Int(width.rounded()), height: Int(height.rounded()), dpi: request.dpi, title: title, panels: panels,
                          texts: texts, legend: legend,
                          metadata: [("Title", title), ("Software", "referral-atlas \(ReferralAtlasVersion.string)"),
                                     ("Source", "\(atlas.name) \(atlas.version)")],
                          style: style)
        scene.boxes = [SceneBox(frame: aidBox, fill: style.spilloverTint.with(alpha: 0.45), stroke: style.essential.with(alpha: 0.6))]
        return scene
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
