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
    /// The first entry of each column.
    let starts: [Int]

    /// `measure(text, size, wrapWidth)` is the text's size, wrapped when a width is given.
    /// `groups`: the first entry of each group of a grouped legend (`LegendGroups`); a group
    /// is never split between columns, and the legend takes two columns when each still
    /// holds a line of some twenty letters, its entries wrapping inside them.
    init(texts: [String], size: Double, width: Double, groups: [Int] = [],
         measure: (String, Double, Double?) -> (width: Double, height: Double)) {
        let lead = size * (2.2 + 0.6), trail = size * 1.5
        let widest = texts.map { measure($0, size, nil).width }.max() ?? 0
        let grouped = groups.count > 1
        columns = grouped ? (width / 2 - lead - size * 0.3 >= size * 20 ? 2 : 1)
            : max(1, min(texts.count, Int(width / (lead + widest + trail))))
        columnWidth = width / Double(columns)
        rowHeight = size * 1.75
        // Beside another column, a wrapped line keeps the usual gap before the next swatch.
        let wrap = max(size * 4, columnWidth - lead - (columns > 1 ? trail : size * 0.3))
        textWidth = wrap
        let oneLine = measure("Xg", size, nil).height
        // A group's heading has half a line more above it, setting the groups apart.
        let heights = texts.indices.map { index in
            let above = groups.contains(index) && grouped ? Self.headingGap * size : 0
            guard measure(texts[index], size, nil).width > wrap else { return size * 1.75 + above }
            return size * 1.75 + above + max(0, measure(texts[index], size, wrap).height - oneLine)
        }
        self.heights = heights
        if grouped, columns == 2 {
            // The group boundary that leaves the taller column shortest.
            let total = heights.reduce(0, +)
            let split = groups.dropFirst().min { a, b in
                let (upA, upB) = (heights[..<a].reduce(0, +), heights[..<b].reduce(0, +))
                return max(upA, total - upA) < max(upB, total - upB)
            } ?? texts.count
            starts = [0, split]
        } else if grouped {
            starts = [0]
        } else {
            let perColumn = texts.isEmpty ? 1 : (texts.count + columns - 1) / columns
            starts = Array(stride(from: 0, to: max(texts.count, 1), by: perColumn))
        }
        rows = zip(starts, starts.dropFirst().map { $0 } + [texts.count]).map { $1 - $0 }.max() ?? 0
    }

    /// The room above a group's heading, in text sizes.
    static let headingGap = 0.5

    /// The layout of a legend's entries, grouped under their headings when it has some.
    init(entries: [LegendEntry], size: Double, width: Double, measure: (String, Double, Double?) -> (width: Double, height: Double)) {
        self.init(texts: entries.map(\.text), size: size, width: width,
                  groups: entries.indices.filter { entries[$0].symbol == .heading }, measure: measure)
    }

    /// The column of entry `index`.
    private func column(of index: Int) -> Int { (starts.lastIndex { $0 <= index }) ?? 0 }

    /// The top of entry `index` below the frame's top, and its column's left edge offset.
    func origin(of index: Int) -> (x: Double, y: Double) {
        let column = column(of: index), first = starts[column]
        return (Double(column) * columnWidth, heights[first..<index].reduce(0, +))
    }

    /// The tallest column's height.
    var height: Double {
        guard !heights.isEmpty else { return 0 }
        let ends = starts.dropFirst().map { $0 } + [heights.count]
        return zip(starts, ends).map { heights[$0..<$1].reduce(0, +) }.max() ?? 0
    }
}
