import AtlasModel

/// Assembles the public report of one drawing from the analysis steps.
enum Report {
    static func make(name: String, fit: TemplateFit, marks: DrawingMarks, matches: [PatternMatch], atlas: Atlas) -> DrawingComparison {
        let reference = fit.reference
        let extent = extentOf(marks, reference: reference)
        let locations = MarkLocations(marks: marks, reference: reference)
        let areas = locations.areas
        // Both-sides candidates only make sense for a drawing marked on both sides.
        let matches = locations.isBilateral ? matches : matches.filter { $0.side != .both }
        let leaning = Leaning(areas: areas, locations: locations, matches: matches)
        let symptoms = Symptom.allCases.filter { (extent.symptoms[$0.rawValue] ?? 0) > 0 }
        var notes: [String] = []
        if marks.readDarkStrokes {
            notes.append("No coloured marks: dark strokes on the body were read as pain")
        }
        if marks.offBodyShare >= 0.1 {
            notes.append("\(Int((marks.offBodyShare * 100).rounded()))% of the marks lie off the body outline and were left out")
        }
        if fit.residualMillimetres > 3 {
            notes.append(String(format: "The drawing lines up with the template only to about %.0f mm: check the overlay", fit.residualMillimetres))
        }
        let origin = fit.similarity.offset
        let registration = RegistrationReport(scale: rounded(fit.similarity.scale, 5), offsetX: rounded(origin.x, 2),
                                              offsetY: rounded(origin.y, 2), residualMillimetres: rounded(fit.residualMillimetres, 2),
                                              linesFound: rounded(fit.inlierShare, 3))
        let summary = SummaryWriter.summary(areas: areas, extent: extent, views: reference.layout.views, atlas: atlas,
                                            symptoms: symptoms, matches: matches, leaning: leaning, notes: notes)
        return DrawingComparison(drawing: name, template: reference.layout.name, views: reference.layout.views,
                                 registration: registration, extentPercent: extent, areas: areas, leaning: leaning,
                                 matches: matches.map(roundedMatch), notes: notes, summarySentences: summary)
    }

    /// Figures are rounded where they are made, so text, JSON and CSV agree.
    static func rounded(_ value: Double, _ places: Int) -> Double {
        let scale = (0..<places).reduce(1.0) { r, _ in r * 10 }
        return (value * scale).rounded() / scale
    }

    static func roundedMatch(_ match: PatternMatch) -> PatternMatch {
        var m = match
        m.score = rounded(m.score, 4)
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

    /// Marked area over body area, from the unclosed coverage, as pixel-counting studies do.
    static func extentOf(_ marks: DrawingMarks, reference: TemplateReference) -> Extent {
        var views: [String: Double] = [:]
        var symptoms = [Double](repeating: 0, count: Symptom.allCases.count)
        var marked = 0.0, body = 0.0
        for (grid, panel) in zip(reference.panels, marks.panels) {
            var here = 0.0
            var sums = [Float](repeating: 0, count: grid.width * grid.height)
            for (s, layer) in panel.coverage.enumerated() {
                var total: Float = 0
                for cell in layer.indices where layer[cell] > 0 {
                    sums[cell] += layer[cell]
                    total += layer[cell]
                }
                symptoms[s] += Double(total)
            }
            for sum in sums where sum > 0 { here += Double(min(sum, 1)) }
            views[grid.view.rawValue] = 100 * here / max(grid.bodyCells, 1)
            marked += here
            body += grid.bodyCells
        }
        let bySymptom = Dictionary(uniqueKeysWithValues: zip(Symptom.allCases.map(\.rawValue),
                                                             symptoms.map { rounded(100 * $0 / max(body, 1), 2) }))
        return Extent(total: rounded(100 * marked / max(body, 1), 2), views: views.mapValues { rounded($0, 2) }, symptoms: bySymptom)
    }
}
