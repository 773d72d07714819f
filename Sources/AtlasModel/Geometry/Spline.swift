/// A point the smooth curve passes through; `sharp` makes it a corner.
public struct SplineKnot: Sendable, Equatable {
    public var point: Point
    public var sharp: Bool

    public init(_ point: Point, sharp: Bool = false) {
        self.point = point
        self.sharp = sharp
    }
}

/// Centripetal Catmull-Rom splines as cubic Bézier segments. Centripetal parametrisation
/// (alpha = 0.5) never forms cusps or loops inside a segment, so authors can place points
/// freely; a sharp knot ends one smooth run and starts the next.
public enum Spline {
    public static func path(through knots: [SplineKnot], closed: Bool) -> BezierPath {
        let points = knots.map(\.point)
        guard let first = points.first else { return BezierPath() }
        guard points.count > 1 else { return BezierPath([.move(first)]) }
        var elements: [PathElement] = [.move(first)]
        let n = points.count
        let segmentCount = closed ? n : n - 1
        for i in 0..<segmentCount {
            let p1 = points[i], p2 = points[(i + 1) % n]
            let p0 = neighbour(before: i, knots: knots, closed: closed)
            let p3 = neighbour(after: (i + 1) % n, knots: knots, closed: closed)
            let (c1, c2) = controls(p0, p1, p2, p3)
            elements.append(.curve(c1, c2, p2))
        }
        if closed { elements.append(.close) }
        return BezierPath(elements)
    }

    /// The point before knot i, or a reflection when the curve starts or breaks there.
    private static func neighbour(before i: Int, knots: [SplineKnot], closed: Bool) -> Point {
        let n = knots.count
        let p = knots[i].point
        let next = knots[(i + 1) % n].point
        if knots[i].sharp || (!closed && i == 0) { return p + (p - next) }
        return knots[(i - 1 + n) % n].point
    }

    /// The point after knot i, or a reflection when the curve ends or breaks there.
    private static func neighbour(after i: Int, knots: [SplineKnot], closed: Bool) -> Point {
        let n = knots.count
        let p = knots[i].point
        let previous = knots[(i - 1 + n) % n].point
        if knots[i].sharp || (!closed && i == n - 1) { return p + (p - previous) }
        return knots[(i + 1) % n].point
    }

    /// Bézier control points of the centripetal Catmull-Rom segment p1 -> p2.
    private static func controls(_ p0: Point, _ p1: Point, _ p2: Point, _ p3: Point) -> (Point, Point) {
        let epsilon = 1e-6
        let d1 = max(p0.distance(to: p1).squareRoot(), epsilon)
        let d2 = max(p1.distance(to: p2).squareRoot(), epsilon)
        let d3 = max(p2.distance(to: p3).squareRoot(), epsilon)
        // Tangents of the non-uniform Catmull-Rom (Barry-Goldman form), scaled to segment p1-p2.
        let m1 = ((p1 - p0) * (1 / d1) - (p2 - p0) * (1 / (d1 + d2)) + (p2 - p1) * (1 / d2)) * d2
        let m2 = ((p2 - p1) * (1 / d2) - (p3 - p1) * (1 / (d2 + d3)) + (p3 - p2) * (1 / d3)) * d2
        return (p1 + m1 * (1.0 / 3), p2 - m2 * (1.0 / 3))
    }
}
