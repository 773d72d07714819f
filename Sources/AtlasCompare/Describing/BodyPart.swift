import AtlasModel

/// A named part of the body, in order from head to foot, for plain-words summaries.
public enum BodyPart: String, Sendable, CaseIterable, Codable, Comparable {
    case headAndNeck = "head-and-neck", shoulder, upperBack = "upper-back", chest, arm
    case lowerBack = "lower-back", flank, belly, sacrum, buttock, outerHip = "outer-hip", groin
    case backOfThigh = "back-of-thigh", outerThigh = "outer-thigh", frontOfThigh = "front-of-thigh"
    case knee, backOfKnee = "back-of-knee", calf, outerLeg = "outer-leg", shin, ankle
    case heel, sole, outerFoot = "outer-foot", topOfFoot = "top-of-foot", toes

    /// The part in plain words ("back of the thigh").
    public var words: String {
        switch self {
        case .headAndNeck: "head and neck"
        case .upperBack: "upper back"
        case .lowerBack: "lower back"
        case .outerHip: "outer hip"
        case .backOfThigh: "back of the thigh"
        case .outerThigh: "outer thigh"
        case .frontOfThigh: "front of the thigh"
        case .backOfKnee: "back of the knee"
        case .outerLeg: "outer leg"
        case .outerFoot: "outer edge of the foot"
        case .topOfFoot: "top of the foot"
        default: rawValue
        }
    }

    /// From the buttock down: what the radicular/referred question is about.
    var isLowerLimb: Bool { self >= .buttock }
    var isBelowKnee: Bool { self >= .calf }
    var isFoot: Bool { self >= .heel }
    var isThighOrBelow: Bool { self >= .backOfThigh }

    /// Ordered from head to foot.
    public static func < (a: BodyPart, b: BodyPart) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Heights of one view's body levels, read from its landmarks (screen millimetres), so the
/// parts follow the atlas when its figures are edited.
struct BodyLevels: Sendable {
    let neck, chest, waist, lowerBack, pelvis, knee, ankle, sole: Double
    let sacrumBottom, hipASIS, footToes: Double

    init(_ view: BodyView) {
        func level(_ names: [String], _ fallback: Double) -> Double {
            names.lazy.compactMap { view.landmark($0)?.point.y }.first ?? fallback
        }
        neck = level(["c7", "suprasternal-notch"], 300)
        chest = level(["rib-12", "thoracolumbar", "xiphoid"], 570)
        waist = level(["iliac-crest", "umbilicus"], 700)
        lowerBack = level(["l5-spinous"], 740)
        pelvis = level(["gluteal-fold-medial", "gluteal-fold", "crotch"], 900)
        knee = level(["popliteal-crease", "patella"], 1240)
        ankle = level(["lateral-malleolus"], 1684)
        sole = level(["sole"], 1750)
        sacrumBottom = level(["coccyx"], 858)
        hipASIS = level(["asis"], 752)
        footToes = level(["first-web-space"], 1732)
    }
}

/// Names the body part under a point of a view.
enum BodyPartLocator {
    /// The part at `p` (screen millimetres) in `view`, and the patient's side it is on (nil
    /// on the midline).
    static func locate(_ p: Point, in view: ViewID, levels l: BodyLevels) -> (part: BodyPart, side: Side?) {
        if let only = view.onlySide {
            // Lateral views: x positive toward the front of the body.
            return (lateral(Point(p.x * view.screenSign(for: only), p.y), l), only)
        }
        let side: Side? = abs(p.x) < 20 ? nil : (view.screenSign(for: .right) * p.x > 0 ? .right : .left)
        let a = abs(p.x), y = p.y
        let back = view == .posterior
        if y < l.neck { return (.headAndNeck, side) }
        if y < 470 && a > 150 && y < l.chest { return (.shoulder, side) }
        if y >= 470 && a >= 180 && y < l.pelvis + 220 { return (.arm, side) }
        if y < l.chest { return (back ? .upperBack : .chest, side) }
        if y < l.waist { return (back ? .lowerBack : .belly, side) }
        if y < l.pelvis {
            if back {
                if a < 45 { return (y < l.lowerBack ? .lowerBack : (y < l.sacrumBottom ? .sacrum : .buttock), side) }
                return (.buttock, side)
            }
            if a > 135 { return (.outerHip, side) }
            return (y < l.hipASIS ? .belly : .groin, side)
        }
        if y < l.knee - 35 { return (back ? .backOfThigh : .frontOfThigh, side) }
        if y < l.knee + 45 { return (back ? .backOfKnee : .knee, side) }
        if y < l.ankle - 40 { return (back ? .calf : .shin, side) }
        if y < l.ankle + 25 { return (.ankle, side) }
        if back { return (.heel, side) }
        if a > 110 { return (.outerFoot, side) }
        return (y > l.footToes ? .toes : .topOfFoot, side)
    }

    /// The side view's thresholds follow its outline (body/lateral-right.yaml): about the back
    /// and front thirds of the thigh (-68..100 mm at mid-thigh), knee (-41..81) and calf (-52..68).
    private static func lateral(_ p: Point, _ l: BodyLevels) -> BodyPart {
        let x = p.x, y = p.y
        if y < l.neck { return .headAndNeck }
        if y < l.chest { return x < 0 ? .upperBack : .chest }
        if y < l.waist { return x < -40 ? .lowerBack : (x > 40 ? .belly : .flank) }
        if y < l.pelvis { return x < -45 ? .buttock : (x > 55 ? .groin : .outerHip) }
        if y < l.knee - 35 { return x < -25 ? .backOfThigh : (x > 50 ? .frontOfThigh : .outerThigh) }
        if y < l.knee + 45 { return x < -20 ? .backOfKnee : .knee }
        if y < l.ankle - 40 { return x < -20 ? .calf : (x > 40 ? .shin : .outerLeg) }
        if y < l.ankle + 25 { return .ankle }
        if x < -40 { return .heel }
        if y > l.sole - 8 { return .sole }
        return x > 140 ? .toes : .outerFoot
    }
}
