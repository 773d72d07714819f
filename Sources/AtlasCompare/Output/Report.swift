import AtlasModel

/// Assembles the public report of one drawing from the analysis steps.
enum Report {
    static func make(name: String, placed: PlacedDrawing, marks: DrawingMarks, locations: MarkLocations, features: DrawingFeatures,
                     ranking: Ranking, atlas: Atlas) -> DrawingComparison {
        let fit = placed.fit
        let reference = fit.reference
        let extent = extentOf(marks, reference: reference)
        let areas = locations.areas
        let leaning = LeaningEvidence.leaning(ranking, marks: marks, reference: reference, features: features, locations: locations)
        // A pattern whose zones hold (next to) none of the marks is no evidence either way: left out.
        let matches = ranking.matches.filter(\.hasEvidence)
        let symptoms = Symptom.allCases.filter { (extent.symptoms[$0.rawValue] ?? 0) > 0 }
        var notes: [String] = []
        if marks.readDarkStrokes { notes.append(darkStrokesNote(marks.darkTextures ?? .init())) }
        if marks.offBodyShare >= 0.1 {
            notes.append("\(Int((marks.offBodyShare * 100).rounded()))% of the marks lie off the body outline and were left out")
        }
        if placed.method == .bodyOutline, let miss = placed.miss {
            let turn = placed.turnDegrees == 0 ? "" : String(format: " (turned %.1f degrees)", placed.turnDegrees)
            notes.append("The chart was found by its body outline\(turn) because \(miss.words); that corrects size, position and a small turn but not a photo's perspective, so a photo reads best with all four corner marks in view")
        }
        if placed.method == .cornerMarks, placed.marksFound == 3 {
            notes.append("One corner mark was not found: the page was put flat by the other three, which corrects rotation and scale but not a photo's perspective")
        }
        if let moved = placed.marksToOutline, moved > 3 {
            notes.append(String(format: "The printed outline lies up to %.0f mm from where the corner marks put it (a curled or folded sheet?): check the overlay", moved))
        }
        if fit.residualMillimetres > 1 {
            notes.append(String(format: "The drawing lines up with the chart only to about %.1f mm: check the overlay", fit.residualMillimetres))
        }
        let registration = RegistrationReport(method: placed.method, fallbackReason: placed.method == .bodyOutline ? placed.miss?.words : nil,
                                              cornerMarksFound: placed.marksFound,
                                              paper: placed.method == .cornerMarks ? reference.sheet.paper.rawValue : nil,
                                              pageToImage: placed.pageToImage?.matrix.map { rounded($0, 6) },
                                              residualMillimetres: rounded(fit.residualMillimetres, 2), linesFound: rounded(fit.inlierShare, 3),
                                              marksToOutlineMillimetres: placed.marksToOutline.map { rounded($0, 2) })
        let views = reference.sheet.views
        let explanations = ranking.explanations.map(roundedExplanation)
        if let note = unexplainedNote(explanations.first) { notes.append(note) }
        let summary = SummaryWriter.summary(areas: areas, extent: extent, views: views, atlas: atlas,
                                            symptoms: symptoms, matches: matches, explanations: explanations, leaning: leaning, notes: notes)
        return DrawingComparison(drawing: name, template: reference.sheet.viewsName, views: views,
                                 registration: registration, extentPercent: extent, areas: areas, leaning: leaning,
                                 matches: matches.map(roundedMatch), explanations: explanations, notes: notes, summarySentences: summary)
    }

    /// Below this share of the marks inside the best explanation's zones, the report says that
    /// the rest is unexplained: the chances compare the atlas's patterns with one another, and
    /// a drawing that runs well past every pattern may come from a source the atlas lacks.
    static let explainedEnough = 0.6

