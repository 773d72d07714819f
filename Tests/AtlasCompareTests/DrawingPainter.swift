import AtlasCompare
import AtlasEvaluation
import AtlasModel
import AtlasRender
import Foundation

/// Makes pain drawings from the atlas itself: a printed template, resized as a paint program
/// would, shaded over a pattern's zones with a rough brush, cropped, with stray marks.
enum DrawingPainter {
    static let atlas: Atlas = try! AtlasLoader.load(directory: AtlasLocator.bundledAtlas()!)
    /// One comparator for the whole suite: its masks are built once.
    static let comparator: DrawingComparator = try! DrawingComparator(atlas: atlas)

    /// A blank chart: the template of `views` at `width`, drawn on at `width * upscale`.
    struct Sheet {
        var image: RGBAImage
        /// The template's panels, moved and scaled onto `image`.
        var panels: [ScenePanel]
    }

    static func sheet(_ views: [ViewID], width: Int, upscale: Double = 1) throws -> Sheet {
        var request = ChartRequest(kind: .template, views: views)
        request.width = width
        let scene = try ChartBuilder.scene(request, atlas: atlas)
        var image = try SceneRenderer.rasterize(scene)
        var panels = scene.panels
        if upscale != 1 {
            image = resize(image, width: Int((Double(image.width) * upscale).rounded()),
                           height: Int((Double(image.height) * upscale).rounded()))
            for i in panels.indices {
                panels[i].origin = panels[i].origin * upscale
                panels[i].scale *= upscale
                panels[i].frame = Rect(minX: panels[i].frame.minX * upscale, minY: panels[i].frame.minY * upscale,
                                       maxX: panels[i].frame.maxX * upscale, maxY: panels[i].frame.maxY * upscale)
            }
        }
        return Sheet(image: image, panels: panels)
    }

    /// Shades the zones of `kinds` of a pattern on one side in every panel that shows it:
    /// horizontal strokes with gaps between them (about three quarters covered), each
    /// running a little past the zone's edge, wobbling as a hand does.
    static func paint(_ sheet: inout Sheet, _ id: String, side: Side, kinds: Set<ZoneKind> = [.essential, .radicular],
                      color: Color = Style.default.painMark, seed: UInt64 = 1) throws {
        guard let pattern = atlas.pattern(id) else { throw PainterError.unknownPattern(id) }
        var random = SeededRandom(seed: seed)
        for panel in sheet.panels {
            guard let mask = try zoneMask(pattern, side: side, kinds: kinds, panel: panel, sheet: sheet) else { continue }
            let radius = max(2, 7 * panel.scale)      // a 14 mm brush
            let step = radius * 2.6
            var y = Double(random.next(below: Int(step))) + radius / 2
            while y < Double(mask.height) {
                for run in runs(mask, row: Int(y)) {
                    let overshoot = radius * (0.3 + 0.8 * random.unit())
                    let wobble = radius * 0.4 * (random.unit() - 0.5)
                    stroke(&sheet.image, from: Point(Double(run.lowerBound) - overshoot, y + wobble),
                           to: Point(Double(run.upperBound) + overshoot, y - wobble), radius: radius, color: color)
                }
                y += step
            }
        }
    }

    /// The zones of `kinds` of a pattern on one side as the panel shows them, clipped to the
    /// body, at the sheet's pixels; nil when the panel shows none of them.
    static func zoneMask(_ pattern: Pattern, side: Side, kinds: Set<ZoneKind>, panel: ScenePanel, sheet: Sheet) throws -> Mask? {
        guard let placed = pattern.placed(in: panel.view.id, side: side) else { return nil }
        let paths = placed.zones.filter { kinds.contains($0.kind) }.map(\.path)
        guard !paths.isEmpty else { return nil }
        return try MaskRasterizer.mask(of: paths, in: panel, sceneWidth: sheet.image.width, sceneHeight: sheet.image.height,
                                       factor: 1, clipToBody: true)
    }

    /// A round brush dragged along a segment.
    static func stroke(_ image: inout RGBAImage, from a: Point, to b: Point, radius: Double, color: Color) {
        let steps = max(1, Int(a.distance(to: b) / max(1, radius / 2)))
        for i in 0...steps { dab(&image, at: a.lerp(to: b, Double(i) / Double(steps)), radius: radius, color: color) }
    }

