import AtlasModel
import CCairo
import CPango

/// Text laid out with Pango on a Cairo context: shaping, wrapping and font fallback.
struct TextRenderer {
    let context: CairoContext
    let family: String

    /// Draws `item` and returns its height in pixels.
    @discardableResult
    func draw(_ item: SceneText, defaultColor: Color) -> Double {
        let item = fitted(item)
        let cr = context.pointer
        guard let layout = pango_cairo_create_layout(cr) else { return 0 }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        configure(layout, item)
        var inkWidth: Int32 = 0, inkHeight: Int32 = 0
        pango_layout_get_pixel_size(layout, &inkWidth, &inkHeight)
        // The anchor is the left, centre or right of the line (or of the wrap box).
        let boxWidth = item.width ?? Double(inkWidth)
        var x = item.at.x
        switch item.alignment {
        case .left: break
        case .center: x -= boxWidth / 2
        case .right: x -= boxWidth
        }
        let color = item.color ?? defaultColor
        cairo_save(cr)
        cairo_set_source_rgba(cr, color.r, color.g, color.b, color.a)
        cairo_move_to(cr, x, item.at.y)
        pango_cairo_show_layout(cr, layout)
        cairo_restore(cr)
        return Double(inkHeight)
    }

    /// The text at the size it is drawn: a `fitWidth` line shrinks until it fits (never
    /// below 60 %).
    func fitted(_ item: SceneText) -> SceneText {
        var item = item
        if let limit = item.fitWidth {
            let floor = item.size * 0.6
            while item.size > floor, measure(item).width > limit { item.size *= 0.95 }
        }
        return item
    }

    /// The size a text would take, in pixels.
    func measure(_ item: SceneText) -> (width: Double, height: Double) {
        guard let layout = pango_cairo_create_layout(context.pointer) else { return (0, 0) }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        configure(layout, item)
        var w: Int32 = 0, h: Int32 = 0
        pango_layout_get_pixel_size(layout, &w, &h)
        return (Double(w), Double(h))
    }

    private func configure(_ layout: OpaquePointer, _ item: SceneText) {
        // Unhinted metrics, as a PDF or SVG page lays text out: text measured on the small
        // image surface then wraps and stacks the same on every surface.
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            pango_cairo_context_set_font_options(pango_layout_get_context(layout), options)
            cairo_font_options_destroy(options)
            pango_layout_context_changed(layout)
        }
        let font = pango_font_description_new()
        defer { pango_font_description_free(font) }
        pango_font_description_set_family(font, family)
        pango_font_description_set_weight(font, item.weight == .bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_absolute_size(font, item.size * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, font)
        if let width = item.width {
            pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD)
            let alignment: PangoAlignment = switch item.alignment {
            case .left: PANGO_ALIGN_LEFT
            case .center: PANGO_ALIGN_CENTER
            case .right: PANGO_ALIGN_RIGHT
            }
            pango_layout_set_alignment(layout, alignment)
        }
        pango_layout_set_text(layout, item.text, -1)
    }
}
