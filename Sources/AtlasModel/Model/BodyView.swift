/// A faint internal line of a body chart (spine, gluteal fold, knee crease...).
public struct Contour: Sendable, Equatable, Codable {
    /// `line` and `crease` are faint; `edge` is a limb's edge over the body (the arm in front
    /// of the trunk in a side view), drawn like the outline.
    public enum Kind: String, Sendable, Codable { case line, crease, edge }

    public var id: String
    public var kind: Kind
    public var path: BezierPath
    /// Drawn beneath the zones (the arm across the hip in a side view) rather than over them.
    public var under = false
    /// A bony landmark (fibular head, malleolus, iliotibial band) that the anatomy layer's
    /// skeleton already shows: left out when the anatomy is drawn, so it is not drawn twice.
    public var bony = false
}

/// A named anatomical point of a view, in screen millimetres.
public struct Landmark: Sendable, Equatable, Codable {
    public var name: String
    /// The patient's side for a bilateral landmark; nil on the midline or in lateral views.
    public var side: Side?
    public var point: Point
}

/// One resolved body view: everything in screen millimetres (x toward the viewer's right).
public struct BodyView: Sendable, Equatable, Codable {
    public var id: ViewID
    public var label: String
    /// The closed silhouette.
    public var outline: BezierPath
    public var contours: [Contour]
    public var landmarks: [Landmark]
    /// Landmarks in the side frame, as authored; patterns are placed with these.
    public var sideFrameLandmarks: [String: Point]
    /// Closed areas covering the arms (and the space beside them), in screen millimetres:
    /// no zone or trigger point may lie on an arm.
    public var arms: [BezierPath] = []
    /// How many times life size the view is drawn (the soles are enlarged so that a toe can
    /// be marked); 1 for the whole-body views.
    public var magnification = 1.0

    /// The silhouette's bounding box.
    public var bounds: Rect { outline.bounds ?? Rect(minX: 0, minY: 0, maxX: 1, maxY: 1) }

    /// The landmark `name` on the given side (or the only one of that name).
    public func landmark(_ name: String, side: Side? = nil) -> Landmark? {
        landmarks.first { $0.name == name && ($0.side == nil || side == nil || $0.side == side) }
    }
}
