import AtlasModel
import AtlasRender
import Foundation

/// One blank body view as the renderer draws it (SVG), with the numbers a browser needs to
/// turn a pointer position back into the view's atlas millimetres: pixel = origin + mm x scale.
struct ChartView: Sendable {
    let id: ViewID
    let label: String
    let svg: [UInt8]
    /// The SVG's size in its own pixels.
    let width: Int
    let height: Int
    /// Where the atlas origin (the vertex) lies, in the SVG's pixels.
    let origin: Point
    /// SVG pixels per atlas millimetre.
    let scale: Double
}

/// The blank views, drawn once when the server starts.
enum ChartViews {
    /// The SVG width of every view; the browser scales it to the screen.
    static let width = 520.0
    /// Room round the body, in atlas millimetres.
    static let margin = 30.0

    static func make(atlas: Atlas, style: Style) throws(ServeError) -> [ViewID: ChartView] {
        var views: [ViewID: ChartView] = [:]
        for id in ViewID.allCases {
            guard let view = atlas.view(id) else { continue }
            let b = view.bounds
            let scale = width / (b.width + 2 * margin)
            let height = ((b.height + 2 * margin) * scale).rounded(.up)
            let origin = Point((margin - b.minX) * scale, (margin - b.minY) * scale)
            let panel = ScenePanel(view: view, origin: origin, scale: scale,
                                   frame: Rect(minX: 0, minY: 0, maxX: width, maxY: height), sideMarks: false)
            var scene = Scene(width: Int(width), height: Int(height), dpi: 96, title: view.label, panels: [panel], texts: sideLetters(panel),
                              legend: nil, metadata: [("Title", "\(view.label) view, blank")], style: style)
            scene.boxes = []
            do {
                let svg = try SceneRenderer.render(scene, as: .svg)
                views[id] = ChartView(id: id, label: view.label, svg: svg, width: scene.width, height: scene.height,
                                      origin: origin, scale: scale)
            } catch {
                throw .atlas("cannot draw the \(id.rawValue) view: \(error)")
            }
        }
        return views
    }

    /// "R" and "L" by the lower legs of the back and front views: the patient's sides as the
    /// viewer sees them.
    static func sideLetters(_ panel: ScenePanel) -> [SceneText] {
        guard panel.view.id == .posterior || panel.view.id == .anterior else { return [] }
        let b = panel.view.bounds
        return Side.allCases.map { side in
            let x = (b.width / 2 + margin * 0.1) * panel.view.id.screenSign(for: side)
            return SceneText(text: side == .right ? "R" : "L", at: panel.toPixels(Point(x * 0.92, b.minY + b.height * 0.78)),
                             size: 40 * panel.scale, weight: .bold, alignment: .center, color: Color(hex: "#777777")!)
        }
    }
}
