@testable import AtlasCompare
import AtlasModel
import Testing

/// Naming the body part under a point, from each view's own landmarks.
@Suite("Body-part locator")
struct BodyPartTests {
    static let atlas = DrawingPainter.atlas

    struct Case: Sendable, CustomStringConvertible {
        var view: ViewID
        /// x across the body (towards the patient's right in front and back views, towards the
        /// front in side views), and a level between two body levels (0 the first, 1 the second).
        var x: Double
        var level: (Level, Level, Double)
        var part: BodyPart
        var description: String { "\(view.rawValue) \(part.rawValue)" }
    }

    enum Level: Sendable {
        case waist, lowerBack, pelvis, knee, ankle, sole

        func y(_ l: BodyLevels) -> Double {
            switch self {
            case .waist: l.waist
            case .lowerBack: l.lowerBack
            case .pelvis: l.pelvis
            case .knee: l.knee
            case .ankle: l.ankle
            case .sole: l.sole
            }
        }
    }

    static let cases: [Case] = [
        Case(view: .posterior, x: 80, level: (.lowerBack, .pelvis, 0.6), part: .buttock),
        Case(view: .posterior, x: 80, level: (.pelvis, .knee, 0.5), part: .backOfThigh),
        Case(view: .posterior, x: 75, level: (.knee, .ankle, 0.4), part: .calf),
        Case(view: .posterior, x: 75, level: (.ankle, .sole, 0.9), part: .heel),
        Case(view: .posterior, x: 10, level: (.waist, .lowerBack, 0.5), part: .lowerBack),
        Case(view: .anterior, x: 80, level: (.pelvis, .knee, 0.5), part: .frontOfThigh),
        Case(view: .anterior, x: 75, level: (.knee, .ankle, 0.4), part: .shin),
        Case(view: .lateralRight, x: -80, level: (.pelvis, .knee, 0.5), part: .backOfThigh),
        Case(view: .lateralRight, x: 0, level: (.pelvis, .knee, 0.5), part: .outerThigh),
        Case(view: .lateralRight, x: 80, level: (.pelvis, .knee, 0.5), part: .frontOfThigh),
        Case(view: .lateralLeft, x: 0, level: (.knee, .ankle, 0.5), part: .outerLeg),
    ]

    @Test(arguments: cases)
    func partAtAPoint(_ c: Case) throws {
        let view = try #require(Self.atlas.view(c.view))
        let levels = BodyLevels(view)
        let y = c.level.0.y(levels) + (c.level.1.y(levels) - c.level.0.y(levels)) * c.level.2
        let side: Side = c.view == .lateralLeft ? .left : .right
        let (part, located) = BodyPartLocator.locate(Point(c.x * c.view.screenSign(for: side), y), in: c.view, levels: levels)
        #expect(part == c.part)
        if abs(c.x) >= 20 || c.view.onlySide != nil { #expect(located == side, "the patient's \(side) side") }
    }

    @Test func partsAreOrderedHeadToFoot() {
        #expect(BodyPart.buttock < .backOfThigh && .backOfThigh < .calf && .calf < .heel)
        #expect(BodyPart.heel.isFoot && BodyPart.calf.isBelowKnee && !BodyPart.knee.isBelowKnee && BodyPart.buttock.isLowerLimb)
        #expect(MarkedArea.reach(of: [.buttock, .heel]) == .foot)
        #expect(MarkedArea.reach(of: [.buttock, .backOfThigh]) == .aboveKnee)
        #expect(MarkedArea.reach(of: [.lowerBack]) == .noLeg)
    }
}
