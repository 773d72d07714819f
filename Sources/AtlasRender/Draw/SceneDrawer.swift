import AtlasModel
import CCairo
import Foundation

/// Draws a Scene with a handful of primitives; the same code serves PNG, SVG and PDF.
struct SceneDrawer {
    let scene: Scene
    let cr: CairoContext
    var style: Style { scene.style }

    func draw() {
        cairo_set_source_rgb(cr.pointer, 1, 1, 1)
        cairo_paint(cr.pointer)
        let text = TextRenderer(context: cr, family: style.fontFamily)
        for box in scene.boxes {
            let rect = BezierPath([.move(Point(box.frame.minX, box.frame.minY)), .line(Point(box.frame.maxX, box.frame.minY)),
                                   .line(Point(box.frame.maxX, box.frame.maxY)), .line(Point(box.frame.minX, box.frame.maxY)), .close])
            cr.fill(rect, box.fill, { $0 })
            if let stroke = box.stroke { cr.stroke(rect, stroke, width: max(1, scene.lineScale * 1.2), { $0 }) }
        }
        for panel in scene.panels { drawPanel(panel, text: text) }
        drawLeaders()
        for item in scene.texts { text.draw(item, defaultColor: style.text) }
        if let legend = scene.legend { LegendDrawer(cr: cr, style: style, text: text).draw(legend) }
    }

    private func drawPanel(_ panel: ScenePanel, text: TextRenderer) {
        if panel.clip {
            cairo_save(cr.pointer)
            cairo_rectangle(cr.pointer, panel.frame.minX, panel.frame.minY, panel.frame.width, panel.frame.height)
            cairo_clip(cr.pointer)
        }
        defer { if panel.clip { cairo_restore(cr.pointer) } }
        let t = panel.toPixels
        let s = panel.scale
        let outline = panel.view.outline
        cr.fill(outline, style.bodyFill, t)

        // Dermatome maps are flat plates (DermatomeDrawer); every other zone keeps its texture.
        let dermatomes = DermatomeDrawer(cr: cr, style: style, panel: panel)
        let plates = DermatomeDrawer.zones(of: panel)
        let zones = panel.patterns.flatMap { $0.pattern.family == .dermatome ? $0.zones.filter { $0.kind != .radicular } : $0.zones }
        let nerves = panel.patterns.flatMap(\.nerves)
        for contour in panel.view.contours where contour.under { drawContour(contour, panel: panel) }
        cr.clipped(to: outline, t) {
            // Deep nerve segments lie under the muscles: dashed, beneath the muscle tint.
            for nerve in nerves where nerve.deep {
                cr.stroke(nerve.path, style.nerveEdge.with(alpha: 0.7), width: (style.nerveWidth + 2 * style.nerveEdgeWidth) * s,
                          dash: [6 * s, 4 * s], t)
                cr.stroke(nerve.path, style.nerve.with(alpha: 0.55), width: style.nerveWidth * s, dash: [6 * s, 4 * s], t)
            }
            for muscle in panel.patterns.flatMap(\.muscles) { cr.fill(muscle.path, style.muscleFill, t) }
            dermatomes.drawFills(plates)
            for zone in zones where zone.kind == .radicular || zone.kind == .gap {
                cr.fill(zone.path, hatch(for: zone).tint, t)
            }
            for zone in zones where zone.kind == .spillover {
                cr.fill(zone.path, style.spilloverTint, t)
                cr.clipped(to: zone.path, t) {
                    Texture.stipple(cr, box: box(zone.path, t), spacing: style.stippleSpacing * s,
                                    radius: style.stippleRadius * s, color: style.spilloverDot)
                }
            }
            for zone in zones where zone.kind == .essential { cr.fill(zone.path, style.essential, t) }
            for zone in zones where zone.kind == .radicular || zone.kind == .gap {
                let h = hatch(for: zone)
                cr.clipped(to: zone.path, t) {
                    Texture.fill(cr, h, box: box(zone.path, t), spacing: style.hatchSpacing * s, width: style.hatchWidth * s)
                }
                // Root territories vary between people: a dashed edge says so.
                cr.stroke(zone.path, h.color.with(alpha: 0.8), width: 1.1 * s, dash: [5 * s, 4 * s], t)
            }
            // Muscle outlines go over the zones, with a pale halo so they read on solid red.
            for muscle in panel.patterns.flatMap(\.muscles) {
                cr.stroke(muscle.path, Color(1, 1, 1, 0.7), width: style.muscleLineWidth * s * 2.4, dash: [4 * s, 3 * s], t)
                cr.stroke(muscle.path, style.muscleLine, width: style.muscleLineWidth * s, dash: [4 * s, 3 * s], t)
            }
        }

        for contour in panel.view.contours where !contour.under { drawContour(contour, panel: panel) }
        cr.stroke(outline, style.outline, width: style.outlineWidth * s, t)

        for nerve in nerves where !nerve.deep {
            cr.stroke(nerve.path, style.nerveEdge, width: (style.nerveWidth + 2 * style.nerveEdgeWidth) * s, t)
            cr.stroke(nerve.path, style.nerve, width: style.nerveWidth * s, t)
        }
        for point in panel.patterns.flatMap(\.triggerPoints) {
            // Never smaller than a legible mark, even in small figure panels.
            let size = max(style.triggerPointSize * s, 11), width = max(style.triggerPointWidth * s, 2.4)
            drawCross(at: t(point.point), size: size, width: width)
        }
        drawRootLabels(zones, panel: panel, text: text)
        dermatomes.drawLabels(plates, gaps: zones.filter { $0.kind == .gap }, text: text)
        if panel.showLandmarks { drawLandmarks(panel, text: text) }
    }

