import AtlasModel
import CCairo
import Foundation

/// Renders a Scene to the bytes of a PNG, SVG or PDF file.
public enum SceneRenderer {
    /// `threads`: how many cores a PNG may be drawn and compressed on (default: all of them;
    /// a batch that already keeps every core busy passes 1).
    public static func render(_ scene: Scene, as format: OutputFormat, threads: Int? = nil) throws(RenderError) -> [UInt8] {
        try scene.checkDrawable(raster: format.isRaster)
        switch format {
        case .png:
            // Drawn and compressed in bands, straight from Cairo's surfaces (BandedPNGWriter).
            return try BandedPNGWriter.render(scene, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        case .jpeg:
            // Quality 90: line art without visible ringing around the outlines and text.
            return try JPEGCodec.encode(samples: try rasterSurface(scene).opaqueRGB(), width: scene.width, height: scene.height,
                                        components: 3, quality: 90)
        case .svg, .pdf:
            let points = 72 / scene.dpi
            let surface = try CairoSurface.vector(format == .pdf ? .pdf : .svg,
                                                  widthPoints: Double(scene.width) * points, heightPoints: Double(scene.height) * points)
            if format == .pdf { surface.setPDFTitle(scene.title) }
            do {
                let cr = try CairoContext(surface)
                cairo_scale(cr.pointer, points, points)
                SceneDrawer(scene: scene, cr: cr).draw()
                SceneDrawer(scene: scene, cr: cr).drawFollowingPages()
                cairo_show_page(cr.pointer)
                try cr.checkStatus()
            }
            return try surface.finish()
        }
    }

    /// The scene as 8-bit RGBA pixels (opaque: the page is white).
    public static func rasterize(_ scene: Scene) throws(RenderError) -> RGBAImage {
        try rasterSurface(scene).rgbaImage()
    }

    static func rasterSurface(_ scene: Scene) throws(RenderError) -> CairoSurface {
        try scene.checkDrawable(raster: true)
        let surface = try CairoSurface.image(width: scene.width, height: scene.height)
        let cr = try CairoContext(surface)
        SceneDrawer(scene: scene, cr: cr).draw()
        SceneDrawer(scene: scene, cr: cr).drawFollowingPages()
        try cr.checkStatus()
        return surface
    }
}

extension CairoSurface {
    /// RGB bytes of an opaque surface (the page is painted white first, so alpha is 255).
    func opaqueRGB() -> [UInt8] {
        let w = width, h = height, rowBytes = stride
        // Filled in place, without zeroing first.
        return [UInt8](unsafeUninitializedCapacity: w * h * 3) { dst, count in
            withPixels { src in
                let base = UnsafeRawPointer(src.baseAddress!)
                for y in 0..<h {
                    copyOpaqueRow(base + y * rowBytes, width: w, to: dst, at: y * w * 3)
                }
            }
            count = w * h * 3
        }
    }

    /// Cairo's premultiplied native-endian ARGB32 as straight RGBA bytes.
    func rgbaImage() -> RGBAImage {
        let w = width, h = height, rowBytes = stride
        var out = [UInt8](repeating: 0, count: w * h * 4)
        withPixels { src in
            for y in 0..<h {
                for x in 0..<w {
                    let i = y * rowBytes + x * 4
                    let pixel = UInt32(src[i]) | UInt32(src[i + 1]) << 8 | UInt32(src[i + 2]) << 16 | UInt32(src[i + 3]) << 24
                    let a = pixel >> 24
                    var r = (pixel >> 16) & 0xFF, g = (pixel >> 8) & 0xFF, b = pixel & 0xFF
                    if a != 0 && a != 255 {
                        r = min(255, (r * 255 + a / 2) / a); g = min(255, (g * 255 + a / 2) / a); b = min(255, (b * 255 + a / 2) / a)
                    }
                    let o = (y * w + x) * 4
                    out[o] = UInt8(r); out[o + 1] = UInt8(g); out[o + 2] = UInt8(b); out[o + 3] = UInt8(a)
                }
            }
        }
        return RGBAImage(width: w, height: h, pixels: out)
    }
}
