import Foundation
import Testing
@testable import AtlasModel

/// Review 2110, item 1: in the back view the greater sciatic foramen is the notch closed below
/// by two banded ligaments running between their landmarks (Gray's), not a grey pocket with a
/// tangle of loose strands between the ischial tuberosity and the coccyx.
@Suite("Back pelvis: the sciatic foramen and its ligaments")
struct BackPelvisLigamentTests: AnatomyGeometryChecks {
    let atlas: Atlas
    init() throws { atlas = try TestAtlas.load() }

    func bone(_ id: String) throws -> Bone {
        try #require(atlas.anatomy.views[.posterior]?.bones.first { $0.id == id }, "no \(id) in the back view")
    }

    /// The ischial spine: the hip bone's most medial point between the notch and the tuberosity.
    func spine() throws -> Point {
        let tuberosity = try atlas.sideLandmark("ischial-tuberosity", .posterior)
        let hip = try ring("hip-bone", .posterior)
        return try #require(hip.filter { $0.y > tuberosity.y - 40 && $0.y < tuberosity.y - 15 }.min { $0.x < $1.x })
    }

    /// How far `p` lies from the outline `ring`.
    func distance(_ p: Point, to ring: [Point]) -> Double {
        zip(ring, ring.dropFirst() + ring.prefix(1)).map { a, b in
            let d = b - a, length = d.x * d.x + d.y * d.y
            let t = length > 0 ? max(0, min(1, ((p.x - a.x) * d.x + (p.y - a.y) * d.y) / length)) : 0
            return p.distance(to: a + d * t)
        }.min() ?? .infinity
    }

    /// Each ligament is one band with its fibres inside it, not loose strands laid over each
    /// other: one sacrospinous and one sacrotuberous shape, closed, each with fibre lines.
    @Test func eachLigamentIsOneBandWithItsFibres() throws {
        let bones = try #require(atlas.anatomy.views[.posterior]?.bones)
        for name in ["sacrospinous", "sacrotuberous"] {
            let parts = bones.filter { $0.id.hasPrefix(name) }
            #expect(parts.count == 1, "\(name): \(parts.count) shapes")
            let band = try #require(parts.first)
            #expect(band.kind == .ligament && !band.lineOnly)
            #expect(band.fibres.count >= 4, "\(name): \(band.fibres.count) fibres")
            let outline = try ring(band.id, .posterior)
            // Most of each fibre lies inside the band (the renderer clips the rest away).
            for fibre in band.fibres {
                let points = try #require(fibre.polylines(segmentsPerCurve: 16).first)
                let outside = points.filter { !Polygon.contains(outline, $0) }
                #expect(Double(outside.count) <= 0.2 * Double(points.count), "\(name): a fibre runs outside its band at \(outside.prefix(3))")
            }
        }
    }

    /// The sacrospinous ligament runs from the ischial spine to the margin of the lower sacrum
    /// and coccyx, below the notch: its lateral tip at the spine, its medial end at those bones.
    @Test func sacrospinousRunsFromTheSpineToTheLowerSacrumAndCoccyx() throws {
        let band = try ring("sacrospinous-ligament", .posterior)
        let spine = try spine()
        let tip = try #require(band.max { $0.x < $1.x })
        #expect(tip.distance(to: spine) <= 5, "its apex \(tip) is \(tip.distance(to: spine)) mm from the spine \(spine)")
        let sacrum = try ring("sacrum", .posterior), coccyx = try ring("coccyx", .posterior)
        let base = try #require(band.min { $0.x < $1.x })
        #expect(min(distance(base, to: sacrum), distance(base, to: coccyx)) <= 3,
                "its medial end \(base) does not reach the sacrum or coccyx")
        let notch = try atlas.sideLandmark("greater-sciatic-notch", .posterior)
        #expect(band.allSatisfy { $0.y > notch.y + 20 }, "it rises into the notch")
    }

    /// The sacrotuberous ligament runs from the posterior iliac spines, the lateral sacrum and
    /// the coccyx to the inner margin of the ischial tuberosity, passing medial to the spine.
    @Test func sacrotuberousRunsFromTheSpinesAndSacrumToTheTuberosity() throws {
        let band = try ring("sacrotuberous-ligament", .posterior)
        let psis = try atlas.sideLandmark("psis", .posterior)
        let tuberosity = try atlas.sideLandmark("ischial-tuberosity", .posterior)
        let coccyx = try ring("coccyx", .posterior)
        #expect(band.contains { $0.distance(to: psis) <= 8 }, "it does not reach the PSIS region")
        #expect(band.contains { distance($0, to: coccyx) <= 3 }, "it does not reach the coccyx")
        // The tuberosity's inner margin: within about 1.5 cm medial of its middle, at its level.
        let insertion = band.filter { abs($0.y - tuberosity.y) <= 15 }.map(\.x).max() ?? -.infinity
        #expect(insertion >= tuberosity.x - 15 && insertion <= tuberosity.x - 5, "it ends at x \(insertion), the tuberosity at \(tuberosity.x)")
        let spine = try spine()
        #expect(!Polygon.contains(band, spine) && distance(spine, to: band) >= 4, "it covers the ischial spine")
    }

    /// The foramen draws no edge of its own: every point of its outline lies under the bones or
    /// the ligaments that border it, so what is seen is the notch and the ligaments' edges. The
    /// sciatic nerve leaves through its clear part, below piriformis.
    @Test func foramenIsBorderedByTheNotchAndTheLigaments() throws {
        let foramen = try bone("greater-sciatic-foramen")
        #expect(foramen.kind == .foramen)
        let outline = try ring(foramen.id, .posterior)
        let covers = try ["hip-bone", "sacrum", "sacrospinous-ligament", "sacrotuberous-ligament"].map { try ring($0, .posterior) }
        let bare = outline.filter { p in !covers.contains { Polygon.contains($0, p) } }
        #expect(bare.isEmpty, "the foramen's outline shows at \(bare.prefix(3))")
        let exit = try #require(atlas.pattern("sciatic-nerve")?.nerves.first { $0.view == .posterior && $0.id == "sciatic-notch" }?
            .path.polylines().first?.first)
        #expect(Polygon.contains(outline, exit) && !covers.contains { Polygon.contains($0, exit) },
                "the nerve leaves at \(exit), not through the foramen's clear part")
    }
}
