import AtlasModel
import AtlasRender

/// The coarse scoring grid over one body panel of a template: every comparison is counted
/// in its cells. Cells are `TemplateReference.gridFactor` of a reference pixel (about 5 mm
/// of body), fine enough for zones drawn with a pen and coarse enough to be cheap.
struct PanelGrid: Sendable {
    let index: Int
    let panel: ScenePanel
    /// The grid's top-left cell in the page grid.
    let originX: Int
    let originY: Int
    let width: Int
    let height: Int
    /// Body silhouette coverage per cell, 0...1.
    let body: [Float]
    /// The silhouette's area in cells.
    let bodyCells: Double

    var view: ViewID { panel.view.id }

    init(index: Int, panel: ScenePanel, factor: Double) throws(CompareError) {
        self.index = index
        self.panel = panel
        originX = Int((panel.frame.minX * factor).rounded(.down))
        originY = Int((panel.frame.minY * factor).rounded(.down))
        width = Int((panel.frame.maxX * factor).rounded(.up)) - originX
        height = Int((panel.frame.maxY * factor).rounded(.up)) - originY
        let body = try Self.rasterize([panel.view.outline], panel: panel, originX: originX, originY: originY,
                                      width: width, height: height, factor: factor, clip: false)
        self.body = body
        bodyCells = Double(body.reduce(0, +))
    }

    /// Shapes (atlas millimetres, placed as in the panel) as coverage on this grid, drawn by
    /// the renderer's own mask rasteriser so that what is compared is what is drawn.
    func coverage(of paths: [BezierPath], factor: Double) throws(CompareError) -> [Float] {
        try Self.rasterize(paths, panel: panel, originX: originX, originY: originY, width: width, height: height,
                           factor: factor, clip: true)
    }

    private static func rasterize(_ paths: [BezierPath], panel: ScenePanel, originX: Int, originY: Int, width: Int, height: Int,
                                  factor: Double, clip: Bool) throws(CompareError) -> [Float] {
        // Move the panel so that the grid's first cell is the mask's first pixel: the mask
        // then covers this panel only, not the whole page.
        var shifted = panel
        shifted.origin = Point(panel.origin.x - Double(originX) / factor, panel.origin.y - Double(originY) / factor)
        do {
            let mask = try MaskRasterizer.mask(of: paths, in: shifted, sceneWidth: Int((Double(width) / factor).rounded()),
                                               sceneHeight: Int((Double(height) / factor).rounded()), factor: factor, clipToBody: clip)
            var values = [Float](repeating: 0, count: width * height)
            let rows = min(height, mask.height), columns = min(width, mask.width), maskWidth = mask.width
            mask.values.withUnsafeBufferPointer { source in
                values.withUnsafeMutableBufferPointer { target in
                    for y in 0..<rows {
                        for x in 0..<columns where source[y * maskWidth + x] != 0 {
                            target[y * width + x] = Float(source[y * maskWidth + x]) / 255
                        }
                    }
                }
            }
            return values
        } catch {
            throw CompareError.internalFailure("cannot rasterise the \(panel.view.id.rawValue) chart: \(error)")
        }
    }

    /// The cell holding a page-grid position, if it lies in this panel's grid.
    func cell(pageX: Int, pageY: Int) -> Int? {
        let x = pageX - originX, y = pageY - originY
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return y * width + x
    }

    /// The centre of a cell in the panel's screen millimetres (x toward the viewer's right).
    func millimetres(ofCell cell: Int, factor: Double) -> Point {
        let x = (Double(originX + cell % width) + 0.5) / factor
        let y = (Double(originY + cell / width) + 0.5) / factor
        return Point((x - panel.origin.x) / panel.scale, (y - panel.origin.y) / panel.scale)
    }
}
