import AtlasModel

/// One body chart inside a picture: a view, where it sits, and what is drawn on it.
public struct ScenePanel: Sendable {
    public var view: BodyView
    /// Pixel position of the atlas origin (the vertex on the midline).
    public var origin: Point
    /// Pixels per atlas millimetre.
    public var scale: Double
    /// The panel's box in pixels (for labels and the side marks).
    public var frame: Rect
    public var label: String?
    public var patterns: [PlacedPattern]
    public var showLandmarks = false
    public var sideMarks = true
    /// Clip drawing to `frame` (close-ups, where the body runs past the panel).
    public var clip = false
    /// Bones and muscles drawn under the zones (see `Scene.addAnatomy`).
    public var anatomy: PlacedAnatomy? = nil
    /// A muscle picture beside the pattern (`MuscleInsets`): the muscle, its bones and its X
    /// marks, no zones.
    public var inset = false
    /// Draw each X fine: half the usual stroke on a lighter halo (a thumbnail's X, at its
    /// legible floor of 11 px, is larger than a small zone at its trigger point, such as
    /// gluteus maximus TrP3's at the tailbone, and hid it; an X open at its centre instead
    /// read as four ticks at that size, and was a second design beside every other X).
    public var fineCrosses = false

    public init(view: BodyView, origin: Point, scale: Double, frame: Rect, label: String? = nil, patterns: [PlacedPattern] = [],
                showLandmarks: Bool = false, sideMarks: Bool = true, clip: Bool = false) {
        self.view = view
        self.origin = origin
        self.scale = scale
        self.frame = frame
        self.label = label
        self.patterns = patterns
        self.showLandmarks = showLandmarks
        self.sideMarks = sideMarks
        self.clip = clip
    }

    /// Atlas millimetres to pixels.
    public func toPixels(_ p: Point) -> Point { Point(origin.x + p.x * scale, origin.y + p.y * scale) }
}

/// A run of text at a place.
public struct SceneText: Sendable {
    public enum Alignment: Sendable { case left, center, right }
    public enum Weight: Sendable { case regular, bold }

    public var text: String
    /// Top-left (left), top-centre (center) or top-right (right) anchor in pixels; with a
    /// wrap width the anchor is that of the wrap box.
    public var at: Point
    public var size: Double
    public var weight: Weight = .regular
    public var alignment: Alignment = .left
    public var color: Color? = nil
    /// Wrap width in pixels; nil for one line.
    public var width: Double? = nil
    /// Shrink the font until the text fits on one line this wide (titles).
    public var fitWidth: Double? = nil

    public init(text: String, at: Point, size: Double, weight: Weight = .regular, alignment: Alignment = .left,
                color: Color? = nil, width: Double? = nil, fitWidth: Double? = nil) {
        self.text = text
        self.at = at
        self.size = size
        self.weight = weight
        self.alignment = alignment
        self.color = color
        self.width = width
        self.fitWidth = fitWidth
    }
}

/// What one legend line shows.
public enum LegendSymbol: Sendable, Equatable {
    case essential, spillover, radicular, gap, blank, nerve, deepNerve, triggerPoint, muscle, anatomy
    /// A group's heading in a long legend (`LegendGroups`): bold text, no swatch.
    case heading
    /// A joint map's middle tier: "about half of patients" (denser stipple).
    case spilloverHalf
    /// A joint map's rarest tier: "a few patients" (sparse stipple).
    case spilloverFew
    /// A pattern's labelled mark: a ring at a named spot, a dashed outline round a blank area,
    /// a solid outline round a study's area, a dot where patients point.
    case markRing, markOutline, markArea, markSpot
    /// A nerve entrapment's core, its "common" and its "some patients" areas; one tone for an
    /// unconfirmed split.
    case entrapmentCore, entrapmentCommon, entrapmentSome, unsplit
    /// A disc's soft-edged field: its commonest area and where it reaches when stronger.
    case diffuseCore, diffuseSome
    case root(String)
    /// A root's flat fill on a dermatome map.
    case dermatome(String)
    case mark(Color)
    /// A pen of a blank chart's key: its colour and the pattern that says the same without it.
    case pen(Color, PenPattern)
}

