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
/// the title shrinks and wraps, the body text shrinks a little, and when the text still does
/// not fit beside pictures of the smallest size allowed, whole sections ("About this
/// pattern", "What you may feel") move to a second page: a section is never split, so no
/// heading there says "continued" of a section that never began.
public enum HandoutBuilder {
    /// The handout as one scene; a two-page handout has its second page below the first.
    public static func scene(_ request: HandoutRequest, atlas: Atlas) throws(RenderError) -> Scene {
        let all = try pages(request, atlas: atlas)
        return all.count == 1 ? all[0] : PageRenderer.stacked(all)
    }

    /// A caption under the pictures, or nil: with the soles beside a back view, which way they
    /// face (review 17:40 item 7: the back view has the right on the viewer's right, the soles
    /// on the left), since laterality is where patients' drawings go wrong most (addendum 8).
    static func pictureCaption(_ views: [ViewID], phrases: Phrasebook) -> String? {
        views.contains(.plantar) ? phrases.text(.solesSeenFromBelow) : nil
    }

    /// The pages of the handout. Several patterns are never drawn on one body nor their
    /// feelings merged into one list (a reader could not tell which zone or sentence belongs
    /// to which): each pattern that shows on the side gets its own page (or two), with its
    /// own pictures at full size, legend, notes and text, and a line naming the others.
    public static func pages(_ request: HandoutRequest, atlas: Atlas) throws(RenderError) -> [Scene] {
        guard !request.patterns.isEmpty else { throw RenderError.invalidRequest("a handout needs at least one pattern") }
        try request.validate()
        let shown = request.patterns.filter { pattern in ViewID.withSoles.contains { pattern.placed(in: $0, side: request.side) != nil } }
        guard !shown.isEmpty else { throw RenderError.invalidRequest("nothing of these patterns shows on the \(request.side.rawValue) side") }
        guard shown.count > 1 else { return try patternPages(request, pattern: shown[0], part: nil, atlas: atlas) }
        let names = shown.map(request.phrases.name(of:)).joined(separator: "; ")
        var all: [Scene] = []
        for (index, pattern) in shown.enumerated() {
            let part = request.phrases.text(.handoutPart, ["number": "\(index + 1)", "count": "\(shown.count)", "names": names])
            all += try patternPages(request, pattern: pattern, part: part, atlas: atlas)
            if request.onlyFirstPage { break }
        }
        return all
    }

    /// One pattern's page, or two when its text needs more room; `part` says where it
    /// stands among several.
    static func patternPages(_ request: HandoutRequest, pattern: Pattern, part: String?, atlas: Atlas) throws(RenderError) -> [Scene] {
        var request = request
        request.patterns = [pattern]
        // A view where the pattern has only its muscle (no zone, X or nerve) is left out: a
        // panel with nothing marked reads as "no pain there" or as a drawing error.
        let drawn = ViewID.withSoles.filter { view in
            pattern.placed(in: view, side: request.side).map { !$0.zones.isEmpty || !$0.triggerPoints.isEmpty || !$0.nerves.isEmpty } ?? false
        }
        let views = drawn.isEmpty ? ViewID.withSoles.filter { pattern.placed(in: $0, side: request.side) != nil } : drawn
        let layout = try HandoutLayout(request: request, atlas: atlas, views: views, part: part)
        // The largest body text at which everything fits on one page; then the same with
        // narrower margins (US letter is 18 mm shorter than A4: the sacroiliac joint, quadratus
        // lumborum and dermatome handouts left a near-empty second page there); else a second page.
        for bodySize in [3.6, 3.3] {
            if let page = layout.onePage(bodySize: bodySize) { return [page] }
        }
        let tight = try HandoutLayout(request: request, atlas: atlas, views: views, part: part, margin: HandoutLayout.narrowMargin)
        for bodySize in [3.3, 3.1] {
            if let page = tight.onePage(bodySize: bodySize) { return [page] }
        }
        let two = layout.twoPages(bodySize: 3.6)
        return request.onlyFirstPage ? [two[0]] : two
    }
}

