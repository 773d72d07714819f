import Foundation
import AtlasModel
import AtlasRender

/// A photo or scan reduced for finding the chart's printed marks: small enough to label
/// quickly, with paper and light evened out, as a dark-or-not bitmap.
struct LocatorImage {
    /// Photo pixels per locator pixel.
    let factor: Int
    let width: Int
    let height: Int
    /// Luma of the evened-out image, 0...255.
    let luma: [UInt8]
    /// Pixels darker than half the paper.
    func darkPixels() -> [Bool] { luma.map { $0 < 128 } }

    /// The largest side worked on: a finder mark's module stays several pixels wide for any
    /// photo in which the page fills a fair part of the frame.
    static let workingSide = 1600

    init(_ image: RGBAImage) {
        factor = max(1, (max(image.width, image.height) + Self.workingSide - 1) / Self.workingSide)
        let small = factor == 1 ? image : Self.shrink(image, by: factor)
        let even = PaperLight.normalise(small)
        width = even.width
        height = even.height
        var luma = [UInt8](repeating: 255, count: width * height)
        even.pixels.withUnsafeBufferPointer { p in
            for i in luma.indices { luma[i] = UInt8(PaperGrid.luma(p, i * 4)) }
        }
        self.luma = luma
    }

    /// Box-averaged by an integer factor.
    static func shrink(_ image: RGBAImage, by f: Int) -> RGBAImage {
        let w = (image.width + f - 1) / f, h = (image.height + f - 1) / f
        // Sums of up to 16 x 16 pixels fit 16-bit lanes, two channels to a word.
        guard f <= 16 else { return channelByChannel(image, by: f, width: w, height: h) }
        var out = [UInt8](repeating: 0, count: w * h * 4)
        // A whole box divides by f²: by multiplying with its rounded-up reciprocal, exact for
        // sums below 2^16 and divisors up to 256 (the error stays under 1 / f²).
        let whole = UInt64(f * f), reciprocal = ((1 << 32) + whole - 1) / whole
        image.pixels.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { out in
                let source = UnsafeRawPointer(p.baseAddress!), target = UnsafeMutableRawPointer(out.baseAddress!)
                ParallelRows.forEach(h) { rows in
                    for y in rows {
                        let y1 = min(image.height, y &* f &+ f)
                        for x in 0..<w {
                            let x1 = min(image.width, x &* f &+ f)
                            var even: UInt32 = 0, odd: UInt32 = 0
                            for sy in (y &* f)..<y1 {
                                for sx in (x &* f)..<x1 {
                                    let word = source.loadUnaligned(fromByteOffset: (sy &* image.width &+ sx) &* 4, as: UInt32.self)
                                    even &+= word & 0x00FF_00FF
                                    odd &+= (word &>> 8) & 0x00FF_00FF
                                }
                            }
                            let n = UInt64(truncatingIfNeeded: (y1 &- y &* f) &* (x1 &- x &* f))
                            func mean(_ sum: UInt32) -> UInt32 {
                                let s = UInt64(sum)
                                return UInt32(truncatingIfNeeded: n == whole ? (s &* reciprocal) &>> 32 : s / n)
                            }
                            let average = mean(even & 0xFFFF) | mean(even &>> 16) &<< 16 | mean(odd & 0xFFFF) &<< 8 | mean(odd &>> 16) &<< 24
                            target.storeBytes(of: average, toByteOffset: (y &* w &+ x) &* 4, as: UInt32.self)
                        }
                    }
                }
            }
        }
        return RGBAImage(width: w, height: h, pixels: out)
    }

    /// The same for boxes too large for 16-bit lanes (pictures over 25,600 px a side).
    private static func channelByChannel(_ image: RGBAImage, by f: Int, width w: Int, height h: Int) -> RGBAImage {
        var out = [UInt8](repeating: 0, count: w * h * 4)
        for y in 0..<h {
            for x in 0..<w {
                var sum = SIMD4<Int>(0, 0, 0, 0), n = 0
                for sy in (y * f)..<min(image.height, y * f + f) {
                    for sx in (x * f)..<min(image.width, x * f + f) {
                        let i = (sy * image.width + sx) * 4
                        sum &+= SIMD4(Int(image.pixels[i]), Int(image.pixels[i + 1]), Int(image.pixels[i + 2]), Int(image.pixels[i + 3]))
                        n += 1
                    }
                }
                let o = (y * w + x) * 4
                for c in 0..<4 { out[o + c] = UInt8(sum[c] / max(n, 1)) }
            }
        }
        return RGBAImage(width: w, height: h, pixels: out)
    }

    /// The luma at a photo position (bilinear), 255 off the image.
    func luma(atPhoto p: Point) -> Double {
        let x = p.x / Double(factor) - 0.5, y = p.y / Double(factor) - 0.5
        guard x >= 0, y >= 0, x < Double(width - 1), y < Double(height - 1) else { return 255 }
        let x0 = Int(x), y0 = Int(y), wx = x - Double(x0), wy = y - Double(y0)
        func v(_ x: Int, _ y: Int) -> Double { Double(luma[y * width + x]) }
        return (v(x0, y0) * (1 - wx) + v(x0 + 1, y0) * wx) * (1 - wy) + (v(x0, y0 + 1) * (1 - wx) + v(x0 + 1, y0 + 1) * wx) * wy
    }
}

