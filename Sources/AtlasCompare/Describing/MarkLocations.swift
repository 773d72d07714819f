import AtlasModel

/// Every marked cell of a drawing located on the body: part, side and symptom. The
/// summary and the radicular/referred leaning are both read from these.
struct MarkLocations: Sendable {
    struct Located: Sendable {
        let view: ViewID
        let point: Point
        let part: BodyPart
        let side: Side?
        /// The sensory symptoms marked here (numbness, pins and needles).
        let sensoryKinds: [Symptom]
        var sensory: Bool { !sensoryKinds.isEmpty }
    }

    let cells: [Located]
    /// Grid cell size in body millimetres.
    let cellMillimetres: Double

    init(marks: DrawingMarks, reference: TemplateReference) {
        var located: [Located] = []
        let factor = TemplateReference.gridFactor
        for (grid, panel) in zip(reference.panels, marks.panels) {
            let levels = BodyLevels(grid.panel.view)
            for cell in panel.any.indices where panel.any[cell] {
                let p = grid.millimetres(ofCell: cell, factor: factor)
                let (part, side) = BodyPartLocator.locate(p, in: grid.view, levels: levels)
                let sensory = Symptom.allCases.enumerated().filter { $0.element.isSensory && panel.marked[$0.offset][cell] }.map(\.element)
                located.append(Located(view: grid.view, point: p, part: part, side: side, sensoryKinds: sensory))
            }
        }
        cells = located
        cellMillimetres = 1 / (factor * reference.scale)
    }

    /// The marked areas, one per side (or `both` when the sides match), then the midline.
    var areas: [MarkedArea] {
        var bySide: [String: [BodyPart: Int]] = [:]
        for cell in cells {
            bySide[cell.side?.rawValue ?? "midline", default: [:]][cell.part, default: 0] += 1
        }
        func parts(_ key: String) -> [BodyPart] {
            guard let counts = bySide[key] else { return [] }
            let total = counts.values.reduce(0, +)
            // A part counts when it holds about a square centimetre and 1% of the side's marks:
            // small distal parts (heel, toes) matter most for the leaning, so the bar is low.
            return counts.filter { $0.value >= 4 && Double($0.value) >= 0.01 * Double(total) }.keys.sorted()
        }
        let right = parts("right"), left = parts("left"), midline = parts("midline")
        var areas: [MarkedArea] = []
        if !right.isEmpty, right == left {
            areas.append(MarkedArea(side: "both", parts: right))
        } else {
            if !right.isEmpty { areas.append(MarkedArea(side: "right", parts: right)) }
            if !left.isEmpty { areas.append(MarkedArea(side: "left", parts: left)) }
        }
        // Midline marks are named alone only when they are not part of a side's area.
        let sideParts = Set(right + left)
        let alone = midline.filter { !sideParts.contains($0) }
        if !alone.isEmpty { areas.append(MarkedArea(side: "midline", parts: alone)) }
        return areas
    }

    /// True when each side holds at least a sixth of the marks that are on one side.
    var isBilateral: Bool {
        let right = cells.filter { $0.side == .right }.count, left = cells.filter { $0.side == .left }.count
        return min(right, left) * 6 >= right + left && min(right, left) > 0
    }

    /// The median width of the marks across the leg, in millimetres, per view and side,
    /// over rows from the thigh down; nil when the marks span less than 25 cm of leg.
    var legBandWidth: Double? {
        var widths: [Double] = []
        var groups: [String: [Int: Int]] = [:]
        for cell in cells where cell.part.isThighOrBelow && cell.view != .anterior {
            let row = Int((cell.point.y / cellMillimetres).rounded(.down))
            groups["\(cell.view.rawValue)-\(cell.side?.rawValue ?? "mid")", default: [:]][row, default: 0] += 1
        }
        for rows in groups.values {
            guard Double(rows.count) * cellMillimetres >= 250 else { continue }
            widths += rows.values.map { Double($0) * cellMillimetres }
        }
        guard !widths.isEmpty else { return nil }
        return widths.sorted()[widths.count / 2]
    }
}
