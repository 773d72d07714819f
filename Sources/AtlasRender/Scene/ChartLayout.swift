import AtlasModel

/// Page geometry of rendered charts (patterns on bodies); blank charts for patients are
/// printable pages, laid out by `ChartSheet`. It depends only on the views and the width.
public struct ChartLayout: Sendable, Equatable {
    /// The box each panel reserves around its body, in atlas millimetres (x about the
    /// panel's centre line, y from the vertex).
    public static let panelWidthMM = 760.0
    public static let panelTopMM = -60.0
    public static let panelBottomMM = 1790.0

    public var width: Int
    public var height: Int
    /// The text unit in pixels: every font size and margin is a multiple of it.
    public var unit: Double
    public var margin: Double
    public var scale: Double
    public var panelFrames: [Rect]
    public var headerTop: Double
    public var footerTop: Double

    /// The part of the body each panel frames (`full` unless a close-up is asked for).
    public var region: BodyRegion
    /// The box each panel frames, in atlas millimetres: the region's, or the soles' own
    /// when they are the only view.
    public var box: Rect

    /// The soles and the R and L above their toes. In a chart of the soles alone the page
    /// fits them; beside other views they stand where the feet stand, in the region's box.
    public static let solesBox = Rect(minX: -250, minY: 1110, maxX: 250, maxY: 1780)

    public init(views: [ViewID], width: Int, region: BodyRegion = .full) {
        let n = Double(max(views.count, 1))
        let w = Double(width)
        let box = views == [.plantar] ? Self.solesBox : region.box
        self.region = region
        self.box = box
        unit = w / (24 + 9 * n)
        margin = unit
        let header = unit * 3.4 + (views.count > 1 ? unit * 1.5 : 0)
        let panelWidth = (w - 2 * margin) / n
        scale = panelWidth / box.width
        let panelHeight = box.height * scale
        let top = margin + header
        let left = unit
        panelFrames = (0..<views.count).map { i in
            Rect(minX: left + Double(i) * panelWidth, minY: top, maxX: left + Double(i + 1) * panelWidth, maxY: top + panelHeight)
        }
        headerTop = margin
        footerTop = top + panelHeight
        self.width = width
        height = Int((footerTop + unit * 6.4 + margin).rounded(.up))
    }

    /// Lateral bodies reach further forward (face, toes) than back: this many body
    /// millimetres sideways centres them in their panel.
    public static func centringShift(_ view: ViewID) -> Double {
        switch view {
        case .lateralRight: -28
        case .lateralLeft: 28
        default: 0
        }
    }

    /// Where the atlas origin lands in panel `index` showing `view`.
    public func origin(panel index: Int, view: ViewID) -> Point {
        let frame = panelFrames[index]
        return Point(frame.center.x + (Self.centringShift(view) - box.center.x) * scale, frame.minY - box.minY * scale)
    }
}
