import AtlasModel
import CCairo

/// Draws a legend: one swatch and one line of text per entry, in as many columns as fit.
struct LegendDrawer {
    let cr: CairoContext
    let style: Style
    let text: TextRenderer
    /// The scene's trigger-point X (SceneDrawer.crossLook), so the key shows the panels' X.
    var cross: (size: Double, width: Double)? = nil
    /// The panels draw a fine X (`ScenePanel.fineCrosses`), its lighter halo included.
    var fineCross = false

    func draw(_ legend: SceneLegend) {
        guard !legend.entries.isEmpty else { return }
        let size = fittedSize(legend)
        let layout = arrange(legend, size: size)
        let swatch = Point(size * 2.2, size * 1.3)
        for (index, (entry, line)) in zip(legend.entries, texts(legend, size: size, layout: layout)).enumerated() {
            let origin = layout.origin(of: index)
            let x = legend.frame.minX + origin.x
            let y = legend.frame.minY + origin.y
            // The swatch sits beside the first line of a wrapped entry.
            let top = y + (layout.rowHeight - swatch.y) / 2 - size * 0.2
            let box = Rect(minX: x, minY: top, maxX: x + swatch.x, maxY: top + swatch.y)
            if entry.symbol != .heading { drawSymbol(entry.symbol, in: box, unit: size / 14) }
            text.draw(line, defaultColor: style.text)
        }
    }

    /// Each entry's text as drawn: placed beside its swatch, wrapped when too wide for its column.
    func texts(_ legend: SceneLegend) -> [SceneText] {
        let size = fittedSize(legend)
        return texts(legend, size: size, layout: arrange(legend, size: size))
    }

    private func texts(_ legend: SceneLegend, size: Double, layout: LegendLayout) -> [SceneText] {
        legend.entries.indices.map { index in
            let origin = layout.origin(of: index)
            let wraps = layout.heights[index] > layout.rowHeight
            // A group's heading stands where the swatches do, in bold.
            let heading = legend.entries[index].symbol == .heading
            return SceneText(text: legend.entries[index].text,
                             at: Point(legend.frame.minX + origin.x + (heading ? 0 : size * (2.2 + 0.6)),
                                       legend.frame.minY + origin.y + (heading ? LegendLayout.headingGap * size : 0)),
                             size: size, weight: heading ? .bold : .regular, width: wraps ? layout.textWidth : nil)
        }
    }

    /// The text size the legend is drawn at: as many columns as the longest entry allows,
    /// the text shrunk if the rows would overflow the frame (never below 70 %).
    func fittedSize(_ legend: SceneLegend) -> Double {
        var size = legend.textSize
        var layout = arrange(legend, size: size)
        while layout.height > legend.frame.height + 0.5, size > legend.textSize * 0.7 {
            size *= 0.93
            layout = arrange(legend, size: size)
        }
        return size
    }

    private func arrange(_ legend: SceneLegend, size: Double) -> LegendLayout {
        LegendLayout(entries: legend.entries, size: size, width: legend.frame.width) { string, size, width in
            text.measure(SceneText(text: string, at: Point(0, 0), size: size, width: width))
        }
    }

