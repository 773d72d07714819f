import Testing
@testable import AtlasModel

/// The side view's nerve course below the knee, checked on `dump`'s geometry
/// (clinical-facts.md section 8): the common fibular nerve passes behind the fibular head and
/// winds round its neck; the superficial fibular nerve crosses the front of the ankle onto
/// the top of the foot; the sural nerve runs along the outer border below it. Review 23:55,
/// new problem 1: the superficial fibular nerve had run low along the foot beside the sural,
/// so the foot showed two nerves running along the sole.
@Suite("Side-view nerve course")
struct LateralNerveCourseTests {
    static let patterns = ["sciatic-nerve", "sciatic-entrapment"]

    func dump(_ id: String) throws -> GeometryDump {
        let atlas = try TestAtlas.load()
        let body = try #require(atlas.view(.lateralRight))
        return GeometryDump(view: body, patterns: [try #require(atlas.pattern(id))], sides: [.right])
    }

    func points(_ dump: GeometryDump, _ nerve: String) throws -> [Point] {
        let path = try #require(dump.patterns.first?.nerves.first { $0.id == nerve }, "nerve \(nerve)")
        return path.points.map { Point($0.x, $0.y) }
    }

    func landmark(_ dump: GeometryDump, _ name: String) throws -> Point {
        let p = try #require(dump.view.landmarks.first { $0.name == name }?.point, "landmark \(name)")
        return Point(p.x, p.y)
    }

    /// The top (dorsum) and bottom (sole) of the foot's outline at `x`, below the ankle.
    func footEdges(_ dump: GeometryDump, x: Double, below top: Double) -> (dorsum: Double, sole: Double)? {
        let outline = dump.view.outline.map { Point($0.x, $0.y) }
        var ys: [Double] = []
        for (a, b) in zip(outline, outline.dropFirst() + outline.prefix(1)) where (a.x - x) * (b.x - x) <= 0 && a.x != b.x {
            let y = a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)
            if y > top { ys.append(y) }
        }
        guard let dorsum = ys.min(), let sole = ys.max(), sole - dorsum > 20 else { return nil }
        return (dorsum, sole)
    }

    @Test(arguments: patterns)
    func superficialFibularRunsOnTheTopOfTheFoot(id: String) throws {
        let d = try dump(id)
        let ankle = try landmark(d, "ankle-crease"), malleolus = try landmark(d, "lateral-malleolus")
        let nerve = try points(d, "superficial-fibular")
        let foot = nerve.filter { $0.x > ankle.x + 10 }
        #expect(foot.count >= 10, "\(id): the superficial fibular nerve reaches the foot")
        for p in foot {
            let edges = try #require(footEdges(d, x: p.x, below: malleolus.y - 60), "foot outline at x \(p.x)")
            #expect(p.y < (edges.dorsum + edges.sole) / 2, "\(id): superficial fibular at \(p) lies in the lower (plantar) half of the foot")
            #expect(p.y - edges.dorsum >= 6 && p.y - edges.dorsum <= 18,
                    "\(id): superficial fibular at \(p) is \(p.y - edges.dorsum) mm under the top of the foot (about 12 wanted)")
        }
        #expect((foot.map(\.x).max() ?? 0) > 140, "\(id): it reaches the bases of the toes")
        // It crosses in front of the ankle, not behind or below the lateral malleolus.
        let atMalleolus = try #require(nerve.min { abs($0.y - malleolus.y) < abs($1.y - malleolus.y) })
        #expect(atMalleolus.x > malleolus.x + 30, "\(id): at the malleolus's height the nerve is at x \(atMalleolus.x)")
    }

    @Test(arguments: patterns)
    func suralRunsAlongTheOuterBorderBelowIt(id: String) throws {
        let d = try dump(id)
        let ankle = try landmark(d, "ankle-crease"), malleolus = try landmark(d, "lateral-malleolus")
        let sural = try points(d, "sural"), fibular = try points(d, "superficial-fibular")
        let behind = try #require(sural.min { abs($0.y - malleolus.y) < abs($1.y - malleolus.y) })
        #expect(behind.x < malleolus.x, "\(id): the sural nerve passes behind the lateral malleolus")
        for p in sural where p.x > ankle.x + 10 {   // where the foot has a top and a sole
            let edges = try #require(footEdges(d, x: p.x, below: malleolus.y - 60))
            #expect(p.y > (edges.dorsum + edges.sole) / 2, "\(id): sural at \(p) lies in the upper half of the foot")
            if let f = fibular.min(by: { abs($0.x - p.x) < abs($1.x - p.x) }), abs(f.x - p.x) < 2 {
                #expect(p.y - f.y >= 25, "\(id): at x \(p.x) the sural and superficial fibular nerves are \(p.y - f.y) mm apart")
            }
        }
    }

    @Test(arguments: patterns)
    func commonFibularWindsRoundTheFibularNeck(id: String) throws {
        let d = try dump(id)
        let head = try landmark(d, "fibular-head")
        let nerve = try points(d, "common-fibular")
        let nearest = nerve.map { $0.distance(to: head) }.min() ?? .infinity
        #expect(nearest <= 15, "\(id): the common fibular nerve passes \(nearest) mm from the fibular head")
        // Behind the head, then forward below it: it ends in front of and below the head.
        #expect(nerve.contains { $0.x < head.x - 8 && abs($0.y - head.y) < 10 }, "\(id): passes behind the fibular head")
        let end = try #require(nerve.last)
        #expect(end.x > head.x && end.y > head.y + 15, "\(id): ends at \(end), not in front of the neck")
        // Solid: it lies just under the skin there.
        #expect(d.patterns.first?.nerves.first { $0.id == "common-fibular" }?.deep == false)
    }
}
