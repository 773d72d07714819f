import AtlasRender

/// Evens out paper and light in a scan or photo: grey or tinted paper, a warm lamp, a
/// shadow or light falling off across the page all become white paper, so that marks are
/// told apart by their own colour and darkness, as on a clean digital drawing.
///
/// The paper's colour is estimated on a grid of blocks (the bright end of each block, where
/// the paper shows between strokes), blocks that are a mark rather than paper are replaced
/// by their neighbours, and every pixel is divided by the paper colour behind it.
enum PaperLight {
    /// Blocks per long side of the image.
    static let blocksPerSide = 48

    /// The image on white paper; a clean digital drawing comes back unchanged.
    static func normalise(_ image: RGBAImage) -> RGBAImage {
        let grid = PaperGrid(image)
        guard !grid.isClean else { return image }
        return grid.apply(to: image)
    }
}

/// The estimated paper colour per block of an image.
struct PaperGrid {
    let block: Int
    let columns: Int
    let rows: Int
    /// Paper colour per block, RGB in 0...255.
    var paper: [SIMD3<Float>]

    /// True when the whole page is white already (a digital drawing, a clean scan).
    var isClean: Bool { paper.allSatisfy { min($0.x, $0.y, $0.z) >= 250 } }

    init(_ image: RGBAImage) {
        let side = max(image.width, image.height)
        let block = max(4, (side + PaperLight.blocksPerSide - 1) / PaperLight.blocksPerSide)
        let columns = (image.width + block - 1) / block, rows = (image.height + block - 1) / block
        (self.block, self.columns, self.rows) = (block, columns, rows)
        var estimates = [SIMD3<Float>?](repeating: nil, count: columns * rows)
        image.pixels.withUnsafeBufferPointer { pixels in
            estimates.withUnsafeMutableBufferPointer { estimates in
                // Blocks are independent: rows of them on every core.
                ParallelRows.forEach(rows, minimumPerPiece: 4) { blockRows in
                    for by in blockRows {
                        for bx in 0..<columns {
                            estimates[by * columns + bx] = Self.blockPaper(pixels, width: image.width, height: image.height,
                                                                           x0: bx * block, y0: by * block, block: block)
                        }
                    }
                }
            }
        }
        paper = Self.clean(estimates, columns: columns, rows: rows)
    }

    /// The colour of the brightest tenth of a block's pixels (composited over white): the
    /// paper between strokes, even in a shaded area.
    private static func blockPaper(_ pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int,
                                   x0: Int, y0: Int, block: Int) -> SIMD3<Float>? {
        let x1 = min(width, x0 + block), y1 = min(height, y0 + block)
        guard x1 > x0, y1 > y0 else { return nil }
        let count = (x1 - x0) * (y1 - y0)
        let words = UnsafeRawPointer(pixels.baseAddress!)
        // Plain white paper (most blocks of a digital drawing): its own colour, exactly what
        // the general path below comes to.
        var white = true
        for y in y0..<y1 where white {
            for x in x0..<x1 where words.loadUnaligned(fromByteOffset: (y &* width &+ x) &* 4, as: UInt32.self) != 0xFFFF_FFFF {
                white = false
                break
            }
        }
        if white { return SIMD3(repeating: 255) }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { histogram in
            histogram.initialize(repeating: 0)
            var opaque = true
            for y in y0..<y1 {
                for x in x0..<x1 {
                    let i = (y &* width &+ x) &* 4
                    histogram[luma(pixels, i)] &+= 1
                    opaque = opaque && pixels[i &+ 3] == 255
                }
            }
            var level = 255, seen = 0
            while level > 0 && seen + histogram[level] < count / 10 { seen += histogram[level]; level -= 1 }
            // Opaque pixels composite to their own whole-number channels, and a block's sums
            // stay below 2^24, so integer sums are exactly the Float sums.
            if opaque && count * 255 < 1 << 24 {
                var (r, g, b, n) = (0, 0, 0, 0)
                for y in y0..<y1 {
                    for x in x0..<x1 {
                        let i = (y &* width &+ x) &* 4
                        guard luma(pixels, i) >= level else { continue }
                        r &+= Int(pixels[i]); g &+= Int(pixels[i &+ 1]); b &+= Int(pixels[i &+ 2]); n &+= 1
                    }
                }
                return n > 0 ? SIMD3(Float(r), Float(g), Float(b)) / Float(n) : nil
            }
            var sum = SIMD3<Float>(0, 0, 0), n: Float = 0
            for y in y0..<y1 {
                for x in x0..<x1 {
                    let i = (y * width + x) * 4
                    guard luma(pixels, i) >= level else { continue }
                    sum += composited(pixels, i)
                    n += 1
                }
            }
            return n > 0 ? sum / n : nil
        }
    }