/// Two columns of text under the pictures with the legend over one of them (widths in pixels).
struct FlowedColumns {
    var aboutWidth: Double
    var feelWidth: Double
    var legendOverFeel: Bool
    var height: Double
}

/// The measured pieces of a handout and how they are placed (pixels; `mm` per millimetre).
struct HandoutLayout {
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
    /// The legend as drawn, after the anatomy layer has had its say (it swaps the muscle
    /// outline's line for a longer one): what the layout measures.
    let drawnLegendEntries: [LegendEntry]
    /// Where this pattern stands among several in one handout, or nil.
    let part: String?
    /// The muscle pictures the page needs (`MuscleInsets`), set where it has room.
    let insets: [MuscleInset]

    let heading: Double, small: Double, labelSize: Double, legendSize: Double
    /// What the pictures frame, and each view's edge-marker notes ("✕ TrP3: see side view").
    let framing: HandoutFraming
    let notes: [ViewID: [EdgeMarkerText.Note]]
    /// Per view, the narrowest its panel may be (pixels).
    let narrowestPanel: [ViewID: Double]
    var noteSize: Double { 2.6 * mm }  // as `narrowestPanel` measures it
    var markSize: Double { 3.6 * mm }
    /// The gap between two panels.
    var gap: Double { 3 * mm }
    /// The body in a picture is at least this tall (when the page is wide enough for it).
    var minimumBody: Double { 121 * mm }
    /// Pixels per atlas millimetre at which the panels fill the content width.
    var widthScale: Double { (content - gap * Double(views.count - 1)) / framing.width }
    /// The pictures' height (the frame, without the rows of text above and below): at
    /// most what the page width allows, and never so tall that the text has no room.
    var maximumPictures: Double {
        // At most the page's height less a title, a legend and a footer's worth: the layouts
        // then shrink them to what the text leaves. (A fixed 150 mm left a single tall view,
        // the medial hamstrings', with a fifth of the page blank under the disclaimer.)
        var pictures = min(200 * mm, widthScale * framing.height)
        // Panels held wider than their body (for a view name) take some of the width.
        while pictures > 10 * mm, picturesWidth(pictures) > content + 0.5 { pictures -= 0.5 * mm }
        return pictures
    }
    var minimumPictures: Double { min(maximumPictures, minimumBody * framing.height / framing.bodyHeight(atlas: atlas)) }
    var leftWidth: Double { content * 0.56 }
    var rightWidth: Double { content - leftWidth - 8 * mm }

    /// The page's margin in millimetres, and the narrower one a handout takes only to stay on
    /// one page (still well inside what any printer prints: about 6 mm).
    static let usualMargin = 16.0, narrowMargin = 11.0

