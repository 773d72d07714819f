/// The four body views a chart can show.
public enum ViewID: String, Sendable, CaseIterable, Codable, Comparable {
    case posterior
    case anterior
    case lateralRight = "lateral-right"
    case lateralLeft = "lateral-left"

    /// The view name patterns use: both lateral views are "lateral" of their own side.
    public var patternView: PatternView {
        switch self {
        case .posterior: .posterior
        case .anterior: .anterior
        case .lateralRight, .lateralLeft: .lateral
        }
    }

    /// The one side a lateral view shows; nil for views that show both.
    public var onlySide: Side? {
        switch self {
        case .lateralRight: .right
        case .lateralLeft: .left
        case .posterior, .anterior: nil
        }
    }

    public func shows(_ side: Side) -> Bool { onlySide.map { $0 == side } ?? true }

    /// Maps side-frame x (lateral from the midline, or anterior in lateral views) to the
    /// viewer's x. This is the side convention; see Atlas/README.md.
    public func screenSign(for side: Side) -> Double {
        switch (self, side) {
        case (.posterior, .right), (.anterior, .left), (.lateralRight, _): 1
        case (.posterior, .left), (.anterior, .right), (.lateralLeft, _): -1
        }
    }

    public static func < (a: ViewID, b: ViewID) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The view a pattern's geometry is authored for.
public enum PatternView: String, Sendable, CaseIterable, Codable {
    case posterior, anterior, lateral

    /// The body views in which geometry authored for this view appears.
    public var bodyViews: [ViewID] {
        switch self {
        case .posterior: [.posterior]
        case .anterior: [.anterior]
        case .lateral: [.lateralRight, .lateralLeft]
        }
    }
}

/// The patient's side.
public enum Side: String, Sendable, CaseIterable, Codable {
    case right, left

    public var other: Side { self == .right ? .left : .right }
}
