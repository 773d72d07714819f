import AtlasModel

/// One pattern's zones in one panel, as lists of grid cells.
struct ZoneCells: Sendable {
    let panelIndex: Int
    /// Essential zones; for nerve-root patterns, their radicular zones.
    let essential: [Int32]
    /// Spillover zones, minus any essential cell.
    let spillover: [Int32]
    /// The same cells zone by zone: each spillover zone is one region a patient has or not.
    let spilloverParts: [[Int32]]
    /// A ring about 1 cm wide outside the essential zones: zone borders are estimates and a
    /// pen is broad, so a mark just outside is partly explained.
    let margin: [Int32]
    /// Per spillover zone (same order as `spilloverParts`), the ring of the same width outside
    /// it and outside every other zone and ring: it goes with that zone's hidden state, so a
    /// patient who draws the spillover may run past its edge without that being evidence of a
    /// second source.
    var spilloverMarginParts: [[Int32]] = []
    /// Per spillover zone (same order), its cells within the essential zones' margin ring:
    /// a patient without the spillover may still run past the essential zone's edge into
    /// them, so there they are marked at least at the margin rate.
    var spilloverNearParts: [[Int32]] = []
}

/// One pattern on one side, rasterised once per chart.
struct PatternMask: Sendable {
    let pattern: Pattern
    let side: MatchSide
    let panels: [ZoneCells]
    /// The source group the pattern belongs to.
    let group: SourceGroup
    /// Every cell's class (`CellClass` raw values), per panel of the reference (empty for a
    /// panel the pattern does not show in): combining sources looks cells up here.
    let classes: [[UInt8]]

    init(pattern: Pattern, side: MatchSide, panels: [ZoneCells], reference: TemplateReference) {
        self.pattern = pattern
        self.side = side
        self.panels = panels
        group = SourceGroup(pattern.family) ?? .referred
        var classes = [[UInt8]](repeating: [], count: reference.panels.count)
        for zone in panels {
            let grid = reference.panels[zone.panelIndex]
            var dense = [UInt8](repeating: 0, count: grid.width * grid.height)
            for cell in zone.margin { dense[Int(cell)] = UInt8(CellClass.margin.rawValue) }
            for ring in zone.spilloverMarginParts { for cell in ring { dense[Int(cell)] = UInt8(CellClass.margin.rawValue) } }
            for cell in zone.spillover { dense[Int(cell)] = UInt8(CellClass.spillover.rawValue) }
            for cell in zone.essential { dense[Int(cell)] = UInt8(CellClass.essential.rawValue) }
            classes[zone.panelIndex] = dense
        }
        self.classes = classes
    }

    var rates: ZoneRates { ZoneRates.of(group) }

    var essentialCells: Int { panels.reduce(0) { $0 + $1.essential.count } }
    var spilloverCells: Int { panels.reduce(0) { $0 + $1.spillover.count } }

    /// The families ranked are those with a `SourceGroup`: referral from muscles, joints and
    /// discs, nerve roots and nerve entrapment. Neural patterns are nerve courses without
    /// zones. Dermatome maps are left out on purpose: they map skin sensation, not pain; most
    /// root pain is not dermatomal (Murphy 2009: 64%) and drawings do not tell L5 from S1
    /// (Albert 2019), so ranking dermatomes beside the radicular patterns would promise a
    /// precision the evidence does not have.
    static func isRanked(_ family: Family) -> Bool { SourceGroup(family) != nil }

    /// The margin ring is at least 2 cells (about 1 cm of body) and 2.5 mm of paper wide: a
    /// pen's width and a hand's imprecision are paper sizes, and on the four-view chart a
    /// millimetre of paper is about 12 mm of body.
    static func marginRadius(_ reference: TemplateReference) -> Int {
        let cellPaperMillimetres = 1 / (TemplateReference.gridFactor * reference.pixelsPerMillimetre)
        return max(2, Int((2.5 / cellPaperMillimetres).rounded()))
    }

    /// Every ranked pattern and side that shows on the chart.
    static func all(for reference: TemplateReference, atlas: Atlas) throws(CompareError) -> [PatternMask] {
        var masks: [PatternMask] = []
        let patterns = atlas.patterns.filter { isRanked($0.family) && !$0.zones.isEmpty }
        for pattern in patterns {
            var sides: [PatternMask] = []
            for side in Side.allCases {
                var cells: [ZoneCells] = []
                for grid in reference.panels {
                    guard let placed = pattern.placed(in: grid.view, side: side),
                          let zone = try zoneCells(placed, grid: grid, marginRadius: marginRadius(reference)) else { continue }
                    cells.append(zone)
                }
                if !cells.isEmpty { sides.append(PatternMask(pattern: pattern, side: side == .right ? .right : .left, panels: cells, reference: reference)) }
            }
            masks += sides
            if sides.count == 2 { masks.append(both(sides[0], sides[1], reference: reference)) }
        }
        return masks
    }

