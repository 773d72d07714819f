import Testing
@testable import AtlasModel

/// The body drawing serves the zones: nothing is drawn on an arm, and the sole view
/// keeps the side convention.
@Suite("Body drawing")
struct BodyDrawingTests {
    /// Every pattern of the atlas and of both dermatome maps, on both sides, in every view.
    func everyPlacement(_ atlas: Atlas) -> [PlacedPattern] {
        let patterns = atlas.allPatterns(dermatomeMap: .classic) + atlas.allPatterns(dermatomeMap: .evidenceBased)
        return patterns.flatMap { pattern in
            ViewID.withSoles.flatMap { view in Side.allCases.compactMap { pattern.placed(in: view, side: $0) } }
        }
    }

    @Test func everyViewHasItsArmsOrNone() throws {
        let atlas = try TestAtlas.load()
        for id in ViewID.allCases {
            let view = try #require(atlas.view(id))
            #expect(!view.arms.isEmpty, "the \(id.rawValue) view marks where its arm is")
        }
        #expect(try #require(atlas.view(.plantar)).arms.isEmpty)
    }

    /// No zone, as drawn (clipped to the silhouette), and no trigger point lies on an arm:
    /// a patient would read pain in the wrist.
    @Test func nothingIsDrawnOnAnArm() throws {
        let atlas = try TestAtlas.load()
        for placed in everyPlacement(atlas) {
            let view = try #require(atlas.view(placed.view))
            let body = view.outline.polylines()
            let arms = view.arms.compactMap { $0.polylines().first }
            func onArm(_ p: Point) -> Bool {
                body.contains { Polygon.contains($0, p) } && arms.contains { Polygon.contains($0, p) }
            }
            for zone in placed.zones {
                let polygon = try #require(zone.path.polylines().first)
                let hits = samples(inside: polygon, step: 3).filter(onArm)
                #expect(hits.count == 0, "\(placed.pattern.id) (\(placed.side.rawValue)): a \(zone.kind.rawValue) zone lies on the arm in the \(placed.view.rawValue) view near \(hits.first.map { "(\(Int($0.x)), \(Int($0.y)))" } ?? "")")
            }
            for point in placed.triggerPoints {
                #expect(!onArm(point.point), "\(placed.pattern.id): trigger point on the arm in the \(placed.view.rawValue) view")
            }
        }
    }

    /// The arm areas really cover the arms: the hand of the front view and the bent arm
    /// of the side view are inside them, the hip and thigh are not.
    @Test func armAreasCoverTheArmsOnly() throws {
        let atlas = try TestAtlas.load()
        func onArm(_ view: ViewID, _ p: Point) throws -> Bool {
            try #require(atlas.view(view)).arms.contains { Polygon.contains($0.polylines()[0], p) }
        }
        let front = try #require(atlas.view(.anterior))
        let fingertip = try #require(front.landmark("fingertip", side: .right)).point
        #expect(try onArm(.anterior, fingertip + Point(0, -20)))
        let side = try #require(atlas.view(.lateralRight))
        for name in ["greater-trochanter", "iliac-crest", "asis", "lateral-thigh", "buttock"] {
            let p = try #require(side.landmark(name)).point
            #expect(try !onArm(.lateralRight, p), "\(name) is not on the arm")
        }
        // Whatever of the side view stands in front of the chest (x > 125) above the elbow is
        // the forearm and hand, and lies in the arm area.
        for p in side.outline.polylines()[0] where p.x > 125 && p.y < 640 {
            #expect(try onArm(.lateralRight, p), "the forearm or hand at (\(Int(p.x)), \(Int(p.y))) is outside the arm area")
        }
        // In the side views the whole arm is above the waist.
        for view in [ViewID.lateralRight, .lateralLeft] {
            let lowest = try #require(atlas.view(view)).arms.compactMap(\.bounds?.maxY).max() ?? 0
            #expect(lowest < 680, "the arm reaches down to y = \(lowest) in the \(view.rawValue) view")
        }
    }

    /// The side views' arm stays close to the body: the folded forearms stand at most 10 cm in
    /// front of the chest. An arm reaching forward (the raised forearm and hand reached 15 cm
    /// past it) widens the view and shrinks every figure that shows it.
    @Test func sideViewArmStaysCloseToTheChest() throws {
        let atlas = try TestAtlas.load()
        let side = try #require(atlas.view(.lateralRight))
        let outline = side.outline.polylines(segmentsPerCurve: 16).flatMap { $0 }
        // The nipple lies on the chest's fullest point.
        let chest = try #require(side.landmark("nipple")).point.x
        let arm = try #require(outline.filter { $0.y < 640 && $0.x > 0 }.map(\.x).max())
        #expect(arm - chest <= 100, "the arm stands \(Int(arm - chest)) mm in front of the chest")
        #expect(arm - chest >= 40, "the folded forearms lie in front of the chest (\(Int(arm - chest)) mm)")
    }

    /// The soles follow the front view's convention: the patient's right sole is on the
    /// viewer's left, and its outer border (S1) is further left than its big toe.
    @Test func solesFollowTheFrontConvention() throws {
        let atlas = try TestAtlas.load()
        let soles = try #require(atlas.view(.plantar))
        let rightToe = try #require(soles.landmark("big-toe", side: .right)).point
        let rightLittleToe = try #require(soles.landmark("little-toe", side: .right)).point
        let leftToe = try #require(soles.landmark("big-toe", side: .left)).point
        #expect(rightToe.x < 0 && leftToe.x > 0)
        #expect(rightLittleToe.x < rightToe.x, "the little toe is lateral: further from the midline")
        let s1 = try #require(atlas.pattern("radicular-s1")?.placed(in: .plantar, side: .right))
        let centre = try #require(s1.zones.first?.path.bounds).center
        #expect(centre.x < rightToe.x, "S1 lies on the outer (little-toe) side of the right sole")
        #expect(atlas.pattern("radicular-s1")?.bodyViews(side: .left).contains(.plantar) == true)
    }

    /// The sole zones of L4, L5 and S1 and of both dermatome maps exist.
    @Test func rootsReachTheSole() throws {
        let atlas = try TestAtlas.load()
        for id in ["radicular-l4", "radicular-s1"] {
            #expect(try #require(atlas.pattern(id)).views.contains(.plantar), "\(id) has a sole zone")
        }
        // L5 keeps to the top of the foot; the sole is S1's (clinical-facts 9a-9b).
        #expect(try #require(atlas.pattern("radicular-l5")).views.contains(.plantar) == false)
        for map in [DermatomeMapID.classic, .evidenceBased] {
            for root in ["l4", "s1"] {
                let pattern = try #require(atlas.pattern("dermatome-\(root)", dermatomeMap: map))
                #expect(pattern.views.contains(.plantar), "\(map.rawValue) \(root) has a sole zone")
            }
        }
    }

    func samples(inside polygon: [Point], step: Double) -> [Point] {
        guard let box = Rect(bounding: polygon) else { return [] }
        var points: [Point] = []
        var y = box.minY + step / 2
        while y < box.maxY {
            var x = box.minX + step / 2
            while x < box.maxX {
                if Polygon.contains(polygon, Point(x, y)) { points.append(Point(x, y)) }
                x += step
            }
            y += step
        }
        return points
    }
}
