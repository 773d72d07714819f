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
    /// Myofascial, articular, discogenic, radicular or entrapment.
    public var family: Family
    /// The patient's side the pattern was placed on, or both.
    public var side: MatchSide
    /// The evidence: the log-likelihood ratio of "this pattern on this side is the source"
    /// against a background model with no preferred place (`Likelihood`); above 0 the
    /// pattern explains the drawing better than chance, each 1 more is e (2.7) times likelier.
    public var score: Double
    /// The posterior probability, 0 to 1, that this pattern on this side is one of the
    /// drawing's sources, over every pattern, side and combination considered: the figure to
    /// compare between matches and between drawings.
    public var confidence: Double
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
        case id, name, family, group, side, score, confidence, precision, essentialCoverage, spilloverCoverage, sensoryInside, views
    }

    init(id: String, name: String, family: Family, side: MatchSide, score: Double, confidence: Double, precision: Double,
         essentialCoverage: Double?, spilloverCoverage: Double?, sensoryInside: Double?, views: [ViewFit]) {
        self.id = id
        self.name = name
        self.family = family
        self.side = side
        self.score = score
        self.confidence = confidence
        self.precision = precision
        self.essentialCoverage = essentialCoverage
        self.spilloverCoverage = spilloverCoverage
        self.sensoryInside = sensoryInside
        self.views = views
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        family = try c.decode(Family.self, forKey: .family)
        side = try c.decode(MatchSide.self, forKey: .side)
        score = try c.decode(Double.self, forKey: .score)
        confidence = try c.decode(Double.self, forKey: .confidence)
        precision = try c.decode(Double.self, forKey: .precision)
        essentialCoverage = try c.decodeIfPresent(Double.self, forKey: .essentialCoverage)
        spilloverCoverage = try c.decodeIfPresent(Double.self, forKey: .spilloverCoverage)
        sensoryInside = try c.decodeIfPresent(Double.self, forKey: .sensoryInside)
        views = try c.decode([ViewFit].self, forKey: .views)
    }

    /// Whether the drawing is any evidence for the pattern: at least `evidenceShare` of the
    /// marks inside its zones. A row below that (shown as precision 0.00) says nothing about
    /// the pattern and is left out of the report, whatever confidence pairs lend it.
    public var hasEvidence: Bool { precision >= Self.evidenceShare }
    /// Half a percent of the drawing: what the report rounds to a precision of 0.01.
    public static let evidenceShare = 0.005

    /// The source group: nerve root, entrapment, or referred from a muscle, joint or disc.
    public var group: SourceGroup? { SourceGroup(family) }

    /// Absent figures are written as `null`, so every match has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(family, forKey: .family)
        try c.encode(SourceGroup(family), forKey: .group)
        try c.encode(side, forKey: .side)
        try c.encode(score, forKey: .score)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(precision, forKey: .precision)
        try c.encode(essentialCoverage, forKey: .essentialCoverage)
        try c.encode(spilloverCoverage, forKey: .spilloverCoverage)
        try c.encode(sensoryInside, forKey: .sensoryInside)
        try c.encode(views, forKey: .views)
    }
}
