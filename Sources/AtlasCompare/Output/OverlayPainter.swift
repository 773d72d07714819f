import AtlasModel
import AtlasRender

/// Paints the patient's marks onto the rendered overlay: as drawn (in the key's colours)
/// on the drawing panels, and as the outline of the area that was compared on the pattern
/// panels. Each overlay pixel is traced back through the registration to the drawing, so
/// the marks keep the drawing's own detail.
enum OverlayPainter {
    static func paint(_ image: inout RGBAImage, overlay: OverlayScene, analysis: DrawingAnalysis) throws(CompareError) {
        let reference = analysis.fit.reference
        for (panel, content) in zip(overlay.scene.panels, overlay.contents) {
            let grid = try PanelGrid(index: 0, panel: panel, factor: 1)
            switch content {
            case .drawing(let index):
                paintMarks(&image, grid: grid, source: reference.panels[index], analysis: analysis, style: overlay.scene.style)
            case .match(_, let index):
                outline(&image, grid: grid, source: reference.panels[index], marks: analysis.marks.panels[index])
            }
        }
    }

    private static func paintMarks(_ image: inout RGBAImage, grid: PanelGrid, source: PanelGrid, analysis: DrawingAnalysis, style: Style) {
        let drawing = analysis.drawing
        let colors = [style.painMark, style.numbnessMark, style.tinglingMark]
        let inkFactor = TemplateReference.inkFactor
        let printedLimit = MarkTally.printedLineLimit(analysis.fit)
        for cell in grid.body.indices {
            let (x, y) = (grid.originX + cell % grid.width, grid.originY + cell / grid.width)
            guard x >= 0, y >= 0, x < image.width, y < image.height else { continue }
            let onBody = grid.body[cell] >= 0.5
            let referencePoint = source.panel.toPixels(millimetres(x, y, grid.panel))
            let q = analysis.fit.similarity.apply(referencePoint)
            let dx = Int(q.x.rounded(.down)), dy = Int(q.y.rounded(.down))
            guard dx >= 0, dy >= 0, dx < drawing.width, dy < drawing.height else { continue }
            let kind = drawing[dx, dy]
            let symptom: Int
            if analysis.marks.readDarkStrokes {
                guard kind == .darkInk, analysis.fit.reference.inkField.value(x: referencePoint.x * inkFactor - 0.5,
                                                                          y: referencePoint.y * inkFactor - 0.5, outside: 0) > printedLimit
                else { continue }
                symptom = 0
            } else {
                guard let s = kind.symptom else { continue }
                symptom = Symptom.allCases.firstIndex(of: s)!
            }
            if onBody {
                blend(&image, x, y, colors[symptom], alpha: 0.85 * Double(grid.body[cell]))
            } else {
                // Left out by the comparison, as scoring leaves it out: marks off the body.
                // Grey stripes, so they read as "not counted" in colour and in greyscale.
                blend(&image, x, y, leftOutColor, alpha: (x + y) % 6 < 3 ? 0.9 : 0.35)
            }
        }
    }

    /// Marks the comparison left out (off the body outline).
    static let leftOutColor = Color(hex: "#757575")!

    /// True when some mark of the drawing lies off the body, within a body panel.
    static func hasLeftOutMarks(_ analysis: DrawingAnalysis) -> Bool {
        analysis.marks.offBodyShare > 0.005
    }

    private static func outline(_ image: inout RGBAImage, grid: PanelGrid, source: PanelGrid, marks: PanelMarks) {
        let f = TemplateReference.gridFactor
        var inside = [Bool](repeating: false, count: grid.body.count)
        for cell in grid.body.indices where grid.body[cell] >= 0.5 {
            let p = source.panel.toPixels(millimetres(grid.originX + cell % grid.width, grid.originY + cell / grid.width, grid.panel))
            inside[cell] = interpolated(marks.any, source, x: p.x * f - 0.5 - Double(source.originX),
                                        y: p.y * f - 0.5 - Double(source.originY)) >= 0.5
        }
        var edge = [Bool](repeating: false, count: inside.count)
        for cell in inside.indices where inside[cell] {
            let x = cell % grid.width, y = cell / grid.width
            edge[cell] = [(1, 0), (-1, 0), (0, 1), (0, -1)].contains { dx, dy in
                let nx = x + dx, ny = y + dy
                return nx < 0 || ny < 0 || nx >= grid.width || ny >= grid.height || !inside[ny * grid.width + nx]
            }
        }
        let radius = max(1, Int((0.9 * grid.panel.scale).rounded()))
        let thick = Morphology.dilate(edge, width: grid.width, height: grid.height, radius: radius)
        for cell in thick.indices where thick[cell] {
            let x = grid.originX + cell % grid.width, y = grid.originY + cell / grid.width
            guard x >= 0, y >= 0, x < image.width, y < image.height else { continue }
            blend(&image, x, y, OverlayScene.outlineColor, alpha: 1)
        }
    }

    /// The centre of an overlay pixel in a panel's body millimetres.
    private static func millimetres(_ x: Int, _ y: Int, _ panel: ScenePanel) -> Point {
        Point((Double(x) + 0.5 - panel.origin.x) / panel.scale, (Double(y) + 0.5 - panel.origin.y) / panel.scale)
    }

    /// A marked/unmarked grid read as 0/1 and interpolated, so the outline is smooth.
    private static func interpolated(_ cells: [Bool], _ grid: PanelGrid, x: Double, y: Double) -> Double {
        let x0 = Int(x.rounded(.down)), y0 = Int(y.rounded(.down))
        let tx = x - Double(x0), ty = y - Double(y0)
        func value(_ cx: Int, _ cy: Int) -> Double {
            cx >= 0 && cy >= 0 && cx < grid.width && cy < grid.height && cells[cy * grid.width + cx] ? 1 : 0
        }
        return (value(x0, y0) * (1 - tx) + value(x0 + 1, y0) * tx) * (1 - ty) + (value(x0, y0 + 1) * (1 - tx) + value(x0 + 1, y0 + 1) * tx) * ty
    }

    private static func blend(_ image: inout RGBAImage, _ x: Int, _ y: Int, _ color: Color, alpha: Double) {
        let i = (y * image.width + x) * 4
        for (c, v) in [color.r, color.g, color.b].enumerated() {
            image.pixels[i + c] = UInt8((Double(image.pixels[i + c]) * (1 - alpha) + v * 255 * alpha).rounded())
        }
    }
}
