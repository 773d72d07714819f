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
    /// Bones and the patterns' muscles under the zones.
    public var anatomy = true
    /// Only the first page (a thumbnail).
    public var onlyFirstPage = false

    public init(patterns: [Pattern]) {
        self.patterns = patterns
    }
}

/// Lays out a patient handout: title, the pattern in the views where it shows, legend,
/// plain-language description, what you may feel, the education-aid note, clinic footer and
/// sources. Every text is measured with Pango first, so nothing overlaps or leaves the page:
/// the title shrinks and wraps, the body text shrinks a little, and when several patterns
/// still do not fit, the descriptions and feelings that do not fit continue on a second page.
public enum HandoutBuilder {
    /// The handout as one scene; a two-page handout has its second page below the first.
    public static func scene(_ request: HandoutRequest, atlas: Atlas) throws(RenderError) -> Scene {
        let all = try pages(request, atlas: atlas)
        return all.count == 1 ? all[0] : PageRenderer.stacked(all)
    }

    /// A caption under the pictures (how faithful the drawing is to its sources), or nil.
    static func pictureCaption(_ request: HandoutRequest, phrases: Phrasebook) -> String? { nil }

    /// The pages of the handout: one, or two when the text needs more room.
    public static func pages(_ request: HandoutRequest, atlas: Atlas) throws(RenderError) -> [Scene] {
        guard !request.patterns.isEmpty else { throw RenderError.invalidRequest("a handout needs at least one pattern") }
        try request.validate()
        let views = ViewID.withSoles.filter { view in request.patterns.contains { $0.placed(in: view, side: request.side) != nil } }
        guard !views.isEmpty else { throw RenderError.invalidRequest("nothing of these patterns shows on the \(request.side.rawValue) side") }
        let layout = try HandoutLayout(request: request, atlas: atlas, views: views)
        // The largest body text at which everything fits on one page; else a second page.
        for bodySize in [3.6, 3.3] {
            if let page = layout.onePage(bodySize: bodySize) { return [page] }
        }
        let two = layout.twoPages(bodySize: 3.6)
        return request.onlyFirstPage ? [two[0]] : two
    }
}

/// The measured pieces of a handout and how they are placed (pixels; `mm` per millimetre).
private struct HandoutLayout {
    let request: HandoutRequest
    let atlas: Atlas
    let views: [ViewID]
    let phrases: Phrasebook
    let style: Style
    let measure: TextMeasurer
    let mm: Double, width: Double, height: Double, margin: Double, content: Double
    let title: String
    let paragraphs: [String]
    let feel: [String]
    let sourceText: String
    let clinic: String?
    let caption: String?
    let legendEntries: [LegendEntry]

    let heading: Double, small: Double, labelSize: Double, legendSize: Double
    /// The pictures: never smaller than this, never larger than the page allows.
    var minimumPictures: Double { 75 * mm }
    var maximumPictures: Double {
        min(150 * mm, content / Double(views.count) / BodyRegion.full.box.width * BodyRegion.full.box.height)
    }
    var leftWidth: Double { content * 0.56 }
    var rightWidth: Double { content - leftWidth - 8 * mm }

    init(request: HandoutRequest, atlas: Atlas, views: [ViewID]) throws(RenderError) {
        self.request = request
        self.atlas = atlas
        self.views = views
        phrases = request.phrases
        style = request.style
        measure = try TextMeasurer(fontFamily: style.fontFamily)
        mm = request.dpi / 25.4
        width = request.paper.size.width * mm
        height = request.paper.size.height * mm
        margin = 16 * mm
        content = width - 2 * margin
        heading = 4.4 * mm; small = 2.5 * mm; labelSize = 3.4 * mm; legendSize = 2.9 * mm
        title = request.patterns.map(request.phrases.name(of:)).joined(separator: " + ")
        paragraphs = request.patterns.map(request.phrases.description(of:)).filter { !$0.isEmpty }
        feel = Array(Set(request.patterns.flatMap(request.phrases.feel(of:)))).sorted()
        let sources = Array(Set(request.patterns.flatMap(\.sources))).sorted()
        sourceText = SourceCaption.text(for: request.patterns, phrases: request.phrases) + " "
            + "\(request.phrases.text(.handoutSources)): " + sources.joined(separator: "; ") + ". "
            + request.phrases.text(.drawnBy, ["atlas": "\(atlas.name) \(atlas.version)"])
        clinic = request.clinic.map { "\(request.phrases.text(.handoutClinic)): \($0)" }
        caption = HandoutBuilder.pictureCaption(request, phrases: request.phrases)
        // The legend lists what the panels show, whatever their size.
        let probe = views.compactMap { view -> ScenePanel? in
            guard let body = atlas.view(view) else { return nil }
            return ScenePanel(view: body, origin: Point(0, 0), scale: 1, frame: Rect(minX: 0, minY: 0, maxX: 1, maxY: 1),
                              patterns: request.patterns.compactMap { $0.placed(in: view, side: request.side) })
        }
        legendEntries = ChartBuilder.legendEntries(kind: .render, style: request.style, panels: probe, phrases: request.phrases)
    }

