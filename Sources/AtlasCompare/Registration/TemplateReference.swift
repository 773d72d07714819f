import AtlasModel
import AtlasRender

/// Everything known in advance about one printed chart: where its printed lines are, the
/// ink of the whole printed page, and the scoring grid of each body panel. Built once per
/// run and shared by every drawing.
struct TemplateReference: Sendable {
    /// Scoring grid cells per reference pixel.
    static let gridFactor = 0.25
    /// Resolution of the printed-ink picture, per reference pixel.
    static let inkFactor = 0.5

    let sheet: ChartSheet
    /// The template scene at the reference width: reference pixels are its pixels.
    let scene: Scene
    /// Points along every printed body line (outlines and contours), in reference pixels.
    let linePoints: [Point]
    /// The points of `linePoints` on the body outlines alone: the dark line every copy keeps,
    /// where a faint contour may be lost.
    let outlinePoints: [Point]
    /// The union of the body outlines, in reference pixels.
    let bodyBox: Rect
    /// Each panel's body outline box, in reference pixels.
    let panelBodyBoxes: [Rect]
    /// Distance to the nearest printed ink (body, text, legend) at `inkFactor`.
    let inkField: DistanceField
    let panels: [PanelGrid]
    /// The scoring grid over the whole page: for each cell, the body cell it is
    /// (`panel << 24 | cell`), or -1 off the bodies. Mapping a mark is then one lookup.
    let pageCells: [Int32]
    let pageWidth: Int
    let pageHeight: Int
    /// Page cells inside a body panel's frame (the body, and the margin round it).
    let pagePanelCells: [Bool]

    /// Reference pixels per body millimetre.
    var scale: Double { scene.panels.first?.scale ?? 1 }
    var width: Int { scene.width }
    /// Reference pixels per page millimetre.
    var pixelsPerMillimetre: Double { Double(scene.width) / sheet.pageWidth }

    /// Reference pixels per body millimetre, for every chart: a body cell of the scoring
    /// grid is then the same size on a one-view page as on a four-view one.
    static let bodyPixelsPerMillimetre = 0.75

    /// The width at which a chart is analysed.
    static func referenceWidth(_ sheet: ChartSheet) -> Int {
        Int((sheet.pageWidth * bodyPixelsPerMillimetre / sheet.scale).rounded())
    }

    /// Gaps between strokes up to about 3.5 mm of paper are closed, whatever the chart's
    /// scale: the spacing of hatching done with a pen.
    var closingRadius: Int {
        let cellMillimetres = 1 / (Self.gridFactor * pixelsPerMillimetre)
        return max(2, Int((1.75 / cellMillimetres).rounded()))
    }

    /// Gaps between strokes up to about 6 mm of paper still belong to one shaded area: the
    /// widest spacing at which a patient's hatching reads as shading rather than separate
    /// lines (assumption). Only to judge how densely the drawn areas are inked
    /// (`DrawingMarks.fillDensity`), never to add marks.
    var shadedAreaRadius: Int {
        let cellMillimetres = 1 / (Self.gridFactor * pixelsPerMillimetre)
        return max(closingRadius + 1, Int((3.0 / cellMillimetres).rounded()))
    }

