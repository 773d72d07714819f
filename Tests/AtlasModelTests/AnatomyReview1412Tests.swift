import Foundation
import Testing
@testable import AtlasModel

/// The anatomy review of issue 12 (the posterior pelvis, the sciatic course, the side view's
/// leg bones), checked on geometry rather than pixels.
@Suite("Anatomy review: pelvis, nerve course, leg bones")
struct AnatomyReviewTests {
    let atlas: Atlas
    init() throws { atlas = try TestAtlas.load() }

    func bones(_ view: PatternView) throws -> [Bone] { try #require(atlas.anatomy.views[view]).bones }

    func nerve(_ pattern: String, _ id: String, _ view: PatternView) throws -> Stroke {
        try #require(atlas.pattern(pattern)?.nerves.first { $0.view == view && $0.id == id }, "\(pattern): no \(id) in \(view)")
    }

    /// The greater sciatic foramen is drawn as a foramen (clear, not a bone outline), and the
    /// sciatic nerve leaves the pelvis through it.
    @Test func greaterSciaticForamenIsAForamenTheNerveLeavesThrough() throws {
        let foramen = try #require(try bones(.posterior).first { $0.kind == .foramen }, "no foramen in the back view")
        let ring = try #require(foramen.path.polylines().first)
        let exit = try #require(try nerve("sciatic-nerve", "sciatic-notch", .posterior).path.polylines().first?.first)
        #expect(Polygon.contains(ring, exit), "the nerve's exit \(exit) lies outside the foramen")
    }

    /// The sacrotuberous and sacrospinous ligaments are ligaments (a lighter fibrous line),
    /// not bone edges; and the ischial spine's point stands clear of every ligament line.
    @Test func ligamentsAreLigamentsAndTheIschialSpineStaysClear() throws {
        let all = try bones(.posterior)
        let ligaments = all.filter { $0.id.contains("ligament") }
        #expect(ligaments.count >= 4 && ligaments.allSatisfy { $0.kind == .ligament })
        let tuberosity = try atlas.sideLandmark("ischial-tuberosity", .posterior)
        let hip = try #require(all.first { $0.id == "hip-bone" }?.path.polylines().first)
        // The spine: the most medial point of the hip bone's border between the notch and the tuberosity.
        let spine = try #require(hip.filter { $0.y > tuberosity.y - 40 && $0.y < tuberosity.y - 15 }.min { $0.x < $1.x })
        #expect(tuberosity.x - spine.x >= 18, "the spine points in only \(tuberosity.x - spine.x) mm")
        for ligament in ligaments where ligament.id.hasPrefix("sacrotuberous") {
            let gap = ligament.path.polylines().joined().map { $0.distance(to: spine) }.min() ?? 0
            #expect(gap >= 4, "\(ligament.id) passes \(gap) mm from the spine's point")
        }
    }

    /// The ischial tuberosity is part of the ischium: marked by open lines on the bone, not a
    /// closed oval that reads as a separate bone.
    @Test func ischialTuberosityIsNotADetachedOval() throws {
        let tuberosity = try atlas.sideLandmark("ischial-tuberosity", .posterior)
        for bone in try bones(.posterior) where bone.kind == .bone && bone.lineOnly && bone.id != "femoral-head" {
            guard let line = bone.path.polylines().first, let first = line.first, let last = line.last,
                  let centre = bone.path.bounds?.center else { continue }
            let near = centre.distance(to: tuberosity) < 20
            #expect(!(near && first.distance(to: last) < 0.5), "\(bone.id) is a closed outline at the tuberosity")
        }
    }

    /// The sural nerve is drawn deep (under the deep fascia, between the heads of
    /// gastrocnemius) to about the middle of the back of the leg, then superficial, in the
    /// back and the side views (Gray's), as one continuous line.
    @Test(arguments: [(PatternView.posterior, ViewID.posterior), (.lateral, .lateralRight)])
    func suralIsDeepToMidCalfThenSuperficial(view: PatternView, body: ViewID) throws {
        for pattern in ["sciatic-nerve", "sciatic-entrapment"] {
            let deep = try nerve(pattern, "sural-calf", view), superficial = try nerve(pattern, "sural", view)
            #expect(deep.deep && !superficial.deep)
            let knee = try atlas.sideLandmark("popliteal-crease", body).y, ankle = try atlas.sideLandmark("lateral-malleolus", body).y
            let pierce = try #require(deep.path.polylines().first?.last)
            let fraction = (pierce.y - knee) / (ankle - knee)
            #expect(fraction > 0.4 && fraction < 0.6, "\(pattern): surfaces \(fraction) of the way down the leg")
            #expect(superficial.path.polylines().first?.first == pierce, "\(pattern): the two pieces do not meet")
        }
    }

    /// In the back view the nerve is continuous from the roots to the trunk: a dashed link under
    /// piriformis joins the lumbosacral trunk's end to where the trunk leaves below the muscle.
    @Test func nerveCourseIsContinuousFromRootsToTrunk() throws {
        let root = try #require(try nerve("sciatic-nerve", "sciatic-root-l4-l5", .posterior).path.polylines().first?.last)
        let link = try nerve("sciatic-nerve", "sciatic-plexus", .posterior)
        let trunk = try #require(try nerve("sciatic-nerve", "sciatic-notch", .posterior).path.polylines().first?.first)
        let line = try #require(link.path.polylines().first)
        #expect(link.deep)
        #expect(line.first?.distance(to: root) ?? 99 < 0.5 && line.last?.distance(to: trunk) ?? 99 < 0.5,
                "the link runs \(String(describing: line.first))...\(String(describing: line.last)), root ends \(root), trunk starts \(trunk)")
    }

