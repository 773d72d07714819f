import Foundation
import Testing
@testable import AtlasModel

/// The skeleton drawn as a textbook plate (issue 12, review of the schematic skeleton):
/// lumbar arches with their processes, the PSIS a knob, the psoas along the lumbar bodies,
/// checked on geometry rather than pixels.
@Suite("Skeleton drawn as a plate")
struct SkeletonPlateTests {
    let atlas: Atlas
    init() throws { atlas = try TestAtlas.load() }

    func ring(_ id: String, _ view: PatternView, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Point] {
        let shape = atlas.anatomy.views[view]?.bones.first { $0.id == id }?.path
            ?? atlas.anatomy.views[view]?.muscles.first { $0.id == id }?.path
        let path = try #require(shape, "no \(id) in the \(view.rawValue) view", sourceLocation: sourceLocation)
        return try #require(path.polylines(segmentsPerCurve: 24).first, sourceLocation: sourceLocation)
    }

    /// Where a closed ring crosses the level y, from left to right.
    func crossings(_ ring: [Point], atY y: Double) -> [Double] {
        zip(ring, ring.dropFirst() + ring.prefix(1)).compactMap { a, b in
            (a.y - y) * (b.y - y) < 0 ? a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x) : nil
        }.sorted()
    }

    /// The back view's lumbar vertebrae are arches, not crosses: each has its own spinous
    /// process on the midline and transverse processes, L3's the longest and L5's shorter
    /// than L4's (Gray's).
    @Test func lumbarVertebraeHaveTheirProcesses() throws {
        var tips: [String: Double] = [:]
        for level in ["l1", "l2", "l3", "l4", "l5"] {
            let spinous = try ring("\(level)-spinous-process", .posterior)
            let box = try #require(Rect(bounding: spinous))
            #expect(abs(box.center.x) < 0.5 && box.width <= 14, "\(level): spinous process \(box)")
            tips[level] = try ring("\(level)-transverse-process", .posterior).map(\.x).max()
        }
        let l3 = try #require(tips["l3"])
        for level in ["l1", "l2", "l4", "l5"] {
            #expect(l3 > (tips[level] ?? .infinity), "L3's transverse process (\(l3) mm) is not longer than \(level)'s")
        }
        #expect((tips["l5"] ?? .infinity) < (tips["l4"] ?? 0), "L5's transverse process is no shorter than L4's")
    }

    /// The PSIS is a knob on the ilium's inner border, standing in over the sacrum beside
    /// S1-S2, with the border above it (the crest rising) lying lateral to it.
    @Test func psisIsAKnob() throws {
        let hip = try ring("hip-bone", .posterior)
        let psis = try atlas.sideLandmark("psis", .posterior)
        let knob = try #require(hip.filter { abs($0.y - psis.y) < 8 && $0.x < psis.x + 15 }.map(\.x).min())
        let above = try #require(hip.filter { $0.y > psis.y - 25 && $0.y < psis.y - 18 && $0.x < psis.x + 20 }.map(\.x).min())
        #expect(knob <= psis.x - 3, "the knob reaches only x \(knob), the PSIS at \(psis.x)")
        #expect(above - knob >= 4, "the border above the PSIS (x \(above)) is not lateral to the knob (x \(knob))")
    }

    /// The psoas hugs the lumbar bodies (its inner border within 6 mm of their sides at L1-L4),
    /// is no more than 2.5 cm wide under the inguinal ligament, and ends on the lesser
    /// trochanter (review: it had run out toward the ASIS, and its lower belly was too wide).
    @Test func psoasRunsAlongTheBodiesToTheLesserTrochanter() throws {
        let psoas = try ring("psoas-major", .anterior)
        for level in ["l1", "l2", "l3", "l4"] {
            let body = try ring("vertebra-\(level)", .anterior)
            let box = try #require(Rect(bounding: body))
            let y = box.center.y
            let side = try #require(crossings(body, atY: y).last)
            let inner = try #require(crossings(psoas, atY: y).first, "the psoas does not reach \(level)")
            #expect(abs(inner - side) <= 6, "\(level): the psoas's inner border at x \(inner), the body's side at \(side)")
        }
        let inguinal = try atlas.sideLandmark("inguinal-midpoint", .anterior)
        let across = crossings(psoas, atY: inguinal.y)
        #expect(across.count == 2 && across[1] - across[0] <= 25, "under the inguinal ligament the psoas spans \(across)")
        let end = try #require(psoas.max { $0.y < $1.y })
        let lesser = try atlas.sideLandmark("groin-crease", .anterior) + Point(17, 38)   // the femur's lesser trochanter (anterior.yaml)
        #expect(end.distance(to: lesser) <= 8, "the psoas ends at \(end), the lesser trochanter at \(lesser)")
    }
}
