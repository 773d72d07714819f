/// A body view and patterns placed on it as plain data for `dump`: every path flattened to
/// a polyline of [x, y] points in screen millimetres of the view (origin at the vertex,
/// x toward the viewer's right, y toward the feet), so a reader or a test can check
/// geometry without pixels. Plain field names only: no Swift-internal keys.
public struct GeometryDump: Encodable, Sendable, Equatable {
    public struct XY: Encodable, Sendable, Equatable {
        public var x: Double, y: Double
        init(_ p: Point) { x = (p.x * 100).rounded() / 100; y = (p.y * 100).rounded() / 100 }
        public func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(x)
            try c.encode(y)
        }
    }

    public struct Line: Encodable, Sendable, Equatable {
        public var id: String
        public var kind: String
        public var closed: Bool
        public var points: [XY]
    }

    public struct View: Encodable, Sendable, Equatable {
        public var id: String
        public var label: String
        public var outline: [XY]
        public var contours: [Line]
        /// Landmarks as {name, side, point}; `side` is the patient's side or null.
        public var landmarks: [NamedPoint]
    }

    public struct NamedPoint: Encodable, Sendable, Equatable {
        public var name: String
        public var side: String?
        public var point: XY
    }

    public struct ZoneData: Encodable, Sendable, Equatable {
        public var kind: String
        public var label: String?
        public var note: String?
        /// "about-half" for a joint map's middle tier; absent otherwise.
        public var tier: String?
        /// The closed outline; the last point joins the first.
        public var points: [XY]
    }

    /// A labelled ring or dashed outline (not felt pain): the sciatic notch, the sitting bone.
    public struct MarkData: Encodable, Sendable, Equatable {
        public var shape: String
        public var label: String
        public var legend: String
        public var points: [XY]
    }

    public struct TriggerPointData: Encodable, Sendable, Equatable {
        public var label: String?
        public var at: XY
    }

    public struct PathData: Encodable, Sendable, Equatable {
        public var id: String
        public var name: String?
        /// Nerves only: drawn dashed, running deep.
        public var deep: Bool?
        /// Nerves only: trunk, division or branch.
        public var calibre: String?
        public var points: [XY]
    }

    public struct PatternData: Encodable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var family: String
        public var fidelity: String
        public var side: String
        public var zones: [ZoneData]
        public var triggerPoints: [TriggerPointData]
        public var muscles: [PathData]
        public var nerves: [PathData]
        public var marks: [MarkData]
    }

    public var view: View
    public var patterns: [PatternData]

    /// Samples per Bézier segment when flattening: enough for sub-millimetre fidelity.
    static let samples = 12

    /// The patterns placed on `body` for each side; a pattern the view cannot show on a side
    /// is listed with empty geometry, so every pattern asked for appears. With `anatomy`, a
    /// pattern's muscles are those the renderer draws under it (see `init(view:placed:anatomy:)`).
    public init(view body: BodyView, patterns: [Pattern], sides: [Side], anatomy: Anatomy? = nil) {
        let placed = patterns.flatMap { pattern in
            sides.map { side in
                pattern.placed(in: body.id, side: side)
                    ?? PlacedPattern(pattern: pattern, view: body.id, side: side, muscles: [], triggerPoints: [], zones: [], nerves: [])
            }
        }
        self.init(view: body, placed: placed, anatomy: anatomy)
    }

    /// `anatomy`: the skeleton and muscle layer. Where it has muscles for a pattern in this
    /// view, those are listed, as the renderer draws them instead of the pattern's own
    /// `muscle:` outline (which is listed otherwise).
    public init(view body: BodyView, placed patterns: [PlacedPattern], anatomy: Anatomy? = nil) {
        func flat(_ path: BezierPath) -> [XY] { path.polylines(segmentsPerCurve: Self.samples).flatMap { $0 }.map(XY.init) }
        view = View(id: body.id.rawValue, label: body.label, outline: flat(body.outline),
                    contours: body.contours.map { Line(id: $0.id, kind: $0.kind.rawValue, closed: $0.path.elements.last == .close,
                                                       points: flat($0.path)) },
                    landmarks: body.landmarks.map { NamedPoint(name: $0.name, side: $0.side?.rawValue, point: XY($0.point)) })
        self.patterns = patterns.map { placed in
            let layer = placed.isEmpty ? [] : anatomy?.placed(in: body.id, patterns: [placed])?.muscles ?? []
            let muscles = layer.isEmpty ? placed.muscles.map { PathData(id: $0.id, name: $0.name, points: flat($0.path)) }
                                        : layer.map { PathData(id: $0.id, name: $0.name, points: flat($0.path)) }
            return PatternData(id: placed.pattern.id, name: placed.pattern.name, family: placed.pattern.family.rawValue,
                        fidelity: placed.pattern.fidelity.rawValue, side: placed.side.rawValue,
                        zones: placed.zones.map { ZoneData(kind: $0.kind.rawValue, label: $0.label, note: $0.note,
                                                           tier: $0.tier == .some ? nil : $0.tier.rawValue, points: flat($0.path)) },
                        triggerPoints: placed.triggerPoints.map { TriggerPointData(label: $0.label, at: XY($0.point)) },
                        muscles: muscles,
                        nerves: placed.nerves.map { PathData(id: $0.id, name: $0.name, deep: $0.deep, calibre: $0.calibre.rawValue,
                                                             points: flat($0.path)) },
                        marks: placed.marks.map { MarkData(shape: $0.shape.rawValue, label: $0.label, legend: $0.legend, points: flat($0.path)) })
        }
    }
}