    /// Names dermatome zones (L3, L4...) where they lie, on a pale patch so they read over
    /// the hatching; the largest zone of each root in a panel gets the label.
    private func drawRootLabels(_ zones: [Zone], panel: ScenePanel, text: TextRenderer) {
        var largest: [String: (area: Double, polygon: [Point])] = [:]
        for zone in zones where zone.kind == .radicular {
            guard let label = zone.label, let polygon = zone.path.polylines().first else { continue }
            let area = abs(Polygon.signedArea(polygon))
            if area > (largest[label]?.area ?? 0) { largest[label] = (area, polygon) }
        }
        let size = max(12, 26 * panel.scale)
        for (label, zone) in largest.sorted(by: { $0.key < $1.key }) {
            let anchor = panel.toPixels(Self.interiorPoint(zone.polygon))
            let extent = text.measure(SceneText(text: label, at: anchor, size: size, weight: .bold))
            let box = BezierPath([.move(Point(anchor.x - extent.width / 2 - 3, anchor.y - extent.height / 2)),
                                  .line(Point(anchor.x + extent.width / 2 + 3, anchor.y - extent.height / 2)),
                                  .line(Point(anchor.x + extent.width / 2 + 3, anchor.y + extent.height / 2)),
                                  .line(Point(anchor.x - extent.width / 2 - 3, anchor.y + extent.height / 2)), .close])
            cr.fill(box, Color(1, 1, 1, 0.85), { $0 })
            text.draw(SceneText(text: label, at: Point(anchor.x, anchor.y - extent.height / 2), size: size, weight: .bold,
                                alignment: .center, color: style.hatch(forRoot: label).color), defaultColor: style.text)
        }
    }

    /// A point well inside a polygon: the centroid if it is inside, else the inside sample
    /// nearest to it.
    static func interiorPoint(_ polygon: [Point]) -> Point {
        let centre = polygon.reduce(Point(0, 0), +) * (1 / Double(max(polygon.count, 1)))
        if Polygon.contains(polygon, centre) { return centre }
        guard let box = Rect(bounding: polygon) else { return centre }
        var best = centre, bestDistance = Double.infinity
        for i in 0..<20 {
            for j in 0..<20 {
                let p = Point(box.minX + box.width * (Double(i) + 0.5) / 20, box.minY + box.height * (Double(j) + 0.5) / 20)
                if Polygon.contains(polygon, p), p.distance(to: centre) < bestDistance { best = p; bestDistance = p.distance(to: centre) }
            }
        }
        return best
    }

