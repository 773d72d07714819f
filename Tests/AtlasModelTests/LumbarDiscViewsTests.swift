import Foundation
import Testing
@testable import AtlasModel

/// The disc's field drawn alike in the back and side views (clinical-facts-addendum.md
/// section 3): the core is the low back, buttock and top of the thigh; the paler part, where
/// the pain reaches when it is stronger, runs down the back of the thigh and, when severe,
/// past the knee (Bogduk 2002; O'Neill 2002). The side view's paler part once stopped above
/// the knee while the back view's reached the calf.
@Suite("Lumbar disc views")
struct LumbarDiscViewsTests {
    let atlas: Atlas
    init() throws { atlas = try TestAtlas.load() }

    func lowest(_ kind: ZoneKind, _ view: PatternView) throws -> Double {
        let disc = try #require(atlas.pattern("lumbar-disc"))
        let bottoms = disc.zones.filter { $0.view == view && $0.kind == kind }.compactMap { $0.path.bounds?.maxY }
        return try #require(bottoms.max(), "a \(kind.rawValue) zone in the \(view.rawValue) view")
    }

    @Test func bothViewsReachTheSameHeight() throws {
        let spillBack = try lowest(.spillover, .posterior), spillSide = try lowest(.spillover, .lateral)
        #expect(abs(spillBack - spillSide) < 15, "stronger pain reaches y \(spillBack) in the back view, \(spillSide) in the side view")
        let coreBack = try lowest(.essential, .posterior), coreSide = try lowest(.essential, .lateral)
        #expect(abs(coreBack - coreSide) < 25, "the core reaches y \(coreBack) in the back view, \(coreSide) in the side view")
        for (view, bodyView) in [(PatternView.posterior, ViewID.posterior), (.lateral, .lateralRight)] {
            let spill = try lowest(.spillover, view)
            let crease = try atlas.sideLandmark("popliteal-crease", bodyView).y
            let calf = try atlas.sideLandmark("calf-max", bodyView).y
            // Past the knee when severe, but no source puts it at the ankle or the foot.
            #expect(spill > crease + 50 && spill < calf + 150, "\(view): spillover ends at y \(spill); knee crease \(crease), calf \(calf)")
        }
    }

    /// In profile the paler part lies along the back of the thigh and calf, reaching the skin's
    /// back edge, not a strip set in from it and not on the side or front of the leg.
    @Test func sideViewFollowsTheBackOfTheLeg() throws {
        let disc = try #require(atlas.pattern("lumbar-disc"))
        let spill = disc.zones.filter { $0.view == .lateral && $0.kind == .spillover }
        func inside(_ p: Point) -> Bool { spill.contains { $0.path.polylines().contains { Polygon.contains($0, p) } } }
        let thigh = try atlas.sideLandmark("posterior-thigh", .lateralRight)
        let crease = try atlas.sideLandmark("popliteal-crease", .lateralRight)
        let calf = try atlas.sideLandmark("calf-max", .lateralRight)
        // The back edge of the outline lies about 18 mm behind posterior-thigh, 5 mm behind the
        // crease and 12 mm behind calf-max.
        for p in [thigh + Point(-16, 0), thigh + Point(10, 0), crease + Point(-3, -40), crease + Point(0, 30), calf + Point(-10, 0), calf + Point(0, 60)] {
            #expect(inside(p), "back of the leg at \(p)")
        }
        for name in ["lateral-thigh", "anterior-thigh", "mid-shin", "lateral-knee"] {
            let p = try atlas.sideLandmark(name, .lateralRight)
            #expect(!inside(p), "\(name) is not on the back of the leg")
        }
    }
}
