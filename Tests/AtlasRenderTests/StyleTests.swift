import AtlasModel
import AtlasRender
import Foundation
import Testing

@Suite("Styles")
struct StyleTests {
    static let atlas = try! RenderTestAtlas.load()

    /// Three square zones, one of each kind, side by side on the back of the right thigh.
    func swatchScene(style: Style) throws -> (Scene, [ZoneKind: Rect]) {
        func square(_ x: Double) -> BezierPath {
            BezierPath([.move(Point(x, 960)), .line(Point(x + 36, 960)), .line(Point(x + 36, 1060)), .line(Point(x, 1060)), .close])
        }
        let kinds: [(ZoneKind, Double)] = [(.essential, 20), (.spillover, 62), (.radicular, 104)]
        let zones = kinds.map { Zone(view: .posterior, kind: $0.0, path: square($0.1)) }
        let probe = Pattern(id: "probe", name: "Probe", family: .myofascial, description: "", feel: [], sources: [], fidelity: .estimate,
                            fidelityNote: nil, includes: [], muscles: [], triggerPoints: [], zones: zones, nerves: [],
                            location: AtlasModel.SourceLocation(file: "t", line: 1, column: 1))
        var request = ChartRequest(kind: .render, views: [.posterior])
        request.patterns = [probe]
        request.width = 1200
        request.bare = true
        request.style = style
        let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
        let panel = scene.panels[0]
        var boxes: [ZoneKind: Rect] = [:]
        for (kind, x) in kinds {
            let a = panel.toPixels(Point(x + 6, 970)), b = panel.toPixels(Point(x + 30, 1050))
            boxes[kind] = Rect(minX: a.x, minY: a.y, maxX: b.x, maxY: b.y)
        }
        return (scene, boxes)
    }

    /// Mean and standard deviation of grey levels (Rec. 709) inside a box.
    func greyStatistics(_ image: RGBAImage, _ box: Rect) -> (mean: Double, deviation: Double) {
        var values: [Double] = []
        for y in Int(box.minY)..<Int(box.maxY) {
            for x in Int(box.minX)..<Int(box.maxX) {
                let p = image[x, y]
                values.append(0.2126 * Double(p.r) + 0.7152 * Double(p.g) + 0.0722 * Double(p.b))
            }
        }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return (mean, variance.squareRoot())
    }

    /// Printed in greyscale, essential (solid, dark), spillover (dots, light) and radicular
    /// (hatch) zones and the outline stay distinct by lightness or texture, in every style.
    @Test(arguments: ["default", "print-greyscale"])
    func encodingsSurviveGreyscale(styleName: String) throws {
        let style = try #require(Self.atlas.style(styleName))
        let (scene, boxes) = try swatchScene(style: style)
        let image = try SceneRenderer.rasterize(scene)
        let essential = greyStatistics(image, boxes[.essential]!)
        let spillover = greyStatistics(image, boxes[.spillover]!)
        let radicular = greyStatistics(image, boxes[.radicular]!)
        // Essential is solid: uniform and dark.
        #expect(essential.deviation < 8, "essential should be a flat fill: \(essential)")
        #expect(essential.mean < 140, "essential should read dark in greyscale: \(essential)")
        // Spillover and radicular carry texture.
        #expect(spillover.deviation > 15, "spillover needs visible dots: \(spillover)")
        #expect(radicular.deviation > 15, "radicular needs visible hatching: \(radicular)")
        // Solid vs textured zones differ in lightness too.
        #expect(spillover.mean - essential.mean > 40, "spillover must be much lighter than essential: \(spillover) vs \(essential)")
        #expect(radicular.mean - essential.mean > 30, "radicular must be lighter than essential: \(radicular) vs \(essential)")
        // The outline is darker than any fill.
        let outline = style.outline.lightness * 255
        #expect(outline < essential.mean - 20)
    }

