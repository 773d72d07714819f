import Foundation
import Testing
@testable import AtlasModel

/// The muscles a textbook plate would draw differently (review rev3): the iliotibial band from
/// the crest's tubercle to the lateral tibial condyle, and biceps femoris with both heads.
/// Checked on geometry, in each view's own frame.
@Suite("Muscles drawn as a plate")
struct PlateMuscleTests: AnatomyGeometryChecks {
    let atlas: Atlas
    init() throws { atlas = try TestAtlas.load() }

    /// Side view: the band begins at the crest (its tubercle), so TFL and gluteus maximus both
    /// run into it: TFL's lower end and maximus's front edge over the trochanter lie on it.
    @Test func iliotibialBandRunsFromTheCrestAndTakesBothMuscles() throws {
        let band = try ring("iliotibial-band", .lateral)
        let crest = try atlas.sideLandmark("iliac-crest", .lateralRight)
        let top = try #require(band.map(\.y).min())
        #expect(top - crest.y <= 15, "the band begins \(top - crest.y) mm below the crest's top")
        let tfl = try #require(try ring("tensor-fasciae-latae", .lateral).max { $0.y < $1.y })
        #expect(Polygon.contains(band, tfl), "TFL ends at \(tfl), off the band")
        let trochanter = try atlas.sideLandmark("greater-trochanter", .lateralRight)
        let maximus = try ring("gluteus-maximus", .lateral)
        let front = try #require(crossings(maximus, atY: trochanter.y - 14.5).last)
        #expect(Polygon.contains(band, Point(front - 2, trochanter.y - 14.5)), "maximus's front edge over the trochanter (x \(front)) is off the band")
    }

    /// Back view: the tract reaches the lateral tibial condyle, below the knee crease and just
    /// above the fibular head (review rev3: it stopped 8 cm above the crease).
    @Test func iliotibialTractReachesTheTibia() throws {
        let tract = try ring("iliotibial-tract", .posterior)
        let end = try #require(tract.max { $0.y < $1.y })
        let crease = try atlas.sideLandmark("popliteal-crease", .posterior)
        let fibula = try atlas.sideLandmark("fibular-head", .posterior)
        #expect(end.y > crease.y && end.y < fibula.y, "the tract ends at y \(end.y), the crease at \(crease.y), the fibular head at \(fibula.y)")
        #expect(abs(end.x - fibula.x) <= 10, "the tract ends at x \(end.x), not over the lateral condyle (fibular head x \(fibula.x))")
    }

    /// Back view: the long head a real belly (about a third of the thigh at mid-thigh); the
    /// short head from the lower half of the femur, showing lateral to the long head in the
    /// lower thigh and ending in the long head's common tendon.
    @Test func bicepsFemorisHasBothHeads() throws {
        let long = try ring("biceps-femoris", .posterior)
        let short = try ring("biceps-femoris-short-head", .posterior)
        let mid = try atlas.sideLandmark("mid-posterior-thigh", .posterior)
        let across = crossings(long, atY: mid.y + 0.5)   // off the outline's knots, which lie on whole millimetres
        let width = (across.last ?? 0) - (across.first ?? 0)
        #expect((42...65).contains(width), "the long head is \(width) mm wide at mid-thigh")
        let top = try #require(short.map(\.y).min())
        #expect(top >= mid.y - 30, "the short head rises to y \(top), above the femur's lower half")
        let crease = try atlas.sideLandmark("popliteal-crease", .posterior)
        let low = crease.y - 89.5
        let beside = (crossings(short, atY: low).last ?? 0) - (crossings(long, atY: low).last ?? 0)
        #expect(beside >= 10, "the short head shows only \(beside) mm lateral to the long head")
        let end = try #require(short.max { $0.y < $1.y })
        #expect(Polygon.contains(long, end), "the short head ends at \(end), off the common tendon")
    }
}
