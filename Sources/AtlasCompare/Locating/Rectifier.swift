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
        let (m0, m1, m2, m3, m4, m5, m6, m7, m8) = (m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8])
        var out = [UInt8](repeating: 255, count: width * height * 4)
        let pw = photo.width, ph = photo.height
        let step = 1 / Double(samples)
        // Averaging 1 or 4 samples: a shift, not a division, in the hottest loop.
        let shift = samples == 2 ? 2 : 0
        let perPixel = 1 / k
        photo.pixels.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { out in
                // Rows are independent: on every core, the same bytes.
                ParallelRows.forEach(height) { rows in
                    var sum = (0, 0, 0, 0)
                    for v in rows {
                        for u in 0..<width {
                            sum = (0, 0, 0, 0)
                            // Multiplications only, one division: this loop is division-bound otherwise.
                            for sy in 0..<samples {
                                let y = (Double(v) + (Double(sy) + 0.5) * step) * perPixel
                                for sx in 0..<samples {
                                    let x = (Double(u) + (Double(sx) + 0.5) * step) * perPixel
                                    let inverseW = 1 / (m6 * x + m7 * y + m8)
                                    let px = (m0 * x + m1 * y + m2) * inverseW - 0.5
                                    let py = (m3 * x + m4 * y + m5) * inverseW - 0.5
                                    let c = bilinear(p, width: pw, height: ph, x: px, y: py)
                                    sum.0 += c.0; sum.1 += c.1; sum.2 += c.2; sum.3 += c.3
                                }
                            }
                            let i = (v * width + u) * 4
                            out[i] = UInt8(sum.0 >> shift); out[i + 1] = UInt8(sum.1 >> shift)
                            out[i + 2] = UInt8(sum.2 >> shift); out[i + 3] = UInt8(sum.3 >> shift)
                        }
                    }
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: out)
    }

    /// Bilinear in 8-bit fixed point (this loop is the cost of reading a photo); off the
    /// photo is white paper.
    @inline(__always)
    private static func bilinear(_ p: UnsafeBufferPointer<UInt8>, width: Int, height: Int, x: Double, y: Double) -> (Int, Int, Int, Int) {
        guard x > -1, y > -1, x < Double(width), y < Double(height) else { return (255, 255, 255, 255) }
        // Truncation is floor here: both are above -1.
        let x0 = Int(x + 1) - 1, y0 = Int(y + 1) - 1
        let wx = Int((x - Double(x0)) * 256), wy = Int((y - Double(y0)) * 256)
        let xa = max(x0, 0), xb = min(x0 + 1, width - 1), ya = max(y0, 0), yb = min(y0 + 1, height - 1)
        let a = (ya * width + xa) * 4, b = (ya * width + xb) * 4, c = (yb * width + xa) * 4, d = (yb * width + xb) * 4
        let (ix, iy) = (256 - wx, 256 - wy)
        let top0 = Int(p[a]) * ix + Int(p[b]) * wx, bottom0 = Int(p[c]) * ix + Int(p[d]) * wx
        let top1 = Int(p[a + 1]) * ix + Int(p[b + 1]) * wx, bottom1 = Int(p[c + 1]) * ix + Int(p[d + 1]) * wx
        let top2 = Int(p[a + 2]) * ix + Int(p[b + 2]) * wx, bottom2 = Int(p[c + 2]) * ix + Int(p[d + 2]) * wx
        let top3 = Int(p[a + 3]) * ix + Int(p[b + 3]) * wx, bottom3 = Int(p[c + 3]) * ix + Int(p[d + 3]) * wx
        return ((top0 * iy + bottom0 * wy + 32768) >> 16, (top1 * iy + bottom1 * wy + 32768) >> 16,
                  (top2 * iy + bottom2 * wy + 32768) >> 16, (top3 * iy + bottom3 * wy + 32768) >> 16)
    }
}