    static func dab(_ image: inout RGBAImage, at c: Point, radius: Double, color: Color) {
        let rgb = [UInt8(color.r * 255), UInt8(color.g * 255), UInt8(color.b * 255)]
        let width = image.width, height = image.height
        guard c.x + radius >= 0, c.y + radius >= 0, c.x - radius < Double(width), c.y - radius < Double(height) else { return }
        image.pixels.withUnsafeMutableBufferPointer { pixels in
            for y in max(0, Int(c.y - radius))...min(height - 1, Int(c.y + radius)) {
                for x in max(0, Int(c.x - radius))...min(width - 1, Int(c.x + radius))
                where (Double(x) - c.x) * (Double(x) - c.x) + (Double(y) - c.y) * (Double(y) - c.y) <= radius * radius {
                    let i = (y * width + x) * 4
                    pixels[i] = rgb[0]; pixels[i + 1] = rgb[1]; pixels[i + 2] = rgb[2]; pixels[i + 3] = 255
                }
            }
        }
    }

    /// Runs of covered pixels along one row of a mask.
    static func runs(_ mask: Mask, row: Int) -> [ClosedRange<Int>] {
        guard row >= 0, row < mask.height else { return [] }
        var result: [ClosedRange<Int>] = []
        var start: Int?
        for x in 0..<mask.width {
            let inside = mask[x, row] >= 128
            if inside, start == nil { start = x }
            if !inside, let s = start { result.append(s...(x - 1)); start = nil }
        }
        if let s = start { result.append(s...(mask.width - 1)) }
        return result
    }

    /// Bilinear resampling, as a paint program resizes.
    static func resize(_ image: RGBAImage, width: Int, height: Int) -> RGBAImage {
        var out = [UInt8](repeating: 255, count: width * height * 4)
        let sx = Double(image.width) / Double(width), sy = Double(image.height) / Double(height)
        let w = image.width
        image.pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for y in 0..<height {
                    let fy = max(0, (Double(y) + 0.5) * sy - 0.5)
                    let y0 = min(Int(fy), image.height - 1), y1 = min(y0 + 1, image.height - 1), ty = fy - Double(y0)
                    for x in 0..<width {
                        let fx = max(0, (Double(x) + 0.5) * sx - 0.5)
                        let x0 = min(Int(fx), w - 1), x1 = min(x0 + 1, w - 1), tx = fx - Double(x0)
                        let a = (y0 * w + x0) * 4, b = (y0 * w + x1) * 4, c = (y1 * w + x0) * 4, d = (y1 * w + x1) * 4
                        for channel in 0..<4 {
                            let top = Double(src[a + channel]) * (1 - tx) + Double(src[b + channel]) * tx
                            let bottom = Double(src[c + channel]) * (1 - tx) + Double(src[d + channel]) * tx
                            dst[(y * width + x) * 4 + channel] = UInt8(max(0, min(255, (top * (1 - ty) + bottom * ty).rounded())))
                        }
                    }
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: out)
    }

    /// Cuts `rect` out of the sheet and puts a white margin round it, as a screenshot would.
    static func crop(_ sheet: Sheet, x: Int, y: Int, width: Int, height: Int, margin: Int) -> Sheet {
        let outWidth = width + 2 * margin
        var pixels = [UInt8](repeating: 255, count: outWidth * (height + 2 * margin) * 4)
        let source = sheet.image
        let rows = min(height, source.height - y), columns = min(width, source.width - x)
        source.pixels.withUnsafeBufferPointer { from in
            pixels.withUnsafeMutableBufferPointer { to in
                for row in 0..<rows {
                    let a = ((y + row) * source.width + x) * 4, b = ((row + margin) * outWidth + margin) * 4
                    for i in 0..<(columns * 4) { to[b + i] = from[a + i] }
                }
            }
        }
        let out = RGBAImage(width: outWidth, height: height + 2 * margin, pixels: pixels)
        let shift = Point(Double(margin - x), Double(margin - y))
        let panels = sheet.panels.map { panel -> ScenePanel in
            var p = panel
            p.origin = p.origin + shift
            p.frame = Rect(minX: p.frame.minX + shift.x, minY: p.frame.minY + shift.y, maxX: p.frame.maxX + shift.x, maxY: p.frame.maxY + shift.y)
            return p
        }
        return Sheet(image: out, panels: panels)
    }

    /// The pixel of a body point (atlas millimetres) in a panel of the sheet.
    static func pixel(_ sheet: Sheet, view: ViewID, _ p: Point) -> Point {
        sheet.panels.first { $0.view.id == view }!.toPixels(p)
    }

    static func png(_ image: RGBAImage) throws -> [UInt8] {
        try PNGCodec.encode(image, opaque: true, dpi: 72, metadata: [])
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("compare-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

enum PainterError: Error { case unknownPattern(String) }
