import AtlasModel
import AtlasRender
import Foundation
import Testing

@Suite("Charts")
struct ChartTests {
    @Test(arguments: ViewID.allCases)
    func templateReferenceImages(view: ViewID) throws {
        let atlas = try RenderTestAtlas.load()
        var request = ChartRequest(kind: .template, views: [view])
        request.width = 360
        request.bare = true  // text differs between machines' fonts: keep it out of references
        let image = try SceneRenderer.rasterize(try ChartBuilder.scene(request, atlas: atlas))
        try ImageComparison.check(image, named: "template-\(view.rawValue)")
    }

    @Test func combinedTemplateReference() throws {
        let atlas = try RenderTestAtlas.load()
        var request = ChartRequest(kind: .template, views: ViewID.allCases)
        request.width = 800
        request.bare = true
        try ImageComparison.check(try SceneRenderer.rasterize(try ChartBuilder.scene(request, atlas: atlas)), named: "template-all")
    }

    @Test func comparisonCanFail() throws {
        let atlas = try RenderTestAtlas.load()
        var request = ChartRequest(kind: .template, views: [.posterior])
        request.width = 360
        request.bare = true
        let posterior = try SceneRenderer.rasterize(try ChartBuilder.scene(request, atlas: atlas))
        request.views = [.anterior]
        let anterior = try SceneRenderer.rasterize(try ChartBuilder.scene(request, atlas: atlas))
        let diff = ImageComparison.difference(posterior, anterior, threshold: 48)
        #expect(diff.count > 100, "different views must not pass as the same picture")
    }

    @Test(arguments: [[ViewID.posterior], [.lateralRight], ViewID.allCases])
    func templateAndRenderPlaceTheBodyIdentically(views: [ViewID]) throws {
        let atlas = try RenderTestAtlas.load()
        var template = ChartRequest(kind: .template, views: views)
        var render = ChartRequest(kind: .render, views: views)
        template.width = 500; render.width = 500
        let a = try ChartBuilder.scene(template, atlas: atlas)
        let b = try ChartBuilder.scene(render, atlas: atlas)
        #expect(a.width == b.width && a.height == b.height)
        #expect(a.panels.map(\.origin) == b.panels.map(\.origin))
        #expect(a.panels.map(\.scale) == b.panels.map(\.scale))
        template.bare = true; render.bare = true
        let pa = try SceneRenderer.rasterize(try ChartBuilder.scene(template, atlas: atlas))
        let pb = try SceneRenderer.rasterize(try ChartBuilder.scene(render, atlas: atlas))
        #expect(pa == pb, "a bare template and a bare render of the body are the same pixels")
    }

    @Test func svgAndPDFAreWritten() throws {
        let atlas = try RenderTestAtlas.load()
        var request = ChartRequest(kind: .template, views: [.posterior])
        request.width = 400
        let scene = try ChartBuilder.scene(request, atlas: atlas)
        let svg = String(decoding: try SceneRenderer.render(scene, as: .svg), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("<svg"))
        let pdf = try SceneRenderer.render(scene, as: .pdf)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(try SceneRenderer.render(scene, as: .pdf) == pdf, "identical input gives identical PDF bytes")
    }

    @Test func pngCarriesMetadata() throws {
        let atlas = try RenderTestAtlas.load()
        var request = ChartRequest(kind: .render, views: [.posterior])
        request.width = 300
        request.dpi = 200
        let bytes = try SceneRenderer.render(try ChartBuilder.scene(request, atlas: atlas), as: .png)
        let fields = PNGChunks.textFields(bytes)
        #expect(fields["Title"] == "Body chart")
        #expect(fields["Software"]?.hasPrefix("referral-atlas ") == true)
        #expect(fields["Source"]?.contains(atlas.version) == true)
        #expect(abs((PNGChunks.dpi(bytes) ?? 0) - 200) < 0.1)
    }

    @Test func failedRenderLeavesNoFile() throws {
        let atlas = try RenderTestAtlas.load()
        let folder = try RenderTestAtlas.temporaryFolder()
        let target = folder.appendingPathComponent("chart.png").path
        var request = ChartRequest(kind: .template, views: [.posterior])
        request.width = 50_000
        #expect(throws: RenderError.self) { try Exporter.write(request, atlas: atlas, format: .png, to: target) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "no file, not even a temporary one")
    }

    @Test func atomicWriteReplacesWholeFiles() throws {
        let folder = try RenderTestAtlas.temporaryFolder()
        let target = folder.appendingPathComponent("out.bin").path
        try AtomicFile.write([1, 2, 3], to: target)
        try AtomicFile.write([4, 5], to: target)
        #expect(FileManager.default.contents(atPath: target) == Data([4, 5]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.bin"])
        #expect(throws: RenderError.self) { try AtomicFile.write([1], to: folder.appendingPathComponent("missing/out.bin").path) }
    }
}
