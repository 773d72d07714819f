import AtlasModel

/// The Euclidean distance from every cell of a grid to the nearest set cell, in cells
/// (the exact two-pass transform of Felzenszwalb and Huttenlocher). Registration scores a
/// placement of the template's lines by looking up how far each line point lands from
/// printed ink, which is what a chamfer match is.
struct DistanceField: Sendable {
    let width: Int
    let height: Int
    let distances: [Float]

    init(set: [Bool], width: Int, height: Int) {
        self.width = width
        self.height = height
        let infinity: Float = 1e12
        var squared = [Float](repeating: infinity, count: set.count)
        for (i, isSet) in set.enumerated() where isSet { squared[i] = 0 }
        let longest = max(width, height)
        // Every column, then every row, is transformed on its own: pieces of them on every
        // core, each with its own scratch lines.
        squared.withUnsafeMutableBufferPointer { grid in
            ParallelRows.forEach(width) { columns in
                Self.withScratch(longest) { line, out, hull, bounds in
                    for x in columns {
                        for y in 0..<height { line[y] = grid[y * width + x] }
                        Self.transform(line, count: height, out: out, hull: hull, bounds: bounds)
                        for y in 0..<height { grid[y * width + x] = out[y] }
                    }
                }
            }
            ParallelRows.forEach(height) { rows in
                Self.withScratch(longest) { line, out, hull, bounds in
                    for y in rows {
                        for x in 0..<width { line[x] = grid[y * width + x] }
                        Self.transform(line, count: width, out: out, hull: hull, bounds: bounds)
                        for x in 0..<width { grid[y * width + x] = out[x].squareRoot() }
                    }
                }
            }
        }
        distances = squared
    }

    /// Scratch lines for `transform`, of `length` values.
    private static func withScratch(_ length: Int, _ body: (UnsafeMutableBufferPointer<Float>, UnsafeMutableBufferPointer<Float>,
                                                            UnsafeMutableBufferPointer<Int>, UnsafeMutableBufferPointer<Float>) -> Void) {
        var line = [Float](repeating: 0, count: length)
        var out = [Float](repeating: 0, count: length)
        var hull = [Int](repeating: 0, count: length)
        var bounds = [Float](repeating: 0, count: length + 1)
        line.withUnsafeMutableBufferPointer { line in
            out.withUnsafeMutableBufferPointer { out in
                hull.withUnsafeMutableBufferPointer { hull in
                    bounds.withUnsafeMutableBufferPointer { bounds in body(line, out, hull, bounds) }
                }
            }
        }
    }

    /// One-dimensional squared distance transform: the lower envelope of parabolas.
    private static func transform(_ f: UnsafeMutableBufferPointer<Float>, count n: Int, out: UnsafeMutableBufferPointer<Float>,
                                  hull v: UnsafeMutableBufferPointer<Int>, bounds z: UnsafeMutableBufferPointer<Float>) {
        guard n > 0 else { return }
        var k = 0
        v[0] = 0
        z[0] = -.infinity
        z[1] = .infinity
        if n > 1 {
            for q in 1..<n {
                var s: Float
                repeat {
                    let p = v[k]
                    s = ((f[q] + Float(q * q)) - (f[p] + Float(p * p))) / Float(2 * (q - p))
                    if s <= z[k] { k -= 1 } else { break }
                } while k >= 0
                k += 1
                v[k] = q
                z[k] = s
                z[k + 1] = .infinity
            }
        }
        k = 0
        for q in 0..<n {
            while z[k + 1] < Float(q) { k += 1 }
            let d = Float(q - v[k])
            out[q] = d * d + f[v[k]]
        }
    }

    /// The sum over `points` of the distance at `transform(point)`, each capped at `cap`
    /// (also the value beyond the grid): the chamfer cost, in one pass over the buffer.
    func cappedSum(_ points: [Point], cap: Float, _ transform: (Point) -> Point) -> Double {
        distances.withUnsafeBufferPointer { d in
            var sum: Double = 0
            let maxX = Double(width - 1), maxY = Double(height - 1)
            for point in points {
                let q = transform(point)
                guard q.x >= 0, q.y >= 0, q.x <= maxX, q.y <= maxY else { sum += Double(cap); continue }
                let x0 = Int(q.x), y0 = Int(q.y)
                let x1 = min(x0 + 1, width - 1), y1 = min(y0 + 1, height - 1)
                let fx = Float(q.x - Double(x0)), fy = Float(q.y - Double(y0))
                let top = d[y0 * width + x0] * (1 - fx) + d[y0 * width + x1] * fx
                let bottom = d[y1 * width + x0] * (1 - fx) + d[y1 * width + x1] * fx
                sum += Double(min(top * (1 - fy) + bottom * fy, cap))
            }
            return sum
        }
    }

    /// The distance at a continuous cell position (cell centres at integers), interpolated;
    /// `outside` beyond the grid.
    func value(x: Double, y: Double, outside: Float) -> Float {
        guard x >= 0, y >= 0, x <= Double(width - 1), y <= Double(height - 1) else { return outside }
        let x0 = Int(x), y0 = Int(y)
        let x1 = min(x0 + 1, width - 1), y1 = min(y0 + 1, height - 1)
        let fx = Float(x - Double(x0)), fy = Float(y - Double(y0))
        return distances.withUnsafeBufferPointer { d in
            let top = d[y0 * width + x0] * (1 - fx) + d[y0 * width + x1] * fx
            let bottom = d[y1 * width + x0] * (1 - fx) + d[y1 * width + x1] * fx
            return top * (1 - fy) + bottom * fy
        }
    }
}
