import AtlasModel
@testable import AtlasRender
import Testing

/// A pattern drawn in one tone is one area: where its pieces meet at an angle, the outline is
/// rounded rather than stepped (review 2110: the gluteus medius union had right-angle steps
/// below the sacrum), and a straight edge stays where it was.
@Suite("Rounded union of one-tone zones")
struct RoundedUnionTests {
    static func rectangle(_ minX: Double, _ minY: Double, _ maxX: Double, _ maxY: Double) -> BezierPath {
        // Counter-clockwise in the path's own coordinates (positive area), as ZoneUnion merges.
        ZoneUnion.counterClockwise(BezierPath([.move(Point(minX, minY)), .line(Point(maxX, minY)), .line(Point(maxX, maxY)),
                                               .line(Point(minX, maxY)), .close]))
    }

    static func inside(_ path: BezierPath, _ p: Point) -> Bool {
        path.polylines().filter { Polygon.contains($0, p) }.count % 2 == 1
    }

    /// An L of two bars: the inner corner at (100, 100) is filled with a round; the outer edges
    /// far from any corner stay within a millimetre.
    @Test func innerCornerIsRoundedAndStraightEdgesStay() throws {
        let bars = Self.rectangle(0, 0, 200, 100).appending(Self.rectangle(0, 0, 100, 300))
        let rounded = try #require(RoundedUnion.outline(of: bars))
        // Just outside the inner corner, on its diagonal: filled now (it was a square step).
        #expect(Self.inside(rounded, Point(103, 103)))
        #expect(!bars.polylines().contains { Polygon.contains($0, Point(103, 103)) })
        // Far outside the corner the fill stops: a round, not a slab.
        #expect(!Self.inside(rounded, Point(140, 140)))
        // Straight edges, far from the corners: in place within a millimetre.
        #expect(Self.inside(rounded, Point(50, 299)) && !Self.inside(rounded, Point(50, 301)))
        #expect(Self.inside(rounded, Point(150, 99)) && !Self.inside(rounded, Point(150, 101)))
        #expect(Self.inside(rounded, Point(1, 150)) && !Self.inside(rounded, Point(-1, 150)))
    }

    /// One piece alone is drawn as it is (nothing to round).
    @Test func onePieceIsLeftAlone() {
        #expect(RoundedUnion.outline(of: Self.rectangle(0, 0, 100, 100)) == nil)
    }
}
