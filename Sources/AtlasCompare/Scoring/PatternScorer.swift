import AtlasModel

/// The combined score of a pattern against a drawing.
///
/// - precision `P`: share of the marked cells inside the pattern's zones (essential or
///   spillover). For the score, marks in a ring about 1 cm outside the zones count half
///   (`P'`): zone borders are estimates and drawings are imprecise.
/// - recall `R`: `0.8 x essential coverage + 0.2 x spillover coverage`. The essential zone
///   is felt by nearly everyone with the source, the spillover zone by some, so covering
///   the essential zone matters most and a drawing that stops at it still scores 0.8.
/// - score: the harmonic mean `2 P' R / (P' + R)`. A small pattern inside a large drawing
///   (low precision) and a large pattern touched by a small drawing (low recall) both score
///   low; plain Jaccard is not used because the same patient drawing twice agrees only at
///   Jaccard 0.4 to 0.75, and it cannot weight essential above spillover.
/// - sensory evidence: for nerve-root patterns, numbness and pins-and-needles marks inside
///   the zones close up to 30 % of the remaining gap to 1, in proportion to their share of
///   the drawing (paraesthesia in a narrow band is a feature of radicular pain).
enum PatternScorer {
    static let essentialWeight = 0.8
    static let sensoryBonus = 0.3

    static func rank(_ marks: DrawingMarks, masks: [PatternMask]) -> [PatternMatch] {
        let sensory = marks.panels.map { panel in
            (0..<panel.any.count).map { i in panel.marked[1][i] || panel.marked[2][i] }
        }
        let drawn = marks.panels.map { $0.count() }
        let totalDrawn = drawn.reduce(0, +)
        let totalSensory = sensory.reduce(0) { $0 + $1.reduce(0) { $0 + ($1 ? 1 : 0) } }
        guard totalDrawn > 0 else { return [] }
        return masks.map { mask in
            score(mask, marks: marks, sensory: sensory, drawn: drawn, totalDrawn: totalDrawn, totalSensory: totalSensory)
        }.sorted { ($0.score, $0.precision, $1.id) > ($1.score, $1.precision, $0.id) }
    }

    private static func score(_ mask: PatternMask, marks: DrawingMarks, sensory: [[Bool]], drawn: [Int], totalDrawn: Int,
                              totalSensory: Int) -> PatternMatch {
        var essentialIn = 0, spilloverIn = 0, marginIn = 0, sensoryIn = 0
        var views: [ViewFit] = []
        for zone in mask.panels {
            let any = marks.panels[zone.panelIndex].any
            let senses = sensory[zone.panelIndex]
            let (e, sensoryE) = hits(zone.essential, any, senses)
            let (s, sensoryS) = hits(zone.spillover, any, senses)
            let (m, sensoryM) = hits(zone.margin, any, senses)
            essentialIn += e
            spilloverIn += s
            marginIn += m
            sensoryIn += sensoryE + sensoryS + sensoryM
            let drawnHere = drawn[zone.panelIndex]
            views.append(ViewFit(view: marks.viewIDs[zone.panelIndex],
                                 precision: drawnHere > 0 ? Double(e + s) / Double(drawnHere) : nil,
                                 essentialCoverage: ratio(e, zone.essential.count), spilloverCoverage: ratio(s, zone.spillover.count),
                                 cellsInside: e + s))
        }
        let total = Double(totalDrawn)
        let precision = Double(essentialIn + spilloverIn) / total
        let lenient = min(1, (Double(essentialIn + spilloverIn) + 0.5 * Double(marginIn)) / total)
        let essential = ratio(essentialIn, mask.essentialCells)
        let spillover = ratio(spilloverIn, mask.spilloverCells)
        let recall: Double = switch (essential, spillover) {
        case let (e?, s?): essentialWeight * e + (1 - essentialWeight) * s
        case let (e?, nil): e
        case let (nil, s?): s
        case (nil, nil): 0
        }
        var score = lenient + recall > 0 ? 2 * lenient * recall / (lenient + recall) : 0
        if mask.pattern.family == .radicular, totalSensory > 0 {
            score += (1 - score) * sensoryBonus * Double(sensoryIn) / total
        }
        return PatternMatch(id: mask.pattern.id, name: mask.pattern.name, family: mask.pattern.family, side: mask.side,
                            score: min(1, score), precision: precision, essentialCoverage: essential, spilloverCoverage: spillover,
                            sensoryInside: totalSensory > 0 ? Double(sensoryIn) / Double(totalSensory) : nil, views: views)
    }

    /// How many of `cells` are marked, and how many carry a sensory mark.
    private static func hits(_ cells: [Int32], _ marked: [Bool], _ sensory: [Bool]) -> (Int, Int) {
        var count = 0, sensoryCount = 0
        marked.withUnsafeBufferPointer { marked in
            sensory.withUnsafeBufferPointer { sensory in
                for cell in cells {
                    if marked[Int(cell)] { count += 1 }
                    if sensory[Int(cell)] { sensoryCount += 1 }
                }
            }
        }
        return (count, sensoryCount)
    }

    private static func ratio(_ part: Int, _ whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }
}
