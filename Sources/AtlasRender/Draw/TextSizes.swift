import AtlasModel

/// The size, in pixels, at which every piece of text of a scene is drawn (after titles shrink
/// to fit their line and a legend to fit its box; marks' labels too), so a test can hold a figure to a minimum
/// legible size without reading pixels.
public enum TextSizes {
    public static func laidOut(_ scene: Scene) throws(RenderError) -> [(text: String, size: Double)] {
        let cr = try CairoContext(try CairoSurface.image(width: 1, height: 1))
        let renderer = TextRenderer(context: cr, family: scene.style.fontFamily)
        var sizes = scene.texts.map { item in (item.text, renderer.fitted(item).size) }
        if let legend = scene.legend {
            let size = LegendDrawer(cr: cr, style: scene.style, text: renderer).fittedSize(legend)
            sizes += legend.entries.map { ($0.text, size) }
        }
        for panel in scene.panels {
            sizes += panel.patterns.flatMap(\.marks).map { ($0.label, SceneDrawer.markLabelSize(scene, panel: panel)) }
        }
        return sizes
    }
}
