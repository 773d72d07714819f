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

extension TextMeasurer {
    /// The box a scene text covers when drawn (its anchor and alignment applied).
    public func box(of item: SceneText) -> Rect {
        var textSize = item.size
        if let limit = item.fitWidth {
            // As TextRenderer draws it: shrunk until it fits, never below 60 %.
            while textSize > item.size * 0.6, size(item.text, size: textSize, weight: item.weight).width > limit { textSize *= 0.95 }
        }
        let (w, h) = size(item.text, size: textSize, weight: item.weight, width: item.width)
        let boxWidth = item.width ?? w
        let left: Double = switch item.alignment {
        case .left: item.at.x
        case .center: item.at.x - boxWidth / 2
        case .right: item.at.x - boxWidth
        }
        // A wrapped text's ink lies within its wrap box; measure the ink's width for one line.
        let inkLeft = item.width == nil ? left : (item.alignment == .left ? left : left + (boxWidth - w) / (item.alignment == .center ? 2 : 1))
        return Rect(minX: inkLeft, minY: item.at.y, maxX: inkLeft + w, maxY: item.at.y + h)
    }
}
