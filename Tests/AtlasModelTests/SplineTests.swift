import Testing
@testable import AtlasModel

@Suite("Smooth curves")
struct SplineTests {
    let square = [Point(0, 0), Point(100, 0), Point(100, 100), Point(0, 100)]

    @Test func closedCurvePassesThroughEveryKnot() {
        let path = Spline.path(through: square.map { SplineKnot($0) }, closed: true)
        let ends = path.elements.compactMap { element -> Point? in
            if case .curve(_, _, let end) = element { return end }
            return nil
        }
        #expect(ends == [Point(100, 0), Point(100, 100), Point(0, 100), Point(0, 0)])
        #expect(path.elements.last == .close)
    }

    @Test func smoothKnotHasContinuousTangent() {
        let path = Spline.path(through: square.map { SplineKnot($0) }, closed: true)
        // At (100, 0): incoming handle, knot and outgoing handle are collinear.
        guard case .curve(_, let inHandle, let knot) = path.elements[1],
              case .curve(let outHandle, _, _) = path.elements[2] else {
            Issue.record("unexpected path shape")
            return
        }
        let a = knot - inHandle, b = outHandle - knot
        #expect(abs(a.x * b.y - a.y * b.x) < 1e-6)
    }

    @Test func sharpKnotMakesACorner() {
        var knots = square.map { SplineKnot($0) }
        knots[1].sharp = true
        let path = Spline.path(through: knots, closed: true)
        guard case .curve(_, let inHandle, let knot) = path.elements[1],
              case .curve(let outHandle, _, _) = path.elements[2] else {
            Issue.record("unexpected path shape")
            return
        }
        let a = knot - inHandle, b = outHandle - knot
        #expect(abs(a.x * b.y - a.y * b.x) > 1, "a sharp knot is a corner")
    }

    @Test func polygonHelpers() {
        #expect(Polygon.signedArea(square) == 10_000)
        #expect(Polygon.contains(square, Point(50, 50)))
        #expect(!Polygon.contains(square, Point(150, 50)))
        #expect(!Polygon.selfIntersects(square))
        #expect(Polygon.selfIntersects([Point(0, 0), Point(100, 100), Point(100, 0), Point(0, 100)]))
    }
}
