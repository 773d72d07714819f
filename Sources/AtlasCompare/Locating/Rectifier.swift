import AtlasModel
import AtlasRender

/// Redraws the page of a photo flat and upright, at the reference template's pixel grid
/// times `scale`: after this a crooked phone photo is read exactly like a digital drawing.
enum Rectifier {
    /// `pageToPhoto` maps page millimetres to photo pixels; the result's pixel (u, v) shows
    /// page point ((u + 0.5) / pixelsPerMillimetre, ...). Where the photo is much finer than
    /// the result, each pixel averages a few samples so thin pen lines are not lost.
    static func rectify(_ photo: RGBAImage, pageToPhoto h: Homography, pageWidth: Double, pageHeight: Double,
                        pixelsPerMillimetre k: Double) -> RGBAImage {
        let width = max(1, Int((pageWidth * k).rounded())), height = max(1, Int((pageHeight * k).rounded()))
        let zoom = h.localScale(at: Point(pageWidth / 2, pageHeight / 2)) / k
        let samples = zoom > 1.5 ? 2 : 1
        let m = h.matrix
        var out = [UInt8](repeating: 255, count: width * height * 4)
        let pw = photo.width, ph = photo.height
        photo.pixels.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { out in
                for v in 0..<height {
                    for u in 0..<width {
                        var sum = SIMD4<Float>(0, 0, 0, 0)
                        for sy in 0..<samples {
                            for sx in 0..<samples {
                                let x = (Double(u) + (Double(sx) + 0.5) / Double(samples)) / k
                                let y = (Double(v) + (Double(sy) + 0.5) / Double(samples)) / k
                                let w = m[6] * x + m[7] * y + m[8]
                                let px = (m[0] * x + m[1] * y + m[2]) / w - 0.5
                                let py = (m[3] * x + m[4] * y + m[5]) / w - 0.5
                                sum += bilinear(p, width: pw, height: ph, x: px, y: py)
                            }
                        }
                        let c = sum / Float(samples * samples)
                        let i = (v * width + u) * 4
                        out[i] = UInt8(c.x.rounded()); out[i + 1] = UInt8(c.y.rounded())
                        out[i + 2] = UInt8(c.z.rounded()); out[i + 3] = UInt8(c.w.rounded())
                    }
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: out)
    }

    /// Off the photo is white paper.
    @inline(__always)
    private static func bilinear(_ p: UnsafeBufferPointer<UInt8>, width: Int, height: Int, x: Double, y: Double) -> SIMD4<Float> {
        guard x > -1, y > -1, x < Double(width), y < Double(height) else { return SIMD4(repeating: 255) }
        let x0 = Int(x.rounded(.down)), y0 = Int(y.rounded(.down))
        let wx = Float(x - Double(x0)), wy = Float(y - Double(y0))
        func at(_ x: Int, _ y: Int) -> SIMD4<Float> {
            let cx = min(max(x, 0), width - 1), cy = min(max(y, 0), height - 1)
            let i = (cy * width + cx) * 4
            return SIMD4(Float(p[i]), Float(p[i + 1]), Float(p[i + 2]), Float(p[i + 3]))
        }
        let top = at(x0, y0) * (1 - wx) + at(x0 + 1, y0) * wx
        let bottom = at(x0, y0 + 1) * (1 - wx) + at(x0 + 1, y0 + 1) * wx
        return top * (1 - wy) + bottom * wy
    }
}