    /// The entrapment family's "felt by some" tier has a texture and slant no other hatch
    /// uses, and prints lighter than the radicular hatch yet still textured, so a greyscale
    /// print never confuses it with nerve-root pain.
    @Test(arguments: ["default", "print-greyscale"])
    func entrapmentSomeIsItsOwnTextureInGreyscale(styleName: String) throws {
        let style = try #require(Self.atlas.style(styleName))
        let some = style.entrapment
        let others = [style.radicular, style.entrapment, style.gap] + Array(style.roots.values)
        for other in others {
            #expect(other.texture != some.someTexture || other.angleDegrees != some.someAngleDegrees,
                    "'felt by some' looks like another hatch (\(other.texture) at \(other.angleDegrees))")
        }
        #expect(some.someTexture != style.radicular.texture, "not the root hatch's texture")
        // Side by side on the thigh: an entrapment 'some' square and a radicular square.
        func square(_ x: Double) -> BezierPath {
            BezierPath([.move(Point(x, 960)), .line(Point(x + 36, 960)), .line(Point(x + 36, 1060)), .line(Point(x, 1060)), .close])
        }
        func probe(_ id: String, _ family: Family, _ kind: ZoneKind, _ x: Double) -> Pattern {
            Pattern(id: id, name: id, family: family, description: "", feel: [], sources: [], fidelity: .estimate,
                    fidelityNote: nil, includes: [], muscles: [], triggerPoints: [], zones: [Zone(view: .posterior, kind: kind, path: square(x))],
                    nerves: [], location: AtlasModel.SourceLocation(file: "t", line: 1, column: 1))
        }
        var request = ChartRequest(kind: .render, views: [.posterior])
        request.patterns = [probe("trapped", .entrapment, .spillover, 20), probe("root", .radicular, .radicular, 104)]
        request.width = 1200
        request.bare = true
        request.style = style
        let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
        let image = try SceneRenderer.rasterize(scene)
        let box: (Double) -> Rect = { x in
            let a = scene.panels[0].toPixels(Point(x + 6, 970)), b = scene.panels[0].toPixels(Point(x + 30, 1050))
            return Rect(minX: a.x, minY: a.y, maxX: b.x, maxY: b.y)
        }
        let trapped = greyStatistics(image, box(20)), root = greyStatistics(image, box(104))
        #expect(trapped.deviation > 8, "'felt by some' needs visible texture: \(trapped)")
        #expect(trapped.mean - root.mean > 20, "'felt by some' must print lighter than the root hatch: \(trapped) vs \(root)")
    }

    /// Dermatome bands that touch on either map, in any view (the soles too), differ by a
    /// clear lightness step, so a greyscale print tells neighbours apart; the pairs are found
    /// from the maps' geometry, not listed by hand. The print-greyscale style uses greys.
    @Test(arguments: ["default", "print-greyscale"])
    func neighbouringDermatomesDifferInLightness(styleName: String) throws {
        let style = try #require(Self.atlas.style(styleName))
        let neighbours = Self.touchingRoots()
        #expect(neighbours.contains(["L4", "L5"]) && neighbours.contains(["S1", "S2"]), "the maps' bands touch: \(neighbours)")
        for pair in neighbours {
            let roots = pair.sorted()
            let step = abs(style.dermatomeFill(forRoot: roots[0]).lightness - style.dermatomeFill(forRoot: roots[1]).lightness)
            #expect(step >= 0.15, "\(roots[0]) and \(roots[1]) touch but differ by only \(step) in lightness in \(styleName)")
        }
        // Every root its own grey, so the key names each band even where they do not touch.
        let roots = ["L3", "L4", "L5", "S1", "S2"]
        for a in roots {
            for b in roots where a < b {
                let step = abs(style.dermatomeFill(forRoot: a).lightness - style.dermatomeFill(forRoot: b).lightness)
                #expect(step >= 0.12, "\(a) and \(b) differ by only \(step) in lightness in \(styleName)")
            }
        }
        for root in roots {
            let fill = style.dermatomeFill(forRoot: root)
            #expect(fill.lightness <= 0.92, "\(root) must not pass for blank skin")
            #expect(abs(fill.lightness - style.dermatomeLabel(onRoot: root).lightness) >= 0.35, "\(root)'s name must read on its fill")
            if styleName == "print-greyscale" { #expect(fill.r == fill.g && fill.g == fill.b) }
        }
    }

    /// Pairs of roots whose bands meet (overlap, or come within 6 mm) in some view of either map.
    static func touchingRoots() -> Set<Set<String>> {
        var pairs: Set<Set<String>> = []
        for map in Self.atlas.dermatomeMaps.values {
            for view in ViewID.withSoles {
                let zones = map.patterns.filter { $0.id != "dermatomes" }
                    .compactMap { $0.placed(in: view, side: .right) }.flatMap(\.zones)
                    .filter { $0.kind == .radicular && $0.label != nil }
                let shapes = zones.map { ($0.label!, $0.path.polylines(segmentsPerCurve: 8).flatMap { $0 }) }
                for i in shapes.indices {
                    for j in shapes.indices where j > i && shapes[i].0 != shapes[j].0 {
                        let (a, b) = (shapes[i].1, shapes[j].1)
                        let near = a.contains { p in b.contains { p.distance(to: $0) < 6 } }
                        let inside = a.contains { Polygon.contains(b, $0) } || b.contains { Polygon.contains(a, $0) }
                        if near || inside { pairs.insert([shapes[i].0, shapes[j].0]) }
                    }
                }
            }
        }
        return pairs
    }

    /// Where two touching roots' greys differ by under 0.2, or a root's grey is within 0.2 of
    /// blank white skin, the greyscale style gives one of them a light texture (review 22:40,
    /// finding 11: L4 and L5 read alike, S1 passed for blank skin).
    @Test func closeDermatomeGreysCarryATexture() throws {
        let style = try #require(Self.atlas.style("print-greyscale"))
        let textured = Set(style.dermatomeTextures.keys)
        for pair in Self.touchingRoots() {
            let roots = pair.sorted()
            let step = abs(style.dermatomeFill(forRoot: roots[0]).lightness - style.dermatomeFill(forRoot: roots[1]).lightness)
            #expect(step >= 0.2 || !pair.isDisjoint(with: textured), "\(roots) touch, \(step) apart, and neither is textured")
        }
        for root in ["L3", "L4", "L5", "S1", "S2"] where 1 - style.dermatomeFill(forRoot: root).lightness < 0.2 {
            #expect(textured.contains(root), "\(root) is near white and plain: it reads as blank skin")
        }
        #expect(Self.atlas.style("default")?.dermatomeTextures.isEmpty == true, "the colour plate stays flat")
    }

    /// A textured band prints as a light tone: visibly textured, its mean near its grey and
    /// lighter than L5 beside it. (S1's dots are black and large enough to read: grey
    /// hairline dots left it looking like blank skin, review of 4 December; so its mean may
    /// lie a little further from its grey than a faint texture's would.)
    @Test func dermatomeTextureIsLight() throws {
        let style = try #require(Self.atlas.style("print-greyscale"))
        let stats = try lateralS1(style: style)
        #expect(stats.deviation > 20, "a texture that reads: \(stats)")
        #expect(stats.mean < 215, "well apart from blank skin (near 250): \(stats)")
        #expect(abs(stats.mean - style.dermatomeFill(forRoot: "S1").lightness * 255) < 40, "a light texture: \(stats)")
        #expect(stats.mean > style.dermatomeFill(forRoot: "L5").lightness * 255 + 25, "lighter than L5: \(stats)")
    }

    /// A dermatome map is drawn flat: inside a band the print is one even tone, not a hatch.
    @Test func dermatomeMapIsFlat() throws {
        let style = try #require(Self.atlas.style("default"))
        let stats = try lateralS1(style: style)
        #expect(stats.deviation < 6, "a flat fill: \(stats)")
        #expect(abs(stats.mean - style.dermatomeFill(forRoot: "S1").lightness * 255) < 8, "\(stats)")
    }

    /// The classic S1 band on the back of the calf in a bare right side view, in grey levels.
    func lateralS1(style: Style) throws -> (mean: Double, deviation: Double) {
        let map = try #require(Self.atlas.dermatomeMaps[.classic])
        let s1 = try #require(map.patterns.first { $0.id == "dermatome-s1" })
        var request = ChartRequest(kind: .render, views: [.lateralRight])
        request.patterns = [s1]
        request.width = 600
        request.bare = true
        request.style = style
        let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
        let image = try SceneRenderer.rasterize(scene)
        // The back of the calf, inside the S1 band of the right side view.
        let a = scene.panels[0].toPixels(Point(-45, 1380)), b = scene.panels[0].toPixels(Point(-30, 1420))
        return greyStatistics(image, Rect(minX: a.x, minY: a.y, maxX: b.x, maxY: b.y))
    }

    @Test func stylesLoadAndDiffer() throws {
        let normal = try #require(Self.atlas.style("default"))
        let grey = try #require(Self.atlas.style("print-greyscale"))
        #expect(normal != grey)
        for colour in [grey.essential, grey.spilloverDot, grey.radicular.color, grey.outline] {
            #expect(colour.r == colour.g && colour.g == colour.b, "print-greyscale uses greys only")
        }
    }

    @Test func badStyleFileNamesItsPlace() throws {
        let folder = try RenderTestAtlas.temporaryFolder()
        let file = folder.appendingPathComponent("bad.yaml").path
        try "name: bad\nessential:\n  color: red\n  shade: 3\n".write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try AtlasLoader.loadStyle(file: file)
            Issue.record("a bad style loaded")
        } catch {
            let text = error.description
            #expect(text.contains("bad.yaml:3:10: expected a colour"), "\(text)")
            #expect(text.contains("bad.yaml:4:3: unknown key 'shade'"), "\(text)")
        }
    }
}
