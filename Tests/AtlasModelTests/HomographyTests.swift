import Foundation
import Testing
@testable import AtlasModel

@Suite("Homography")
struct HomographyTests {
    /// An A4 page at 250 dpi, in page pixels.
    static let page = [Point(0, 0), Point(2067, 0), Point(2067, 2923), Point(0, 2923)]
    /// A grid over the page, to check a map everywhere and not only where it was fitted.
    static let grid: [Point] = (0...6).flatMap { i in (0...6).map { j in Point(2067 * Double(i) / 6, 2923 * Double(j) / 6) } }

    /// A page photographed by hand: top edge shorter, the left side foreshortened more.
    static let phoneCorners = [Point(520, 310), Point(1580, 360), Point(1990, 2720), Point(140, 2650)]

    static let known: [String: Homography] = [
        "rotation 10°": Homography(scale: 1, rotation: 10 * .pi / 180, translation: Point(300, -40)),
        "scale 0.8": Homography(scale: 0.8, rotation: 0, translation: Point(12, 34)),
        "scale 1.25": Homography(scale: 1.25, rotation: -0.05, translation: Point(-20, 5)),
        "phone photo": Homography(from: page, to: phoneCorners)!,
    ]

    static func expectClose(_ a: Point, _ b: Point, within tolerance: Double, _ note: String = "",
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.distance(to: b) <= tolerance, "\(note): \(a) vs \(b)", sourceLocation: sourceLocation)
    }

    @Test func identityLeavesPointsAlone() {
        for p in Self.grid { #expect(Homography.identity.apply(p) == p) }
        #expect(Homography.identity.matrix == [1, 0, 0, 0, 1, 0, 0, 0, 1])
    }

    @Test func matrixIsNormalisedToALastEntryOfOne() {
        let h = Homography(matrix: [2, 0, 4, 0, 2, 6, 0, 0, 2])
        #expect(h.matrix == [1, 0, 2, 0, 1, 3, 0, 0, 1])
        #expect(h == Homography(scale: 1, rotation: 0, translation: Point(2, 3)))
    }

    @Test func similarityRotatesClockwiseOnScreenThenScalesThenShifts() {
        let h = Homography(scale: 2, rotation: .pi / 2, translation: Point(10, 20))
        // +x turns toward +y (down on screen): (1, 0) -> (0, 2) -> (10, 22).
        Self.expectClose(h.apply(Point(1, 0)), Point(10, 22), within: 1e-12)
        Self.expectClose(h.apply(Point(0, 0)), Point(10, 20), within: 1e-12)
    }

    @Test(arguments: ["rotation 10°", "scale 0.8", "scale 1.25", "phone photo"])
    func knownMapsSurviveARoundTrip(_ name: String) throws {
        let truth = try #require(Self.known[name])
        // Fitted from the four corners alone, and from the whole grid.
        let fromCorners = try #require(Homography(from: Self.page, to: Self.page.map(truth.apply)))
        let fromGrid = try #require(Homography(from: Self.grid, to: Self.grid.map(truth.apply)))
        let inverse = try #require(truth.inverse)
        for p in Self.grid {
            Self.expectClose(fromCorners.apply(p), truth.apply(p), within: 1e-6, "\(name), corners")
            Self.expectClose(fromGrid.apply(p), truth.apply(p), within: 1e-6, "\(name), grid")
            Self.expectClose(inverse.apply(truth.apply(p)), p, within: 1e-6, "\(name), back")
        }
        for (a, b) in zip(fromCorners.matrix, truth.matrix) { #expect(abs(a - b) < 1e-9 * max(1, abs(b)), "\(name)") }
    }

    @Test func fourPairsAreReproducedExactly() throws {
        let from = [Point(-3.5, 7), Point(120, 2), Point(140, 95), Point(-10, 130)]
        let to = [Point(1000, 1000), Point(1003, 990), Point(1040, 1100), Point(990, 1050)]
        let h = try #require(Homography(from: from, to: to))
        for (p, q) in zip(from, to) { Self.expectClose(h.apply(p), q, within: 1e-8) }
    }

    @Test func morePairsAreFittedInTheLeastSquaresSense() throws {
        let truth = try #require(Homography(from: Self.page, to: Self.phoneCorners))
        let from = [Point(100, 120), Point(1960, 90), Point(2000, 2800), Point(70, 2850),
                    Point(1030, 60), Point(1040, 2880), Point(50, 1460), Point(2010, 1470)]
        // Deterministic noise of up to ±1.5 px, as found fiducial centres would have.
        let noise = [(0.8, -1.2), (-1.5, 0.4), (1.1, 1.3), (-0.3, -1.4), (1.4, 0.2), (-0.9, 1.0), (0.5, -0.7), (-1.2, -0.1)]
        let to = zip(from, noise).map { truth.apply($0) + Point($1.0, $1.1) }
        let fit = try #require(Homography(from: from, to: to))
        // Least squares: the fitted map leaves smaller residuals than the truth does...
        func squaredResiduals(_ h: Homography) -> Double {
            zip(from, to).reduce(0) { $0 + pow(h.apply($1.0).distance(to: $1.1), 2) }
        }
        #expect(squaredResiduals(fit) <= squaredResiduals(truth) + 1e-9)
        // ...and stays within a couple of pixels of the truth over the whole page.
        for p in Self.grid { Self.expectClose(fit.apply(p), truth.apply(p), within: 2.5, "grid point") }
    }

    @Test func degenerateInputGivesNil() {
        let square = [Point(0, 0), Point(10, 0), Point(10, 10), Point(0, 10)]
        #expect(Homography(from: Array(square.prefix(3)), to: Array(square.prefix(3))) == nil, "three pairs")
        #expect(Homography(from: square, to: Array(square.prefix(3))) == nil, "counts differ")
        let threeInLine = [Point(0, 0), Point(5, 5), Point(10, 10), Point(0, 10)]
        #expect(Homography(from: threeInLine, to: square) == nil, "3 collinear in the source")
        #expect(Homography(from: square, to: threeInLine) == nil, "3 collinear in the target")
        let repeated = [Point(0, 0), Point(10, 0), Point(10, 0), Point(0, 10)]
        #expect(Homography(from: repeated, to: square) == nil, "a point given twice")
        let same = Array(repeating: Point(4, 4), count: 5)
        #expect(Homography(from: same, to: same) == nil, "all coincident")
        let line = (0..<6).map { Point(Double($0), 2 * Double($0)) }
        #expect(Homography(from: line, to: line) == nil, "all on one line")
    }

    @Test func inverseUndoesAndThenComposes() throws {
        let a = try #require(Homography(from: Self.page, to: Self.phoneCorners))
        let b = Homography(scale: 0.5, rotation: 0.3, translation: Point(-7, 9))
        let ab = a.then(b)
        for p in Self.grid {
            Self.expectClose(ab.apply(p), b.apply(a.apply(p)), within: 1e-9, "then")
        }
        let roundTrip = a.then(try #require(a.inverse))
        for (x, y) in zip(roundTrip.matrix, Homography.identity.matrix) { #expect(abs(x - y) < 1e-12) }
        #expect(Homography(matrix: [1, 2, 3, 2, 4, 6, 0, 0, 1]).inverse == nil, "singular")
        #expect(Homography(matrix: [0, 0, 0, 0, 0, 0, 0, 0, 0]).inverse == nil, "zero")
    }

    @Test func localScaleOfAPureScaleIsThatScale() throws {
        let h = Homography(scale: 2.5, rotation: 0.7, translation: Point(40, -3))
        for p in Self.grid { #expect(abs(h.localScale(at: p) - 2.5) < 1e-12) }
        // Under perspective it varies, and matches the area a small square becomes.
        let phone = try #require(Homography(from: Self.page, to: Self.phoneCorners))
        for p in [Point(100, 100), Point(1900, 2800), Point(1000, 1500)] {
            let d = 0.01
            let corners = [p, p + Point(d, 0), p + Point(d, d), p + Point(0, d)].map(phone.apply)
            let area = abs(Polygon.signedArea(corners)) / (d * d)
            #expect(abs(phone.localScale(at: p) / area.squareRoot() - 1) < 1e-5)
        }
        // The far (top) edge of the phone photo is shrunk more than the near one.
        #expect(phone.localScale(at: Point(1033, 0)) < phone.localScale(at: Point(1033, 2923)))
    }
}