/// One finder mark found in a photo.
struct FoundMark: Sendable {
    /// Its centre, in photo pixels.
    var centre: Point
    /// Its outer ring's size (the larger side of its box), in photo pixels.
    var size: Double
}

/// Finds the chart's finder marks: a dark square ring with a dark square centred inside it,
/// separate from it. Rotation and perspective keep that nesting; text, body lines and a
/// patient's strokes rarely have it.
enum FinderMarks {
    static func find(in image: LocatorImage) -> [FoundMark] {
        let components = ConnectedComponents.boxes(of: image.darkPixels(), width: image.width, height: image.height)
        // Possible centres, bucketed by position so each ring looks at a few only.
        let bucket = 32
        var centres: [Int: [ComponentBox]] = [:]
        for c in components where c.cells >= 4 {
            let (x, y) = c.centroid
            centres[Int(y) / bucket * 100_000 + Int(x) / bucket, default: []].append(c)
        }
        var found: [FoundMark] = []
        for ring in components where isRingShaped(ring) {
            let (rx, ry) = ring.centroid
            let size = Double(max(ring.width, ring.height))
            var best: ComponentBox?
            for by in (ring.minY / bucket)...(ring.maxY / bucket) {
                for bx in (ring.minX / bucket)...(ring.maxX / bucket) {
                    for centre in centres[by * 100_000 + bx] ?? [] where isCentre(centre, of: ring) {
                        let (cx, cy) = centre.centroid
                        guard hypot(cx - rx, cy - ry) <= 0.12 * size else { continue }
                        if best.map({ centre.cells > $0.cells }) ?? true { best = centre }
                    }
                }
            }
            guard let centre = best else { continue }
            let (cx, cy) = centre.centroid
            let total = Double(ring.cells + centre.cells)
            let x = (rx * Double(ring.cells) + cx * Double(centre.cells)) / total
            let y = (ry * Double(ring.cells) + cy * Double(centre.cells)) / total
            let f = Double(image.factor)
            found.append(FoundMark(centre: Point(x * f, y * f), size: size * f))
        }
        return found
    }

    /// Square-ish, big enough to hold a centre, and about half filled (a ring is 24 of its
    /// 49 modules; turned 45 degrees its box grows, so allow less).
    private static func isRingShaped(_ c: ComponentBox) -> Bool {
        guard c.width >= 7, c.height >= 7 else { return false }
        let aspect = Double(c.width) / Double(c.height)
        let fill = Double(c.cells) / Double(c.width * c.height)
        return aspect > 0.5 && aspect < 2 && fill > 0.2 && fill < 0.8
    }

    /// Inside the ring's box, clearly smaller, and solid.
    private static func isCentre(_ c: ComponentBox, of ring: ComponentBox) -> Bool {
        guard c.minX > ring.minX, c.maxX < ring.maxX, c.minY > ring.minY, c.maxY < ring.maxY else { return false }
        guard c.width * 4 <= ring.width * 3, c.height * 4 <= ring.height * 3 else { return false }
        let ratio = Double(c.cells) / Double(ring.cells)
        let fill = Double(c.cells) / Double(c.width * c.height)
        return ratio > 0.12 && ratio < 1 && fill > 0.45
    }
}
