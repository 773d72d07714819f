import AtlasModel
import AtlasRender
import Testing

@Suite("Rendering patterns")
struct PatternRenderTests {
    static let atlas = try! RenderTestAtlas.load()

    static var sidedPatterns: [String] {
        atlas.patterns.filter { $0.family != .dermatome }.map(\.id)
    }

    /// Saturated pixels (zones, nerves) left and right of the panel's midline.
    func colouredPixels(_ id: String, view: ViewID, side: Side) throws -> (left: Int, right: Int) {
        var request = ChartRequest(kind: .render, views: [view])
        request.patterns = [try #require(Self.atlas.pattern(id))]
        request.sides = [side]
        request.width = 240
        request.bare = true
        let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
        let image = try SceneRenderer.rasterize(scene)
        let midline = Int(scene.panels[0].origin.x)
        var left = 0, right = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = image[x, y]
                let high = max(p.r, p.g, p.b), low = min(p.r, p.g, p.b)
                guard Int(high) - Int(low) > 60 else { continue }
                if x < midline { left += 1 } else if x > midline { right += 1 }
            }
        }
        return (left, right)
    }

    @Test(arguments: sidedPatterns)
    func rightSideIsOnTheCorrectHalf(id: String) throws {
        let pattern = try #require(Self.atlas.pattern(id))
        for view in [ViewID.posterior, .anterior] where pattern.placed(in: view, side: .right) != nil {
            let right = try colouredPixels(id, view: view, side: .right)
            let left = try colouredPixels(id, view: view, side: .left)
            // Posterior: the patient's right is the viewer's right; anterior: the viewer's left.
            let (expectedMore, expectedLess) = view == .posterior ? (right.right, right.left) : (right.left, right.right)
            // Gluteus medius TrP3 spreads across the sacrum to both sides (clinical-facts 3).
            let dominance = id.hasPrefix("gluteus-medius") ? 1 : 3
            #expect(expectedMore > expectedLess * dominance, "\(id) right side in the \(view.rawValue) view: \(right)")
            // The left side is the mirror image (give or take the pixels on the midline).
            let slack = 24 + (right.left + right.right) / 40
            #expect(abs(left.left - right.right) <= slack && abs(left.right - right.left) <= slack,
                    "\(id) left side should mirror the right in the \(view.rawValue) view: \(left) vs \(right)")
        }
    }

    @Test func lateralViewsShowOnlyTheirSide() throws {
        let pattern = try #require(Self.atlas.pattern("tensor-fasciae-latae"))
        #expect(pattern.placed(in: .lateralRight, side: .right) != nil)
        #expect(pattern.placed(in: .lateralLeft, side: .right) == nil)
        #expect(pattern.placed(in: .lateralLeft, side: .left) != nil)
    }

    @Test(arguments: ["gluteus-minimus-anterior", "piriformis", "sacroiliac-joint", "radicular-s1", "sciatic-nerve",
                      "sciatic-entrapment", "hip-joint", "lumbar-disc"])
    func legendListsExactlyTheKindsShown(id: String) throws {
        let pattern = try #require(Self.atlas.pattern(id))
        var request = ChartRequest(kind: .render, views: pattern.bodyViews(side: .right))
        request.patterns = [pattern]
        let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
        let symbols = try #require(scene.legend).entries.map(\.symbol)
        let kinds = Set(pattern.zones.map(\.kind))
        // A pattern with an unconfirmed split draws every zone in one flagged tone.
        // A disc's field has its own soft-edged swatches.
        let byKind = pattern.splitConfirmed && pattern.family != .entrapment && pattern.family != .discogenic
        #expect(symbols.contains(.essential) == (byKind && kinds.contains(.essential)))
        #expect(symbols.contains(.spillover) == (byKind && kinds.contains(.spillover)))
        #expect(symbols.contains(.diffuseCore) == (pattern.family == .discogenic && kinds.contains(.essential)))
        #expect(symbols.contains(.unsplit) == !pattern.splitConfirmed)
        #expect(symbols.contains(.entrapmentCore) == (pattern.family == .entrapment && kinds.contains(.essential)))
        // A root's zones carry its name: a legend line per root, in that root's hatch.
        let roots = Set(pattern.zones.filter { $0.kind == .radicular }.compactMap(\.label))
        #expect(symbols.contains(.radicular) == pattern.zones.contains { $0.kind == .radicular && $0.label == nil })
        #expect(Set(symbols.compactMap { if case .root(let r) = $0 { r } else { nil } }) == roots)
        #expect(symbols.contains(.triggerPoint) == !pattern.triggerPoints.isEmpty)
        #expect(symbols.contains(.nerve) == !pattern.nerves.isEmpty)
        // A muscle shows as the anatomy layer's muscle or, where the layer has none, as the
        // pattern's own outline.
        let drawsMuscle = !pattern.muscles.isEmpty || scene.panels.contains { !($0.anatomy?.muscles.isEmpty ?? true) }
        #expect((symbols.contains(.muscle) || symbols.contains(.anatomy)) == drawsMuscle)
    }

    @Test(arguments: [("gluteus-minimus-anterior", ViewID.lateralRight), ("piriformis", .posterior),
                      ("radicular-s1", .posterior), ("tensor-fasciae-latae", .anterior), ("radicular-s1", .plantar)])
    func patternReferenceImages(id: String, view: ViewID) throws {
        var request = ChartRequest(kind: .render, views: [view])
        request.patterns = [try #require(Self.atlas.pattern(id))]
        request.width = 360
        request.bare = true
        let image = try SceneRenderer.rasterize(try ChartBuilder.scene(request, atlas: Self.atlas))
        try ImageComparison.check(image, named: "pattern-\(id)-\(view.rawValue)")
    }

    /// Both dermatome maps as flat plates with a root name in each band, in colour and in
    /// print-greyscale (the names are text: the budget allows a font's small differences).
    @Test(arguments: [(DermatomeMapID.classic, "default"), (.classic, "print-greyscale"), (.evidenceBased, "default"),
                      (.evidenceBased, "print-greyscale")])
    func dermatomeReferenceImages(map: DermatomeMapID, styleName: String) throws {
        let whole = try #require(Self.atlas.dermatomeMaps[map]?.patterns.first { $0.id == "dermatomes" })
        var request = ChartRequest(kind: .render, views: [.posterior, .anterior, .lateralRight])
        request.patterns = [whole]
        request.sides = [.right, .left]
        request.width = 720
        request.bare = true
        request.region = ChartRequest.defaultRegion(for: [whole])  // a plate of the leg: the lower quarter
        request.style = try #require(Self.atlas.style(styleName))
        let image = try SceneRenderer.rasterize(try ChartBuilder.scene(request, atlas: Self.atlas))
        try ImageComparison.check(image, named: "dermatomes-\(map.rawValue)-\(styleName)", budgetFraction: 0.01)
    }
}