    @inline(__always)
    private static func composited(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> SIMD3<Float> {
        let a = Float(p[i + 3]) / 255
        return SIMD3(Float(p[i]), Float(p[i + 1]), Float(p[i + 2])) * a + SIMD3(repeating: 255 * (1 - a))
    }

    /// Luma 0...255 of a pixel over white, in integers: this runs for every pixel.
    @inline(__always)
    static func luma(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let y = (299 * Int(p[i]) + 587 * Int(p[i + 1]) + 114 * Int(p[i + 2]) + 500) / 1000
        let a = Int(p[i + 3])
        return a == 255 ? y : (y * a + 255 * (255 - a)) / 255
    }

    /// Drops blocks that are marks, not paper: a hue unlike the page's paper (a coloured
    /// mark fills the block), much darker than the page (solid pen), or clearly darker than
    /// the blocks around it where that darker patch stops abruptly (solid pencil: light falls
    /// off smoothly, a shaded area stops abruptly). Light and shadow scale all three channels
    /// alike, so they pass. Dropped blocks take their neighbours' colour.
    private static func clean(_ estimates: [SIMD3<Float>?], columns: Int, rows: Int) -> [SIMD3<Float>] {
        let known = estimates.compactMap { $0 }
        guard !known.isEmpty else { return [SIMD3<Float>](repeating: SIMD3(repeating: 255), count: estimates.count) }
        // The page's paper: the median block, per channel (most of a chart is paper).
        func median(_ values: [Float]) -> Float { values.sorted()[values.count / 2] }
        func luma(_ c: SIMD3<Float>) -> Float { 0.299 * c.x + 0.587 * c.y + 0.114 * c.z }
        let page = SIMD3(median(known.map(\.x)), median(known.map(\.y)), median(known.map(\.z)))
        let pageLuma = luma(page)
        let lumas = estimates.map { $0.map(luma) }
        var darker = [Bool](repeating: false, count: estimates.count)
        var values = estimates.enumerated().map { index, estimate -> SIMD3<Float>? in
            guard let e = estimate else { return nil }
            let ratio = e / pointwiseMax(page, SIMD3(repeating: 1))
            let spread = max(ratio.x, ratio.y, ratio.z) / max(min(ratio.x, ratio.y, ratio.z), 0.01)
            let here = luma(e)
            guard spread <= 1.25, here >= 0.4 * pageLuma else { return nil }
            // The blocks three around (about 4 cm of a page): a shaded patch narrower than that stands out.
            let x = index % columns, y = index / columns
            var around: [Float] = []
            for ny in max(0, y - 3)...min(rows - 1, y + 3) {
                for nx in max(0, x - 3)...min(columns - 1, x + 3) { if let l = lumas[ny * columns + nx] { around.append(l) } }
            }
            darker[index] = here < 0.8 * median(around)
            return e
        }
        for index in Self.abruptPatches(darker, lumas: lumas, columns: columns, rows: rows) { values[index] = nil }
        // Fill dropped blocks from their known neighbours, ring by ring.
        var missing = values.indices.filter { values[$0] == nil }
        while !missing.isEmpty {
            var filled: [(Int, SIMD3<Float>)] = []
            for i in missing {
                let x = i % columns, y = i / columns
                var sum = SIMD3<Float>(0, 0, 0), n: Float = 0
                for (dx, dy) in [(-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1)] {
                    let nx = x + dx, ny = y + dy
                    guard nx >= 0, ny >= 0, nx < columns, ny < rows, let v = values[ny * columns + nx] else { continue }
                    sum += v; n += 1
                }
                if n > 0 { filled.append((i, sum / n)) }
            }
            if filled.isEmpty { break }
            for (i, v) in filled { values[i] = v }
            missing = missing.filter { values[$0] == nil }
        }
        var paper = values.map { $0 ?? page }
        // A light blur: lighting changes smoothly, block estimates are noisy.
        let raw = paper
        for y in 0..<rows {
            for x in 0..<columns {
                var sum = SIMD3<Float>(0, 0, 0), n: Float = 0
                for ny in max(0, y - 1)...min(rows - 1, y + 1) {
                    for nx in max(0, x - 1)...min(columns - 1, x + 1) { sum += raw[ny * columns + nx]; n += 1 }
                }
                paper[y * columns + x] = pointwiseMax(sum / n, SIMD3(repeating: 1))
            }
        }
        return paper
    }

    /// The blocks of the darker patches (4-connected) that stop abruptly somewhere: a block of
    /// the patch next to a block outside it that is much brighter. Shading stops at its edge,
    /// within a block; a shadow's edge is soft, its light changes by a fifth or less from one
    /// block to the next, so a shadow's rim (darker than the lit paper beside it) stays paper.
    /// (Every darker block used to be dropped: the rim of a shadow then took the lit paper's
    /// colour and read as pencil marks.)
    static func abruptPatches(_ darker: [Bool], lumas: [Float?], columns: Int, rows: Int) -> [Int] {
        var seen = [Bool](repeating: false, count: darker.count)
        var dropped: [Int] = []
        for start in darker.indices where darker[start] && !seen[start] {
            var patch = [start], abrupt = false, next = 0
            seen[start] = true
            while next < patch.count {
                let i = patch[next]
                next += 1
                let x = i % columns, y = i / columns
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] where nx >= 0 && ny >= 0 && nx < columns && ny < rows {
                    let j = ny * columns + nx
                    if darker[j] {
                        if !seen[j] { seen[j] = true; patch.append(j) }
                    } else if let here = lumas[i], let beside = lumas[j], here < abruptStep * beside {
                        abrupt = true
                    }
                }
            }
            if abrupt { dropped += patch }
        }
        return dropped
    }