    init(sheet: ChartSheet, atlas: Atlas) throws(CompareError) {
        self.sheet = sheet
        var request = ChartRequest(kind: .template, views: sheet.views)
        request.paper = sheet.paper
        request.width = Self.referenceWidth(sheet)
        do {
            scene = try ChartBuilder.scene(request, atlas: atlas)
            request.width = Int((Double(Self.referenceWidth(sheet)) * Self.inkFactor).rounded())
            let printed = try SceneRenderer.rasterize(try ChartBuilder.scene(request, atlas: atlas))
            var ink = [Bool](repeating: false, count: printed.width * printed.height)
            for i in ink.indices {
                let p = i * 4
                // Anything printed, however faint: at this half resolution a thin grey contour
                // (the spine line) is barely grey, but a drawing at full size shows it dark.
                ink[i] = min(printed.pixels[p], printed.pixels[p + 1], printed.pixels[p + 2]) < 245
            }
            inkField = DistanceField(set: ink, width: printed.width, height: printed.height)
        } catch {
            throw CompareError.internalFailure("cannot draw the \(sheet.name) template: \(error)")
        }
        var points: [Point] = [], outline: [Point] = []
        var box: Rect?
        var panelBoxes: [Rect] = []
        for panel in scene.panels {
            for polyline in panel.view.outline.polylines(segmentsPerCurve: 8) {
                let along = Self.resample(polyline.map(panel.toPixels), spacing: 2.5)
                outline += along
                points += along
            }
            for contour in panel.view.contours {
                for polyline in contour.path.polylines(segmentsPerCurve: 8) {
                    points += Self.resample(polyline.map(panel.toPixels), spacing: 2.5)
                }
            }
            let b = panel.view.bounds
            let a = panel.toPixels(Point(b.minX, b.minY)), c = panel.toPixels(Point(b.maxX, b.maxY))
            let r = Rect(minX: min(a.x, c.x), minY: a.y, maxX: max(a.x, c.x), maxY: c.y)
            panelBoxes.append(r)
            box = box.map { $0.union(r) } ?? r
        }
        linePoints = points
        outlinePoints = outline
        panelBodyBoxes = panelBoxes
        bodyBox = box ?? Rect(minX: 0, minY: 0, maxX: Double(scene.width), maxY: Double(scene.height))
        var grids: [PanelGrid] = []
        for (index, panel) in scene.panels.enumerated() {
            grids.append(try PanelGrid(index: index, panel: panel, factor: Self.gridFactor))
        }
        panels = grids
        pageWidth = Int((Double(scene.width) * Self.gridFactor).rounded(.up))
        pageHeight = Int((Double(scene.height) * Self.gridFactor).rounded(.up))
        var owners = [Int32](repeating: -1, count: pageWidth * pageHeight)
        for grid in grids {
            for cell in grid.body.indices where grid.body[cell] > 0.5 {
                let x = grid.originX + cell % grid.width, y = grid.originY + cell / grid.width
                guard x >= 0, y >= 0, x < pageWidth, y < pageHeight, owners[y * pageWidth + x] < 0 else { continue }
                owners[y * pageWidth + x] = Int32(grid.index << 24 | cell)
            }
        }
        pageCells = owners
        var inPanel = [Bool](repeating: false, count: pageWidth * pageHeight)
        for grid in grids {
            for y in max(0, grid.originY)..<min(pageHeight, grid.originY + grid.height) {
                for x in max(0, grid.originX)..<min(pageWidth, grid.originX + grid.width) { inPanel[y * pageWidth + x] = true }
            }
        }
        pagePanelCells = inPanel
    }

    /// Points every `spacing` pixels along a polyline.
    static func resample(_ polyline: [Point], spacing: Double) -> [Point] {
        guard var previous = polyline.first else { return [] }
        var result = [previous]
        var carried = 0.0
        for next in polyline.dropFirst() {
            let length = previous.distance(to: next)
            var at = spacing - carried
            while at <= length {
                result.append(previous.lerp(to: next, at / length))
                at += spacing
            }
            carried = length - (at - spacing)
            previous = next
        }
        return result
    }

    /// This chart's outline points that lie more than 3 body millimetres from anything `other`
    /// prints: what tells this chart from a twin printed in the same place.
    func outlineAway(from other: TemplateReference) -> [Point] {
        let f = Self.inkFactor
        let limit = Float(3 * other.scale * f)
        return outlinePoints.filter { p in other.inkField.value(x: p.x * f - 0.5, y: p.y * f - 0.5, outside: .infinity) > limit }
    }

    /// The panel grid whose frame holds a reference-pixel position.
    func panel(at p: Point) -> PanelGrid? {
        panels.first { $0.panel.frame.contains(p) }
    }
}
