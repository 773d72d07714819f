import Testing
@testable import AtlasModel

@Suite("Nerves and dermatomes")
struct NerveAndDermatomeTests {
    func posteriorNerve(_ id: String) throws -> [Point] {
        let atlas = try TestAtlas.load()
        let nerve = try #require(atlas.pattern("sciatic-nerve")?.nerves.first { $0.view == .posterior && $0.id == id })
        let lines = nerve.path.polylines(segmentsPerCurve: 24)
        #expect(lines.count == 1, "\(id) is one continuous path")
        return lines.first ?? []
    }

    /// The sciatic trunk from the piriformis to the bifurcation, its deep and superficial
    /// pieces joined end to end.
    func posteriorTrunk() throws -> [Point] {
        let atlas = try TestAtlas.load()
        let pieces = try #require(atlas.pattern("sciatic-nerve")).nerves.filter { $0.view == .posterior && $0.id.hasPrefix("sciatic-trunk") }
        #expect(pieces.count >= 2)
        var joined: [Point] = []
        for piece in pieces {
            let line = try #require(piece.path.polylines(segmentsPerCurve: 24).first)
            if let last = joined.last, let first = line.first {
                #expect(last.distance(to: first) < 0.5, "\(piece.id) starts where the trunk before it ends")
            }
            joined += line
        }
        return joined
    }

    func landmark(_ name: String) throws -> Point {
        try #require(TestAtlas.load().view(.posterior)?.sideFrameLandmarks[name])
    }

