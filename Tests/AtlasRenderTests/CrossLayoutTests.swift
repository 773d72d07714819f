import AtlasModel
@testable import AtlasRender
import Testing

/// Trigger-point X marks never touch: in every figure (at its own width and at the 800 px
/// reading width) and on every page of every pattern's handout (A4 and letter), no two
/// marks' ink boxes, white halo included, come within half an X of each other; every
/// X keeps the legend's size, a nudged X stays on its muscle (no leader to a mark set off it),
/// and every X's arms lie inside the body's outline.
@Suite("Cross layout")
struct CrossLayoutTests {
    static let atlas = try! RenderTestAtlas.load()

    /// Every pair of marks whose halos touch, and every mark drawn smaller than asked.
    static func overlaps(_ layout: CrossLayout) -> [String] {
        var problems: [String] = []
        let reach = CrossLayout.reach(size: layout.size, width: layout.width)
        for i in layout.marks.indices {
            for j in layout.marks.indices where j > i {
                let a = layout.marks[i].at, b = layout.marks[j].at
                let apart = max(abs(a.x - b.x), abs(a.y - b.y))
                if apart < 2 * reach + layout.size / 2 - 1e-6 {
                    problems.append("X marks at (\(Int(a.x)), \(Int(a.y))) and (\(Int(b.x)), \(Int(b.y))) are \(Int(apart)) px apart, need \(Int(2 * reach + layout.size / 2))")
                }
            }
        }
        return problems
    }

    /// A muscle `width` by `height` px with its corner at the origin.
    static func rectangle(_ width: Double, _ height: Double) -> [Point] {
        [Point(0, 0), Point(width, 0), Point(width, height), Point(0, height)]
    }

    /// Two marks of one pattern at `first` and `second` in `muscle`, laid out at the legend's size.
    static func twoMarks(_ first: Point, _ second: Point, in muscle: [Point]) -> CrossLayout {
        CrossLayout([CrossLayout.Spot(point: first, pattern: "a", muscle: muscle),
                     CrossLayout.Spot(point: second, pattern: "a", muscle: muscle)], size: 16, width: 3)
    }

    static func check(_ scene: Scene, _ name: String) {
        for panel in scene.panels {
            let layout = SceneDrawer.crossMarks(panel, style: scene.style, look: SceneDrawer.crossLook(scene))
            if let look = SceneDrawer.crossLook(scene) {
                #expect(abs(layout.size - look.size) < 1e-9, "\(name): the X is \(layout.size) px, the legend's \(look.size)")
            }
            for problem in overlaps(layout) { Issue.record("\(name), \(panel.label ?? panel.view.id.rawValue): \(problem)") }
            for mark in layout.marks where mark.leader {
                Issue.record("\(name): an X was set off its muscle at (\(Int(mark.spot.x)), \(Int(mark.spot.y)))")
            }
            // Every X lies on the body: its arms never cross the outline (a gluteus medius X
            // straddled the iliac crest's outline in why-leg-pain).
            let body = panel.view.outline.polylines(segmentsPerCurve: 10).map { $0.map(panel.toPixels) }
            let reach = CrossLayout.armReach(size: layout.size, width: layout.width)
            for mark in layout.marks {
                let clear = Callouts.contains(mark.at, body) && body.allSatisfy { CrossLayout.edgeDistance(mark.at, $0) >= reach - 1e-6 }
                #expect(clear, "\(name), \(panel.label ?? panel.view.id.rawValue): the X at (\(Int(mark.at.x)), \(Int(mark.at.y))) crosses the body's outline")
            }
        }
    }

    @Test func figuresNeverOverlapTheirMarks() throws {
        for figure in Self.atlas.figures {
            for width in [nil, 800] {
                let scene = try FigureBuilder.scene(figure, width: width, atlas: Self.atlas)
                Self.check(scene, "figure \(figure.id) at \(width ?? figure.width) px")
            }
        }
    }

    @Test(arguments: Paper.allCases)
    func handoutsNeverOverlapTheirMarks(paper: Paper) throws {
        for pattern in Self.atlas.allPatterns() {
            for (number, page) in try RenderTestAtlas.handoutPages(pattern, paper: paper, atlas: Self.atlas).enumerated() {
                Self.check(page, "handout \(pattern.id) on \(paper.rawValue) page \(number + 1)")
            }
        }
    }

    /// The rule itself: two marks nearly on one spot in a roomy muscle are pulled apart to
    /// just clear, both stay inside the muscle, and the first keeps its true place.
    @Test func crowdedMarksAreNudgedWithinTheirMuscle() {
        let muscle = Self.rectangle(200, 60)
        let layout = Self.twoMarks(Point(100, 30), Point(104, 32), in: muscle)
        #expect(layout.marks.count == 2)
        #expect(Self.overlaps(layout).isEmpty, "\(Self.overlaps(layout))")
        #expect(layout.marks[0].at == Point(100, 30))
        #expect(layout.marks.allSatisfy { Polygon.contains(muscle, $0.at) && !$0.leader })
        let moved = layout.marks[1].at - layout.marks[1].spot
        #expect(max(abs(moved.x), abs(moved.y)) < layout.clearance + 1, "a nudge, not a jump: \(moved)")
    }

    /// A muscle with no room inside for a second mark holds it at its edge, the X's arms
    /// over the muscle: no leader (the quadratus lumborum's four marks in a whole-body view).
    @Test func aMarkMayStandAtItsMusclesEdge() {
        let muscle = Self.rectangle(34, 20)
        let layout = Self.twoMarks(Point(10, 10), Point(14, 10), in: muscle)
        #expect(Self.overlaps(layout).isEmpty)
        let second = layout.marks[1]
        #expect(!second.leader, "set off at \(second.at)")
        #expect(!Polygon.contains(muscle, second.at) && second.at.x - 34 <= layout.size / 2 + 1e-9, "at its edge: \(second.at)")
    }

    /// A muscle too small for two marks sets the second beside it, with a leader.
    @Test func aFullMuscleSetsTheMarkOffWithALeader() {
        let muscle = Self.rectangle(20, 20)
        let layout = Self.twoMarks(Point(10, 10), Point(12, 12), in: muscle)
        #expect(Self.overlaps(layout).isEmpty)
        #expect(layout.marks[1].leader)
    }
}
