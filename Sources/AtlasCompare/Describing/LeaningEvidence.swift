import AtlasModel

/// Builds the verdict from a ranking: the candidates in ranked order, and the reasons that
/// split the likelihood ratio between the two best groups into body regions and features.
enum LeaningEvidence {
    /// Coarse regions the fit is split into, head to foot.
    enum Region: Int, CaseIterable {
        case backAndButtock, thigh, kneeAndLeg, ankleAndFoot, elsewhere

        init(_ part: BodyPart) {
            switch part {
            case .lowerBack, .flank, .belly, .sacrum, .buttock, .outerHip, .groin: self = .backAndButtock
            case .backOfThigh, .outerThigh, .frontOfThigh: self = .thigh
            case .knee, .backOfKnee, .calf, .outerLeg, .shin: self = .kneeAndLeg
            case .ankle, .heel, .sole, .outerFoot, .topOfFoot, .toes: self = .ankleAndFoot
            default: self = .elsewhere
            }
        }

        var words: String {
            switch self {
            case .backAndButtock: "lower back and buttock"
            case .thigh: "thigh"
            case .kneeAndLeg: "knee and lower leg"
            case .ankleAndFoot: "ankle and foot"
            case .elsewhere: "upper body"
            }
        }
    }

    static func leaning(_ ranking: Ranking, marks: DrawingMarks, reference: TemplateReference, features: DrawingFeatures,
                        locations: MarkLocations) -> Leaning {
        let ranked = zip(ranking.candidates, ranking.matches).map { candidate, match in
            Leaning.Candidate(id: match.id, name: match.name, side: match.side, group: candidate.group,
                              confidence: match.confidence, logLikelihood: candidate.logLikelihood)
        }
        let onLowerBody = locations.cells.contains { $0.part.isLowerLimb || $0.part == .lowerBack || $0.part == .sacrum }
        let groups = Set(ranking.explanations.first?.sources.compactMap { SourceGroup($0.family) } ?? [])
        var reasons: [Leaning.Reason] = []
        if let top = ranking.candidates.first,
           let other = ranking.candidates.filter({ $0.group != top.group }).max(by: { $0.logLikelihood < $1.logLikelihood }) {
            reasons = regionReasons(top, other, marks: marks, reference: reference)
            for feature in features.features {
                let weight = (feature.logRatios[top.group] ?? 0) - (feature.logRatios[other.group] ?? 0)
                if abs(weight) > 0.01 { reasons.append(Leaning.Reason(weight: weight, text: feature.text)) }
            }
        }
        return Leaning(ranked: ranked, reasons: reasons, onLowerBody: onLowerBody, mixed: groups.count > 1,
                       groupShares: ranking.groupShares)
    }

    /// The log-likelihood ratio of `a` over `b`, region by region, with what is marked there.
    static func regionReasons(_ first: Candidate, _ second: Candidate, marks: DrawingMarks, reference: TemplateReference) -> [Leaning.Reason] {
        let regions = Region.allCases.count
        var weight = [Double](repeating: 0, count: regions)
        var markedParts = [Set<BodyPart>](repeating: [], count: regions)
        var markedCount = [Int](repeating: 0, count: regions)
        let ratesA = first.denseRates(), ratesB = second.denseRates()
        for (index, grid) in reference.panels.enumerated() {
            let denseA = ratesA[index], denseB = ratesB[index]
            let levels = BodyLevels(grid.panel.view)
            let any = marks.panels[index].any
            for cell in any.indices where grid.body[cell] > 0.5 {
                let p0 = ZoneRates.elsewhere
                let ra = denseA.isEmpty ? p0 : denseA[cell], rb = denseB.isEmpty ? p0 : denseB[cell]
                let marked = any[cell]
                guard ra > p0 || rb > p0 || marked else { continue }
                let (part, _) = BodyPartLocator.locate(grid.millimetres(ofCell: cell, factor: TemplateReference.gridFactor),
                                                       in: grid.view, levels: levels)
                let region = Region(part).rawValue
                if marked {
                    markedParts[region].insert(part)
                    markedCount[region] += 1
                }
                let la = ra > p0 ? Likelihood.cell(marked: marked, rate: ra) : 0
                let lb = rb > p0 ? Likelihood.cell(marked: marked, rate: rb) : 0
                weight[region] += Likelihood.tempering * (la - lb)
            }
        }
        let total = max(1, markedCount.reduce(0, +))
        return Region.allCases.compactMap { region in
            let w = weight[region.rawValue]
            guard abs(w) >= 0.1 else { return nil }
            let count = markedCount[region.rawValue]
            let text: String
            if count > 0 {
                let share = Double(count) / Double(total) * 100
                let shareText = share < 1 ? "under 1%" : "\(Int(share.rounded()))%"
                text = "marks on the \(Phrase.list(markedParts[region.rawValue].sorted().map(\.words))) (\(shareText) of the drawing)"
            } else {
                text = "nothing marked on the \(region.words)"
            }
            return Leaning.Reason(weight: w, text: text)
        }
    }
}
