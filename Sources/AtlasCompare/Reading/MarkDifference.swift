/// How two reads of the same drawing (a PNG and a photo of it, say) differ, cell by cell of
/// the scoring grid: for the evaluation's diagnostics, to tell lost marks from phantom marks
/// from marks put a cell or two aside.
public struct MarkDifference: Sendable, Equatable {
    /// Cells marked in both reads.
    public var common = 0
    /// Cells marked only in the first read, and of those, how many have a marked cell of the
    /// second read next to them (a shift rather than a loss).
    public var onlyFirst = 0, onlyFirstBeside = 0
    /// Cells marked only in the second read, and of those, how many lie next to the first's.
    public var onlySecond = 0, onlySecondBeside = 0
    /// Views (`posterior`, ...) holding cells marked in one read only.
    public var views: Set<String> = []

    /// One line: `common 120, lost 8 (6 beside), phantom 3 (3 beside) [posterior]`.
    public var words: String {
        "common \(common), lost \(onlyFirst) (\(onlyFirstBeside) beside), phantom \(onlySecond) (\(onlySecondBeside) beside)"
            + (views.isEmpty ? "" : " [\(views.sorted().joined(separator: ", "))]")
    }
}

extension DrawingAnalysis {
    /// The cells this read marks that `other` does not, and the other way round, over the
    /// views both charts show (a four-view page and its back view cut out compare on the back
    /// view): cells are matched by their place on the body.
    public func markDifference(to other: DrawingAnalysis) -> MarkDifference {
        var difference = MarkDifference()
        let f = TemplateReference.gridFactor
        for (index, grid) in fit.reference.panels.enumerated() {
            guard let otherIndex = other.fit.reference.panels.firstIndex(where: { $0.view == grid.view }) else { continue }
            let otherGrid = other.fit.reference.panels[otherIndex]
            let a = marks.panels[index].any, marked = other.marks.panels[otherIndex].any
            // The other read's marks carried onto this grid, by body millimetres.
            var b = [Bool](repeating: false, count: a.count)
            for cell in marked.indices where marked[cell] {
                let p = grid.panel.toPixels(otherGrid.millimetres(ofCell: cell, factor: f))
                if let here = grid.cell(pageX: Int((p.x * f).rounded(.down)), pageY: Int((p.y * f).rounded(.down))) { b[here] = true }
            }
            func beside(_ set: [Bool], _ cell: Int) -> Bool {
                let x = cell % grid.width, y = cell / grid.width
                for dy in -1...1 {
                    for dx in -1...1 {
                        let nx = x + dx, ny = y + dy
                        if nx >= 0, ny >= 0, nx < grid.width, ny < grid.height, set[ny * grid.width + nx] { return true }
                    }
                }
                return false
            }
            for cell in a.indices {
                switch (a[cell], b[cell]) {
                case (true, true): difference.common += 1
                case (true, false):
                    difference.onlyFirst += 1
                    if beside(b, cell) { difference.onlyFirstBeside += 1 }
                    difference.views.insert(grid.view.rawValue)
                case (false, true):
                    difference.onlySecond += 1
                    if beside(a, cell) { difference.onlySecondBeside += 1 }
                    difference.views.insert(grid.view.rawValue)
                case (false, false): break
                }
            }
        }
        return difference
    }
}