    /// `margin`: the page's margin in millimetres.
    init(request: HandoutRequest, atlas: Atlas, views: [ViewID], part: String? = nil, margin: Double = usualMargin) throws(RenderError) {
        self.request = request
        self.part = part
        self.atlas = atlas
        self.views = views
        phrases = request.phrases
        style = request.style
        measure = try TextMeasurer(fontFamily: style.fontFamily)
        mm = request.dpi / 25.4
        width = request.paper.size.width * mm
        height = request.paper.size.height * mm
        self.margin = margin * mm
        content = width - 2 * self.margin
        heading = 4.4 * mm; small = 2.5 * mm; labelSize = 3.4 * mm; legendSize = 2.9 * mm
        title = request.patterns.map(request.phrases.name(of:)).joined(separator: " + ")
        paragraphs = request.patterns.map(request.phrases.description(of:)).filter { !$0.isEmpty }
        // In the atlas's order (its first line is what most patients feel), each line once.
        var seenFeel = Set<String>()
        feel = request.patterns.flatMap(request.phrases.feel(of:)).filter { seenFeel.insert($0).inserted }
        let sources = Array(Set(request.patterns.flatMap(\.sources))).sorted()
        sourceText = SourceCaption.text(for: request.patterns, phrases: request.phrases) + " "
            + "\(request.phrases.text(.handoutSources)): " + sources.joined(separator: "; ") + ". "
            + request.phrases.text(.drawnBy, ["atlas": "\(atlas.name) \(atlas.version)"])
        clinic = request.clinic.map { "\(request.phrases.text(.handoutClinic)): \($0)" }
        caption = HandoutBuilder.pictureCaption(views, phrases: request.phrases)
        // The legend lists what the panels show, whatever their size.
        let probe = views.compactMap { view -> ScenePanel? in
            guard let body = atlas.view(view) else { return nil }
            return ScenePanel(view: body, origin: Point(0, 0), scale: 1, frame: Rect(minX: 0, minY: 0, maxX: 1, maxY: 1),
                              patterns: request.patterns.compactMap { $0.placed(in: view, side: request.side) })
        }
        legendEntries = ChartBuilder.legendEntries(kind: .render, style: request.style, panels: probe, phrases: request.phrases)
        var drawn = Scene(width: 1, height: 1, dpi: request.dpi, title: "", panels: probe, texts: [],
                          legend: SceneLegend(entries: legendEntries, frame: Rect(minX: 0, minY: 0, maxX: 1, maxY: 1), textSize: 1),
                          metadata: [], style: request.style)
        insets = Self.insets(request: request, probe: probe, atlas: atlas)
        // A muscle picture changes the anatomy line ("and alone in the framed picture"): the
        // layout measures the line as it will be drawn.
        drawn.panels += insets.compactMap { MuscleInsets.panel($0, atlas: atlas, frame: Rect(minX: 0, minY: 0, maxX: 1, maxY: 1)) }
        drawn.addAnatomy(atlas.anatomy, phrases: request.phrases, enabled: request.anatomy)
        drawnLegendEntries = drawn.legend?.entries ?? legendEntries
        framing = HandoutFraming(views: views, patterns: request.patterns, side: request.side, atlas: atlas)
        var notes: [ViewID: [EdgeMarkerText.Note]] = [:]
        for panel in probe { notes[panel.view.id] = EdgeMarkerText.notes(for: panel, atlas: atlas, phrases: request.phrases) }
        self.notes = notes
        // A panel is never narrower than its view name or the longest word of its notes.
        var narrowest: [ViewID: Double] = [:]
        let (measurer, pixels, nameSize) = (measure, request.dpi / 25.4, labelSize)
        for view in views {
            let name = atlas.view(view).map { measurer.size($0.panelLabel(request.phrases), size: nameSize, weight: .bold).width } ?? 0
            let words = (notes[view] ?? []).flatMap { $0.text.split(separator: " ") }
                .map { measurer.size(String($0), size: 2.6 * pixels, weight: .bold).width }
            narrowest[view] = max(name, (words.max() ?? 0) * 2) + 2 * pixels
        }
        narrowestPanel = narrowest
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
        // A skin map is the same on both sides of everyone; a pattern is drawn on one side.
        let side: Phrasebook.Key = request.patterns.allSatisfy { $0.family == .dermatome } ? .handoutSideNoteMap
            : request.side == .left ? .handoutSideNoteLeft : .handoutSideNote
        return families.joined(separator: "; ").capitalizedFirst + ". " + phrases.text(side) + (part.map { " " + $0 } ?? "")
    }

    /// The legend's height, arranged as LegendDrawer arranges it (columns of rows).
    var legendHeight: Double { legendHeight(width: content) }

    func legendHeight(width: Double) -> Double {
        guard !drawnLegendEntries.isEmpty else { return 0 }
        return LegendLayout(texts: drawnLegendEntries.map(\.text), size: legendSize, width: width) { measure.size($0, size: $1, width: $2) }.height
    }

    /// The width one legend line needs (swatch, gap, text, spacing).
    var legendEntryWidth: Double {
        legendSize * (2.2 + 0.6 + 1.5) + (drawnLegendEntries.map { measure.size($0.text, size: legendSize).width }.max() ?? 0)
    }

