import AtlasModel
import CCairo

/// Draws the bones and muscles under a panel's zones: faint fills, thin outlines, a few fine
/// lines along each muscle's fibres; deep muscles (seen through others) paler and dashed.
/// Muscles lie over the bones as in a textbook plate: a bone's edge under a muscle belly is
/// all but hidden, so that it never reads as a line of the muscle.
struct AnatomyDrawer {
    let cr: CairoContext
    let style: AnatomyStyle
    /// The skin's colour, laid under each muscle to hide the bones beneath it.
    var bed = Color(1, 1, 1)

    /// Line widths never drop below a visible hairline in small panels.
    private func width(_ millimetres: Double, _ scale: Double) -> Double { max(0.5, millimetres * scale) }

    /// How strongly a muscle is drawn: a deep one a little paler (and dashed), still clearly a
    /// muscle in its own pattern's picture; what lies over it is said by the faint outline of
    /// the covering muscle (`PlacedAnatomy.covering`), not by washing the deep one out.
    private static func fade(_ muscle: Muscle) -> Double { muscle.depth == .deep ? 0.8 : 1 }

    /// The superficial muscles over the drawn ones, as a faint thin outline only (gluteus
    /// maximus over the piriformis), so that the deep muscle stays legible and reads as deep.
    private func drawCovering(_ anatomy: PlacedAnatomy, _ color: Color, scale s: Double, _ t: (Point) -> Point) {
        for muscle in anatomy.covering {
            cr.stroke(muscle.path, color, width: width(style.muscleLineWidth * 0.8, s), t)
        }
    }

    /// A belly reads as rounded, not as a flat tile like a bone: its margins are shaded in two
    /// soft bands of the outline's colour (the caller clips to the muscle, so only the inner
    /// half of each band shows).
    private func shadeBelly(_ path: BezierPath, fade: Double, scale s: Double, _ t: (Point) -> Point) {
        let shade = style.muscleLine
        cr.stroke(path, shade.with(alpha: shade.a * 0.16 * fade), width: 12 * s, t)
        cr.stroke(path, shade.with(alpha: shade.a * 0.16 * fade), width: 5 * s, t)
    }

    /// The whole layer, clipped to the body `outline`. Drawn as one group painted through one
    /// clip: an SVG then holds a single copy of the outline as a clip path, not one per bone.
    /// `underMuscles` draws what lies between the bones and the muscles: the deep nerves, so that
    /// the sacral plexus in front of piriformis is seen through the muscle's tint, under it.
    func draw(_ anatomy: PlacedAnatomy, clippedTo outline: BezierPath, scale s: Double, _ t: (Point) -> Point,
              underMuscles: () -> Void = {}) {
        cairo_push_group(cr.pointer)
        draw(anatomy, scale: s, t, underMuscles: underMuscles)
        cairo_pop_group_to_source(cr.pointer)
        cr.clipped(to: outline, t) { cairo_paint(cr.pointer) }
    }

    func draw(_ anatomy: PlacedAnatomy, scale s: Double, _ t: (Point) -> Point, underMuscles: () -> Void = {}) {
        // In file order, each bone over the ones before it (the hip bone over the sacrum in front).
        for bone in anatomy.bones { drawBone(bone, scale: s, t) }
        // The muscles' bed: the bones under a belly fade to a ghost (the ilium's and femur's
        // edges had crossed the gluteal muscles' tint and read as muscle lines); the deep
        // nerves come after it, so they stay clear, under the muscles' tint.
        for muscle in anatomy.muscles { cr.fill(muscle.path, bed.with(alpha: Self.hiding(muscle)), t) }
        drawVeiled(underMuscles, by: anatomy.muscles.filter { $0.depth == .deep && $0.kind == .muscle }, t)
        for (index, muscle) in anatomy.muscles.enumerated() {
            clippedOutside(Self.over(index, in: anatomy), t) { drawMuscle(muscle, scale: s, t) }
        }
        drawCovering(anatomy, style.muscleLine.with(alpha: style.muscleLine.a * 0.45), scale: s, t)
    }

    /// How much of a nerve in front of a deep muscle (beneath it, seen from behind) is lost
    /// under the muscle: the muscle's own tint is faint, so without this the sacral roots read
    /// as painted over piriformis, not as running in front of it (review rev4, nerves 1).
    static let veil = 0.5

