import AtlasModel

/// The marks of one drawing on the scoring grid of one panel.
struct PanelMarks: Sendable {
    /// Share of each cell covered by marks, per symptom (`Symptom.allCases` order), clipped
    /// to the body: pain extent is counted from these, as pixels in the literature.
    var coverage: [[Float]]
    /// Cells that count as marked, per symptom: coverage above a threshold, closed over
    /// small gaps (hatching, scribbles, a rough brush's stripes), inside the body.
    var marked: [[Bool]]
    /// Cells marked with any symptom.
    var any: [Bool]

    func count(_ symptom: Symptom? = nil) -> Int {
        let cells = symptom.map { marked[Symptom.allCases.firstIndex(of: $0)!] } ?? any
        return cells.reduce(0) { $0 + ($1 ? 1 : 0) }
    }
}

/// A drawing's marks carried into template coordinates through its registration.
struct DrawingMarks: Sendable {
    var panels: [PanelMarks]
    /// The view of each panel.
    var viewIDs: [ViewID]
    /// Mark pixels that fell on no body (margins, legend, beyond the outline).
    var offBodyShare: Double
    /// Mark pixels inside the body panels, on the body or not.
    var panelMarkPixels: Int
    /// True when the marks were read as dark strokes (no coloured marks at all).
    var readDarkStrokes: Bool
    /// With `readDarkStrokes`: the regions of dark strokes read by texture (`DarkTexture`),
    /// for the note only: they are all scored as pain.
    var darkTextures: DarkTexture.Readings?

    /// Body cells of the chart's scoring grid, marked or not.
    var bodyCellCount: Int

    var markedCells: Int { panels.reduce(0) { $0 + $1.count() } }

    /// The share of the cells of the areas the patient shaded that the pen actually inked:
    /// about 1 for solid shading, outlines (filled) and closely hatched areas, lower for
    /// loose hatching whose strokes lie further apart than the reader closes. Every zone's
    /// marking rate is scaled by it (`ZoneRates.inked(_:)`).
    var fillDensity = 1.0

    /// A cell counts as marked from this share of coverage; lower would turn the pale fringe
    /// of a soft brush into area, higher would drop a loosely hatched zone.
    static let threshold: Float = 0.15

    /// Marks given cell by cell (per panel, per symptom), on no picture: for tests of the
    /// scoring and the verdict that must not depend on any painter.
    init(reference: TemplateReference, marked: [[[Bool]]]) {
        viewIDs = reference.panels.map(\.view)
        bodyCellCount = reference.panels.reduce(0) { total, grid in total + grid.body.reduce(0) { $0 + ($1 > 0.5 ? 1 : 0) } }
        offBodyShare = 0
        readDarkStrokes = false
        panels = zip(reference.panels, marked).map { grid, layers in
            let layers = layers.map { layer in layer.indices.map { layer[$0] && grid.body[$0] > 0.5 } }
            var any = layers[0]
            for layer in layers.dropFirst() { for i in any.indices where layer[i] { any[i] = true } }
            return PanelMarks(coverage: layers.map { $0.map { $0 ? 1 : 0 } }, marked: layers, any: any)
        }
        panelMarkPixels = panels.reduce(0) { $0 + $1.count() }
        fillDensity = Self.fillDensity(panels, reference: reference)
    }

    /// Marked cells over the cells of the shaded areas (the marks closed over gaps up to
    /// `TemplateReference.shadedAreaRadius`), through `ZoneRates.fill(marked:shaded:)`.
    static func fillDensity(_ panels: [PanelMarks], reference: TemplateReference) -> Double {
        var marked = 0, shaded = 0
        for (grid, panel) in zip(reference.panels, panels) {
            let count = panel.count()
            guard count > 0 else { continue }
            let closed = Morphology.close(panel.any, width: grid.width, height: grid.height, radius: reference.shadedAreaRadius,
                                          within: grid.body.map { $0 > 0.5 })
            marked += count
            shaded += closed.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        return ZoneRates.fill(marked: marked, shaded: shaded)
    }

    /// `closingRadius` (grid cells) overrides the chart's own (`TemplateReference.closingRadius`).
    init(drawing: ClassifiedDrawing, fit: TemplateFit, closingRadius: Int? = nil) {
        let reference = fit.reference
        let closingRadius = closingRadius ?? reference.closingRadius
        viewIDs = reference.panels.map(\.view)
        bodyCellCount = reference.panels.reduce(0) { total, grid in total + grid.body.reduce(0) { $0 + ($1 > 0.5 ? 1 : 0) } }
        // Dark strokes are read as marks only on a drawing without any coloured mark on the
        // bodies: where colour is used, dark strokes are more likely notes or arrows.
        var tally = MarkTally(drawing: drawing, fit: fit, dark: false)
        readDarkStrokes = tally.panelPixels == 0
        if readDarkStrokes { tally = MarkTally(drawing: drawing, fit: fit, dark: true) }
        darkTextures = tally.textures
        offBodyShare = tally.panelPixels > 0 ? Double(tally.panelPixels - tally.bodyPixels) / Double(tally.panelPixels) : 0
        panelMarkPixels = tally.panelPixels
        let f = TemplateReference.gridFactor
        let symptoms = Symptom.allCases.count
        let counts = tally.counts
        // One drawing pixel covers this share of a grid cell.
        let share = Float((f / fit.similarity.scale) * (f / fit.similarity.scale))
        var coverage = reference.panels.map { p in [[Float]](repeating: [Float](repeating: 0, count: p.width * p.height), count: symptoms) }
        for page in tally.touched {
            let owner = Int(reference.pageCells[page])
            let panel = owner >> 24, cell = owner & 0xFF_FFFF
            for symptom in 0..<symptoms where counts[page * symptoms + symptom] > 0 {
                coverage[panel][symptom][cell] = min(1, counts[page * symptoms + symptom] * share)
            }
        }
        let readDark = readDarkStrokes
        panels = zip(reference.panels, coverage).map { grid, layers in
            let body = grid.body.map { $0 > 0.5 }
            // Dark strokes on the printed lines were left out, so a printed line may be part
            // of an outline (`Morphology.fillMostlyEnclosed`).
            let printed = readDark ? Self.printedCells(grid, fit: fit) : nil
            let marked = layers.map { layer in
                let closed = Morphology.close(layer.map { $0 >= Self.threshold }, width: grid.width, height: grid.height,
                                              radius: closingRadius, within: body)
                return Morphology.fillEnclosed(closed, width: grid.width, height: grid.height, within: body, printed: printed)
            }
            var any = marked[0]
            for layer in marked.dropFirst() {
                for i in any.indices where layer[i] { any[i] = true }
            }
            return PanelMarks(coverage: layers, marked: marked, any: any)
        }
        fillDensity = Self.fillDensity(panels, reference: reference)
    }

    /// The cells of a panel's grid whose centre lies where dark strokes are left out: within
    /// `MarkTally.printedLineLimit` of a printed line.
    static func printedCells(_ grid: PanelGrid, fit: TemplateFit) -> [Bool] {
        let reference = fit.reference
        let limit = MarkTally.printedLineLimit(fit)
        let f = TemplateReference.gridFactor, inkFactor = TemplateReference.inkFactor
        return (0..<(grid.width * grid.height)).map { cell in
            let x = (Double(grid.originX + cell % grid.width) + 0.5) / f
            let y = (Double(grid.originY + cell / grid.width) + 0.5) / f
            return reference.inkField.value(x: x * inkFactor - 0.5, y: y * inkFactor - 0.5, outside: 0) <= limit
        }
    }
}