/// The pattern a patient draws for each feeling, so a chart drawn with one pen (or read by
/// someone who does not tell red from green) still says which feeling is where.
public enum PenPattern: Sendable, Equatable, CaseIterable {
    /// Shaded in: close strokes.
    case shade
    /// Straight lines across, apart.
    case lines
    /// Small circles.
    case circles
}

public struct LegendEntry: Sendable, Equatable {
    public var symbol: LegendSymbol
    public var text: String

    public init(symbol: LegendSymbol, text: String) {
        self.symbol = symbol
        self.text = text
    }
}

/// A legend block laid out in columns inside `frame` (pixels).
public struct SceneLegend: Sendable {
    public var entries: [LegendEntry]
    public var frame: Rect
    public var textSize: Double

    public init(entries: [LegendEntry], frame: Rect, textSize: Double) {
        self.entries = entries
        self.frame = frame
        self.textSize = textSize
    }
}

/// A plain rectangle behind text (a note box on a handout).
public struct SceneBox: Sendable {
    public var frame: Rect
    public var fill: Color
    public var stroke: Color?

    public init(frame: Rect, fill: Color, stroke: Color? = nil) {
        self.frame = frame
        self.fill = fill
        self.stroke = stroke
    }
}

/// A straight line ending in a dot: a callout's leader.
public struct SceneLeader: Sendable {
    public var from: Point
    public var to: Point

    public init(from: Point, to: Point) {
        self.from = from
        self.to = to
    }
}

/// Everything one picture shows, in pixels; formats only differ in the surface drawn on.
public struct Scene: Sendable {
    public var width: Int
    public var height: Int
    /// Resolution written into PNG files; PDF and SVG pages are sized from it.
    public var dpi: Double
    public var title: String
    public var panels: [ScenePanel]
    public var texts: [SceneText]
    public var legend: SceneLegend?
    /// Metadata written into outputs (tEXt chunks in PNG).
    public var metadata: [(String, String)]
    /// Boxes drawn first, behind everything else.
    public var boxes: [SceneBox] = []
    /// Callout leaders and their label backgrounds, drawn over the panels.
    public var leaders: [SceneLeader] = []
    public var labelBoxes: [SceneBox] = []
    /// Further pages of a document drawn as one picture, below this one (see PageRenderer).
    public var followingPages: [Scene] = []
    /// The smallest size, in pixels, of text the drawer sets itself (a mark's label): a
    /// figure's reading size, so that every word of it reads when it is shown 800 px wide.
    public var smallestText = 0.0
    /// The thinnest the body's outline is drawn, in pixels: a render or figure read small
    /// (a panel of a wide figure shown 800 px wide) thinned it to a hairline. Zero for
    /// blank templates, whose outline is meant to be light under the patient's pen.
    public var outlineFloor = 0.0
    public var style: Style
    public init(width: Int, height: Int, dpi: Double, title: String, panels: [ScenePanel], texts: [SceneText],
                legend: SceneLegend?, metadata: [(String, String)], style: Style) {
        self.width = width
        self.height = height
        self.dpi = dpi
        self.title = title
        self.panels = panels
        self.texts = texts
        self.legend = legend
        self.metadata = metadata
        self.style = style
    }

    /// The outline floor of a render or figure `width` pixels wide: 1.6 px at 800 px.
    public static func outlineFloor(width: Double) -> Double { 1.6 * width / 800 }

    /// The scale of line widths: pixels per body millimetre of the largest panel (a muscle
    /// picture's close-up does not count: it would thicken every callout and box).
    public var lineScale: Double { panels.filter { !$0.inset }.map(\.scale).max() ?? panels.first?.scale ?? 1 }
}

extension LegendSymbol {
    /// The legend swatch of a pattern mark's shape.
    static func forMark(_ shape: PatternMark.Shape) -> LegendSymbol {
        switch shape {
        case .ring: .markRing
        case .outline: .markOutline
        case .area: .markArea
        case .spot: .markSpot
        }
    }
}