    /// Callouts: a white box behind each label, a thin dark leader with a dot at the point.
    private func drawLeaders() {
        let width = max(1.2, scene.lineScale * 1.1)
        for box in scene.labelBoxes {
            let rect = BezierPath([.move(Point(box.frame.minX, box.frame.minY)), .line(Point(box.frame.maxX, box.frame.minY)),
                                   .line(Point(box.frame.maxX, box.frame.maxY)), .line(Point(box.frame.minX, box.frame.maxY)), .close])
            cr.fill(rect, box.fill, { $0 })
        }
        for leader in scene.leaders {
            cr.stroke(BezierPath([.move(leader.from), .line(leader.to)]), Color(1, 1, 1, 0.8), width: width * 3, { $0 })
            cr.stroke(BezierPath([.move(leader.from), .line(leader.to)]), style.text, width: width, { $0 })
            cairo_new_path(cr.pointer)
            cairo_arc(cr.pointer, leader.to.x, leader.to.y, width * 2.2, 0, 2 * Double.pi)
            cr.setColor(style.text)
            cairo_fill(cr.pointer)
        }
    }

    private func drawContour(_ contour: Contour, panel: ScenePanel) {
        let crease = contour.kind == .crease
        cr.stroke(contour.path, crease ? style.crease : style.contour,
                  width: (crease ? style.creaseWidth : style.contourWidth) * panel.scale, panel.toPixels)
    }

    func hatch(for zone: Zone) -> HatchStyle {
        zone.kind == .gap ? style.gap : style.hatch(forRoot: zone.label)
    }

    /// A trigger-point X with a white halo, readable on solid red.
    func drawCross(at p: Point, size: Double, width: Double) {
        let h = size / 2
        for (color, w) in [(style.triggerPointHalo, width * 2.2), (style.triggerPoint, width)] {
            cairo_new_path(cr.pointer)
            cairo_move_to(cr.pointer, p.x - h, p.y - h); cairo_line_to(cr.pointer, p.x + h, p.y + h)
            cairo_move_to(cr.pointer, p.x + h, p.y - h); cairo_line_to(cr.pointer, p.x - h, p.y + h)
            cr.setColor(color)
            cairo_set_line_width(cr.pointer, w)
            cairo_set_line_cap(cr.pointer, CAIRO_LINE_CAP_ROUND)
            cairo_stroke(cr.pointer)
        }
    }

    private func drawLandmarks(_ panel: ScenePanel, text: TextRenderer) {
        let size = max(9, 9 * panel.scale)
        for landmark in panel.view.landmarks {
            let p = panel.toPixels(landmark.point)
            cairo_new_path(cr.pointer)
            cairo_arc(cr.pointer, p.x, p.y, 2.6 * panel.scale, 0, 2 * Double.pi)
            cr.setColor(style.landmark)
            cairo_fill(cr.pointer)
            // Labels go outward, away from the midline, so the two sides do not collide.
            let leftward = p.x < panel.origin.x || (landmark.side == nil && panel.view.id == .lateralLeft)
            text.draw(SceneText(text: landmark.name, at: Point(p.x + (leftward ? -4 : 4) * panel.scale, p.y - size * 0.6),
                                size: size, alignment: leftward ? .right : .left, color: style.landmark),
                      defaultColor: style.landmark)
        }
    }

    private func box(_ path: BezierPath, _ t: (Point) -> Point) -> Rect {
        let b = path.bounds ?? Rect(minX: 0, minY: 0, maxX: 0, maxY: 0)
        let a = t(Point(b.minX, b.minY)), c = t(Point(b.maxX, b.maxY))
        return Rect(minX: min(a.x, c.x), minY: min(a.y, c.y), maxX: max(a.x, c.x), maxY: max(a.y, c.y))
    }
}
