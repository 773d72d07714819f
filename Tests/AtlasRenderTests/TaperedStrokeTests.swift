import AtlasModel
import Testing
@testable import AtlasRender

/// Faint contour lines thin toward their ends, as a plate's pen lines do, and keep their full
/// width in the middle.
@Suite("Tapered contour lines")
struct TaperedStrokeTests {
    /// The ribbon's width across the straight line y = 0 at `x`: the distance between its
    /// edges there.
    func width(of ribbon: BezierPath, at x: Double) -> Double {
        let ring = ribbon.polylines()[0]
        var ys: [Double] = []
        for (a, b) in zip(ring, ring.dropFirst() + ring.prefix(1)) where (a.x - x) * (b.x - x) <= 0 && a.x != b.x {
            ys.append(a.y + (x - a.x) * (b.y - a.y) / (b.x - a.x))
        }
        return (ys.max() ?? 0) - (ys.min() ?? 0)
    }

    @Test func fullInTheMiddleThinAtTheEnds() throws {
        let line = (0...40).map { Point(Double($0) * 5, 0) }
        let ribbon = try #require(TaperedStroke.ribbon(line, width: 2))
        #expect(abs(width(of: ribbon, at: 100) - 2) < 1e-9, "full width in the middle")
        #expect(abs(width(of: ribbon, at: 0.001) - 2 * TaperedStroke.endWidth) < 0.01, "thin at the start")
        #expect(abs(width(of: ribbon, at: 199.999) - 2 * TaperedStroke.endWidth) < 0.01, "thin at the end")
        #expect(width(of: ribbon, at: 20) < width(of: ribbon, at: 40), "it widens steadily from the end")
    }

    /// A line only a few pen widths long is too short to taper: it is stroked as it is.
    @Test func aShortLineIsNotTapered() {
        #expect(TaperedStroke.ribbon([Point(0, 0), Point(5, 0)], width: 2) == nil)
        #expect(TaperedStroke.ribbon([Point(0, 0), Point(0, 0)], width: 2) == nil)
    }

    /// In a render, the calf's groove of the back view (a faint line well away from any other)
    /// carries less ink across it near its ends than in its middle.
    @Test func aBodyContourTapersInARender() throws {
        let atlas = try RenderTestAtlas.load()
        var request = ChartRequest(kind: .render, views: [.posterior])
        request.width = 1600
        let scene = try ChartBuilder.scene(request, atlas: atlas)
        let image = try SceneRenderer.rasterize(scene)
        let panel = scene.panels[0]
        let calf = try #require(panel.view.contours.first { $0.id == "calf" })
        let line = calf.path.polylines(segmentsPerCurve: 16)[0].map(panel.toPixels)
        // The ink across the line at `fraction` of its length: darkness summed along a short
        // scan across it (the line runs down the leg, so the scan runs across the picture).
        func ink(at fraction: Double) -> Double {
            let p = line[Int((Double(line.count - 1) * fraction).rounded())]
            return (-8...8).reduce(0.0) { sum, dx in
                let c = image[Int(p.x) + dx, Int(p.y)]
                return sum + 255 - (Double(c.r) + Double(c.g) + Double(c.b)) / 3
            }
        }
        let middle = ink(at: 0.5)
        #expect(middle > 100, "the line is drawn (ink \(middle))")
        #expect(ink(at: 0.04) < 0.7 * middle && ink(at: 0.96) < 0.7 * middle,
                "ends \(ink(at: 0.04)), \(ink(at: 0.96)) vs middle \(middle)")
    }
}