    static func unexplainedNote(_ best: Explanation?) -> String? {
        guard let best, best.shareExplained < explainedEnough else { return nil }
        let outside = Int(((1 - best.shareExplained) * 100).rounded())
        return "\(outside)% of the marks lie outside the zones of the best explanation (\(best.words)): they may come from a source this atlas does not hold, so the chances compare the atlas's patterns with one another and are no more than that"
    }

    /// Figures are rounded where they are made, so text, JSON and CSV agree.
    static func rounded(_ value: Double, _ places: Int) -> Double {
        let scale = (0..<places).reduce(1.0) { r, _ in r * 10 }
        return (value * scale).rounded() / scale
    }

    static func roundedMatch(_ match: PatternMatch) -> PatternMatch {
        var m = match
        m.score = rounded(m.score, 2)
        m.confidence = rounded(m.confidence, 4)
        m.precision = rounded(m.precision, 4)
        m.essentialCoverage = m.essentialCoverage.map { rounded($0, 4) }
        m.spilloverCoverage = m.spilloverCoverage.map { rounded($0, 4) }
        m.sensoryInside = m.sensoryInside.map { rounded($0, 4) }
        m.views = m.views.map { v in
            var v = v
            v.precision = v.precision.map { rounded($0, 4) }
            v.essentialCoverage = v.essentialCoverage.map { rounded($0, 4) }
            v.spilloverCoverage = v.spilloverCoverage.map { rounded($0, 4) }
            return v
        }
        return m
    }

    static func roundedExplanation(_ explanation: Explanation) -> Explanation {
        var e = explanation
        e.shareExplained = rounded(e.shareExplained, 4)
        e.confidence = rounded(e.confidence, 4)
        return e
    }

    /// The note on dark strokes (no coloured marks): scored as pain, with what their texture
    /// suggests (`DarkTexture`) said as a doubt, not scored.
    static func darkStrokesNote(_ read: DarkTexture.Readings) -> String {
        func areas(_ n: Int) -> String { n == 1 ? "1 area" : "\(n) areas" }
        var note = "No coloured marks: dark strokes on the body (pen or pencil) were read as pain"
        var doubts: [String] = []
        if read.numbness > 0 { doubts.append("dark level lines in \(areas(read.numbness)) may mean numbness (texture, as the chart's key draws it)") }
        if read.pinsAndNeedles > 0 {
            doubts.append("dark circles in \(areas(read.pinsAndNeedles)) may mean pins and needles (texture, as the chart's key draws them)")
        }
        if !doubts.isEmpty {
            note += ", but " + doubts.joined(separator: " and ")
                + ": numbness and pins and needles point to a nerve, so ask the patient, or have the chart drawn with coloured pens"
        }
        return note
    }

    /// Marked area over body area, as pain-drawing studies report it. Hatching and
    /// scribbles count as the area they fill (the closed cells), so a pen's stroke width, a
    /// blurred photo or JPEG softening hardly change it.
    static func extentOf(_ marks: DrawingMarks, reference: TemplateReference) -> Extent {
        var views: [String: Double] = [:]
        var symptoms = [Double](repeating: 0, count: Symptom.allCases.count)
        var marked = 0.0, body = 0.0
        for (grid, panel) in zip(reference.panels, marks.panels) {
            var here = 0.0
            for cell in panel.any.indices where panel.any[cell] { here += Double(grid.body[cell]) }
            for (s, layer) in panel.marked.enumerated() {
                for cell in layer.indices where layer[cell] { symptoms[s] += Double(grid.body[cell]) }
            }
            views[grid.view.rawValue] = 100 * here / max(grid.bodyCells, 1)
            marked += here
            body += grid.bodyCells
        }
        let bySymptom = Dictionary(uniqueKeysWithValues: zip(Symptom.allCases.map(\.rawValue),
                                                             symptoms.map { rounded(100 * $0 / max(body, 1), 2) }))
        return Extent(total: rounded(100 * marked / max(body, 1), 2), views: views.mapValues { rounded($0, 2) }, symptoms: bySymptom)
    }
}
