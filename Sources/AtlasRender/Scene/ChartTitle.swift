import AtlasModel

/// A chart's title fitted to the page width, as Pango measures it: shrunk a little on one
/// line if that is enough, otherwise wrapped onto more lines at a readable size.
enum ChartTitle {
    /// The smallest size a one-line title shrinks to, as a fraction of its full size.
    static let smallestOneLine = 0.75
    /// The size of a wrapped title, as a fraction of its full size.
    static let wrapped = 0.8

    static func fitted(_ title: String, at point: Point, size: Double, width: Double, measure: TextMeasurer) -> SceneText {
        var textSize = size
        while textSize >= size * smallestOneLine {
            if measure.size(title, size: textSize, weight: .bold).width <= width {
                return SceneText(text: title, at: point, size: textSize, weight: .bold)
            }
            textSize *= 0.95
        }
        return SceneText(text: title, at: point, size: size * wrapped, weight: .bold, width: width)
    }

    /// How much taller `title` is than one line at the full size.
    static func extraHeight(_ title: SceneText, size: Double, measure: TextMeasurer) -> Double {
        let oneLine = measure.size("Ag", size: size, weight: .bold).height
        return max(0, (measure.box(of: title).height - oneLine).rounded(.up))
    }
}

extension Scene {
    /// Moves the panels (bodies, labels and all) down by `extra` pixels and makes the page
    /// that much taller.
    mutating func lowerPanels(by extra: Double) {
        for i in panels.indices {
            panels[i].origin.y += extra
            panels[i].frame = Rect(minX: panels[i].frame.minX, minY: panels[i].frame.minY + extra,
                                   maxX: panels[i].frame.maxX, maxY: panels[i].frame.maxY + extra)
        }
        height += Int(extra.rounded(.up))
    }
}
