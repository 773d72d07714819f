import Foundation
import Testing
@testable import AtlasModel

@Suite("Loading the bundled atlas")
struct AtlasLoadingTests {
    @Test func bundledAtlasIsValid() throws {
        let problems = AtlasLoader.validate(directory: TestAtlas.directory)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyViewHasAtLeast25Landmarks() throws {
        let atlas = try TestAtlas.load()
        for id in ViewID.allCases {
            let view = try #require(atlas.view(id))
            let names = Set(view.landmarks.map(\.name))
            #expect(names.count >= 25, "\(id.rawValue) has \(names.count) landmarks")
        }
    }

    @Test func outlinesAreClosedAndSimple() throws {
        let atlas = try TestAtlas.load()
        for view in atlas.views.values {
            // The sole view shows two separate soles.
            let polygons = view.outline.polylines(segmentsPerCurve: 16)
            #expect(polygons.count == (view.id == .plantar ? 2 : 1), "\(view.id.rawValue) outline should be one closed shape")
            for polygon in polygons {
                #expect(polygon.first == polygon.last)
                let crosses = Polygon.selfIntersects(polygon), area = abs(Polygon.signedArea(polygon))
                #expect(!crosses, "\(view.id.rawValue) outline crosses itself")
                #expect(area > (view.id == .plantar ? 50_000 : 100_000), "\(view.id.rawValue) outline is too small")
            }
        }
    }

    @Test func bodyProportionsFollowDrillisAndContini() throws {
        let atlas = try TestAtlas.load()
        let posterior = try #require(atlas.view(.posterior))
        let bounds = posterior.bounds
        #expect(abs(bounds.minY) < 1, "the vertex is the origin")
        #expect(abs(bounds.maxY - 1750) < 5, "the sole is at the reference height")
        // Hip width 0.191 H, shoulder (acromion) width 0.259 H (clinical-facts 13a).
        let trochanter = try #require(posterior.landmark("greater-trochanter", side: .right))
        #expect(abs(trochanter.point.x * 2 / 1750 - 0.191) < 0.015)
        let acromion = try #require(posterior.landmark("acromion", side: .right))
        #expect(abs(acromion.point.x * 2 / 1750 - 0.259) < 0.015)
        // Every landmark lies inside or on the silhouette.
        for view in atlas.views.values {
            let polygons = view.outline.polylines(segmentsPerCurve: 16)
            for landmark in view.landmarks {
                let inside = polygons.contains { Polygon.contains($0, landmark.point) }
                let nearEdge = polygons.joined().contains { $0.distance(to: landmark.point) < 12 }
                #expect(inside || nearEdge, "\(view.id.rawValue): \(landmark.name) at \(landmark.point) lies outside the body")
            }
        }
    }

    @Test func symmetricViewsAreMirrorSymmetric() throws {
        let atlas = try TestAtlas.load()
        for id in [ViewID.posterior, .anterior] {
            let outline = try #require(atlas.view(id)).outline
            // Equal up to rounding: a Bezier extremum found from either side may differ in the last bit.
            let a = try #require(outline.mirrored.bounds), b = try #require(outline.bounds)
            #expect(abs(a.minX - b.minX) < 1e-6 && abs(a.maxX - b.maxX) < 1e-6 && abs(a.minY - b.minY) < 1e-6 && abs(a.maxY - b.maxY) < 1e-6,
                    "\(a) != \(b)")
            let points = outline.polylines()[0]
            let mirroredPoints = Set(outline.mirrored.polylines()[0].map { Point(($0.x * 1000).rounded(), ($0.y * 1000).rounded()) })
            let matched = points.filter { mirroredPoints.contains(Point(($0.x * 1000).rounded(), ($0.y * 1000).rounded())) }
            #expect(matched.count > points.count * 9 / 10)
        }
    }

    @Test func leftLateralViewMirrorsTheRightOne() throws {
        let atlas = try TestAtlas.load()
        let right = try #require(atlas.view(.lateralRight))
        let left = try #require(atlas.view(.lateralLeft))
        #expect(left.outline == right.outline.mirrored)
        #expect(left.label == "Left side")
        let toeRight = try #require(right.landmark("toe-tips")).point
        let toeLeft = try #require(left.landmark("toe-tips")).point
        #expect(toeRight.x > 0, "the right side view faces the viewer's right")
        #expect(toeLeft == toeRight.mirrored)
    }

    @Test func patternsHaveUniqueIDs() throws {
        let atlas = try TestAtlas.load()
        let ids = atlas.allPatterns().map(\.id)
        #expect(Set(ids).count == ids.count)
    }
}
