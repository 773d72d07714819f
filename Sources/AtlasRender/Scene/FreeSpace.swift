import AtlasModel

/// The blank room left on a laid-out page, on a grid of small cells: what is taken (texts,
/// pictures, the legend, boxes) is marked, and `find` returns the highest blank rectangle
/// of a given size. Used to set a muscle picture where a handout has room,
/// so that it never lies on text or another picture and the page keeps its layout.
struct FreeSpace {
    let area: Rect
    /// Pixels per cell.
    let cell: Double
    let columns: Int, rows: Int
    private var taken: [Bool]

    init(area: Rect, cell: Double) {
        self.area = area
        self.cell = cell
        columns = max(1, Int(area.width / cell))
        rows = max(1, Int(area.height / cell))
        taken = Array(repeating: false, count: columns * rows)
    }

    /// Marks `rect` (pixels), grown by `clearance` on every side, as taken.
    mutating func take(_ rect: Rect, clearance: Double = 0) {
        let c0 = max(0, Int(((rect.minX - clearance - area.minX) / cell).rounded(.down)))
        let c1 = min(columns - 1, Int(((rect.maxX + clearance - area.minX) / cell).rounded(.up)))
        let r0 = max(0, Int(((rect.minY - clearance - area.minY) / cell).rounded(.down)))
        let r1 = min(rows - 1, Int(((rect.maxY + clearance - area.minY) / cell).rounded(.up)))
        guard c0 <= c1, r0 <= r1 else { return }
        for r in r0...r1 { for c in c0...c1 { taken[r * columns + c] = true } }
    }

    /// The highest, then leftmost (with `fromRight`, rightmost), blank rectangle `width` by
    /// `height` pixels, or nil.
    func find(width: Double, height: Double, fromRight: Bool = false) -> Rect? {
        let w = Int((width / cell).rounded(.up)), h = Int((height / cell).rounded(.up))
        guard w <= columns, h <= rows, w > 0, h > 0 else { return nil }
        // Summed-area table of taken cells: any rectangle's count in four look-ups.
        var sums = Array(repeating: 0, count: (columns + 1) * (rows + 1))
        for r in 0..<rows {
            var line = 0
            for c in 0..<columns {
                line += taken[r * columns + c] ? 1 : 0
                sums[(r + 1) * (columns + 1) + c + 1] = sums[r * (columns + 1) + c + 1] + line
            }
        }
        func count(_ r: Int, _ c: Int) -> Int {
            sums[(r + h) * (columns + 1) + c + w] - sums[r * (columns + 1) + c + w] - sums[(r + h) * (columns + 1) + c] + sums[r * (columns + 1) + c]
        }
        for r in 0...(rows - h) {
            let across = Array(0...(columns - w))
            for c in fromRight ? across.reversed() : across where count(r, c) == 0 {
                let x = area.minX + Double(c) * cell, y = area.minY + Double(r) * cell
                return Rect(minX: x, minY: y, maxX: x + width, maxY: y + height)
            }
        }
        return nil
    }

    /// How far (pixels) the blank room runs on below `rect`, across its width: the height of
    /// the hole a picture set at the top of it would leave underneath.
    func blankBelow(_ rect: Rect) -> Double {
        let c0 = max(0, Int(((rect.minX - area.minX) / cell).rounded(.down)))
        let c1 = min(columns - 1, Int(((rect.maxX - area.minX) / cell).rounded(.up)) - 1)
        var r = max(0, Int(((rect.maxY - area.minY) / cell).rounded(.up)))
        guard c0 <= c1 else { return 0 }
        var blank = 0
        while r < rows, !(c0...c1).contains(where: { taken[r * columns + $0] }) { blank += 1; r += 1 }
        return Double(blank) * cell
    }
}