    /// Runs `body` (the deep nerves) in a group laid down at `1 - veil` inside `muscles` and
    /// fully outside them, so that only the nerves, not the bones, are veiled. Clips and a
    /// group alpha only: a PDF stays vector (an erasing operator had made cairo rasterize it).
    private func drawVeiled(_ body: () -> Void, by muscles: [Muscle], _ t: (Point) -> Point) {
        guard !muscles.isEmpty else { return body() }
        cairo_push_group(cr.pointer)
        body()
        guard let group = cairo_pop_group(cr.pointer) else { return }
        defer { cairo_pattern_destroy(group) }
        cairo_save(cr.pointer)
        cairo_new_path(cr.pointer)
        for muscle in muscles { cr.append(muscle.path, t) }
        cairo_clip(cr.pointer)
        cairo_set_source(cr.pointer, group)
        cairo_paint_with_alpha(cr.pointer, 1 - Self.veil)
        cairo_restore(cr.pointer)
        clippedOutside(muscles.map(\.path), t) {
            cairo_set_source(cr.pointer, group)
            cairo_paint(cr.pointer)
        }
    }

    /// How much of the bone beneath a muscle is hidden: nearly all under a belly; under a thin
    /// tendinous sheet (the iliotibial band) about half, since bone shows through a fascia.
    static func hiding(_ muscle: Muscle) -> Double { muscle.kind == .tendon ? 0.5 : 0.88 }

    /// A bone in a bony line; a ligament thinner and paler, so that it reads as a fibrous band
    /// and not as a bone's edge; an opening (the iliac fossa, a hollow under the crest) as a
    /// soft shade of the bone line's colour with no outline; a foramen between bone and
    /// ligaments the skin's colour, unoutlined; a hole through a bone in the bony line with the
    /// skin's colour inside; a ridge on a bone (gluteal lines, crest lips) finer and paler than
    /// its edge.
    private func drawBone(_ bone: Bone, scale s: Double, _ t: (Point) -> Point) {
        let line = style.boneLine
        switch bone.kind {
        case .bone:
            if !bone.lineOnly { cr.fill(bone.path, style.boneFill, t) }
            cr.stroke(bone.path, line, width: width(style.boneLineWidth, s), t)
        case .ligament:
            if bone.fibres.isEmpty {
                if !bone.lineOnly { cr.fill(bone.path, style.boneFill.with(alpha: style.boneFill.a * 0.5), t) }
            } else {
                drawBand(bone, scale: s, t)
            }
            cr.stroke(bone.path, line.with(alpha: line.a * 0.55), width: max(0.4, style.boneLineWidth * 0.5 * s), t)
        case .opening:
            // A hollow's depth: a shadow under the overhanging rim, fading to nothing, and no
            // outline (the bones round it draw its edge). A flat shade read as a grey tile.
            shadeUnderArch(bone.path, line, t)
        case .foramen:
            // A gap the nerve and muscle leave through: clear, so that nothing seen far behind
            // it (the pubis through the outlet) crosses it; its border is the notch's bony edge
            // and the ligaments drawn over its lower side, never a line of its own (a grey
            // shade had read as a pocket laid between the bones).
            cr.fill(bone.path, bed, t)
        case .ridge:
            // A surface line: about half the bony line's weight and strength.
            cr.stroke(bone.path, line.with(alpha: line.a * 0.6), width: max(0.4, style.boneLineWidth * 0.6 * s), t)
        case .hole:
            // A hole through the bone shows what lies behind it: the skin's colour, and
            // no shading, which had read as a grey patch on the bone.
            cr.fill(bone.path, bed, t)
            cr.stroke(bone.path, line, width: width(style.boneLineWidth, s), t)
        }
    }

    /// A ligament as a band of parallel fibres, as in a plate: pale and mostly opaque, so that
    /// a bone's edge behind it shows only as a ghost and never crosses the band as a line, with
    /// its fibres finer and paler than its outline.
    private func drawBand(_ bone: Bone, scale s: Double, _ t: (Point) -> Point) {
        cr.fill(bone.path, bed.with(alpha: 0.75), t)
        cr.fill(bone.path, style.tendonFill.with(alpha: style.tendonFill.a * 0.6), t)
        let fibres = bone.fibres.reduce(BezierPath([])) { $0.appending($1) }
        let line = style.boneLine
        cr.clipped(to: bone.path, t) {
            cr.stroke(fibres, line.with(alpha: line.a * 0.4), width: max(0.35, style.fibreWidth * 0.7 * s), t)
        }
    }