    /// "What you may feel" (or "About this pattern" when there is no list) may stand beside
    /// the legend (set as one column of lines) when the column left beside it is wide enough:
    /// that column's left edge and width.
    var besideLegendColumn: (x: Double, width: Double)? {
        let width = content - legendEntryWidth - 6 * mm
        guard !(feel.isEmpty && paragraphs.isEmpty), !legendEntries.isEmpty, width >= 50 * mm else { return nil }
        return (margin + content - width, width)
    }

    /// Beside the legend: the feelings, or the description when there are none.
    var besideLegendIsAbout: Bool { feel.isEmpty }

    /// The height of the legend with its neighbouring section, and the gap below (as `page`
    /// sets it), or nil when they cannot stand side by side.
    func legendRowWithText(body: Double) -> Double? {
        guard let column = besideLegendColumn else { return nil }
        let beside = besideLegendIsAbout ? aboutHeight(paragraphs, body: body, width: column.width) : feelHeight(feel, body: body, width: column.width)
        return max(legendHeight(width: legendEntryWidth) + 4 * mm, beside + 5 * mm)
    }

    /// "About" (left) and "What you may feel" (right) below the pictures with the legend over
    /// one of them, and the columns' widths, chosen so that the taller column is as short as
    /// it can be; `height` leaves out the gap below. Nil when a part is missing.
    func flowedColumns(body: Double) -> FlowedColumns? {
        guard !paragraphs.isEmpty, !feel.isEmpty, !legendEntries.isEmpty else { return nil }
        var best: FlowedColumns?
        for share in stride(from: 0.44, through: 0.701, by: 0.02) {
            let aboutWidth = content * share, feelWidth = content - aboutWidth - 8 * mm
            let about = aboutHeight(paragraphs, body: body, width: aboutWidth), feels = feelHeight(feel, body: body, width: feelWidth)
            // A legend line is never wrapped: it goes only over a column as wide as it.
            for overFeel in [false, true] where legendEntryWidth <= (overFeel ? feelWidth : aboutWidth) {
                let legend = legendHeight(width: overFeel ? feelWidth : aboutWidth) + 4 * mm
                let height = max(about + (overFeel ? 0 : legend), feels + (overFeel ? legend : 0))
                if best.map({ height < $0.height - 0.01 }) ?? true {
                    best = FlowedColumns(aboutWidth: aboutWidth, feelWidth: feelWidth, legendOverFeel: overFeel, height: height)
                }
            }
        }
        return best
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
        parts.isEmpty ? 0 : headingHeight(aboutHeading(continued), width: width) + paragraphsHeight(parts, body: body, width: width)
    }

    /// Paragraphs set one under another with a blank line's gap. Each is its own text: an
    /// empty line inside one text is drawn about four times too tall in a PDF (Pango sizes
    /// it without the page's 72/dpi scale), so the gap is laid out here instead.
    func paragraphsHeight(_ parts: [String], body: Double, width: Double) -> Double {
        parts.map { height($0, size: body, width: width) }.reduce(0, +) + paragraphGap(body) * Double(max(0, parts.count - 1))
    }

    func paragraphGap(_ body: Double) -> Double { body * 1.15 }

    func feelHeight(_ items: [String], body: Double, width: Double, continued: Bool = false) -> Double {
        items.isEmpty ? 0 : headingHeight(feelHeading(continued), width: width) + bulletsHeight(items, body: body, width: width)
    }

    /// The bullet list's height: each item is its own text, wrapped in the width beside
    /// its bullet, stacked with no gap (one line's leading apart, as lines of one text).
    func bulletsHeight(_ items: [String], body: Double, width: Double) -> Double {
        items.map { height($0, size: body, width: width - bulletIndent(body)) }.reduce(0, +)
    }

    func aboutHeading(_ continued: Bool) -> String {
        phrases.text(.handoutAbout) + (continued ? " (\(phrases.text(.handoutContinued)))" : "")
    }

