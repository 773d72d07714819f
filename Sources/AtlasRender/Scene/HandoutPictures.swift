import AtlasModel

/// The pictures of a handout and the rows of text around them: view names and edge notes
/// above, "R" and "L" under the feet, and the column of text that may stand beside them.
extension HandoutLayout {
    /// Pixels per atlas millimetre for pictures `pictures` tall.
    func scale(_ pictures: Double) -> Double { pictures / framing.height }

    /// The view names above the panels.
    var labelRow: Double { height("Ag", size: labelSize, weight: .bold, width: content) + 1 * mm }

    /// "R" and "L" under the feet, where a view shows both sides.
    var marksRow: Double {
        views.contains { [.posterior, .anterior, .plantar].contains($0) } ? height("R", size: markSize, weight: .bold, width: content) + 1 * mm : 0
    }

    /// One note for several neighbouring panels that would each print the same one (quadratus
    /// lumborum's front and side views both point to the back view): set once across them,
    /// naming them, rather than wrapped three lines deep over a narrow side view. Nil unless
    /// every panel with a note has that one note and they stand side by side.
    var sharedNote: (text: String, first: Int, last: Int)? {
        let noted = framing.spans.indices.filter { !(notes[framing.spans[$0].view] ?? []).isEmpty }
        guard noted.count > 1, let first = noted.first, let last = noted.last, last - first + 1 == noted.count else { return nil }
        let lists = noted.map { notes[framing.spans[$0].view] ?? [] }
        guard lists.allSatisfy({ $0.count == 1 && $0[0].text == lists[0][0].text }) else { return nil }
        guard let marker = lists[0][0].marker else { return nil }
        let views = noted.map { framing.spans[$0].view.patternView }
        return (EdgeMarkerText.sharedLine(for: marker, in: views, phrases: phrases), first, last)
    }

    /// The width from the first to the last panel a shared note spans.
    func sharedNoteWidth(_ shared: (text: String, first: Int, last: Int), _ s: Double) -> Double {
        (shared.first...shared.last).map { panelWidth(framing.spans[$0], s) }.reduce(0, +) + gap * Double(shared.last - shared.first)
    }

    /// The edge-marker notes above the panels, wrapped to each panel's width: the tallest.
    func notesRow(_ pictures: Double) -> Double {
        let s = scale(pictures)
        if let shared = sharedNote {
            return height(shared.text, size: noteSize, weight: .bold, width: sharedNoteWidth(shared, s)) + 0.5 * mm + 1 * mm
        }
        let tallest = framing.spans.map { span in
            (notes[span.view] ?? []).map { height($0.text, size: noteSize, weight: .bold, width: panelWidth(span, s)) + 0.5 * mm }.reduce(0, +)
        }.max() ?? 0
        return tallest > 0 ? tallest + 1 * mm : 0
    }

    /// Pictures with their view names, notes and side marks.
    func block(_ pictures: Double) -> Double { labelRow + notesRow(pictures) + pictures + marksRow }

    /// The tallest pictures (at most `maximumPictures`) whose block fits in `room`. Notes
    /// wrap onto more lines as panels narrow, so the height is found by a few steps down.
    func pictures(fitting room: Double) -> Double {
        var pictures = min(maximumPictures, room - labelRow - marksRow)
        for _ in 0..<8 {
            let next = min(maximumPictures, room - labelRow - marksRow - notesRow(pictures))
            if next >= pictures - 0.5 { break }
            pictures = next
        }
        while pictures > 0, block(pictures) > room { pictures -= 0.5 * mm }
        return pictures
    }

    /// The narrowest column of text worth setting beside the pictures.
    var narrowestColumn: Double { 58 * mm }

    /// The pictures' width (panels and the gaps between them).
    func picturesWidth(_ pictures: Double) -> Double {
        framing.spans.map { panelWidth($0, scale(pictures)) }.reduce(0, +) + gap * Double(views.count - 1)
    }

    /// A panel's width at scale `s`: its body's, or its view name's if that is wider.
    func panelWidth(_ span: HandoutFraming.Span, _ s: Double) -> Double { max(span.width * s, narrowestPanel[span.view] ?? 0) }

