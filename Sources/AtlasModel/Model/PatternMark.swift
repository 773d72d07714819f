/// A labelled mark that is not a zone of felt pain: a ring at a spot the text names (the
/// greater sciatic notch, tender in piriformis syndrome), a dashed outline round an area
/// a map leaves blank on purpose (the sacroiliac joint's sitting bone), a solid outline round
/// a study's own area inside a zone (Fortin's area below the PSIS), or a dot where patients
/// point (the Fortin finger test), so that the picture shows what the words point at.
public struct PatternMark: Sendable, Equatable, Codable {
    public enum Shape: String, Sendable, CaseIterable, Codable {
        /// A small ring round a point.
        case ring
        /// A dashed outline round an area (left blank on purpose).
        case outline
        /// A thin solid outline round an area a study names, drawn over the zone it lies in.
        case area
        /// A small filled dot at a point: a spot patients point to, not a tender ring.
        case spot

        /// How a caption names the shape when the mark's label finds no place.
        public var word: String {
            switch self {
            case .ring: "ring"
            case .outline: "dashed"
            case .area: "outline"
            case .spot: "dot"
            }
        }
    }

    /// Where the label sits beside the mark: away from the body's midline (lateral), toward
    /// it (medial), above or below.
    public enum LabelSide: String, Sendable, CaseIterable, Codable {
        case lateral, medial, above, below
    }

    public var view: PatternView
    public var shape: Shape
    /// The ring or outline, in the side frame of its view (mirrored with the pattern).
    public var path: BezierPath
    /// A short name printed beside the mark ("sciatic notch").
    public var label: String
    public var labelSide = LabelSide.lateral
    /// The legend line that explains the mark.
    public var legend: String
    /// Drawn only in the pattern's framed muscle picture, not over its zones: a bone the
    /// trigger point is named by, which the muscle covers (gluteus maximus TrP2's sitting
    /// bone). On the charts a dashed outline means an area left blank on purpose.
    public var pictureOnly = false

    public init(view: PatternView, shape: Shape, path: BezierPath, label: String, labelSide: LabelSide = .lateral, legend: String) {
        self.view = view
        self.shape = shape
        self.path = path
        self.label = label
        self.labelSide = labelSide
        self.legend = legend
    }

    /// A circle of `radius` round `centre`, as four cubic curves.
    public static func ring(at centre: Point, radius r: Double) -> BezierPath {
        let k = 0.5523 * r
        let (x, y) = (centre.x, centre.y)
        return BezierPath([
            .move(Point(x + r, y)),
            .curve(Point(x + r, y + k), Point(x + k, y + r), Point(x, y + r)),
            .curve(Point(x - k, y + r), Point(x - r, y + k), Point(x - r, y)),
            .curve(Point(x - r, y - k), Point(x - k, y - r), Point(x, y - r)),
            .curve(Point(x + k, y - r), Point(x + r, y - k), Point(x + r, y)),
            .close,
        ])
    }
}