    func feelHeading(_ continued: Bool) -> String {
        phrases.text(.handoutFeel) + (continued ? " (\(phrases.text(.handoutContinued)))" : "")
    }

    /// How far an item's text sits right of its bullet. Each item is laid out as its own
    /// text block at this indent, so a wrapped line lines up with the item's first word,
    /// not under the bullet (a hanging indent that PNG, PDF and SVG draw alike).
    func bulletIndent(_ body: Double) -> Double { body * 1.1 }

    /// The bullet and its item's text, one pair per item, from `top` down.
    func bullets(_ items: [String], at x: Double, top: Double, body: Double, width: Double) -> [SceneText] {
        var y = top, texts: [SceneText] = []
        let indent = bulletIndent(body)
        for item in items {
            texts.append(SceneText(text: "•", at: Point(x, y), size: body))
            texts.append(SceneText(text: item, at: Point(x + indent, y), size: body, width: width - indent))
            y += height(item, size: body, width: width - indent)
        }
        return texts
    }

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
        let fixed = 2 * mm + captionHeight + legendHeight + 4 * mm + 5 * mm + aidHeight + 5 * mm + footerHeight
        return height - margin - top - fixed
    }

    /// The whole text on one page with the pictures at least `minimumPictures` tall and as
    /// tall as any arrangement of the text allows: below the pictures, in a column beside
    /// narrow pictures, beside the legend, or flowed in two columns; nil when none fits.
    func onePage(bodySize: Double) -> Scene? {
        let body = bodySize * mm
        var texts: [SceneText] = []
        let top = header(&texts)
        let space = sharedSpace(top: top)
        // Every arrangement that holds the whole text, with the height its pictures get; the
        // tallest pictures win (the first listed on a tie). Taking the first that fitted left
        // three narrow views beside a column of text with a fifth of the page blank below the
        // disclaimer (quadratus lumborum, review 2110), where the text flowed in two columns
        // under them lets the same views stand a fifth taller.
        var candidates: [(pictures: Double, make: () -> Scene)] = []
        let below = pictures(fitting: space - belowHeight(about: true, feel: true, body: body))
        candidates.append((below, { page(texts: texts, top: top, pictures: below, about: paragraphs, feel: feel, body: body, continues: false) }))
        if let beside = besidePictures(space: space, body: body) {
            candidates.append((beside.pictures, {
                page(texts: texts, top: top, pictures: beside.pictures, about: paragraphs, feel: feel, body: body, continues: false,
                     column: beside.column)
            }))
        }
        // The same with the legend in the column too, at the foot of the pictures: the
        // pictures grow by the legend's row, and the column's blank foot (a quarter of the
        // page under the muscle picture in gluteus medius TrP1, review rev4 B) holds it. Only
        // when they grow by half of it or more: pictures held back by the column's width leave
        // the legend's row blank at the foot of the page instead (gluteus minimus posterior).
        let legendRow = legendHeight + 4 * mm
        if let beside = besidePictures(space: space + legendRow, body: body, legendInColumn: true),
           beside.pictures >= (besidePictures(space: space, body: body)?.pictures ?? 0) + legendRow / 2 {
            candidates.append((beside.pictures, {
                page(texts: texts, top: top, pictures: beside.pictures, about: paragraphs, feel: feel, body: body, continues: false,
                     column: beside.column, legendInColumn: true)
            }))
        }
        // The feelings beside the legend, "About" below them across the page (or, with no
        // list, "About" beside the legend).
        if let row = legendRowWithText(body: body) {
            // `space` counts the legend, its gap and the gap under the text; the row holds the
            // first two and the text beside the legend with its own gap.
            let underneath = besideLegendIsAbout ? 0 : aboutHeight(paragraphs, body: body, width: content)
            let aside = pictures(fitting: space + legendHeight + 9 * mm - row - (besideLegendIsAbout ? 0 : underneath + 5 * mm))
            candidates.append((aside, {
                page(texts: texts, top: top, pictures: aside, about: paragraphs, feel: feel, body: body, continues: false, feelBesideLegend: true)
            }))
        }
        // "About" and "What you may feel" in two columns with the legend over the shorter one:
        // the text flows up beside the legend instead of onto a page of its own.
        if let flow = flowedColumns(body: body) {
            let flowed = pictures(fitting: space + legendHeight + 4 * mm - flow.height)
            candidates.append((flowed, {
                page(texts: texts, top: top, pictures: flowed, about: paragraphs, feel: feel, body: body, continues: false, flow: flow)
            }))
        }
        // Tallest first (a stable sort: within half a millimetre the earlier stays first); one
        // that leaves no room for its muscle picture gives way to the next.
        var fitting = candidates.filter { $0.pictures >= minimumPictures - 0.5 }
        var first: Scene?
        while let tallest = fitting.map(\.pictures).max(), let index = fitting.firstIndex(where: { $0.pictures >= tallest - 0.5 }) {
            let scene = fitting.remove(at: index).make()
            if scene.panels.filter(\.inset).count == insets.count { return scene }
            first = first ?? scene
        }
        return first
    }

    /// Page one with what fits beside the pictures; page two with the rest.
    func twoPages(bodySize: Double) -> [Scene] {
        let body = bodySize * mm
        var texts: [SceneText] = []
        let top = header(&texts)
        let overleaf = height(phrases.text(.handoutOverleaf), size: body, weight: .bold, width: content) + 3 * mm
        let space = sharedSpace(top: top) - overleaf
        if let pages = twoPagesBeside(texts: texts, top: top, space: space, body: body) { return pages }
        // As much whole text on page one as fits beside pictures of the smallest size allowed;
        // the pictures then grow into what it leaves.
        let room = space - block(minimumPictures)
        let chosen = wholeSections { about, feel in belowHeight(about: about, feel: feel, body: body) <= room }
        // The pictures then grow into whatever the chosen text leaves. (Only when the page
        // cannot hold them at their smallest beside the legend, note and sources, several
        // patterns' worth, do they shrink below it, rather than run into the footer.)
        let pictures = pictures(fitting: space - belowHeight(about: chosen.about, feel: chosen.feel, body: body))
        // A section with nothing in it is never left for page two (an empty page).
        let both = (chosen.about || paragraphs.isEmpty) && (chosen.feel || feel.isEmpty)
        let first = page(texts: texts, top: top, pictures: pictures, about: chosen.about ? paragraphs : [],
                         feel: chosen.feel ? feel : [], body: body, continues: !both)
        return both ? [first] : [first, secondPage(about: chosen.about ? [] : paragraphs, feel: chosen.feel ? [] : feel, body: body)]
    }

    /// The whole sections page one holds: both, else "About" alone, else "What you may feel"
    /// alone, else neither (the first that `fits`).
    func wholeSections(_ fits: (_ about: Bool, _ feel: Bool) -> Bool) -> (about: Bool, feel: Bool) {
        for choice in [(true, true), (true, false), (false, true)] where fits(choice.0, choice.1) { return choice }
        return (false, false)
    }

    /// The height of the chosen sections set below the pictures, as `columns` sets them (a
    /// section alone takes the whole width).
    func belowHeight(about: Bool, feel: Bool, body: Double) -> Double {
        let both = about && feel && !paragraphs.isEmpty && !self.feel.isEmpty
        return max(about ? aboutHeight(paragraphs, body: body, width: both ? leftWidth : content) : 0,
                   feel ? feelHeight(self.feel, body: body, width: both ? rightWidth : content) : 0)
    }

    /// A page: pictures, legend and text; with `column`, the text stands in that column
    /// beside the pictures (which then start at the left margin) instead of below them.
    /// Two pages with narrow pictures as tall as page one allows and, in the column beside
    /// them, as much of the text as fits there; nil when the column would be too narrow.
    /// (Below pictures, the text would leave them no taller.)
    func twoPagesBeside(texts: [SceneText], top: Double, space: Double, body: Double) -> [Scene]? {
        let pictures = pictures(fitting: space)
        let width = content - picturesWidth(pictures) - 6 * mm
        guard pictures > 20 * mm, width >= narrowestColumn else { return nil }
        let room = block(pictures)
        let chosen = wholeSections { about, feel in
            let a = about ? aboutHeight(paragraphs, body: body, width: width) : 0
            let f = feel ? feelHeight(self.feel, body: body, width: width) : 0
            return a + (a > 0 && f > 0 ? 5 * mm : 0) + f <= room
        }
        guard chosen.about || chosen.feel else { return nil }
        let both = (chosen.about || paragraphs.isEmpty) && (chosen.feel || feel.isEmpty)
        let first = page(texts: texts, top: top, pictures: pictures, about: chosen.about ? paragraphs : [],
                         feel: chosen.feel ? feel : [], body: body, continues: !both, column: (content - width + margin, width))
        return both ? [first] : [first, secondPage(about: chosen.about ? [] : paragraphs, feel: chosen.feel ? [] : feel, body: body)]
    }

    func page(texts: [SceneText], top: Double, pictures: Double, about: [String], feel: [String], body: Double, continues: Bool,
              column: (x: Double, width: Double)? = nil, feelBesideLegend: Bool = false, flow: FlowedColumns? = nil,
              legendInColumn: Bool = false) -> Scene {
        var texts = texts
        var y = top
        let panels = placePanels(pictures: pictures, top: y, left: column == nil ? nil : margin, texts: &texts)
        y += block(pictures)
        if let column {
            let aboutEnd = columns(&texts, top: y - block(pictures), about: about, feel: [], body: body, continued: false,
                                   x: column.x, width: column.width)
            let end = columns(&texts, top: aboutEnd, about: [], feel: feel, body: body, continued: false, x: column.x, width: column.width)
            y = max(y, end - 5 * mm)
            if legendInColumn {
                // At the foot of the pictures, so the muscle picture can stand between it and the text.
                let legendHeight = legendHeight(width: column.width)
                let foot = max(end, y - legendHeight)
                let legend = SceneLegend(entries: legendEntries, frame: Rect(minX: column.x, minY: foot, maxX: column.x + column.width,
                                                                             maxY: foot + legendHeight), textSize: legendSize)
                y = max(y, foot + legendHeight) + 2 * mm
                if let caption {
                    texts.append(SceneText(text: caption, at: Point(margin, y), size: small, color: style.mutedText, width: content))
                    y += height(caption, size: small, width: content) + 2 * mm
                }
                return finish(texts: texts, y: y + 2 * mm, legend: legend, panels: panels, body: body, continues: continues)
            }
        }
        y += 2 * mm
        if let caption {
            texts.append(SceneText(text: caption, at: Point(margin, y), size: small, color: style.mutedText, width: content))
            y += height(caption, size: small, width: content) + 2 * mm
        }
        if let flow {
            let feelX = margin + flow.aboutWidth + 8 * mm
            let legendX = flow.legendOverFeel ? feelX : margin
            let legendHeight = legendHeight(width: flow.legendOverFeel ? flow.feelWidth : flow.aboutWidth)
            let legend = SceneLegend(entries: legendEntries, frame: Rect(minX: legendX, minY: y, maxX: legendX + (flow.legendOverFeel ? flow.feelWidth : flow.aboutWidth),
                                                                         maxY: y + legendHeight),
                                     textSize: legendSize)
            let under = legendHeight + 4 * mm
            let aboutEnd = columns(&texts, top: y + (flow.legendOverFeel ? 0 : under), about: about, feel: [], body: body, continued: false,
                                   x: margin, width: flow.aboutWidth)
            let feelEnd = columns(&texts, top: y + (flow.legendOverFeel ? under : 0), about: [], feel: feel, body: body, continued: false,
                                  x: feelX, width: flow.feelWidth)
            return finish(texts: texts, y: max(aboutEnd, feelEnd), legend: legend, panels: panels, body: body, continues: continues)
        }
        if feelBesideLegend, let column = besideLegendColumn {
            let legendHeight = legendHeight(width: legendEntryWidth)
            let legend = SceneLegend(entries: legendEntries, frame: Rect(minX: margin, minY: y, maxX: margin + legendEntryWidth, maxY: y + legendHeight),
                                     textSize: legendSize)
            let aboutBeside = besideLegendIsAbout
            let besideEnd = columns(&texts, top: y, about: aboutBeside ? about : [], feel: aboutBeside ? [] : feel, body: body,
                                    continued: false, x: column.x, width: column.width)
            y = max(y + legendHeight + 4 * mm, besideEnd)
            if !aboutBeside { y = columns(&texts, top: y, about: about, feel: [], body: body, continued: false) }
            return finish(texts: texts, y: y, legend: legend, panels: panels, body: body, continues: continues)
        }
        let legend = SceneLegend(entries: legendEntries, frame: Rect(minX: margin, minY: y, maxX: width - margin, maxY: y + legendHeight),
                                 textSize: legendSize)
        y += legendHeight + 4 * mm
        if column == nil { y = columns(&texts, top: y, about: about, feel: feel, body: body, continued: false) }
        return finish(texts: texts, y: y, legend: legend, panels: panels, body: body, continues: continues)
    }

    /// The rest of a page below its text: the overleaf line, the education note, the footer.
    func finish(texts: [SceneText], y: Double, legend: SceneLegend, panels: [ScenePanel], body: Double, continues: Bool) -> Scene {
        var texts = texts, y = y
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
        _ = placeInsets(&scene)
        scene.addAnatomy(atlas.anatomy, phrases: phrases, enabled: request.anatomy)
        return scene
    }

    func secondPage(about: [String], feel: [String], body: Double) -> Scene {
        var texts: [SceneText] = []
        let continued = "\(title) (\(phrases.text(.handoutContinued)))"
        texts.append(SceneText(text: continued, at: Point(margin, margin), size: 5 * mm, weight: .bold, width: content))
        let y = margin + height(continued, size: 5 * mm, weight: .bold, width: content) + 5 * mm
        // Whole sections only: their headings are plain (nothing of them was on page one).
        _ = columns(&texts, top: y, about: about, feel: feel, body: body, continued: false)
        footer(&texts)
        return makeScene(panels: [], texts: texts, legend: nil)
    }

    /// "About" on the left, "What you may feel" on the right (either may be empty); a
    /// column that is alone takes the whole width (or `width` from `x`, beside the pictures).
    /// Returns the y below both.
    func columns(_ texts: inout [SceneText], top: Double, about: [String], feel: [String], body: Double, continued: Bool,
                 x: Double? = nil, width: Double? = nil) -> Double {
        let left = x ?? margin, whole = width ?? content
        let aboutWidth = feel.isEmpty ? whole : leftWidth
        let feelX = about.isEmpty ? left : margin + leftWidth + 8 * mm
        let feelWidth = about.isEmpty ? whole : rightWidth
        if !about.isEmpty {
            let title = aboutHeading(continued)
            texts.append(SceneText(text: title, at: Point(left, top), size: heading, weight: .bold, width: aboutWidth))
            var y = top + headingHeight(title, width: aboutWidth)
            for paragraph in about {
                texts.append(SceneText(text: paragraph, at: Point(left, y), size: body, width: aboutWidth))
                y += height(paragraph, size: body, width: aboutWidth) + paragraphGap(body)
            }
        }
        if !feel.isEmpty {
            let title = feelHeading(continued)
            texts.append(SceneText(text: title, at: Point(feelX, top), size: heading, weight: .bold, width: feelWidth))
            texts += bullets(feel, at: feelX, top: top + headingHeight(title, width: feelWidth), body: body, width: feelWidth)
        }
        let used = max(aboutHeight(about, body: body, width: aboutWidth, continued: continued),
                       feelHeight(feel, body: body, width: feelWidth, continued: continued))
        return top + used + (used > 0 ? 5 * mm : 0)
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