    // MARK: Measured blocks

    /// The title's size: shrunk (to 5.5 mm) so that it fits on one line if it can; it wraps
    /// at the content width otherwise.
    var titleSize: Double {
        var size = 7.5 * mm
        while size > 5.5 * mm, measure.size(title, size: size, weight: .bold).width > content { size *= 0.96 }
        return size
    }

    func height(_ text: String, size: Double, weight: SceneText.Weight = .regular, width: Double) -> Double {
        measure.size(text, size: size, weight: weight, width: width).height
    }

    var subtitle: String {
        let families = Set(request.patterns.map(\.family)).map { ChartBuilder.familyText($0, phrases) }.sorted()
        return families.joined(separator: "; ").capitalizedFirst + ". " + phrases.text(.handoutSideNote)
    }

    /// The legend's height, arranged as LegendDrawer arranges it (columns of rows).
    var legendHeight: Double {
        guard !legendEntries.isEmpty else { return 0 }
        let widest = legendEntries.map { measure.size($0.text, size: legendSize).width }.max() ?? 0
        let needed = legendSize * (2.2 + 0.6 + 1.5) + widest
        let columns = max(1, min(legendEntries.count, Int(content / needed)))
        let rows = (legendEntries.count + columns - 1) / columns
        return Double(rows) * legendSize * 1.75
    }

    var aidHeight: Double { height(phrases.text(.handoutAid), size: 3.6 * mm, weight: .bold, width: content - 8 * mm) + 6 * mm }

    var footerHeight: Double {
        height(sourceText, size: small, width: content) + (clinic.map { height($0, size: 3.2 * mm, weight: .bold, width: content) + 2 * mm } ?? 0)
    }

    /// A column heading's height with the gap below it (a long one wraps).
    func headingHeight(_ text: String, width: Double) -> Double {
        height(text, size: heading, weight: .bold, width: width) + heading * 0.4
    }

    func aboutHeight(_ parts: [String], body: Double, width: Double, continued: Bool = false) -> Double {
        parts.isEmpty ? 0 : headingHeight(aboutHeading(continued), width: width) + height(parts.joined(separator: "\n\n"), size: body, width: width)
    }

    func feelHeight(_ items: [String], body: Double, width: Double, continued: Bool = false) -> Double {
        items.isEmpty ? 0 : headingHeight(feelHeading(continued), width: width) + height(bullets(items), size: body, width: width)
    }

    func aboutHeading(_ continued: Bool) -> String {
        phrases.text(.handoutAbout) + (continued ? " (\(phrases.text(.handoutContinued)))" : "")
    }

    func feelHeading(_ continued: Bool) -> String {
        phrases.text(.handoutFeel) + (continued ? " (\(phrases.text(.handoutContinued)))" : "")
    }

    func bullets(_ items: [String]) -> String { items.map { "•  \($0)" }.joined(separator: "\n") }

    // MARK: Pages

    /// Page one's fixed blocks from the top: title, subtitle; returns texts and the next y.
    func header(_ texts: inout [SceneText]) -> Double {
        let size = titleSize
        texts.append(SceneText(text: title, at: Point(margin, margin), size: size, weight: .bold, width: content))
        var y = margin + height(title, size: size, weight: .bold, width: content) + 2 * mm
        texts.append(SceneText(text: subtitle, at: Point(margin, y), size: 3.2 * mm, color: style.mutedText, width: content))
        y += height(subtitle, size: 3.2 * mm, width: content) + 3 * mm
        return y
    }

    /// The space between the header and the footer that pictures, legend and text share.
    func sharedSpace(top: Double) -> Double {
        let captionHeight = caption.map { height($0, size: small, width: content) + 2 * mm } ?? 0
        let fixed = 5 * mm + 2 * mm + captionHeight + legendHeight + 4 * mm + 5 * mm + aidHeight + 5 * mm + footerHeight
        return height - margin - top - fixed
    }

