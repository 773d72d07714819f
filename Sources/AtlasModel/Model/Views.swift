/// The body views a chart can show: four whole-body views and the soles.
public enum ViewID: String, Sendable, CaseIterable, Codable, Comparable {
    case posterior
    case anterior
    case lateralRight = "lateral-right"
    case lateralLeft = "lateral-left"
    /// Both soles side by side, seen from the foot of the bed with the patient on their back.
    case plantar

    /// The four whole-body views: what `--view all` and a blank chart show, and what a
    /// chart's printed code counts. The sole view is an extra, for the feet: `withSoles`.
    public static let allCases: [ViewID] = [.posterior, .anterior, .lateralRight, .lateralLeft]

    /// Every view, the soles last.
    public static let withSoles: [ViewID] = allCases + [.plantar]

    /// The view name patterns use: both lateral views are "lateral" of their own side.
    public var patternView: PatternView {
        switch self {
        case .posterior: .posterior
        case .anterior: .anterior
        case .lateralRight, .lateralLeft: .lateral
        case .plantar: .plantar
        }
    }

    /// The one side a lateral view shows; nil for views that show both.
    public var onlySide: Side? {
        switch self {
        case .lateralRight: .right
        case .lateralLeft: .left
        case .posterior, .anterior, .plantar: nil
        }
    }

    public func shows(_ side: Side) -> Bool { onlySide.map { $0 == side } ?? true }

    /// Maps side-frame x (lateral from the midline, or anterior in lateral views) to the
    /// viewer's x. This is the side convention; see Atlas/README.md. The soles are seen
    /// from the foot of the bed, toes up: the patient's right sole on the viewer's left,
    /// as in the front view.
    public func screenSign(for side: Side) -> Double {
        switch (self, side) {
        case (.posterior, .right), (.anterior, .left), (.plantar, .left), (.lateralRight, _): 1
        case (.posterior, .left), (.anterior, .right), (.plantar, .right), (.lateralLeft, _): -1
        }
    }

    public static func < (a: ViewID, b: ViewID) -> Bool {
        (withSoles.firstIndex(of: a) ?? 0) < (withSoles.firstIndex(of: b) ?? 0)
    }
}

/// The view a pattern's geometry is authored for.
public enum PatternView: String, Sendable, CaseIterable, Codable {
    case posterior, anterior, lateral, plantar

    /// The body views in which geometry authored for this view appears.
    public var bodyViews: [ViewID] {
        switch self {
        case .posterior: [.posterior]
        case .anterior: [.anterior]
        case .lateral: [.lateralRight, .lateralLeft]
        case .plantar: [.plantar]
        }
    }
}

/// The patient's side.
public enum Side: String, Sendable, CaseIterable, Codable {
    case right, left

    public var other: Side { self == .right ? .left : .right }
}
