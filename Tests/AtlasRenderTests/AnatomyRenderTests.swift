import AtlasModel
import AtlasRender
import Foundation
import Testing

/// Patterns are drawn with their muscle and the skeleton beneath, unless turned off; blank
/// charts never are; the zones stay on top.
@Suite("Anatomy under the zones")
struct AnatomyRenderTests {
    static let atlas = try! RenderTestAtlas.load()

    func request(_ id: String, view: ViewID, width: Int = 400) throws -> ChartRequest {
        var request = ChartRequest(kind: .render, views: [view])
        request.patterns = [try #require(Self.atlas.pattern(id))]
        request.width = width
        return request
    }

    @Test func patternsRenderWithTheirMuscleByDefault() throws {
        let scene = try ChartBuilder.scene(try request("gluteus-medius", view: .posterior), atlas: Self.atlas)
        let anatomy = try #require(scene.panels[0].anatomy)
        #expect(anatomy.muscles.map(\.id) == ["gluteus-medius"])
        #expect(anatomy.bones.contains { $0.id == "femur" } && anatomy.bones.contains { $0.id == "sacrum" })
        let symbols = scene.legend?.entries.map(\.symbol) ?? []
        #expect(symbols.contains(.anatomy), "the legend names the muscle layer")
        #expect(!symbols.contains(.muscle), "no older dashed outline is drawn, so the legend does not show one")
    }

    @Test func requestStyleFigureAndHandoutEachTurnItOff() throws {
        var off = try request("gluteus-medius", view: .posterior)
        off.anatomy = false
        var scene = try ChartBuilder.scene(off, atlas: Self.atlas)
        #expect(scene.panels[0].anatomy == nil)
        let offSymbols = scene.legend?.entries.map(\.symbol) ?? []
        #expect(!offSymbols.contains(.anatomy))

        var styled = try request("gluteus-medius", view: .posterior)
        styled.style.anatomy.show = false
        scene = try ChartBuilder.scene(styled, atlas: Self.atlas)
        #expect(scene.panels[0].anatomy == nil)

        var figure = try #require(Self.atlas.figure("piriformis-and-sciatic-nerve"))
        #expect(try FigureBuilder.scene(figure, width: 500, atlas: Self.atlas).panels.contains { $0.anatomy?.muscles.isEmpty == false })
        figure.anatomy = false
        #expect(try FigureBuilder.scene(figure, width: 500, atlas: Self.atlas).panels.allSatisfy { $0.anatomy == nil })

        var handout = HandoutRequest(patterns: [try #require(Self.atlas.pattern("tensor-fasciae-latae"))])
        handout.dpi = 60
        #expect(try HandoutBuilder.scene(handout, atlas: Self.atlas).panels.allSatisfy { $0.anatomy?.muscles.isEmpty == false })
        handout.anatomy = false
        #expect(try HandoutBuilder.scene(handout, atlas: Self.atlas).panels.allSatisfy { $0.anatomy == nil })
    }

    @Test func noAnatomyFlagLeavesItOut() throws {
        let folder = try RenderTestAtlas.temporaryFolder()
        let with = folder.appendingPathComponent("with.png"), without = folder.appendingPathComponent("without.png")
        let cli = CommandLineTests()
        let a = try cli.run(["render", "gluteus-medius", "--view", "posterior", "--width", "300", "--bare", "-o", with.path])
        let b = try cli.run(["render", "gluteus-medius", "--view", "posterior", "--width", "300", "--bare", "--no-anatomy", "-o", without.path])
        #expect(a.status == 0 && b.status == 0, "\(a.error)\(b.error)")
        let withImage = try PNGCodec.decode([UInt8](try Data(contentsOf: with)))
        let withoutImage = try PNGCodec.decode([UInt8](try Data(contentsOf: without)))
        #expect(withImage != withoutImage, "--no-anatomy changed nothing")
    }

    @Test func blankChartsNeverShowIt() throws {
        var template = ChartRequest(kind: .template, views: [.posterior, .anterior])
        template.width = 800
        let scene = try ChartBuilder.scene(template, atlas: Self.atlas)
        #expect(scene.panels.allSatisfy { $0.anatomy == nil })
    }

    @Test func styleFileKeyTurnsItOff() throws {
        let folder = try RenderTestAtlas.temporaryFolder()
        let file = folder.appendingPathComponent("plain.yaml")
        try "name: plain\nanatomy:\n  show: false\n  fibre: \"#00000040\"\n".write(to: file, atomically: true, encoding: .utf8)
        let style = try AtlasLoader.loadStyle(file: file.path)
        #expect(!style.anatomy.show)
        #expect(style.anatomy.fibre == Color(hex: "#00000040"))
        try "name: plain\nanatomy:\n  shown: false\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: AtlasError.self) { try AtlasLoader.loadStyle(file: file.path) }
    }

    /// Drawn beneath, legible through: where the picture without anatomy shows solid essential
    /// red, the picture with it shows that red, except along the muscle's thin light outline and
    /// fibres drawn through the zone (so T&S's pairing of zone and muscle stays readable); there
    /// the pixel is still clearly red, never hidden; and the layer changes the picture elsewhere.
    @Test(arguments: ["gluteus-medius", "hamstrings-medial", "hamstrings-lateral"])
    func zonesStayOnTop(id: String) throws {
        let pattern = try #require(Self.atlas.pattern(id))
        let view = try #require(pattern.bodyViews(side: .right).first)
        var with = try request(id, view: view, width: 500)
        with.bare = true
        var without = with
        without.anatomy = false
        let a = try SceneRenderer.rasterize(try ChartBuilder.scene(with, atlas: Self.atlas))
        let b = try SceneRenderer.rasterize(try ChartBuilder.scene(without, atlas: Self.atlas))
        let red = Self.atlas.style()!.essential
        let target = (UInt8(red.r * 255), UInt8(red.g * 255), UInt8(red.b * 255))
        var essential = 0, kept = 0, stillRed = 0, changed = 0, shift = 0
        for y in 0..<b.height {
            for x in 0..<b.width {
                let p = b[x, y], q = a[x, y]
                if p != q { changed += 1 }
                guard abs(Int(p.r) - Int(target.0)) <= 1, abs(Int(p.g) - Int(target.1)) <= 1, abs(Int(p.b) - Int(target.2)) <= 1 else { continue }
                essential += 1
                if p == q { kept += 1 }
                shift += abs(Int(q.r) - Int(p.r)) + abs(Int(q.g) - Int(p.g)) + abs(Int(q.b) - Int(p.b))
                if Int(q.r) >= Int(q.g) + 40 && Int(q.r) >= Int(q.b) + 40 { stillRed += 1 }
            }
        }
        #expect(essential > 100, "\(id) shows an essential zone")
        // Thin and faint: on average the zone's colour moves by only a few levels per channel.
        let meanShift = Double(shift) / Double(3 * max(essential, 1))
        #expect(meanShift < 8, "\(id): the lines through the zone change its colour by \(meanShift) levels on average")
        #expect(kept < essential, "\(id): the muscle's outline shows through its solid zone")
        #expect(stillRed == essential, "\(id): \(essential - stillRed) essential-zone pixels are no longer red")
        #expect(changed > 500, "\(id): the anatomy layer draws something")
    }

    /// A superficial muscle drawn only as a faint outline over a deep one (gluteus maximus over
    /// piriformis) lies under the zones like the rest of the layer: inside a zone the picture is
    /// the same with or without that outline (it once looped through piriformis's zones).
    @Test func coveringOutlineStaysUnderTheZones() throws {
        var request = try request("piriformis", view: .posterior, width: 500)
        request.bare = true
        let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
        #expect(scene.panels[0].anatomy?.covering.map(\.id) == ["gluteus-maximus"])
        var uncovered = scene
        uncovered.panels[0].anatomy?.covering = []
        var zoneless = scene
        zoneless.panels[0].patterns = scene.panels[0].patterns.map { var placed = $0; placed.zones = []; return placed }
        let full = try SceneRenderer.rasterize(scene)
        let withoutOutline = try SceneRenderer.rasterize(uncovered)
        let withoutZones = try SceneRenderer.rasterize(zoneless)
        // A zone pixel: one the zones change, as are its eight neighbours (so not an antialiased edge).
        func inZone(_ x: Int, _ y: Int) -> Bool {
            (-1...1).allSatisfy { dy in (-1...1).allSatisfy { dx in full[x + dx, y + dy] != withoutZones[x + dx, y + dy] } }
        }
        var zone = 0, changedInZone = 0, changedElsewhere = 0
        for y in 1..<(full.height - 1) {
            for x in 1..<(full.width - 1) {
                let inside = inZone(x, y)
                if inside { zone += 1 }
                guard full[x, y] != withoutOutline[x, y] else { continue }
                if inside { changedInZone += 1 } else { changedElsewhere += 1 }
            }
        }
        #expect(zone > 1000, "piriformis shows its zones")
        #expect(changedElsewhere > 50, "the covering outline is drawn outside the zones")
        #expect(changedInZone == 0, "\(changedInZone) zone pixels show the covering muscle's outline")
    }
}