    private func drawSymbol(_ symbol: LegendSymbol, in box: Rect, unit: Double) {
        let rect = BezierPath([.move(Point(box.minX, box.minY)), .line(Point(box.maxX, box.minY)),
                               .line(Point(box.maxX, box.maxY)), .line(Point(box.minX, box.maxY)), .close])
        let id: (Point) -> Point = { $0 }
        let drawer = SceneDrawer(scene: Scene(width: 0, height: 0, dpi: 0, title: "", panels: [], texts: [], legend: nil, metadata: [], style: style), cr: cr)
        let hatch: (HatchStyle, Double) -> Void = { h, _ in
            cr.fill(rect, h.tint, id)
            cr.clipped(to: rect, id) {
                Texture.fill(cr, h, box: box, spacing: style.hatchSpacing * unit * 1.6, width: style.hatchWidth * unit * 1.4)
            }
        }
        switch symbol {
        case .essential:
            cr.fill(rect, style.essential, id)
        case .spillover, .spilloverHalf, .spilloverFew:
            let look = StippleLook(style, tier: symbol == .spilloverHalf ? .aboutHalf : symbol == .spilloverFew ? .few : .some)
            cr.fill(rect, look.tint, id)
            cr.clipped(to: rect, id) {
                Texture.stipple(cr, box: box, spacing: look.spacing * unit * 1.5, radius: look.radius * unit * 1.5, color: look.dot)
            }
        case .radicular:
            hatch(style.radicular, 1)
        case .entrapmentCore:
            hatch(style.entrapment, 1)
        case .entrapmentCommon, .entrapmentSome:
            // The panels' look (EntrapmentLook), at the legend's scale.
            let look = EntrapmentLook(style, tier: symbol == .entrapmentCommon ? .common : .some)
            cr.fill(rect, look.tint, id)
            cr.clipped(to: rect, id) {
                Texture.fill(cr, look.hatch, box: box, spacing: style.hatchSpacing * unit * look.spacing * 0.75,
                             width: style.hatchWidth * unit * 1.4 * look.width)
            }
        case .unsplit:
            cr.fill(rect, SceneDrawer.unsplitTone(style), id)
        case .diffuseCore, .diffuseSome:
            // No outline: the field has no border.
            let alpha = symbol == .diffuseCore ? SceneDrawer.diffuseCoreAlpha : SceneDrawer.diffuseSomeAlpha
            cr.featherFill(rect, style.essential.with(alpha: 1), alpha: alpha, feather: box.height * 0.45, id)
            return
        case .root(let label):
            hatch(style.hatch(forRoot: label), 1)
        case .dermatome(let label):
            cr.fill(rect, style.dermatomeFill(forRoot: label), id)
            cr.clipped(to: rect, id) { DermatomeDrawer.drawTexture(cr, root: label, style: style, box: box, scale: unit) }
        case .gap:
            hatch(style.gap, 1.6)
        case .nerve:
            let line = BezierPath([.move(Point(box.minX + 2 * unit, box.center.y)), .line(Point(box.maxX - 2 * unit, box.center.y))])
            // The very strokes the panels draw (NerveDrawer).
            NerveDrawer(cr: cr, style: style).drawSuperficial(line, width: style.nerveWidth * 1.3, scale: unit, id)
            return
        case .deepNerve:
            let line = BezierPath([.move(Point(box.minX + 2 * unit, box.center.y)), .line(Point(box.maxX - 2 * unit, box.center.y))])
            NerveDrawer(cr: cr, style: style).drawDeep(line, width: style.nerveWidth * 1.3, scale: unit, id)
            return
        case .triggerPoint:
            // The very X the panels draw (SceneDrawer.crossLook), not one sized to this row.
            let look = cross ?? (box.height * 0.75, style.triggerPointWidth * unit * 1.2)
            drawer.drawCross(at: box.center, size: look.size, width: look.width, fine: fineCross)
            return
        case .muscle:
            cr.fill(rect, style.muscleFill, id)
            cr.stroke(rect, style.muscleLine, width: style.muscleLineWidth * unit * 1.5, dash: [4 * unit, 3 * unit], id)
            return
        case .anatomy:
            AnatomyDrawer(cr: cr, style: style.anatomy).draw(PlacedAnatomy.legendSwatch(in: box), scale: unit * 1.6, id)
            return
        case .mark(let color):
            cr.fill(rect, color.with(alpha: 0.75), id)
        case .pen(let color, let pattern):
            cr.clipped(to: rect, id) { PenSwatch.draw(cr, pattern, color: color, box: box, unit: unit) }
        case .markRing, .markOutline, .markArea, .markSpot:
            let shape: PatternMark.Shape = switch symbol {
            case .markRing: .ring
            case .markArea: .area
            case .markSpot: .spot
            default: .outline
            }
            let path = switch shape {
            case .ring: PatternMark.ring(at: box.center, radius: box.height * 0.36)
            case .spot: PatternMark.ring(at: box.center, radius: box.height * 0.2)
            case .outline, .area: PatternMark.ring(at: box.center, radius: 1).map { Point(box.center.x + ($0.x - box.center.x) * box.width * 0.42,
                                                                                          box.center.y + ($0.y - box.center.y) * box.height * 0.36) }
            }
            let width = SceneDrawer.markLineWidth(scale: unit * 1.2)
            // An area lies over a solid zone in the panels: the swatch shows it so.
            if shape == .area { cr.fill(rect, style.essential, id) }
            SceneDrawer.strokeMark(cr, shape, path, style: style, width: width, dash: SceneDrawer.markDash(shape, scale: unit * 0.8), id)
            return
        case .blank:
            cr.fill(rect, style.bodyFill, id)
        case .heading:
            return
        }
        cr.stroke(rect, style.outline.with(alpha: 0.6), width: max(1, unit), id)
    }
}
