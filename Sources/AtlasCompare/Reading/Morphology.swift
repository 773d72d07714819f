/// Binary morphology on small grids.
enum Morphology {
    /// Dilation then erosion with a disc: fills gaps narrower than the disc, keeps the
    /// outer edge where it was. The result is cut to `within`.
    static func close(_ set: [Bool], width: Int, height: Int, radius: Int, within: [Bool]) -> [Bool] {
        guard set.contains(true) else { return set }
        let grown = dilate(set, width: width, height: height, radius: radius)
        let (dxs, dys) = disc(radius)
        var out = set
        grown.withUnsafeBufferPointer { grown in
            for y in 0..<height {
                for x in 0..<width where grown[y * width + x] && !set[y * width + x] && within[y * width + x] {
                    // Erosion: a grown cell stays when its whole disc is grown (beyond the grid
                    // counts as grown).
                    var kept = true
                    for k in dxs.indices {
                        let nx = x + dxs[k], ny = y + dys[k]
                        if nx >= 0, ny >= 0, nx < width, ny < height, !grown[ny * width + nx] { kept = false; break }
                    }
                    out[y * width + x] = kept
                }
            }
        }
        for i in out.indices where out[i] && !within[i] { out[i] = false }
        return out
    }

    /// The offsets of a disc of cells, as x and y lists.
    static func disc(_ radius: Int) -> ([Int], [Int]) {
        var dxs: [Int] = [], dys: [Int] = []
        for dy in -radius...radius {
            for dx in -radius...radius where dx * dx + dy * dy <= radius * radius { dxs.append(dx); dys.append(dy) }
        }
        return (dxs, dys)
    }

    /// Every cell within `radius` of a set cell.
    static func dilate(_ set: [Bool], width: Int, height: Int, radius: Int) -> [Bool] {
        let (dxs, dys) = disc(radius)
        var out = [Bool](repeating: false, count: set.count)
        set.withUnsafeBufferPointer { set in
            out.withUnsafeMutableBufferPointer { out in
                for y in 0..<height {
                    for x in 0..<width where set[y * width + x] {
                        for k in dxs.indices {
                            let nx = x + dxs[k], ny = y + dys[k]
                            if nx >= 0, ny >= 0, nx < width, ny < height { out[ny * width + nx] = true }
                        }
                    }
                }
            }
        }
        return out
    }
}