    func onePage(bodySize: Double) -> Scene? {
        let body = bodySize * mm
        var texts: [SceneText] = []
        let top = header(&texts)
        let columns = max(aboutHeight(paragraphs, body: body, width: leftWidth), feelHeight(feel, body: body, width: rightWidth))
        let pictures = min(maximumPictures, sharedSpace(top: top) - columns)
        guard pictures >= minimumPictures else { return nil }
        return page(texts: texts, top: top, pictures: pictures, about: paragraphs, feel: feel, body: body, continues: false)
    }

    /// Page one with what fits beside the pictures; page two with the rest.
    func twoPages(bodySize: Double) -> [Scene] {
        let body = bodySize * mm
        var texts: [SceneText] = []
        let top = header(&texts)
        let overleaf = height(phrases.text(.handoutOverleaf), size: body, weight: .bold, width: content) + 3 * mm
        let space = sharedSpace(top: top) - overleaf
        // Pictures keep a good size; the text columns take what is left below them.
        let room = space - max(minimumPictures, min(maximumPictures, space - 70 * mm))
        let aboutCount = (0...paragraphs.count).last { aboutHeight(Array(paragraphs.prefix($0)), body: body, width: leftWidth) <= room } ?? 0
        let feelCount = (0...feel.count).last { feelHeight(Array(feel.prefix($0)), body: body, width: rightWidth) <= room } ?? 0
        // The pictures then grow into whatever the chosen text leaves.
        let used = max(aboutHeight(Array(paragraphs.prefix(aboutCount)), body: body, width: leftWidth),
                       feelHeight(Array(feel.prefix(feelCount)), body: body, width: rightWidth))
        let pictures = max(minimumPictures, min(maximumPictures, space - used))
        let first = page(texts: texts, top: top, pictures: pictures, about: Array(paragraphs.prefix(aboutCount)),
                         feel: Array(feel.prefix(feelCount)), body: body, continues: true)
        return [first, secondPage(about: Array(paragraphs.dropFirst(aboutCount)), feel: Array(feel.dropFirst(feelCount)), body: body)]
    }

    func page(texts: [SceneText], top: Double, pictures: Double, about: [String], feel: [String], body: Double, continues: Bool) -> Scene {
        var texts = texts
        var y = top
        let box = BodyRegion.full.box
        let scale = pictures / box.height
        let panelWidth = box.width * scale
        let left = margin + (content - panelWidth * Double(views.count)) / 2
        var panels: [ScenePanel] = []
        for (index, view) in views.enumerated() {
            guard let bodyView = atlas.view(view) else { continue }
            let frame = Rect(minX: left + Double(index) * panelWidth, minY: y + 5 * mm, maxX: left + Double(index + 1) * panelWidth,
                             maxY: y + 5 * mm + pictures)
            let shift: Double = view == .lateralRight ? -28 : (view == .lateralLeft ? 28 : 0)
            let placed = request.patterns.compactMap { $0.placed(in: view, side: request.side) }
            let panel = ScenePanel(view: bodyView, origin: Point(frame.center.x + shift * scale, frame.minY - box.minY * scale),
                                   scale: scale, frame: frame, label: bodyView.label, patterns: placed)
            panels.append(panel)
            texts.append(SceneText(text: bodyView.label, at: Point(frame.center.x, y), size: labelSize, weight: .bold, alignment: .center))
            texts += ChartBuilder.sideMarks(panel, unit: 4 * mm)
            texts += wrapped(EdgeMarkerText.texts(for: panel, atlas: atlas, size: 2.6 * mm, phrases: phrases), in: frame)
        }
        y += 5 * mm + pictures + 2 * mm
        if let caption {
            texts.append(SceneText(text: caption, at: Point(margin, y), size: small, color: style.mutedText, width: content))
            y += height(caption, size: small, width: content) + 2 * mm
        }
        let legend = SceneLegend(entries: legendEntries, frame: Rect(minX: margin, minY: y, maxX: width - margin, maxY: y + legendHeight),
                                 textSize: legendSize)
        y += legendHeight + 4 * mm
        y = columns(&texts, top: y, about: about, feel: feel, body: body, continued: false)
        if continues {
            texts.append(SceneText(text: phrases.text(.handoutOverleaf), at: Point(margin, y), size: body, weight: .bold, width: content))
            y += height(phrases.text(.handoutOverleaf), size: body, weight: .bold, width: content) + 3 * mm
        }
        let aidBox = Rect(minX: margin, minY: y, maxX: width - margin, maxY: y + aidHeight)
        texts.append(SceneText(text: phrases.text(.handoutAid), at: Point(margin + 4 * mm, y + 3 * mm), size: 3.6 * mm, weight: .bold,
                               width: content - 8 * mm))
        footer(&texts)
        var scene = makeScene(panels: panels, texts: texts, legend: legend)
        scene.boxes = [SceneBox(frame: aidBox, fill: style.spilloverTint.with(alpha: 0.45), stroke: style.essential.with(alpha: 0.6))]
        scene.addAnatomy(atlas.anatomy, phrases: phrases, enabled: request.anatomy)
        return scene
    }

