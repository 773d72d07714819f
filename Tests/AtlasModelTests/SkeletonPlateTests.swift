import Foundation
import Testing
@testable import AtlasModel

/// The skeleton drawn as a textbook plate (issue 12, review of the schematic skeleton):
/// lumbar arches with their processes, the PSIS a knob, the psoas along the lumbar bodies,
/// checked on geometry rather than pixels.
@Suite("Skeleton drawn as a plate")
struct SkeletonPlateTests: AnatomyGeometryChecks {
    let atlas: Atlas
    init() throws { atlas = try TestAtlas.load() }


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
        // An adult's belly, about 4-5 cm at L4-L5, tapering to its origin at T12 (review rev3:
        // 2.9 cm at its widest read as a strip).
        var spans: [String: Double] = [:]
        for level in ["l1", "l4", "l5"] {
            let box = try #require(Rect(bounding: try ring("vertebra-\(level)", .anterior)))
            let across = crossings(psoas, atY: box.maxY)
            spans[level] = (across.last ?? 0) - (across.first ?? 0)
        }
        let widest = max(spans["l4"] ?? 0, spans["l5"] ?? 0)
        #expect((38...52).contains(widest), "the psoas is \(widest) mm wide at L4-L5")
        #expect((spans["l1"] ?? .infinity) <= widest - 12, "no taper up to its origin: \(spans)")
        let inguinal = try atlas.sideLandmark("inguinal-midpoint", .anterior)
        let across = crossings(psoas, atY: inguinal.y)
        #expect(across.count == 2 && across[1] - across[0] <= 25, "under the inguinal ligament the psoas spans \(across)")
        let end = try #require(psoas.max { $0.y < $1.y })
        let lesser = try atlas.sideLandmark("groin-crease", .anterior) + Point(17, 38)   // the femur's lesser trochanter (anterior.yaml)
        #expect(end.distance(to: lesser) <= 8, "the psoas ends at \(end), the lesser trochanter at \(lesser)")
    }

    /// The front view's spine and pelvis as a plate: each lumbar body waisted (narrower at its
    /// middle than at its end plates) with a disc below it, transverse processes reaching beyond
    /// the bodies (L3's the longest); the obturator and sacral foramina holes inside their bones.
    @Test func frontPelvisAndSpineShowTheirParts() throws {
        var tips: [String: Double] = [:]
        for level in ["l1", "l2", "l3", "l4", "l5"] {
            let body = try ring("vertebra-\(level)", .anterior)
            let box = try #require(Rect(bounding: body))
            let waist = try #require(crossings(body, atY: box.center.y + 0.25).last)
            #expect(box.maxX - waist >= 2.5, "\(level): the body is not waisted (\(box.maxX) at the rims, \(waist) at the middle)")
            tips[level] = try ring("\(level)-transverse-process", .anterior).map(\.x).max()
            #expect((tips[level] ?? 0) >= box.maxX + 10, "\(level): the transverse process does not show beyond the body")
        }
        for disc in ["t12-l1", "l1-l2", "l2-l3", "l3-l4", "l4-l5", "l5-s1"] {
            let bone = try #require(atlas.anatomy.views[.anterior]?.bones.first { $0.id == "disc-\(disc)" })
            #expect(bone.kind == .ligament, "the \(disc) disc is drawn as bone")
        }
        let l3 = try #require(tips["l3"])
        #expect(["l1", "l2", "l4", "l5"].allSatisfy { l3 > (tips[$0] ?? .infinity) }, "L3's transverse process is not the longest: \(tips)")
        let hip = try ring("hip-bone", .anterior), sacrum = try ring("sacrum", .anterior)
        let bones = try #require(atlas.anatomy.views[.anterior]?.bones)
        for (id, host) in [("obturator-foramen", hip), ("sacral-foramen-1", sacrum), ("sacral-foramen-4", sacrum)] {
            let bone = try #require(bones.first { $0.id == id })
            #expect(bone.kind == .hole, "\(id) is not a hole")
            #expect(try ring(id, .anterior).allSatisfy { Polygon.contains(host, $0) }, "\(id) pokes out of its bone")
        }
    }

    /// In the side view the socket's rim covers the femoral head's margin (its inner edge lies
    /// inside the head), so the head reads as sunk in the cup, not as a ring inside a ring.
    @Test func sideViewRimCoversTheHeadsMargin() throws {
        let head = try ring("femoral-head", .lateral), rim = try ring("acetabulum", .lateral)
        let (centre, radius) = try SidePelvisTests.headCircle(head)
        let inner = rim.map { $0.distance(to: centre) }.min() ?? 0
        #expect(inner <= radius - 2.5, "the rim's inner edge lies \(inner) mm from the head's centre, the head's radius \(radius) mm")
    }
}
