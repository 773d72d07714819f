@testable import AtlasCompare
import AtlasModel
import AtlasRender
import Foundation
import Testing

/// The radicular/referred verdict, from candidates and evidence given directly (no painter).
@Suite("Verdict")
struct VerdictTests {
    static func candidate(_ id: String, _ group: SourceGroup, _ confidence: Double) -> Leaning.Candidate {
        Leaning.Candidate(id: id, name: id, side: .right, group: group, confidence: confidence, logLikelihood: log(max(confidence, 1e-9)))
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var ranked: [(String, SourceGroup, Double)]
        var onLowerBody = true
        var mixed = false
        var verdict: Leaning.Verdict
        var strength: Leaning.Strength
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "root far likelier", ranked: [("s1", .root, 0.95), ("sij", .referred, 0.01)], verdict: .radicular, strength: .clearly),
        Case(name: "root four times likelier", ranked: [("s1", .root, 0.6), ("sij", .referred, 0.15)], verdict: .radicular, strength: .leans),
        Case(name: "muscle far likelier", ranked: [("minimus", .referred, 0.9), ("l5", .root, 0.02)], verdict: .referred, strength: .clearly),
        Case(name: "nearly even: cannot tell", ranked: [("minimus", .referred, 0.5), ("l5", .root, 0.4)], verdict: .undecided, strength: .none),
        Case(name: "entrapment is its own group", ranked: [("sciatic", .entrapment, 0.8), ("s1", .root, 0.05), ("piri", .referred, 0.03)],
             verdict: .entrapment, strength: .leans),
        Case(name: "marks off the lower body", ranked: [("s1", .root, 0.95), ("sij", .referred, 0.01)], onLowerBody: false,
             verdict: .undecided, strength: .none),
        Case(name: "two sources of different kinds", ranked: [("s1", .root, 0.97), ("medius", .referred, 0.95)], mixed: true,
             verdict: .undecided, strength: .none),
    ]

    @Test(arguments: cases)
    func verdictFollowsTheOdds(_ c: Case) {
        let ranked = c.ranked.map { Self.candidate($0.0, $0.1, $0.2) }
        let leaning = Leaning(ranked: ranked, reasons: [], onLowerBody: c.onLowerBody, mixed: c.mixed)
        #expect(leaning.verdict == c.verdict, "\(leaning.words)")
        #expect(leaning.strength == c.strength, "\(leaning.words)")
        #expect(leaning.favoured?.id == c.ranked[0].0, "the verdict agrees with the ranking")
    }

    @Test func wordsNameTheBestRootAndTheBestMuscleOrJoint() {
        let ranked = [Self.candidate("sciatic", .entrapment, 0.8), Self.candidate("piri", .referred, 0.1), Self.candidate("s1", .root, 0.05)]
        let words = Leaning(ranked: ranked, reasons: [], onLowerBody: true).words
        #expect(words.contains("s1") && words.contains("piri"), "\(words)")
        let mixed = Leaning(ranked: [Self.candidate("s1", .root, 0.97), Self.candidate("medius", .referred, 0.95)], reasons: [],
                            onLowerBody: true, mixed: true).words
        #expect(mixed.contains("Both kinds"), "\(mixed)")
    }

    @Test func reasonsAreSortedAndSplitByWhichWayTheyPoint() {
        let reasons = [Leaning.Reason(weight: -0.4, text: "nothing on the foot"), Leaning.Reason(weight: 2.5, text: "marks on the calf")]
        let leaning = Leaning(ranked: [Self.candidate("s1", .root, 0.95), Self.candidate("sij", .referred, 0.01)], reasons: reasons,
                              onLowerBody: true)
        #expect(leaning.reasons.map(\.text) == ["marks on the calf", "nothing on the foot"])
        #expect(leaning.words.contains(": marks on the calf.") && leaning.words.contains("Against: nothing on the foot."), "\(leaning.words)")
    }

    // Each piece of evidence beyond where the marks are.
    @Test func sensoryMarksCountByHowMuchIsMarked() {
        let none = DrawingFeatures(sensoryCells: 2, markedCells: 100, symptoms: [.numbness], parts: [.heel], legBandWidth: nil)
        #expect(none.features.isEmpty, "two cells of numbness are no evidence")
        let few = DrawingFeatures(sensoryCells: 3, markedCells: 100, symptoms: [.numbness], parts: [.heel], legBandWidth: nil)
        let many = DrawingFeatures(sensoryCells: 30, markedCells: 100, symptoms: [.numbness], parts: [.heel], legBandWidth: nil)
        #expect(few.logRatio(for: .root) > 0 && few.logRatio(for: .root) < many.logRatio(for: .root))
        #expect(abs(many.logRatio(for: .root) - log(DrawingFeatures.sensoryRootRatio)) < 1e-9)
        #expect(many.logRatio(for: .referred) == 0 && many.logRatio(for: .entrapment) > 0)
        #expect(many.features[0].text.contains("numbness") && many.features[0].text.contains("heel"))
    }

    @Test(arguments: [(40.0, 1), (75.0, 0), (150.0, -1)])
    func bandWidthCounts(width: Double, sign: Int) {
        let features = DrawingFeatures(sensoryCells: 0, markedCells: 100, symptoms: [], parts: [], legBandWidth: width)
        let ratio = features.logRatio(for: .root)
        switch sign {
        case 1: #expect(abs(ratio - log(DrawingFeatures.bandRatio)) < 1e-9)
        case -1: #expect(abs(ratio + log(DrawingFeatures.bandRatio)) < 1e-9)
        default: #expect(features.features.isEmpty)
        }
    }

    // The whole path from marked cells to verdict, with cells set directly on the back view.
    static let reference = try! DrawingPainter.comparator.reference(for: ChartSheet(views: [.posterior], paper: .a4))

    static func verdict(_ cells: [(Int, Symptom)]) throws -> Leaning {
        let grid = reference.panels[0]
        var layers = [[Bool]](repeating: [Bool](repeating: false, count: grid.width * grid.height), count: Symptom.allCases.count)
        for (cell, symptom) in cells { layers[Symptom.allCases.firstIndex(of: symptom)!][cell] = true }
        let marks = DrawingMarks(reference: reference, marked: [layers])
        let locations = MarkLocations(marks: marks, reference: reference)
        let features = DrawingFeatures(locations: locations)
        let ranking = PatternScorer.rank(marks, masks: try DrawingPainter.comparator.patternMasks(for: reference), features: features,
                                         allowBoth: locations.isBilateral)
        return LeaningEvidence.leaning(ranking, marks: marks, reference: reference, features: features, locations: locations)
    }

    /// Body cells of the back view whose centre lies in a box (body millimetres, patient's right).
    static func cells(x: ClosedRange<Double>, y: ClosedRange<Double>) -> [Int] {
        let grid = reference.panels[0]
        let sign = grid.view.screenSign(for: .right)
        return grid.body.indices.filter { cell in
            let p = grid.millimetres(ofCell: cell, factor: TemplateReference.gridFactor)
            return grid.body[cell] > 0.5 && x.contains(p.x * sign) && y.contains(p.y)
        }
    }

    @Test func aDabOnTheHeelDoesNotFlipAButtockDrawing() throws {
        let buttock = Self.cells(x: 40...140, y: 790...880).map { ($0, Symptom.pain) }
        let without = try Self.verdict(buttock)
        // A buttock patch is a muscle, a joint or a trapped nerve; with calibrated odds it may
        // also say it cannot tell a trapped nerve from a muscle or joint. Never a root.
        #expect(without.verdict != .radicular && without.favoured?.group != .root, "\(without.words)")
        let grid = Self.reference.panels[0]
        let heel = Self.cells(x: 20...200, y: 1700...1760).sorted {
            grid.millimetres(ofCell: $0, factor: TemplateReference.gridFactor).y > grid.millimetres(ofCell: $1, factor: TemplateReference.gridFactor).y
        }.prefix(3)
        #expect(heel.count == 3)
        let with = try Self.verdict(buttock + heel.map { ($0, Symptom.pain) })
        #expect(with.verdict == without.verdict, "a 3-cell dab on the heel: \(with.words)")
        #expect(with.favoured?.id == without.favoured?.id)
    }

    @Test func numbnessDownALegBandFavoursARoot() throws {
        let band = Self.cells(x: 55...95, y: 900...1650)
        let painOnly = try Self.verdict(band.map { ($0, Symptom.pain) })
        let numb = try Self.verdict(band.map { ($0, $0 % 2 == 0 ? Symptom.numbness : Symptom.pain) })
        #expect(numb.favoured?.group == .root || numb.favoured?.group == .entrapment, "\(numb.words)")
        #expect(numb.reasons.contains { $0.text.contains("numbness") }, "\(numb.reasons)")
        let rootShare = { (l: Leaning) in l.bestRoot?.confidence ?? 0 }
        #expect(rootShare(numb) >= rootShare(painOnly), "numbness never lowers the root's confidence")
    }
}