    /// The right and left masks together: one zone where they overlap (across the midline),
    /// and the margin ring only where neither has a zone.
    private static func both(_ a: PatternMask, _ b: PatternMask, reference: TemplateReference) -> PatternMask {
        var panels: [ZoneCells] = []
        for grid in reference.panels {
            let parts = (a.panels + b.panels).filter { $0.panelIndex == grid.index }
            guard !parts.isEmpty else { continue }
            let essential = Set(parts.flatMap(\.essential))
            var taken = essential
            var spilloverParts: [[Int32]] = [], ringsOfParts: [[Int32]] = [], nearParts: [[Int32]] = []
            for zone in parts {
                for (index, (part, ring)) in zip(zone.spilloverParts, zone.spilloverMarginParts).enumerated() {
                    let cells = part.filter { !taken.contains($0) }
                    taken.formUnion(cells)
                    guard !cells.isEmpty else { continue }
                    let kept = Set(cells)
                    spilloverParts.append(cells); ringsOfParts.append(ring)
                    nearParts.append(zone.spilloverNearParts.isEmpty ? [] : zone.spilloverNearParts[index].filter { kept.contains($0) })
                }
            }
            let spillover = Set(spilloverParts.flatMap { $0 })
            let margin = Set(parts.flatMap(\.margin)).subtracting(essential).subtracting(spillover)
            taken.formUnion(margin)
            var spilloverMargins: [[Int32]] = []
            for ring in ringsOfParts {
                let cells = ring.filter { !taken.contains($0) }
                taken.formUnion(cells)
                spilloverMargins.append(cells)
            }
            panels.append(ZoneCells(panelIndex: grid.index, essential: essential.sorted(), spillover: spillover.sorted(),
                                    spilloverParts: spilloverParts, margin: margin.sorted(), spilloverMarginParts: spilloverMargins,
                                    spilloverNearParts: nearParts))
        }
        return PatternMask(pattern: a.pattern, side: .both, panels: panels, reference: reference)
    }

    private static func zoneCells(_ placed: PlacedPattern, grid: PanelGrid, marginRadius: Int) throws(CompareError) -> ZoneCells? {
        let essentialPaths = placed.zones.filter { $0.kind == .essential || $0.kind == .radicular }.map(\.path)
        let spilloverPaths = placed.zones.filter { $0.kind == .spillover }.map(\.path)
        guard !essentialPaths.isEmpty || !spilloverPaths.isEmpty else { return nil }
        let factor = TemplateReference.gridFactor
        let count = grid.width * grid.height
        let body = grid.body
        var taken = [Bool](repeating: false, count: count)
        var essentialCells: [Int32] = []
        if !essentialPaths.isEmpty {
            let essential = try grid.coverage(of: essentialPaths, factor: factor)
            for i in 0..<count where body[i] > 0.5 && essential[i] >= 0.5 {
                essentialCells.append(Int32(i)); taken[i] = true
            }
        }
        let essentialOnly = taken
        var parts: [[Int32]] = []
        for path in spilloverPaths {
            let spillover = try grid.coverage(of: [path], factor: factor)
            var cells: [Int32] = []
            for i in 0..<count where body[i] > 0.5 && !taken[i] && spillover[i] >= 0.5 {
                cells.append(Int32(i)); taken[i] = true
            }
            if !cells.isEmpty { parts.append(cells) }
        }
        guard !essentialCells.isEmpty || !parts.isEmpty else { return nil }
        var margin: [Int32] = []
        var nearParts = parts.map { _ in [Int32]() }
        if !essentialCells.isEmpty {
            let near = Morphology.dilate(essentialOnly, width: grid.width, height: grid.height, radius: marginRadius)
            for (index, part) in parts.enumerated() { nearParts[index] = part.filter { near[Int($0)] } }
            for i in 0..<count where near[i] && !taken[i] && body[i] > 0.5 { margin.append(Int32(i)); taken[i] = true }
        }
        var spilloverMargins: [[Int32]] = []
        for part in parts {
            var inPart = [Bool](repeating: false, count: count)
            for cell in part { inPart[Int(cell)] = true }
            let near = Morphology.dilate(inPart, width: grid.width, height: grid.height, radius: marginRadius)
            var ring: [Int32] = []
            for i in 0..<count where near[i] && !taken[i] && body[i] > 0.5 { ring.append(Int32(i)); taken[i] = true }
            spilloverMargins.append(ring)
        }
        return ZoneCells(panelIndex: grid.index, essential: essentialCells, spillover: parts.flatMap { $0 }.sorted(),
                         spilloverParts: parts, margin: margin, spilloverMarginParts: spilloverMargins, spilloverNearParts: nearParts)
    }
}