    /// The height of "About" over "What you may feel", stacked in one column.
    func stackedColumnHeight(body: Double, width: Double) -> Double {
        let about = aboutHeight(paragraphs, body: body, width: width), feels = feelHeight(feel, body: body, width: width)
        return about + (about > 0 && feels > 0 ? 5 * mm : 0) + feels
    }

    /// The tallest pictures, left-aligned, whose neighbouring column holds all the text, and
    /// that column's left edge and width; nil when no such layout fits the page.
    /// With `legendInColumn`, the legend (wrapped to the column) stands in the column too.
    func besidePictures(space: Double, body: Double, legendInColumn: Bool = false) -> (pictures: Double, column: (x: Double, width: Double))? {
        var pictures = min(maximumPictures, space - labelRow - marksRow)
        while pictures >= minimumPictures - 0.5 {
            let width = content - picturesWidth(pictures) - 6 * mm
            let legend = legendInColumn ? legendHeight(width: width) + 4 * mm : 0
            if width >= narrowestColumn, max(block(pictures), stackedColumnHeight(body: body, width: width) + legend) <= space {
                return (pictures, (content - width + margin, width))
            }
            pictures -= 1 * mm
        }
        return nil
    }

    /// The panels side by side, centred, each as wide as its body; above each its view name
    /// and its notes, under its feet "R" and "L". No text lies on a body, and each panel's
    /// texts stay inside its own column, so neighbours never collide.
    func placePanels(pictures: Double, top: Double, left: Double? = nil, texts: inout [SceneText]) -> [ScenePanel] {
        let s = scale(pictures)
        var x = left ?? margin + (content - picturesWidth(pictures)) / 2
        let notesTop = top + labelRow
        let frameTop = notesTop + notesRow(pictures)
        let marksTop = frameTop + pictures + 0.5 * mm
        var panels: [ScenePanel] = []
        let shared = sharedNote
        for (index, span) in framing.spans.enumerated() {
            guard let bodyView = atlas.view(span.view) else { continue }
            let frame = Rect(minX: x, minY: frameTop, maxX: x + panelWidth(span, s), maxY: frameTop + pictures)
            x = frame.maxX + gap
            let placed = request.patterns.compactMap { $0.placed(in: span.view, side: request.side) }
            let panel = ScenePanel(view: bodyView, origin: Point(frame.center.x - (span.minX + span.maxX) / 2 * s, frame.minY - framing.top * s),
                                   scale: s, frame: frame, label: bodyView.label, patterns: placed, sideMarks: false, clip: true)
            panels.append(panel)
            texts.append(SceneText(text: bodyView.panelLabel(phrases), at: Point(frame.center.x, top), size: labelSize, weight: .bold, alignment: .center))
            if let shared, index == shared.first {
                texts.append(SceneText(text: shared.text, at: Point(frame.minX, notesTop), size: noteSize, weight: .bold,
                                       color: Color(hex: "#333333")!, width: sharedNoteWidth(shared, s)))
            }
            var noteY = notesTop
            // Each note on its pattern's side of the panel (a right-side pattern's back view: right).
            for note in shared == nil ? notes[span.view] ?? [] : [] {
                let right = note.sign > 0
                texts.append(SceneText(text: note.text, at: Point(right ? frame.maxX : frame.minX, noteY), size: noteSize, weight: .bold,
                                       alignment: right ? .right : .left, color: Color(hex: "#333333")!, width: frame.width))
                noteY += height(note.text, size: noteSize, weight: .bold, width: frame.width) + 0.5 * mm
            }
            guard [.posterior, .anterior, .plantar].contains(span.view) else { continue }
            for side in Side.allCases {
                guard let foot = HandoutFraming.footCentre(of: bodyView, side: side) else { continue }
                texts.append(SceneText(text: side == .right ? "R" : "L", at: Point(panel.toPixels(Point(foot, 0)).x, marksTop),
                                       size: markSize, weight: .bold, alignment: .center, color: Color(hex: "#777777")!))
            }
        }
        return panels
    }
}