    /// The side view's fibula is a separate slender bone with a head wider than its shaft and a
    /// lateral malleolus reaching lower than the tibia.
    @Test func sideViewFibulaHasAHeadAShaftAndAMalleolus() throws {
        let all = try bones(.lateral)
        let fibula = try #require(all.first { $0.id == "fibula" }?.path.polylines().first)
        let tibia = try #require(all.first { $0.id == "tibia" }?.path.polylines().first)
        func width(_ ring: [Point], at y: Double) -> Double {
            let xs = ring.filter { abs($0.y - y) < 4 }.map(\.x)
            return (xs.max() ?? 0) - (xs.min() ?? 0)
        }
        let head = try atlas.sideLandmark("fibular-head", .lateralRight).y, leg = try atlas.sideLandmark("lateral-leg", .lateralRight).y
        #expect(width(fibula, at: head) >= 1.8 * width(fibula, at: leg), "head \(width(fibula, at: head)) mm, shaft \(width(fibula, at: leg)) mm")
        #expect(width(fibula, at: leg) <= 15, "the shaft is \(width(fibula, at: leg)) mm: a slab, not a fibula")
        #expect((fibula.map(\.y).max() ?? 0) > (tibia.map(\.y).max() ?? 0) + 8, "the lateral malleolus does not reach below the tibia")
    }

    /// The piriformis's tendon ends on the greater trochanter, clear of the body's outline.
    @Test func piriformisTipStaysClearOfTheOutline() throws {
        let body = try #require(atlas.view(.posterior))
        let dump = GeometryDump(view: body, patterns: atlas.patterns.filter { $0.id == "sciatic-nerve" }, sides: [.right],
                                anatomy: atlas.anatomy)
        let outline = dump.view.outline.map { Point($0.x, $0.y) }
        let muscle = try #require(dump.patterns.first?.muscles.first { $0.id == "piriformis" })
        let gap = muscle.points.map { MusclesInsideTheBodyTests.distance(Point($0.x, $0.y), to: outline) }.min() ?? 0
        #expect(gap >= 10, "piriformis comes within \(gap) mm of the outline")
    }
}