    /// The x where a path crosses height y (linear between samples).
    func crossing(_ path: [Point], y: Double) -> Double? {
        for (a, b) in zip(path, path.dropFirst()) where (a.y - y) * (b.y - y) <= 0 && a.y != b.y {
            return a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y)
        }
        return nil
    }

    @Test func sciaticTrunkRunsBetweenIschialTuberosityAndTrochanter() throws {
        let trunk = try posteriorTrunk()
        let tuberosity = try landmark("ischial-tuberosity")
        let trochanter = try landmark("greater-trochanter")
        let x = try #require(crossing(trunk, y: (tuberosity.y + trochanter.y) / 2 + 20))
        #expect(x > tuberosity.x && x < trochanter.x, "the trunk crosses at x = \(x)")
    }

    @Test func sciaticNerveDividesAboveThePoplitealFossa() throws {
        let crease = try landmark("popliteal-crease")
        let trunk = try posteriorTrunk()
        let tibial = try ["tibial", "tibial-calf", "tibial-ankle"].flatMap(posteriorNerve)
        let fibular = try posteriorNerve("common-fibular")
        let split = try #require(trunk.last)
        #expect(split.y < crease.y, "bifurcation at y \(split.y), crease at \(crease.y)")
        #expect(crease.y - split.y < 150, "the division is in the distal thigh")
        // The branches start where the trunk ends: the nerve is continuous.
        #expect(try #require(tibial.first).distance(to: split) < 3)
        #expect(try #require(fibular.first).distance(to: split) < 3)
        // The tibial nerve reaches behind the medial malleolus; the fibular goes lateral.
        let medialMalleolus = try landmark("medial-malleolus")
        #expect(tibial.contains { $0.y > medialMalleolus.y - 30 })
        let fibularStart = try #require(fibular.first), fibularEnd = try #require(fibular.last)
        #expect(fibularEnd.x > fibularStart.x)
    }

    @Test func nervesStayInsideTheSilhouette() throws {
        let atlas = try TestAtlas.load()
        let outlines: [PatternView: [Point]] = [
            .posterior: atlas.view(.posterior)!.outline.polylines()[0],
            .anterior: atlas.view(.anterior)!.outline.polylines()[0],
            .lateral: atlas.view(.lateralRight)!.outline.polylines()[0],
        ]
        for pattern in atlas.patterns {
            for nerve in pattern.nerves {
                let body = try #require(outlines[nerve.view])
                let outside = nerve.path.polylines(segmentsPerCurve: 24).joined().filter { !Polygon.contains(body, $0) }
                #expect(outside.isEmpty, "\(pattern.id)/\(nerve.id) (\(nerve.view.rawValue)) leaves the body at \(outside.prefix(3))")
            }
        }
    }

    @Test func bothDermatomeMapsLoadWithEveryRoot() throws {
        let atlas = try TestAtlas.load()
        for map in DermatomeMapID.allCases {
            let patterns = try #require(atlas.dermatomeMaps[map]).patterns.map(\.id)
            for root in ["l3", "l4", "l5", "s1", "s2"] {
                #expect(patterns.contains("dermatome-\(root)"), "\(map.rawValue) map lacks \(root)")
            }
            #expect(patterns.contains("dermatomes"))
        }
    }

    /// In the classic map the foot is covered: sole, heel, dorsum and toes.
    @Test func classicBandsCoverTheFoot() throws {
        let atlas = try TestAtlas.load()
        let map = try #require(atlas.dermatomeMaps[.classic])
        let roots = map.patterns.filter { $0.id != "dermatomes" }
        func covered(_ view: PatternView, _ p: Point) -> Bool {
            roots.contains { $0.zones.contains { $0.view == view && Polygon.contains($0.path.polylines()[0], p) } }
        }
        let back = try #require(atlas.view(.posterior)?.sideFrameLandmarks)
        let front = try #require(atlas.view(.anterior)?.sideFrameLandmarks)
        let side = try #require(atlas.view(.lateralRight)?.sideFrameLandmarks)
        let samples: [(PatternView, Point, String)] = [
            (.posterior, back["heel"]!, "heel (posterior)"),
            (.posterior, back["sole"]! + Point(0, -8), "sole (posterior)"),
            (.anterior, front["dorsum-foot"]!, "dorsum of the foot"),
            (.anterior, front["big-toe"]! + Point(0, -8), "big toe"),
            (.anterior, front["little-toe"]! + Point(-4, -8), "little toe"),
            (.anterior, front["first-web-space"]!, "first web space"),
            (.lateral, side["heel"]!, "heel (lateral)"),
            (.lateral, side["fifth-metatarsal"]! + Point(0, -8), "lateral foot"),
            (.lateral, side["toe-tips"]! + Point(-12, -4), "toes (lateral)"),
        ]
        for (view, point, name) in samples {
            #expect(covered(view, point), "the classic map leaves the \(name) uncovered")
        }
    }

    /// Both maps tile the leg below the knee: every point of the leg's skin in the front, back
    /// and side views lies in some root's zone (no white strip between L4 and L5 on the shin,
    /// between L5 and S1 on the calf, or between a band and the calf's outline, where blank
    /// skin would read as a root the map does not show), since no gap is drawn there.
    @Test(arguments: [DermatomeMapID.evidenceBased, .classic])
    func mapTilesTheLowerLeg(_ mapID: DermatomeMapID) throws {
        let atlas = try TestAtlas.load()
        let map = try #require(atlas.dermatomeMaps[mapID])
        let roots = map.patterns.filter { $0.id != "dermatomes" }
        for (viewID, view) in [(ViewID.anterior, PatternView.anterior), (.posterior, .posterior), (.lateralRight, .lateral)] {
            let body = try #require(atlas.view(viewID)).outline.polylines()
            let knee = viewID == .lateralRight ? 1300.0 : 1320.0
            var bare: [Point] = []
            for y in stride(from: knee, through: 1640, by: 8) {
                for x in stride(from: -220.0, through: 220, by: 3) {
                    let p = Point(x, y)
                    // Screen and side frame agree for the right leg of the back and side views;
                    // the front view shows it mirrored.
                    let screen = viewID == .anterior ? Point(-x, y) : p
                    guard viewID == .lateralRight || x > 0,
                          body.contains(where: { Polygon.contains($0, screen) }),
                          body.allSatisfy({ line in line.allSatisfy { $0.distance(to: screen) > 4 } }) else { continue }
                    let covered = roots.contains { $0.zones.contains { $0.view == view && Polygon.contains($0.path.polylines()[0], p) } }
                    if !covered { bare.append(p) }
                }
            }
            #expect(bare.count == 0, "\(mapID.rawValue) map, \(viewID.rawValue): \(bare.count) points of the lower leg in no root, e.g. \(bare.prefix(4))")
        }
    }

    /// The evidence-based map leaves gaps that no root claims (Lee, McPhee & Stringer 2008).
    @Test func evidenceBasedMapHasItsGaps() throws {
        let atlas = try TestAtlas.load()
        let map = try #require(atlas.dermatomeMaps[.evidenceBased])
        #expect(map.gaps.count >= 2)
        #expect(map.gaps.contains { $0.view == .posterior }, "a gap over the buttock")
        let roots = map.patterns.filter { $0.id != "dermatomes" }
        for gap in map.gaps {
            let centre = try #require(gap.path.bounds).center
            let centreInside = Polygon.contains(gap.path.polylines()[0], centre)
            #expect(centreInside, "the gap's centre lies in the gap")
            let claimed = roots.filter { $0.zones.contains { $0.view == gap.view && Polygon.contains($0.path.polylines()[0], centre) } }
            #expect(claimed.isEmpty, "gap at \(centre) in the \(gap.view.rawValue) view is claimed by \(claimed.map(\.id))")
        }
        #expect(try #require(atlas.dermatomeMaps[.classic]).gaps.isEmpty)
    }

    @Test func radicularPatternsUseRadicularZones() throws {
        let atlas = try TestAtlas.load()
        for id in ["radicular-l4", "radicular-l5", "radicular-s1"] {
            let pattern = try #require(atlas.pattern(id))
            #expect(!pattern.zones.isEmpty && pattern.zones.allSatisfy { $0.kind == .radicular }, "\(id)")
        }
        // S1 reaches the heel and sole; gluteus minimus (posterior) stops above the ankle.
        let s1 = try #require(atlas.pattern("radicular-s1"))
        let minimus = try #require(atlas.pattern("gluteus-minimus-posterior"))
        let lowest: (Pattern) -> Double = { $0.zones.compactMap { $0.path.bounds?.maxY }.max() ?? 0 }
        let malleolus = try landmark("lateral-malleolus")
        #expect(lowest(s1) > malleolus.y + 30)
        #expect(lowest(minimus) < malleolus.y + 15)
    }
}
