/// How a legend is laid out, shared by `LegendDrawer` and the builders that size its frame:
/// as many columns as the widest entry allows, entries down each column in turn. An entry
/// wider than its column (a long anatomy line on a narrow chart) wraps onto more lines, so
/// no legend text runs past the frame's right edge.
struct LegendLayout {
    let columns: Int
    let rows: Int
    let columnWidth: Double
    /// The height of one single-line row.
    let rowHeight: Double
    /// The wrap width of each entry's text.
    let textWidth: Double
    /// Each entry's height (a row, plus the extra lines it wraps onto).
    let heights: [Double]

    /// `measure(text, size, wrapWidth)` is the text's size, wrapped when a width is given.
    init(texts: [String], size: Double, width: Double, measure: (String, Double, Double?) -> (width: Double, height: Double)) {
        let lead = size * (2.2 + 0.6), trail = size * 1.5
        let widest = texts.map { measure($0, size, nil).width }.max() ?? 0
        columns = max(1, min(texts.count, Int(width / (lead + widest + trail))))
        rows = texts.isEmpty ? 0 : (texts.count + columns - 1) / columns
        columnWidth = width / Double(columns)
        rowHeight = size * 1.75
        let wrap = max(size * 4, columnWidth - lead - size * 0.3)
        textWidth = wrap
        let oneLine = measure("Xg", size, nil).height
        heights = texts.map { text in
            guard measure(text, size, nil).width > wrap else { return size * 1.75 }
            return size * 1.75 + max(0, measure(text, size, wrap).height - oneLine)
        }
    }

    /// The top of entry `index` below the frame's top, and its column's left edge offset.
    func origin(of index: Int) -> (x: Double, y: Double) {
        let column = index / rows, first = column * rows
        return (Double(column) * columnWidth, heights[first..<index].reduce(0, +))
    }

    /// The tallest column's height.
    var height: Double {
        guard rows > 0 else { return 0 }
        return stride(from: 0, to: heights.count, by: rows).map { heights[$0..<min($0 + rows, heights.count)].reduce(0, +) }.max() ?? 0
    }
}
