import AtlasModel
import AtlasRender

/// One pen stroke drawn on screen (a tablet, a phone, a mouse): a path in a view's atlas
/// millimetres, the frame `dump --view` reports, so it lands on the chart exactly.
public struct DrawnStroke: Sendable, Equatable {
    public var view: ViewID
    public var symptom: Symptom
    /// The pen's width in body millimetres.
    public var width: Double
    /// The path, in the view's atlas millimetres (origin at the vertex, y toward the feet).
    public var points: [Point]

    public init(view: ViewID, symptom: Symptom, width: Double, points: [Point]) {
        self.view = view
        self.symptom = symptom
        self.width = width
        self.points = points
    }
}

extension DrawingComparator {
    /// Compares strokes drawn on screen with every pattern. The strokes are painted on the
    /// chart of `views` in the comparison's own pixels, so nothing needs to be found or
    /// lined up: the marks are where the pen went. Throws `noMarks` when no stroke touches
    /// a body, and `internalFailure` when no chart shows exactly these views.
    public func analyse(strokes: [DrawnStroke], views: [ViewID], name: String) throws(CompareError) -> DrawingAnalysis {
        guard let sheet = ChartSheet.all.first(where: { $0.views == views && $0.paper == .a4 }) else {
            throw CompareError.internalFailure("no chart shows the views \(views.map(\.rawValue).joined(separator: ", "))")
        }
        let reference = try reference(for: sheet)
        var image = try blankPage(reference)
        StrokePainter.paint(strokes, on: &image, reference: reference)
        let fit = TemplateFit(reference: reference, similarity: Similarity(scale: 1, pivot: Point(0, 0), position: Point(0, 0)),
                              lineCost: 0, inlierShare: 1, unexplainedInk: 0, residualPixels: 0)
        let placed = PlacedDrawing(drawing: ClassifiedDrawing(image), fit: fit, method: .strokes, marksFound: 0, miss: nil,
                                   pageToImage: nil, marksToOutline: nil, turnDegrees: 0)
        return try compare(placed, name: name)
    }

    /// The printed chart at the reference's own pixels, as a drawing of it would be read.
    private func blankPage(_ reference: TemplateReference) throws(CompareError) -> RGBAImage {
        do {
            return try SceneRenderer.rasterize(reference.scene)
        } catch {
            throw CompareError.internalFailure("cannot draw the \(reference.sheet.name) chart: \(error)")
        }
    }
}

/// Paints strokes as solid round-capped bands in the chart key's colours, without
/// anti-aliasing: every pixel is either the pen's colour or untouched, so the drawing reads
/// back exactly as drawn.
enum StrokePainter {
    static func paint(_ strokes: [DrawnStroke], on image: inout RGBAImage, reference: TemplateReference) {
        let style = reference.scene.style
        for stroke in strokes {
            guard let panel = reference.scene.panels.first(where: { $0.view.id == stroke.view }) else { continue }
            let color = switch stroke.symptom {
            case .pain: style.painMark
            case .numbness: style.numbnessMark
            case .pinsAndNeedles: style.tinglingMark
            }
            let rgb = [color.r, color.g, color.b].map { UInt8(max(0, min(255, ($0 * 255).rounded()))) }
            let radius = max(0.75, stroke.width * panel.scale / 2)
            let pixels = stroke.points.map(panel.toPixels)
            guard let first = pixels.first else { continue }
            if pixels.count == 1 { band(first, first, radius: radius, rgb: rgb, on: &image) }
            for (a, b) in zip(pixels, pixels.dropFirst()) { band(a, b, radius: radius, rgb: rgb, on: &image) }
        }
    }

    /// Every pixel whose centre lies within `radius` of the segment from `a` to `b`.
    private static func band(_ a: Point, _ b: Point, radius: Double, rgb: [UInt8], on image: inout RGBAImage) {
        let minX = max(0, Int((min(a.x, b.x) - radius).rounded(.down)))
        let maxX = min(image.width - 1, Int((max(a.x, b.x) + radius).rounded(.up)))
        let minY = max(0, Int((min(a.y, b.y) - radius).rounded(.down)))
        let maxY = min(image.height - 1, Int((max(a.y, b.y) + radius).rounded(.up)))
        guard minX <= maxX, minY <= maxY else { return }
        let d = b - a
        let lengthSquared = d.x * d.x + d.y * d.y
        let r2 = radius * radius
        let width = image.width
        image.pixels.withUnsafeMutableBufferPointer { pixels in
            for y in minY...maxY {
                for x in minX...maxX {
                    let p = Point(Double(x) + 0.5, Double(y) + 0.5) - a
                    let t = lengthSquared > 0 ? max(0, min(1, (p.x * d.x + p.y * d.y) / lengthSquared)) : 0
                    let q = p - d * t
                    guard q.x * q.x + q.y * q.y <= r2 else { continue }
                    let i = (y * width + x) * 4
                    pixels[i] = rgb[0]; pixels[i + 1] = rgb[1]; pixels[i + 2] = rgb[2]; pixels[i + 3] = 255
                }
            }
        }
    }
}
