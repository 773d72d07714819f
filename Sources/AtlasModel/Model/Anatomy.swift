/// A bone (or a bony outline such as the obturator foramen) of the skeleton layer, in the
/// side frame of its view.
public struct Bone: Sendable, Equatable, Codable {
    /// What the shape is, which sets how it is drawn: bone in a bony line; a ligament in a
    /// lighter, thinner line (fibrous, not a bone's edge), a band with its fibres when it has
    /// them; an opening (a hollow under an overhanging rim: the iliac fossa) as a soft shade,
    /// never outlined; a foramen (a gap closed by bone and ligaments: the greater sciatic
    /// foramen) the skin's colour inside and never outlined, since the bone and the ligaments
    /// round it draw its border; a hole through a bone (the obturator foramen) in the bony
    /// line, the skin's colour inside; a ridge (a line on a bone's surface: the gluteal lines,
    /// the lips of the iliac crest; or a bone seen faintly through others, the pubis through
    /// the pelvic outlet) finer and paler than a bone's edge, never filled, so that it models
    /// the surface without reading as another bone.
    public enum Kind: String, Sendable, CaseIterable, Codable { case bone, ligament, opening, foramen, hole, ridge }

    public var id: String
    public var path: BezierPath
    /// An outline only (a foramen, a bony line): stroked, never filled.
    public var lineOnly: Bool
    /// A midline bone (sacrum, coccyx, vertebra): drawn once, already whole.
    public var midline: Bool
    public var kind: Kind
    /// A ligament's fibre lines, which the renderer clips to `path`: a banded sheet, as in a
    /// plate, rather than loose strands laid one over another.
    public var fibres: [BezierPath]

    public init(id: String, path: BezierPath, lineOnly: Bool = false, midline: Bool = false, kind: Kind = .bone,
                fibres: [BezierPath] = []) {
        self.id = id
        self.path = path
        self.lineOnly = lineOnly
        self.midline = midline
        self.kind = kind
        self.fibres = fibres
    }
}

/// How a muscle is seen in a view: on the surface, or through the muscles over it.
public enum MuscleDepth: String, Sendable, CaseIterable, Codable {
    case superficial, deep
}

/// A muscle (or a tendinous sheet such as the iliotibial band) in one view: its shape from
/// origin to insertion and a few lines along its fibres, in the side frame.
public struct Muscle: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, CaseIterable, Codable { case muscle, tendon }

    public var id: String
    public var name: String
    public var kind: Kind
    public var depth: MuscleDepth
    /// The patterns drawn with this muscle.
    public var patterns: [String]
    /// Patterns in whose pictures this (superficial) muscle is drawn only as a faint outline,
    /// over the deeper muscle it covers, so that the deep one reads as deep.
    public var covers: [String]
    public var path: BezierPath
    /// Straight lines along the fibres; the renderer clips them to `path`.
    public var fibres: [BezierPath]
    public var location: SourceLocation

    public init(id: String, name: String, kind: Kind = .muscle, depth: MuscleDepth, patterns: [String], covers: [String] = [],
                path: BezierPath, fibres: [BezierPath], location: SourceLocation) {
        self.id = id
        self.name = name
        self.kind = kind
        self.depth = depth
        self.patterns = patterns
        self.covers = covers
        self.path = path
        self.fibres = fibres
        self.location = location
    }
}

/// The bones and muscles authored for one pattern view.
public struct AnatomyView: Sendable, Equatable, Codable {
    public var view: PatternView
    public var bones: [Bone]
    public var muscles: [Muscle]

    public init(view: PatternView, bones: [Bone] = [], muscles: [Muscle] = []) {
        self.view = view
        self.bones = bones
        self.muscles = muscles
    }
}

/// The skeleton and muscle layer drawn under the zones (`anatomy/*.yaml`).
public struct Anatomy: Sendable, Equatable, Codable {
    public var views: [PatternView: AnatomyView]

    public init(views: [PatternView: AnatomyView] = [:]) {
        self.views = views
    }

    /// The muscles drawn with a pattern in a view.
    public func muscles(for patternID: String, in view: PatternView) -> [Muscle] {
        views[view]?.muscles.filter { $0.patterns.contains(patternID) } ?? []
    }
}

