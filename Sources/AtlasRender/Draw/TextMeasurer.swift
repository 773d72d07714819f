import AtlasModel

/// Measures text with the same Pango set-up that draws it, so layouts can stack paragraphs.
public final class TextMeasurer {
    private let context: CairoContext
    private let renderer: TextRenderer

    public init(fontFamily: String) throws(RenderError) {
        context = try CairoContext(try CairoSurface.image(width: 1, height: 1))
        renderer = TextRenderer(context: context, family: fontFamily)
    }

    /// Width and height in pixels of `text` wrapped to `width` (or on one line).
    public func size(_ text: String, size: Double, weight: SceneText.Weight = .regular, width: Double? = nil) -> (width: Double, height: Double) {
        renderer.measure(SceneText(text: text, at: Point(0, 0), size: size, weight: weight, width: width))
    }
}
