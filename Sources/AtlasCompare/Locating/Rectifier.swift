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
        let map = ProjectiveTerms(h.matrix, width: width, samples: samples, pixelsPerMillimetre: k)
        var out = [UInt8](repeating: 255, count: width * height * 4)
        let across = width * samples
        photo.pixels.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { out in
                // Rows are independent: on every core, the same bytes.
                ParallelRows.forEach(height) { rows in
                    // Where each sample of one output row falls in the photo.
                    let xs = UnsafeMutablePointer<Double>.allocate(capacity: across * samples)
                    let ys = UnsafeMutablePointer<Double>.allocate(capacity: across * samples)
                    defer { xs.deallocate(); ys.deallocate() }
                    for v in rows {
                        for sy in 0..<samples {
                            map.row(v, sample: sy, xs: xs + sy * across, ys: ys + sy * across)
                        }
                        let row = UnsafeMutableRawPointer(out.baseAddress! + v &* width &* 4)
                        if samples == 1 {
                            for u in 0..<width {
                                row.storeBytes(of: bilinear(p, width: photo.width, height: photo.height, x: xs[u], y: ys[u]),
                                               toByteOffset: u &* 4, as: UInt32.self)
                            }
                            continue
                        }
                        for u in 0..<width {
                            // Four samples summed per channel, in 16-bit lanes (two channels to a word).
                            var even: UInt32 = 0, odd: UInt32 = 0
                            for sy in 0..<2 {
                                for sx in 0..<2 {
                                    let j = sy &* across &+ u &* 2 &+ sx
                                    let c = bilinear(p, width: photo.width, height: photo.height, x: xs[j], y: ys[j])
                                    even &+= c & 0x00FF_00FF
                                    odd &+= (c &>> 8) & 0x00FF_00FF
                                }
                            }
                            let average = ((even &>> 2) & 0x00FF_00FF) | (((odd &>> 2) & 0x00FF_00FF) &<< 8)
                            row.storeBytes(of: average, toByteOffset: u &* 4, as: UInt32.self)
                        }
                    }
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: out)
    }

    /// Bilinear in 8-bit fixed point (this loop is the cost of reading a photo), as one
    /// RGBA word; off the photo is white paper. Two channels share an integer (lanes far
    /// enough apart that no sum carries into the next), so the result is the same as
    /// channel by channel: (top (256 - wy) + bottom wy + 32768) >> 16.
    @inline(__always)
    private static func bilinear(_ p: UnsafeBufferPointer<UInt8>, width: Int, height: Int, x: Double, y: Double) -> UInt32 {
        guard x > -1, y > -1, x < Double(width), y < Double(height) else { return 0xFFFF_FFFF }
        // Truncation is floor here: both are above -1.
        let x0 = Int(x + 1) &- 1, y0 = Int(y + 1) &- 1
        let xa = max(x0, 0), xb = min(x0 &+ 1, width &- 1), ya = max(y0, 0), yb = min(y0 &+ 1, height &- 1)
        let base = UnsafeRawPointer(p.baseAddress!)
        let a = base.loadUnaligned(fromByteOffset: (ya &* width &+ xa) &* 4, as: UInt32.self)
        let b = base.loadUnaligned(fromByteOffset: (ya &* width &+ xb) &* 4, as: UInt32.self)
        let c = base.loadUnaligned(fromByteOffset: (yb &* width &+ xa) &* 4, as: UInt32.self)
        let d = base.loadUnaligned(fromByteOffset: (yb &* width &+ xb) &* 4, as: UInt32.self)
        // Four equal pixels (most of a page is plain paper) blend to themselves.
        if a == b && a == c && a == d { return a }
        let wx = UInt32(truncatingIfNeeded: Int((x - Double(x0)) * 256)), wy = UInt64(truncatingIfNeeded: Int((y - Double(y0)) * 256))
        let (ix, iy) = (256 &- wx, 256 &- wy)
        // Across: channels 0 and 2 (then 1 and 3) in 16-bit lanes, each at most 255 * 256.
        let mask: UInt32 = 0x00FF_00FF
        let evenTop = (a & mask) &* ix &+ (b & mask) &* wx, evenBottom = (c & mask) &* ix &+ (d & mask) &* wx
        let oddTop = ((a &>> 8) & mask) &* ix &+ ((b &>> 8) & mask) &* wx
        let oddBottom = ((c &>> 8) & mask) &* ix &+ ((d &>> 8) & mask) &* wx
        // Down: in 32-bit lanes, each at most 255 * 65536 + 32768.
        func widen(_ lanes: UInt32) -> UInt64 { UInt64(lanes & 0xFFFF) | (UInt64(lanes &>> 16) &<< 32) }
        let half: UInt64 = 32768 | (32768 &<< 32)
        let even = widen(evenTop) &* iy &+ widen(evenBottom) &* wy &+ half
        let odd = widen(oddTop) &* iy &+ widen(oddBottom) &* wy &+ half
        // Each 32-bit lane's bits 16...23 are its channel's result.
        let channels = ((even &>> 16) & 0xFF) | ((even &>> 32) & 0xFF_0000) | ((odd &>> 8) & 0xFF00) | ((odd &>> 24) & 0xFF00_0000)
        return UInt32(truncatingIfNeeded: channels)
    }
}

/// The homography's terms that depend on the column alone, computed once per picture: each
/// sample's photo position is then two additions per row of the matrix and one division,
/// the very same arithmetic (same products, same order) as evaluating the matrix afresh.
private struct ProjectiveTerms {
    let m: [Double]
    let perPixel: Double
    let step: Double
    /// m0 x, m3 x and m6 x for every sample column.
    let xTerms: [SIMD4<Double>]

    init(_ m: [Double], width: Int, samples: Int, pixelsPerMillimetre k: Double) {
        self.m = m
        (perPixel, step) = (1 / k, 1 / Double(samples))
        var terms: [SIMD4<Double>] = []
        terms.reserveCapacity(width * samples)
        for u in 0..<width {
            for sx in 0..<samples {
                let x = (Double(u) + (Double(sx) + 0.5) * step) * perPixel
                terms.append(SIMD4(m[0] * x, m[3] * x, m[6] * x, 0))
            }
        }
        xTerms = terms
    }

    /// Photo positions (pixel centres at integers) of sample row `sy` of output row `v`.
    func row(_ v: Int, sample sy: Int, xs: UnsafeMutablePointer<Double>, ys: UnsafeMutablePointer<Double>) {
        let y = (Double(v) + (Double(sy) + 0.5) * step) * perPixel
        let (ay, by, cy) = (m[1] * y, m[4] * y, m[7] * y)
        let (m2, m5, m8) = (m[2], m[5], m[8])
        xTerms.withUnsafeBufferPointer { terms in
            for j in 0..<terms.count {
                let t = terms[j]
                // Multiplications only, one division: this loop is division-bound otherwise.
                let inverseW = 1 / (t[2] + cy + m8)
                xs[j] = (t[0] + ay + m2) * inverseW - 0.5
                ys[j] = (t[1] + by + m5) * inverseW - 0.5
            }
        }
    }
}
