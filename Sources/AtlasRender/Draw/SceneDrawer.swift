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
        if let legend = scene.legend {
            LegendDrawer(cr: cr, style: style, text: text, cross: Self.crossLook(scene), fineCross: Self.fineCrosses(scene)).draw(legend)
        }
    }

    private func drawPanel(_ panel: ScenePanel, text: TextRenderer) {
        if panel.clip {
            let clip = Self.clipFrame(panel)
            cairo_save(cr.pointer)
            cairo_rectangle(cr.pointer, clip.minX, clip.minY, clip.width, clip.height)
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
        let zones = ZoneTone.byKindZones(panel.patterns).filter { !plates.contains($0) }
        // Overlapping pieces of a zone are filled as one shape, so their overlap never darkens.
        let filled = ZoneUnion.merged(panel.patterns.filter { ZoneTone.of($0.pattern) == .byKind }, excluding: plates)
        let nerves = panel.patterns.flatMap(\.nerves)
        // An entrapment's own nerve is drawn over its fills instead (`drawEntrapmentSubject`).
        let underNerves = panel.patterns.filter { $0.pattern.family != .entrapment }.flatMap(\.nerves)
        for contour in panel.view.contours where contour.under { drawContour(contour, panel: panel) }
        // Patterns whose muscle the anatomy layer draws lose their older dashed outline.
        let outlined = panel.patterns.filter { !(panel.anatomy?.patterns.contains($0.pattern.id) ?? false) }.flatMap(\.muscles)
        // Deep nerve segments lie under the muscles: dashed, beneath the muscle tint (inside the
        // anatomy layer, over its bones, when there is one).
        let nerveDrawer = NerveDrawer(cr: cr, style: style)
        if let anatomy = panel.anatomy {
            AnatomyDrawer(cr: cr, style: style.anatomy, bed: style.bodyFill).draw(anatomy, clippedTo: outline, scale: s, t) {
                nerveDrawer.drawDeep(underNerves, scale: s, t)
            }
        }
        cr.clipped(to: outline, t) {
            if panel.anatomy == nil { nerveDrawer.drawDeep(underNerves, scale: s, t) }
            // Muscles lie under the zones: their tint and outline first, so no line crosses a zone.
            for muscle in outlined {
                cr.fill(muscle.path, style.muscleFill, t)
                cr.stroke(muscle.path, style.muscleLine, width: style.muscleLineWidth * s, dash: [4 * s, 3 * s], t)
            }
            // A dermatome map's gaps lie beneath its roots: a root's edge is the border.
            for zone in filled where zone.kind == .gap { drawHatched(zone, scale: s, t) }
            dermatomes.drawFills(plates)
            for zone in filled where zone.kind == .radicular {
                cr.fill(zone.path, hatch(for: zone).tint, t)
            }
            // Sparse tiers first, so the denser one lies on top where they meet. Over the
            // anatomy layer a stipple's tint is a glaze: its own colour on bare skin, with the
            // muscle seen through it beneath the dots, as through T&S's stipple; nothing of
            // the layer is drawn over a zone.
            for zone in filled.filter({ $0.kind == .spillover }).sorted(by: { $0.tier.density < $1.tier.density }) {
                let look = StippleLook(style, tier: zone.tier)
                cr.fill(zone.path, panel.anatomy == nil ? look.tint : Glaze.over(style.bodyFill, giving: look.tint), t)
                cr.clipped(to: zone.path, t) {
                    Texture.stipple(cr, box: box(zone.path, t), spacing: look.spacing * s, radius: look.radius * s, color: look.dot)
                }
            }
            // Solid means solid: an essential zone covers the muscle beneath it.
            for zone in filled where zone.kind == .essential { cr.fill(zone.path, style.essential, t) }
            drawPatternToneZones(panel.patterns, scale: s, t)
            drawEntrapmentSubject(panel, nerves: nerveDrawer, scale: s, t)
            for zone in filled where zone.kind == .radicular {
                let h = hatch(for: zone)
                cr.clipped(to: zone.path, t) {
                    Texture.fill(cr, h, box: box(zone.path, t), spacing: style.hatchSpacing * s, width: style.hatchWidth * s)
                }
                // Root territories vary between people: a dashed edge says so.
                cr.stroke(zone.path, h.color.with(alpha: 0.8), width: 1.1 * s, dash: [5 * s, 4 * s], t)
            }
        }

        for contour in panel.view.contours where !contour.under { drawContour(contour, panel: panel) }
        cr.stroke(outline, style.outline, width: Self.outlineWidth(scene, panel: panel), t)

        nerveDrawer.drawSuperficial(nerves, scale: s, t)
        let marks = Self.crossMarks(panel, style: style, look: Self.crossLook(scene))
        for mark in marks.marks where mark.leader { drawCrossLeader(mark, marks) }
        for mark in marks.marks { drawCross(at: mark.at, size: marks.size, width: marks.width, fine: panel.fineCrosses) }
        drawPatternMarks(panel, text: text)
        drawRootLabels(zones, panel: panel, text: text)
        dermatomes.drawLabels(plates, avoiding: scene.texts, text: text)
        if panel.showLandmarks { drawLandmarks(panel, text: text) }
    }

    /// What a close-up panel shows: its frame, less a sliver of arm at its top. The side
    /// view's bent forearm ends just below the top of a pelvis frame; cut by the frame it read
    /// as a stray limb fragment, so the picture starts just under the arm instead.
    static func clipFrame(_ panel: ScenePanel) -> Rect {
        var clip = panel.frame
        for arm in panel.view.arms {
            guard let mm = arm.bounds else { continue }
            let top = panel.toPixels(Point(mm.minX, mm.minY)), bottom = panel.toPixels(Point(mm.maxX, mm.maxY))
            let overlapsAcross = min(top.x, bottom.x) < clip.maxX && max(top.x, bottom.x) > clip.minX
            // Only a sliver (the end of the arm) is cut off: where the frame holds a good part of
            // the folded forearms (a handout framed from the lower chest), the arm is drawn and
            // the picture starts at the frame's top like its neighbours (review 2110: the side
            // view of the quadratus lumborum handout started lower than the back and front).
            let sliver = bottom.y - clip.minY < (bottom.y - top.y) * 0.25
            if overlapsAcross, sliver, top.y < clip.minY, bottom.y > clip.minY, bottom.y < clip.minY + panel.frame.height * 0.15 {
                clip.minY = bottom.y + 2 * panel.scale
            } else if overlapsAcross, panel.view.id == .posterior || panel.view.id == .anterior, top.y < clip.minY + panel.frame.height * 0.15 {
                // A hanging arm beside a waist-to-toe frame: its inner edge showed as a stray
                // tick in a top corner. The trunk and legs stay inside the arm's area, so the
                // picture stops at that area's inner edge.
                let (left, right) = (min(top.x, bottom.x), max(top.x, bottom.x))
                if left > clip.center.x { clip.maxX = min(clip.maxX, left) }
                if right < clip.center.x { clip.minX = max(clip.minX, right) }
            }
        }
        return clip
    }

    /// A zone in its tint and hatch with a dashed edge (radicular zones, a dermatome map's gaps).
    private func drawHatched(_ zone: Zone, scale s: Double, _ t: (Point) -> Point) {
        let h = hatch(for: zone)
        cr.fill(zone.path, h.tint, t)
        cr.clipped(to: zone.path, t) {
            Texture.fill(cr, h, box: box(zone.path, t), spacing: style.hatchSpacing * s, width: style.hatchWidth * s)
        }
        cr.stroke(zone.path, h.color.with(alpha: 0.8), width: 1.1 * s, dash: [5 * s, 4 * s], t)
    }

    /// Names root zones (L4, L5, S1) where they lie when a panel shows more than one, on a
    /// pale patch so they read over the hatching; the largest zone of each root gets the label.
    private func drawRootLabels(_ zones: [Zone], panel: ScenePanel, text: TextRenderer) {
        var largest: [String: (area: Double, polygon: [Point])] = [:]
        for zone in zones where zone.kind == .radicular {
            guard let label = zone.label, let polygon = zone.path.polylines().first else { continue }
            let area = abs(Polygon.signedArea(polygon))
            if area > (largest[label]?.area ?? 0) { largest[label] = (area, polygon) }
        }
        // One root alone is named by the title and the legend; two or more are told apart here.
        guard largest.count > 1 else { return }
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
        // The skeleton shows this landmark itself: drawing it twice would double the line.
        if contour.bony && !(panel.anatomy?.bones.isEmpty ?? true) { return }
        // A skin mark on a bone the skeleton draws (the navel on the L4-L5 disc in the front
        // view, review 2110) read as a mark on the bone: the skin is over the bone, so where
        // the skeleton shows through the body the mark is left out.
        if contour.kind != .edge, let bones = panel.anatomy?.bones, Self.liesOnBone(contour.path, bones) { return }
        let (color, width): (Color, Double) = switch contour.kind {
        case .line: (style.contour, style.contourWidth)
        case .crease: (style.crease, style.creaseWidth)
        case .edge: (style.outline, style.outlineWidth * 0.85)
        }
        // An edge is part of the outline (a leg's inner edge): it keeps the outline's floor.
        let floor = contour.kind == .edge ? scene.outlineFloor * 0.85 : 0
        let pixels = max(width * panel.scale, floor)
        // A faint open line thins toward its ends, as a plate's pen line does; an edge is part
        // of the outline and a closed contour (a nipple, an ear) has no ends.
        let closed = contour.path.elements.contains(.close)
        if contour.kind != .edge, !closed, contour.path.polylines().count == 1,
           let ribbon = TaperedStroke.ribbon(contour.path.polylines(segmentsPerCurve: 16)[0].map(panel.toPixels), width: pixels) {
            cr.fill(ribbon, color, { $0 })
            return
        }
        cr.stroke(contour.path, color, width: pixels, panel.toPixels)
    }

    /// Whether `path` is a small skin mark (under 2 cm across) centred on a filled bone or
    /// disc of `bones`: the navel lies on the L4-L5 disc in the front view.
    static func liesOnBone(_ path: BezierPath, _ bones: [Bone]) -> Bool {
        guard let box = Rect(bounding: path.polylines().flatMap { $0 }), box.width < 20, box.height < 20 else { return false }
        return bones.contains { bone in
            guard bone.kind == .bone || bone.kind == .ligament, !bone.lineOnly,
                  bone.path.bounds?.contains(box.center) ?? false else { return false }
            return bone.path.polylines().filter { Polygon.contains($0, box.center) }.count % 2 == 1
        }
    }

    /// The body outline's stroke in pixels: the style's, at the panel's scale, never under
    /// the scene's floor.
    static func outlineWidth(_ scene: Scene, panel: ScenePanel) -> Double {
        max(scene.style.outlineWidth * panel.scale, scene.outlineFloor)
    }

    func hatch(for zone: Zone) -> HatchStyle {
        zone.kind == .gap ? style.gap : style.hatch(forRoot: zone.label)
    }

    /// The X marks of a panel's trigger points, in pixels: where (`CrossLayout`), how large
    /// and how thick. In a scene with a legend every X is the scene's one X (`crossLook`),
    /// whatever the panel's framing. Without a legend it follows the body scale, never
    /// smaller than a legible mark; a fine X (`ScenePanel.fineCrosses`) has `fineWeight` of
    /// the style's stroke for its size. Marks never shrink: crowded ones are nudged apart.
    static func crossMarks(_ panel: ScenePanel, style: Style, look: (size: Double, width: Double)? = nil) -> CrossLayout {
        let size = look?.size ?? max(style.triggerPointSize * panel.scale, 11)
        let width = look?.width
            ?? (panel.fineCrosses ? size * style.triggerPointWidth / style.triggerPointSize * fineWeight
                : max(style.triggerPointWidth * panel.scale, 2.4))
        return CrossLayout.of(panel, size: size, width: width)
    }

    /// The one trigger-point X of a scene with a legend, drawn alike in the key and in every
    /// panel. An X is a symbol, so it is sized to the legend's text (about a capital letter),
    /// not to body millimetres, which drew it half the key's size in a whole-body panel. Its
    /// stroke keeps the style's width-to-size ratio (`fineWeight` of it where the panels draw
    /// a fine X: the contact sheet's key shows its thumbnails' X). Nil without a legend.
    static func crossLook(_ scene: Scene) -> (size: Double, width: Double)? {
        guard let legend = scene.legend else { return nil }
        let style = scene.style
        let size = max(11, legend.textSize * 0.65)
        return (size, size * style.triggerPointWidth / style.triggerPointSize * (fineCrosses(scene) ? fineWeight : 1))
    }

    /// Whether the scene's X marks are fine (`ScenePanel.fineCrosses`): its key draws them so.
    static func fineCrosses(_ scene: Scene) -> Bool { scene.panels.contains(where: \.fineCrosses) }

    /// A trigger-point X with a white halo, readable on solid red. A `fine` X (a thumbnail's,
    /// see `ScenePanel.fineCrosses`) is the same solid X with a lighter, narrower halo: it
    /// reads as an X at 11 px, and a zone smaller than it shows between its arms.
    func drawCross(at p: Point, size: Double, width: Double, fine: Bool = false) {
        let h = size / 2
        let halo = fine ? (style.triggerPointHalo.with(alpha: 0.85), width * 2) : (style.triggerPointHalo, width * 2.2)
        for (color, w) in [halo, (style.triggerPoint, width)] {
            cairo_new_path(cr.pointer)
            for (dx, dy) in [(-1.0, -1.0), (1, 1), (1, -1), (-1, 1)] {
                cairo_move_to(cr.pointer, p.x, p.y); cairo_line_to(cr.pointer, p.x + dx * h, p.y + dy * h)
            }
            cr.setColor(color)
            cairo_set_line_width(cr.pointer, w)
            cairo_set_line_cap(cr.pointer, CAIRO_LINE_CAP_ROUND)
            cairo_stroke(cr.pointer)
        }
    }

    /// A fine X's stroke, as a share of the style's stroke for its size: 1.5 px on an 11 px
    /// thumbnail X, where the usual 2.4 px stroke on its halo filled the X's box and hid a
    /// small zone beneath it.
    static let fineWeight = 0.5

    /// A mark set off beside its crowded muscle: a thin leader from the X's edge to a dot at
    /// the trigger point itself.
    private func drawCrossLeader(_ mark: CrossLayout.Mark, _ marks: CrossLayout) {
        let d = mark.at - mark.spot
        let length = (d.x * d.x + d.y * d.y).squareRoot()
        guard length > 0 else { return }
        let edge = mark.at - d * (marks.size * 0.6 / length)
        let line = BezierPath([.move(mark.spot), .line(edge)])
        cr.stroke(line, style.triggerPointHalo, width: marks.width * 1.6, { $0 })
        cr.stroke(line, style.triggerPoint, width: max(1, marks.width * 0.5), { $0 })
        cairo_new_path(cr.pointer)
        cairo_arc(cr.pointer, mark.spot.x, mark.spot.y, marks.width * 0.9, 0, 2 * Double.pi)
        cr.setColor(style.triggerPoint)
        cairo_fill(cr.pointer)
    }

    private func drawLandmarks(_ panel: ScenePanel, text: TextRenderer) {
        let size = LandmarkLabels.textSize(panel)
        let placements = LandmarkLabels.layout(panel) { text.measure(SceneText(text: $0, at: Point(0, 0), size: size)) }
        cr.setColor(style.landmark)
        for landmark in panel.view.landmarks {
            let p = panel.toPixels(landmark.point)
            cairo_new_path(cr.pointer)
            cairo_arc(cr.pointer, p.x, p.y, LandmarkLabels.dotRadius(panel), 0, 2 * Double.pi)
            cairo_fill(cr.pointer)
        }
        for label in placements {
            if label.leader {
                // From the dot to the nearest point of the label's box.
                let b = label.box
                let end = Point(min(max(label.point.x, b.minX), b.maxX), min(max(label.point.y, b.minY), b.maxY))
                cr.setColor(style.landmark.with(alpha: 0.6))
                cairo_set_line_width(cr.pointer, max(0.6, 0.5 * panel.scale))
                cairo_move_to(cr.pointer, label.point.x, label.point.y)
                cairo_line_to(cr.pointer, end.x, end.y)
                cairo_stroke(cr.pointer)
            }
            text.draw(SceneText(text: label.name, at: Point(label.box.minX, label.box.minY), size: size, color: style.landmark),
                      defaultColor: style.landmark)
        }
    }

    private func box(_ path: BezierPath, _ t: (Point) -> Point) -> Rect {
        Self.pixelBox(path, t) ?? Rect(minX: 0, minY: 0, maxX: 0, maxY: 0)
    }

    /// A path's bounds carried to pixels (nil for an empty path).
    static func pixelBox(_ path: BezierPath, _ t: (Point) -> Point) -> Rect? {
        guard let b = path.bounds else { return nil }
        let a = t(Point(b.minX, b.minY)), c = t(Point(b.maxX, b.maxY))
        return Rect(minX: min(a.x, c.x), minY: min(a.y, c.y), maxX: max(a.x, c.x), maxY: max(a.y, c.y))
    }
}
