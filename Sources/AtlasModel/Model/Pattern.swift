/// What kind of cause a pattern stands for.
public enum Family: String, Sendable, CaseIterable, Codable {
    case myofascial, articular, discogenic, radicular, entrapment, neural, dermatome

    /// Maps from injection or provocation studies (joints, discs) count patients, so their
    /// zones read "most patients" / "some patients" rather than T&S's essential/spillover.
    public var mapsFromPatientCounts: Bool { self == .articular || self == .discogenic }
}

/// How well the pattern's source was checked (see clinical-facts.md).
public enum Fidelity: String, Sendable, CaseIterable, Codable {
    case verified, recalled, estimate
}

/// The meaning of a shaded zone, which decides how it is drawn.
public enum ZoneKind: String, Sendable, CaseIterable, Codable {
    /// Felt by nearly every patient with the trigger point (solid fill).
    case essential
    /// Felt by some (stipple).
    case spillover
    /// Nerve-root or dermatomal territory (hatch).
    case radicular
    /// Skin a dermatome map leaves unassigned.
    case gap
}

/// A closed, shaded area of a pattern, in the side frame of its view.
public struct Zone: Sendable, Equatable, Codable {
    public var view: PatternView
    public var kind: ZoneKind
    public var path: BezierPath
    /// A short label (a root such as "L5"), used for hatching groups and legends.
    public var label: String?
    public var note: String?
    /// How many of a study's patients felt a spillover zone (joint maps); `.some` otherwise.
    public var tier = SpilloverTier.some
    /// A joint map's middle tier, drawn in a denser stipple than "some patients".
    public var aboutHalf: Bool { tier == .aboutHalf }

    public init(view: PatternView, kind: ZoneKind, path: BezierPath, label: String? = nil, note: String? = nil,
                tier: SpilloverTier = .some) {
        self.view = view
        self.kind = kind
        self.path = path
        self.label = label
        self.note = note
        self.tier = tier
    }
}

/// How many patients feel a spillover zone. A joint map's tiers (addendum 1b): "about half
/// of patients" (`tier: about-half`), "some" (the default, T&S's stipple), and "a few"
/// (`tier: few`, e.g. the SIJ's foot, 12%). A nerve entrapment's "common" (`tier: common`):
/// the reviews give no percentages, only that pain down the back of the thigh is common and
/// the calf less so (addendum 6).
public enum SpilloverTier: String, Sendable, Equatable, Codable, CaseIterable {
    case aboutHalf = "about-half", some, few, common

    /// Drawing order: sparse tiers first, so a denser one lies on top where they meet.
    public var density: Int {
        switch self {
        case .few: 0
        case .some: 1
        case .aboutHalf, .common: 2
        }
    }

    /// The tiers a family's spillover zones may name (besides the default "some"): counted
    /// tiers for joint maps, "common" for an entrapment; none where the legend has no words.
    public static func allowed(for family: Family) -> [SpilloverTier] {
        switch family {
        case .articular: [.aboutHalf, .few]
        case .entrapment: [.common]
        default: []
        }
    }
}

/// A trigger point, drawn as an X.
public struct TriggerPoint: Sendable, Equatable, Codable {
    public var view: PatternView
    public var point: Point
    public var label: String?

    public init(view: PatternView, point: Point, label: String? = nil) {
        self.view = view
        self.point = point
        self.label = label
    }
}

/// How thick a nerve is drawn: a trunk is wider than its divisions, and they than branches.
public enum NerveCalibre: String, Sendable, CaseIterable, Codable {
    case trunk, division, branch

    /// Width relative to the style's nerve width.
    public var widthFactor: Double {
        switch self {
        case .trunk: 1.9
        case .division: 1.0
        case .branch: 0.7
        }
    }
}

/// An outline drawn faintly under the zones (a muscle), or a nerve path drawn over them.
public struct Stroke: Sendable, Equatable, Codable {
    public var view: PatternView
    public var id: String
    public var name: String?
    public var path: BezierPath
    /// A nerve running deep (inside the pelvis, under a muscle): drawn dashed, beneath muscles.
    public var deep = false
    /// Nerves only: how wide it is drawn.
    public var calibre = NerveCalibre.division

    public init(view: PatternView, id: String, name: String? = nil, path: BezierPath, deep: Bool = false,
                calibre: NerveCalibre = .division) {
        self.view = view
        self.id = id
        self.name = name
        self.path = path
        self.deep = deep
        self.calibre = calibre
    }
}

/// One referral or nerve pattern, fully resolved: composites carry their parts' geometry.
public struct Pattern: Sendable, Equatable, Codable, Identifiable {
    public var id: String
    public var name: String
    public var family: Family
    public var description: String
    public var feel: [String]
    public var sources: [String]
    public var fidelity: Fidelity
    public var fidelityNote: String?
    /// The figure or study the drawing follows, for captions ("Travell & Simons, vol. 2, fig. 9.1").
    public var after: String?
    /// A legend line for what the picture teaches by leaving blank (the sacroiliac joint's
    /// sitting bone), so the blank does not read as an omission.
    public var legendNote: String?
    /// False where the sources give the area but not which part most patients feel: every
    /// zone is then drawn in one tone and flagged (gluteus minimus, clinical-facts-addendum 5).
    public var splitConfirmed = true
    public var includes: [String]
    public var muscles: [Stroke]
    public var triggerPoints: [TriggerPoint]
    public var zones: [Zone]
    public var nerves: [Stroke]
    /// Labelled rings and outlines that point at what the text names (not felt pain).
    public var marks: [PatternMark] = []
    /// Where the pattern was defined, for messages.
    public var location: SourceLocation

    public init(id: String, name: String, family: Family, description: String, feel: [String], sources: [String],
                fidelity: Fidelity, fidelityNote: String?, includes: [String], muscles: [Stroke], triggerPoints: [TriggerPoint],
                zones: [Zone], nerves: [Stroke], location: SourceLocation) {
        self.id = id
        self.name = name
        self.family = family
        self.description = description
        self.feel = feel
        self.sources = sources
        self.fidelity = fidelity
        self.fidelityNote = fidelityNote
        self.includes = includes
        self.muscles = muscles
        self.triggerPoints = triggerPoints
        self.zones = zones
        self.nerves = nerves
        self.location = location
    }

    /// The pattern views in which it has anything to draw.
    public var views: [PatternView] {
        PatternView.allCases.filter { view in
            zones.contains { $0.view == view } || nerves.contains { $0.view == view }
                || triggerPoints.contains { $0.view == view }
        }
    }

    /// The body views it appears in, for the given side.
    public func bodyViews(side: Side) -> [ViewID] {
        views.flatMap(\.bodyViews).filter { $0.shows(side) }
    }

    /// The kinds of zone present in a pattern view.
    public func zoneKinds(in view: PatternView) -> Set<ZoneKind> {
        Set(zones.filter { $0.view == view }.map(\.kind))
    }
}