    func secondPage(about: [String], feel: [String], body: Double) -> Scene {
        var texts: [SceneText] = []
        let continued = "\(title) (\(phrases.text(.handoutContinued)))"
        texts.append(SceneText(text: continued, at: Point(margin, margin), size: 5 * mm, weight: .bold, width: content))
        let y = margin + height(continued, size: 5 * mm, weight: .bold, width: content) + 5 * mm
        _ = columns(&texts, top: y, about: about, feel: feel, body: body, continued: true)
        footer(&texts)
        return makeScene(panels: [], texts: texts, legend: nil)
    }

    /// "About" on the left, "What you may feel" on the right (either may be empty); a
    /// column that is alone takes the whole width. Returns the y below both.
    func columns(_ texts: inout [SceneText], top: Double, about: [String], feel: [String], body: Double, continued: Bool) -> Double {
        let aboutWidth = feel.isEmpty ? content : leftWidth
        let feelX = about.isEmpty ? margin : margin + leftWidth + 8 * mm
        let feelWidth = about.isEmpty ? content : rightWidth
        if !about.isEmpty {
            let title = aboutHeading(continued)
            texts.append(SceneText(text: title, at: Point(margin, top), size: heading, weight: .bold, width: aboutWidth))
            texts.append(SceneText(text: about.joined(separator: "\n\n"), at: Point(margin, top + headingHeight(title, width: aboutWidth)),
                                   size: body, width: aboutWidth))
        }
        if !feel.isEmpty {
            let title = feelHeading(continued)
            texts.append(SceneText(text: title, at: Point(feelX, top), size: heading, weight: .bold, width: feelWidth))
            texts.append(SceneText(text: bullets(feel), at: Point(feelX, top + headingHeight(title, width: feelWidth)), size: body,
                                   width: feelWidth))
        }
        let used = max(aboutHeight(about, body: body, width: aboutWidth, continued: continued),
                       feelHeight(feel, body: body, width: feelWidth, continued: continued))
        return top + used + (used > 0 ? 5 * mm : 0)
    }

    /// Notes at the top of a narrow panel, wrapped to its width and stacked by their
    /// measured height (shrunk to fit on one line, a long note would run off the page).
    func wrapped(_ notes: [SceneText], in frame: Rect) -> [SceneText] {
        var y = notes.first?.at.y ?? frame.minY
        return notes.map { note in
            var note = note
            note.fitWidth = nil
            note.width = frame.maxX - note.at.x - 2 * mm
            note.at.y = y
            y += height(note.text, size: note.size, weight: note.weight, width: note.width!) + 0.5 * mm
            return note
        }
    }

    /// Clinic and sources at the foot of the page.
    func footer(_ texts: inout [SceneText]) {
        var y = height - margin - footerHeight
        if let clinic {
            texts.append(SceneText(text: clinic, at: Point(margin, y), size: 3.2 * mm, weight: .bold, width: content))
            y += height(clinic, size: 3.2 * mm, weight: .bold, width: content) + 2 * mm
        }
        texts.append(SceneText(text: sourceText, at: Point(margin, y), size: small, color: style.mutedText, width: content))
    }

    func makeScene(panels: [ScenePanel], texts: [SceneText], legend: SceneLegend?) -> Scene {
        Scene(width: Int(width.rounded()), height: Int(height.rounded()), dpi: request.dpi, title: title, panels: panels,
              texts: texts, legend: legend,
              metadata: [("Title", title), ("Software", "referral-atlas \(ReferralAtlasVersion.string)"),
                         ("Source", "\(atlas.name) \(atlas.version)")],
              style: style)
    }
}

extension String {
    /// The string with its first letter in upper case.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