/// A bone or muscle moved into one body view, in screen millimetres.
public struct PlacedAnatomy: Sendable, Equatable {
    public var bones: [Bone]
    public var muscles: [Muscle]
    /// Superficial muscles drawn only as a faint outline over `muscles` (see `Muscle.covers`).
    public var covering: [Muscle]
    /// The patterns whose own muscle is in `muscles` (their older `muscle:` outline is not drawn).
    public var patterns: Set<String>

    public init(bones: [Bone], muscles: [Muscle], covering: [Muscle] = [], patterns: Set<String>) {
        self.bones = bones
        self.muscles = muscles
        self.covering = covering
        self.patterns = patterns
    }

    public var isEmpty: Bool { bones.isEmpty && muscles.isEmpty }
}

extension Anatomy {
    /// The layer under the given patterns in a body view: the skeleton of every side the view
    /// shows (not under skin maps: dermatomes, nerve roots), and each pattern's muscles on the
    /// pattern's side. Nil when no pattern is given. `rootSkeleton`: a nerve root's pain map
    /// gets the skeleton too (beside other patterns drawn over bones, as in a figure).
    public func placed(in view: ViewID, patterns: [PlacedPattern], rootSkeleton: Bool = false) -> PlacedAnatomy? {
        guard !patterns.isEmpty, let authored = views[view.patternView] else { return nil }
        let sides = Side.allCases.filter(view.shows)
        var bones: [Bone] = []
        // Dermatome and nerve-root maps are about skin, not the structures beneath: no skeleton
        // (a dermatome map's flat fills would hide it anyway).
        let skinOnly = patterns.allSatisfy { $0.pattern.family == .dermatome || ($0.pattern.family == .radicular && !rootSkeleton) }
        for bone in authored.bones where !skinOnly {
            // Midline bones are whole already; paired ones appear on each side the view shows.
            let signs = bone.midline ? [view.screenSign(for: sides[0])] : sides.map(view.screenSign(for:))
            for sign in Set(signs).sorted() {
                var copy = bone
                copy.path = bone.path.map { Point($0.x * sign, $0.y) }
                copy.fibres = bone.fibres.map { $0.map { Point($0.x * sign, $0.y) } }
                bones.append(copy)
            }
        }
        // (file position, muscle) pairs, so that the layer keeps the file's order whatever the
        // order of the patterns: a muscle listed later lies over one listed earlier.
        var muscles: [String: (Int, Muscle)] = [:]
        var outlines: [String: (Int, Muscle)] = [:]
        var covered: Set<String> = []
        for placed in patterns {
            let sign = view.screenSign(for: placed.side)
            let flip: (Point) -> Point = { Point($0.x * sign, $0.y) }
            for (index, muscle) in authored.muscles.enumerated() {
                let own = muscle.patterns.contains(placed.pattern.id)
                guard own || muscle.covers.contains(placed.pattern.id) else { continue }
                if own { covered.insert(placed.pattern.id) }
                var copy = muscle
                copy.path = muscle.path.map(flip)
                copy.fibres = muscle.fibres.map { $0.map(flip) }
                let key = "\(muscle.id)/\(placed.side.rawValue)"
                if own { muscles[key] = (index, copy) } else { outlines[key] = (index, copy) }
            }
        }
        // No faint outline of a muscle on a side where the muscle itself is drawn.
        for key in muscles.keys { outlines[key] = nil }
        // Deep muscles first, so the superficial ones lie over them; within each, file order
        // (then the side, so that the order never depends on the dictionaries).
        func rank(_ entry: (key: String, value: (Int, Muscle))) -> (Int, Int, String) {
            (entry.value.1.depth == .deep ? 0 : 1, entry.value.0, entry.key)
        }
        let ordered = muscles.sorted { rank($0) < rank($1) }.map(\.value.1)
        let faint = outlines.sorted { rank($0) < rank($1) }.map(\.value.1)
        return PlacedAnatomy(bones: bones, muscles: ordered, covering: faint, patterns: covered)
    }
}
