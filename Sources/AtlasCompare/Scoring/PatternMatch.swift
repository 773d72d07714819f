import AtlasModel

/// How one pattern on one side fits a drawing in one view.
public struct ViewFit: Sendable, Codable, Equatable {
    /// The view these figures are counted in.
    public var view: ViewID
    /// Share of the drawing in this view inside the pattern's zones; nil when nothing is
    /// drawn in this view.
    public var precision: Double?
    /// Share of the essential zone in this view covered; nil when it has none here.
    public var essentialCoverage: Double?
    /// Share of the spillover zone in this view covered; nil when it has none here.
    public var spilloverCoverage: Double?
    /// Marked cells inside the zones: which view shows the match best.
    var cellsInside: Int

    enum CodingKeys: String, CodingKey { case view, precision, essentialCoverage, spilloverCoverage }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        view = try c.decode(ViewID.self, forKey: .view)
        precision = try c.decodeIfPresent(Double.self, forKey: .precision)
        essentialCoverage = try c.decodeIfPresent(Double.self, forKey: .essentialCoverage)
        spilloverCoverage = try c.decodeIfPresent(Double.self, forKey: .spilloverCoverage)
        cellsInside = 0
    }

    /// Absent figures are written as `null`, so every object has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(view, forKey: .view)
        try c.encode(precision, forKey: .precision)
        try c.encode(essentialCoverage, forKey: .essentialCoverage)
        try c.encode(spilloverCoverage, forKey: .spilloverCoverage)
    }

    init(view: ViewID, precision: Double?, essentialCoverage: Double?, spilloverCoverage: Double?, cellsInside: Int) {
        self.view = view
        self.precision = precision
        self.essentialCoverage = essentialCoverage
        self.spilloverCoverage = spilloverCoverage
        self.cellsInside = cellsInside
    }
}

/// The side a pattern is placed on for matching: one of the patient's sides, or both at once
/// (for drawings marked on both sides, where each one-sided pattern explains only half).
public enum MatchSide: String, Sendable, Codable, CaseIterable {
    case right, left, both

    /// The patient's sides the pattern is drawn on.
    public var sides: [Side] {
        switch self {
        case .right: [.right]
        case .left: [.left]
        case .both: [.right, .left]
        }
    }

    /// "right side", "both sides".
    public var words: String { self == .both ? "both sides" : "\(rawValue) side" }
}

/// How one pattern on one side fits a drawing, over every view of its template.
public struct PatternMatch: Sendable, Codable, Equatable {
    /// The pattern's id, as `render` and `list` use it.
    public var id: String
    /// The pattern's display name.
    public var name: String
    /// Myofascial, articular or radicular.
    public var family: Family
    /// The patient's side the pattern was placed on, or both.
    public var side: MatchSide
    /// The combined score in [0, 1] the ranking uses (see `PatternScorer`).
    public var score: Double
    /// Share of the drawing inside the pattern's zones.
    public var precision: Double
    /// Share of the essential zone covered (radicular zones for nerve-root patterns); nil
    /// when the pattern has none in the template's views.
    public var essentialCoverage: Double?
    /// Share of the spillover zone covered; nil when the pattern has none in these views.
    public var spilloverCoverage: Double?
    /// Share of the numbness and pins-and-needles marks inside the zones; nil without any.
    public var sensoryInside: Double?
    /// The same figures view by view.
    public var views: [ViewFit]

    enum CodingKeys: String, CodingKey {
        case id, name, family, side, score, precision, essentialCoverage, spilloverCoverage, sensoryInside, views
    }

    /// Absent figures are written as `null`, so every match has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(family, forKey: .family)
        try c.encode(side, forKey: .side)
        try c.encode(score, forKey: .score)
        try c.encode(precision, forKey: .precision)
        try c.encode(essentialCoverage, forKey: .essentialCoverage)
        try c.encode(spilloverCoverage, forKey: .spilloverCoverage)
        try c.encode(sensoryInside, forKey: .sensoryInside)
        try c.encode(views, forKey: .views)
    }
}
