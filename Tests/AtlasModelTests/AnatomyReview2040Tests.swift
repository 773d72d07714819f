import Foundation
import Testing
@testable import AtlasModel

/// The anatomy slips of review 2040 (items 2, 4, 10, 12), checked on geometry: gluteus medius
/// a fan behind which gluteus maximus arises, the side femur's trochanter a block over a bowed
/// shaft, trigger points where the views agree and in the belly, a blunt medial malleolus.
@Suite("Anatomy, review 2040")
struct AnatomyReview2040Tests: AnatomyGeometryChecks {
    let atlas: Atlas
    init() throws { atlas = try TestAtlas.load() }


    func triggerPoints(_ id: String, _ view: PatternView) throws -> [Point] {
        try #require(atlas.pattern(id)).triggerPoints.filter { $0.view == view }.map(\.point)
    }

    /// Gluteus medius arises lateral to the posterior gluteal line (the strip behind it, beside
    /// the sacrum, is gluteus maximus's origin), and its TrP1 lies in its posterior fibres
    /// just below the crest: not on a strip reaching toward the PSIS.
    @Test func gluteusMediusStaysLateralToThePosteriorGlutealLine() throws {
        let medius = try ring("gluteus-medius", .posterior)
        let line = try ring("posterior-gluteal-line", .posterior)
        for p in line {
            guard let medial = crossings(medius, atY: p.y).first else { continue }
            #expect(medial >= p.x - 2, "medius reaches \(p.x - medial) mm medial to the posterior gluteal line at y \(p.y)")
        }
        let psis = try atlas.sideLandmark("psis", .posterior)
        let trp1 = try #require(try triggerPoints("gluteus-medius-trp1", .posterior).first)
        let top = try #require(medius.filter { abs($0.x - trp1.x) < 3 }.map(\.y).min())
        #expect(trp1.y - top <= 25, "TrP1 lies \(trp1.y - top) mm below the muscle's upper border")
        #expect(trp1.x - psis.x >= 20, "TrP1 lies \(trp1.x - psis.x) mm lateral to the PSIS, on the strip of maximus's origin")
    }

    /// The side view's greater trochanter is a block clearly deeper than the shaft below it,
    /// and the shaft's front bows forward of the straight line from below the trochanter to
    /// the knee.
    @Test func sideFemurHasATrochanterBlockAndABowedShaft() throws {
        let femur = try ring("femur", .lateral)
        let trochanter = try atlas.sideLandmark("greater-trochanter", .lateralRight)
        func depth(_ y: Double) -> Double { let x = crossings(femur, atY: y); return (x.last ?? 0) - (x.first ?? 0) }
        let block = depth(trochanter.y - 10.5), shaft = depth(trochanter.y + 60.5)   // off the knots
        #expect(block >= 1.3 * shaft, "trochanter \(block) mm deep over a \(shaft) mm shaft")
        let top = trochanter.y + 36.5, bottom = trochanter.y + 320.5, middle = (top + bottom) / 2
        let front = { (y: Double) in self.crossings(femur, atY: y).last ?? 0 }
        let chord = (front(top) + front(bottom)) / 2
        #expect(front(middle) - chord >= 2, "the shaft's front lies \(front(middle) - chord) mm forward of its chord")
    }

    /// TFL's two front-view sites both show in the side view; the anterior gluteus minimus X
    /// lies in its belly, at least a quarter of the way up from the trochanter to the crest,
    /// not on the tendon over the trochanter.
    @Test func triggerPointsAgreeBetweenViewsAndSitInTheBelly() throws {
        #expect(try triggerPoints("tensor-fasciae-latae", .lateral).count == triggerPoints("tensor-fasciae-latae", .anterior).count)
        let trochanter = try atlas.sideLandmark("greater-trochanter", .lateralRight)
        let crest = try atlas.sideLandmark("iliac-crest", .lateralRight)
        let minimus = try #require(try triggerPoints("gluteus-minimus-anterior", .lateral).first)
        let up = (trochanter.y - minimus.y) / (trochanter.y - crest.y)
        #expect(up >= 0.25, "the anterior minimus X lies only \(Int(up * 100))% of the way up to the crest")
    }

    /// The front view's medial malleolus is a blunt process: its outline never turns a sharp
    /// corner there (a spike had read as torn paper).
    @Test func medialMalleolusIsBlunt() throws {
        let tibia = try ring("tibia", .anterior)
        let malleolus = try atlas.sideLandmark("medial-malleolus", .anterior)
        let near = tibia.indices.filter { tibia[$0].distance(to: malleolus) < 40 && tibia[$0].y > malleolus.y }
        #expect(!near.isEmpty)
        for i in near {
            let a = tibia[(i + tibia.count - 1) % tibia.count], b = tibia[i], c = tibia[(i + 1) % tibia.count]
            let turn = abs(remainder(atan2(c.y - b.y, c.x - b.x) - atan2(b.y - a.y, b.x - a.x), 2 * .pi)) * 180 / .pi
            #expect(turn < 60, "the malleolus's outline turns \(Int(turn)) degrees at (\(Int(b.x)), \(Int(b.y)))")
        }
    }
}
