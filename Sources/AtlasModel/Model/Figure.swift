/// Part of the body a picture frames: the whole figure or a close-up.
public enum BodyRegion: String, Sendable, CaseIterable, Codable {
    case full, pelvis, leg
    /// Waist to toes: the lower quarter, large, for patterns of the hip and leg. Narrow
    /// enough to leave the hanging arms out, and starting below the folded arm of the side
    /// views; the soles fit in it too.
    case lowerQuarter = "lower-quarter"

    /// The box each panel reserves, in atlas millimetres (x about the body's centre line).
    public var box: Rect {
        switch self {
        case .full: Rect(minX: -380, minY: -60, maxX: 380, maxY: 1790)
        case .pelvis: Rect(minX: -195, minY: 610, maxX: 195, maxY: 1020)  // narrow enough to leave the arms out
        case .leg: Rect(minX: -235, minY: 660, maxX: 235, maxY: 1775)
        case .lowerQuarter: Rect(minX: -215, minY: 664, maxX: 215, maxY: 1772)
        }
    }
}

/// A callout: text in the panel's margin with a leader line to a point of the body, or,
/// with `beside`, right next to its point (for a structure deep inside the body, where a
/// leader from the margin would run across the body).
public struct FigureLabel: Sendable, Equatable, Codable {
    /// Where a label stands next to its point.
    public enum Beside: String, Sendable, Equatable, Codable, CaseIterable {
        case above, below, left, right
    }

    public var text: String
    /// The point named, in screen millimetres of the panel's view.
    public var point: Point
    /// Next to the point on this side, with a short leader; nil: in the panel's margin.
    public var beside: Beside? = nil

    public init(text: String, point: Point, beside: Beside? = nil) {
        self.text = text
        self.point = point
        self.beside = beside
    }
}

/// One panel of a figure: a view with the patterns drawn on it.
public struct FigurePanel: Sendable, Equatable, Codable {
    public var view: ViewID
    public var patterns: [Pattern]
    public var sides: [Side]
    public var caption: String?
    public var title: String?
    public var labels: [FigureLabel] = []
}

/// A declarative multi-panel figure (`figures/*.yaml`) for blogs and handouts.
public struct Figure: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var subtitle: String?
    public var width: Int
    public var columns: Int
    public var region: BodyRegion
    public var panels: [FigurePanel]
    public var legend: Bool
    public var source: String?
    public var location: SourceLocation
    /// Bones and the patterns' muscles under the zones (`anatomy: false` leaves them out).
    public var anatomy = true
}