    /// A patch whose block is at most this share of its brighter neighbour's luma stops abruptly.
    static let abruptStep: Float = 0.7

    /// Every pixel divided by the paper behind it (bilinear between block centres), opaque.
    func apply(to image: RGBAImage) -> RGBAImage {
        var out = [UInt8](repeating: 255, count: image.width * image.height * 4)
        let b = Float(block)
        // Per column: the two block columns and the weight between them.
        let columnsAt = (0..<image.width).map { x -> (Int, Int, Float) in
            let g = max(0, min(Float(columns - 1), (Float(x) + 0.5) / b - 0.5))
            let c0 = Int(g)
            return (c0, min(columns - 1, c0 + 1), g - Float(c0))
        }
        // The gain per block: 255 over the paper colour.
        let gains = paper.map { 255 / $0 }
        image.pixels.withUnsafeBufferPointer { pixels in
            out.withUnsafeMutableBufferPointer { out in
                // Rows are independent: on every core, the same bytes.
                ParallelRows.forEach(image.height) { lines in
                    for y in lines {
                        let g = max(0, min(Float(rows - 1), (Float(y) + 0.5) / b - 0.5))
                        let r0 = Int(g), r1 = min(rows - 1, Int(g) + 1), wy = g - Float(Int(g))
                        for x in 0..<image.width {
                            let (c0, c1, wx) = columnsAt[x]
                            let g00 = gains[r0 * columns + c0], g01 = gains[r0 * columns + c1]
                            let g10 = gains[r1 * columns + c0], g11 = gains[r1 * columns + c1]
                            let i = (y * image.width + x) * 4
                            let a = Float(pixels[i + 3]) / 255, white = 255 * (1 - a)
                            for channel in 0..<3 {
                                let top = g00[channel] * (1 - wx) + g01[channel] * wx
                                let bottom = g10[channel] * (1 - wx) + g11[channel] * wx
                                let value = (Float(pixels[i + channel]) * a + white) * (top * (1 - wy) + bottom * wy)
                                out[i + channel] = UInt8(min(255, value + 0.5))
                            }
                        }
                    }
                }
            }
        }
        return RGBAImage(width: image.width, height: image.height, pixels: out)
    }
}
