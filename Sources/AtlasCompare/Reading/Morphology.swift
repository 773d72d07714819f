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

extension Morphology {
    /// Fills areas enclosed by marks, so an area a patient outlined counts as marked like a
    /// shaded one. A ring broken only by the body's edge still encloses: off-body cells
    /// within `edgeGap` of a mark block the flood. Only cells of `within` are filled;
    /// `printed` is passed on to `fillMostlyEnclosed`.
    static func fillEnclosed(_ set: [Bool], width: Int, height: Int, within: [Bool], printed: [Bool]? = nil,
                             edgeGap: Int = 3) -> [Bool] {
        guard set.contains(true) else { return set }
        let near = dilate(set, width: width, height: height, radius: edgeGap)
        var blocked = set
        for i in blocked.indices where !within[i] && near[i] { blocked[i] = true }
        var reached = [Bool](repeating: false, count: set.count)
        var stack: [Int] = []
        func push(_ i: Int) {
            if !blocked[i] && !reached[i] { reached[i] = true; stack.append(i) }
        }
        for x in 0..<width { push(x); push((height - 1) * width + x) }
        for y in 0..<height { push(y * width); push(y * width + width - 1) }
        while let i = stack.popLast() {
            let x = i % width, y = i / width
            if x > 0 { push(i - 1) }
            if x + 1 < width { push(i + 1) }
            if y > 0 { push(i - width) }
            if y + 1 < height { push(i + width) }
        }
        var out = set
        for i in out.indices where !reached[i] && within[i] { out[i] = true }
        return fillMostlyEnclosed(out, width: width, height: height, within: within, printed: printed)
    }

    /// The share of a blank area's border that must be marks for `fillMostlyEnclosed` to
    /// fill it. Tuning seeds 1 to 800 (no photos), against not filling: top-3 0.974 to 0.976,
    /// group 0.974 to 0.976, side 0.985 to 0.987, two sources in the top 3 0.781 to 0.786, log
    /// loss 0.407 to 0.392; 0.5 filled too much (verdict 0.923 to 0.904 right), 0.85 gave
    /// top-1 0.907 but two sources 0.781. Held-out (400): top-3 0.959 to 0.962, log loss
    /// 0.513 to 0.491, the rest unchanged.
    static let enclosedBorderShare = 0.7

    /// How much a blank printed cell on an area's border counts as a mark: a dark stroke there
    /// cannot be seen, so it may or may not have been drawn (assumption: a quarter, so an area
    /// bounded only by marks and printed lines needs 60% of its border marked). Tuning seeds 1
    /// to 800 (printed lines counted like the body's edge, weight 0, before): top-1 0.905 to
    /// 0.914, group 0.972 to 0.974, side 0.985 to 0.987, log loss 0.392 to 0.366, top-3 0.976,
    /// two sources 0.813 and photo agreement 0.910 unchanged. 0.35 gave top-3 0.980 but two
    /// sources 0.807; 0.5 top-3 0.982 but two sources 0.791 (four pencil pairs lost: areas
    /// between printed lines filled from a few marks). Tuning seed 534 (lumbar facet, a black
    /// pen outline along the midline and across the iliac crest line) is read as outlined
    /// only from 0.5: the crest line splits its inside in two, each half mostly printed border.
    static let printedBorderWeight = 0.25

    /// Also fills each blank area of the body whose border is mostly marks, the rest the
    /// body's edge: an outline drawn along the edge of the body loses the stretch that lies
    /// on the printed outline (marks on printed lines are left out), so the flood above gets
    /// in there (an outline round the buttock that hugs the flank was read as a thin ring).
    /// The rest of the body is never filled this way: its border is mostly the body's edge.
    /// Blank `printed` cells of the body (its printed lines, where dark strokes are left out)
    /// are never entered and count in part as marks (`printedBorderWeight`): an outline drawn
    /// in black pen along the printed midline, or across a printed crease, loses those
    /// stretches, and without this its inside ran over the line into the rest of the body.
    static func fillMostlyEnclosed(_ set: [Bool], width: Int, height: Int, within: [Bool], printed: [Bool]? = nil,
                                   markedShare: Double = enclosedBorderShare) -> [Bool] {
        var out = set
        // Printed cells are never entered: marking them as seen keeps the flood out.
        var seen = printed.map { printed in set.indices.map { printed[$0] && !set[$0] } }
            ?? [Bool](repeating: false, count: set.count)
        let isPrinted = printed ?? [Bool](repeating: false, count: set.count)
        for start in set.indices where within[start] && !set[start] && !seen[start] {
            var component: [Int] = [start], stack = [start]
            seen[start] = true
            var markedBorder = 0, edgeBorder = 0, printedBorder = 0
            while let i = stack.popLast() {
                let x = i % width, y = i / width
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] {
                    guard nx >= 0, ny >= 0, nx < width, ny < height else { edgeBorder += 1; continue }
                    let j = ny * width + nx
                    if set[j] { markedBorder += 1 } else if isPrinted[j] && within[j] { printedBorder += 1 } else if !within[j] { edgeBorder += 1 } else if !seen[j] {
                        seen[j] = true; component.append(j); stack.append(j)
                    }
                }
            }
            let weighted = Double(markedBorder) + printedBorderWeight * Double(printedBorder)
            if weighted >= markedShare * Double(markedBorder + edgeBorder + printedBorder) {
                for i in component { out[i] = true }
            }
        }
        return out
    }
}