    /// Fills `path` with a soft shadow cast by the overhanging rim over its upper outer corner
    /// (the iliac crest over the fossa): about a quarter of the line's strength there, fading
    /// in a round falloff to nothing three quarters of the way down and toward the midline. A
    /// top-down band had read as a grey rounded tile.
    private func shadeUnderArch(_ path: BezierPath, _ color: Color, _ t: (Point) -> Point) {
        guard let ring = path.polylines().first, let box = Rect(bounding: ring) else { return }
        // The outer side is away from the midline (x = 0 in the side frame).
        let outward = ring.map(\.x).reduce(0, +) >= 0
        let centre = Point(outward ? box.minX + box.width * 2 / 3 : box.maxX - box.width * 2 / 3, box.minY)
        let rim = Point(centre.x, centre.y + box.height * 0.75)
        let c = t(centre), radius = c.distance(to: t(rim))
        let gradient = cairo_pattern_create_radial(c.x, c.y, 0, c.x, c.y, radius)
        cairo_pattern_add_color_stop_rgba(gradient, 0, color.r, color.g, color.b, color.a * 0.28)
        cairo_pattern_add_color_stop_rgba(gradient, 0.45, color.r, color.g, color.b, color.a * 0.12)
        cairo_pattern_add_color_stop_rgba(gradient, 1, color.r, color.g, color.b, 0)
        cairo_new_path(cr.pointer)
        cr.append(path, t)
        cairo_set_source(cr.pointer, gradient)
        cairo_fill(cr.pointer)
        cairo_pattern_destroy(gradient)
    }

    /// What hides the muscle at `index`: a superficial muscle lies over the superficial ones
    /// before it (gluteus maximus over the hamstrings' origin); deep ones stay seen through.
    private static func over(_ index: Int, in anatomy: PlacedAnatomy) -> [BezierPath] {
        guard anatomy.muscles[index].depth == .superficial else { return [] }
        return anatomy.muscles[(index + 1)...].filter { $0.depth == .superficial && $0.kind == .muscle }.map(\.path)
    }

    /// Runs `body` with the inside of every path clipped away.
    private func clippedOutside(_ paths: [BezierPath], _ t: (Point) -> Point, _ body: () -> Void) {
        guard !paths.isEmpty else { return body() }
        cairo_save(cr.pointer)
        cairo_set_fill_rule(cr.pointer, CAIRO_FILL_RULE_EVEN_ODD)
        for path in paths {
            cairo_new_path(cr.pointer)
            cairo_rectangle(cr.pointer, -1e6, -1e6, 2e6, 2e6)
            cr.append(path, t)
            cairo_clip(cr.pointer)
        }
        cairo_set_fill_rule(cr.pointer, CAIRO_FILL_RULE_WINDING)
        body()
        cairo_restore(cr.pointer)
    }

    func drawMuscle(_ muscle: Muscle, scale s: Double, _ t: (Point) -> Point) {
        let deep = muscle.depth == .deep
        let fade = Self.fade(muscle)
        let tendon = muscle.kind == .tendon
        let fill = tendon ? style.tendonFill : style.muscleFill
        // A tendon is silvery: grey lines, never the muscle's red-brown.
        let line = tendon ? style.boneLine : style.muscleLine
        let fibre = tendon ? style.boneLine.with(alpha: style.boneLine.a * 0.5) : style.fibre
        cr.fill(muscle.path, fill.with(alpha: fill.a * fade), t)
        // All fibres as one path: one stroke per muscle keeps SVG and PDF small.
        let fibres = muscle.fibres.reduce(BezierPath([])) { $0.appending($1) }
        cr.clipped(to: muscle.path, t) {
            if !tendon { shadeBelly(muscle.path, fade: fade, scale: s, t) }
            cr.stroke(fibres, fibre.with(alpha: fibre.a * fade), width: width(style.fibreWidth, s), t)
        }
        cr.stroke(muscle.path, line.with(alpha: line.a * fade), width: width(style.muscleLineWidth, s),
                  dash: deep ? [5 * s, 3.5 * s] : [], t)
    }
}

extension PlacedAnatomy {
    /// A small spindle-shaped muscle with three fibres, for the legend.
    static func legendSwatch(in box: Rect) -> PlacedAnatomy {
        let w = box.width, h = box.height
        func p(_ x: Double, _ y: Double) -> Point { Point(box.minX + x * w, box.minY + y * h) }
        let shape = Spline.path(through: [p(0.02, 0.9), p(0.2, 0.25), p(0.6, 0.05), p(0.98, 0.1), p(0.8, 0.75), p(0.4, 0.95)]
            .map { SplineKnot($0) }, closed: true)
        let fibres = [0.25, 0.5, 0.75].map { f in BezierPath([.move(p(f - 0.25, 1)), .line(p(f + 0.25, 0))]) }
        let muscle = Muscle(id: "legend", name: "", depth: .superficial, patterns: [], path: shape, fibres: fibres,
                            location: SourceLocation(file: "", line: 1, column: 1))
        return PlacedAnatomy(bones: [], muscles: [muscle], patterns: [])
    }
}
