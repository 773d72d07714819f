import Testing
@testable import AtlasModel

/// The patient's right is on the viewer's right from behind and on the viewer's left from
/// the front; each lateral view shows only its own side.
@Suite("Side convention")
struct SideConventionTests {
    func pattern() -> Pattern {
        let square: (PatternView) -> Zone = { view in
            Zone(view: view, kind: .essential,
                 path: Spline.path(through: [Point(80, 900), Point(120, 900), Point(120, 960), Point(80, 960)].map { SplineKnot($0) }, closed: true))
        }
        return Pattern(id: "probe", name: "Probe", family: .myofascial, description: "", feel: [], sources: [], fidelity: .estimate,
                       fidelityNote: nil, includes: [], muscles: [], triggerPoints: [TriggerPoint(view: .posterior, point: Point(100, 930))],
                       zones: PatternView.allCases.map(square), nerves: [], location: AtlasModel.SourceLocation(file: "t", line: 1, column: 1))
    }

    func centreX(_ placed: PlacedPattern?) throws -> Double {
        try #require(placed?.zones.first?.path.bounds).center.x
    }

    @Test func posteriorRightIsViewersRight() throws {
        #expect(try centreX(pattern().placed(in: .posterior, side: .right)) > 0)
        #expect(try centreX(pattern().placed(in: .posterior, side: .left)) < 0)
        #expect(pattern().placed(in: .posterior, side: .right)?.triggerPoints.first?.point.x == 100)
    }

    @Test func anteriorRightIsViewersLeft() throws {
        #expect(try centreX(pattern().placed(in: .anterior, side: .right)) < 0)
        #expect(try centreX(pattern().placed(in: .anterior, side: .left)) > 0)
    }

    @Test func lateralViewsShowOnlyTheirOwnSide() throws {
        #expect(pattern().placed(in: .lateralRight, side: .left) == nil)
        #expect(pattern().placed(in: .lateralLeft, side: .right) == nil)
        // Side-frame x is anterior: in the right view the front is on the viewer's right.
        #expect(try centreX(pattern().placed(in: .lateralRight, side: .right)) > 0)
        #expect(try centreX(pattern().placed(in: .lateralLeft, side: .left)) < 0)
    }

    @Test func landmarksFollowTheConvention() throws {
        let atlas = try TestAtlas.load()
        let back = try #require(atlas.view(.posterior))
        let front = try #require(atlas.view(.anterior))
        #expect(try #require(back.landmark("greater-trochanter", side: .right)).point.x > 0)
        #expect(try #require(back.landmark("greater-trochanter", side: .left)).point.x < 0)
        #expect(try #require(front.landmark("greater-trochanter", side: .right)).point.x < 0)
        #expect(try #require(front.landmark("greater-trochanter", side: .left)).point.x > 0)
    }
}
