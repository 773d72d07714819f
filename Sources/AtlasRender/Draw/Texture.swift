import AtlasModel
import CCairo
import Foundation

/// Textures that carry meaning without colour: stipple dots and hatch lines. Each is one
/// repeating tile, painted as a Cairo surface pattern, so an SVG or PDF holds the tile once
/// instead of thousands of dots and lines. Tiles are anchored to the page (device origin),
/// so neighbouring zones line up. The caller clips to the zone.
enum Texture {
    /// Hand-like stipple: irregular but evenly spread dots, `spacing` apart on average
    /// (pixels), of slightly varying size.
    static func stipple(_ cr: CairoContext, box: Rect, spacing: Double, radius: Double, color: Color) {
        let size = max(8, (StippleTile.span * spacing).rounded())
        let unit = size / StippleTile.span
        paintTile(cr, width: size, height: size) { tile in
            // Each dot is a round-capped stroke of no length: a few bytes in an SVG, where an
            // arc takes four curves. Three pen sizes give the dots their uneven look.
            cairo_set_line_cap(tile, CAIRO_LINE_CAP_ROUND)
            cairo_set_source_rgba(tile, color.r, color.g, color.b, color.a)
            for pen in 0..<3 {
                cairo_new_path(tile)
                let r = radius * (0.85 + 0.15 * Double(pen))
                for dot in StippleTile.dots where dot.pen == pen {
                    // A dot near an edge is drawn again on the other side, so tiles join seamlessly.
                    for dx in [-size, 0, size] {
                        for dy in [-size, 0, size] {
                            let x = dot.x * unit + dx, y = dot.y * unit + dy
                            guard x > -r, x < size + r, y > -r, y < size + r else { continue }
                            cairo_move_to(tile, x, y)
                            cairo_line_to(tile, x, y)
                        }
                    }
                }
                cairo_set_line_width(tile, 2 * r)
                cairo_stroke(tile)
            }
        }
    }

    /// A hatch style's texture: lines, crossed lines or dots.
    static func fill(_ cr: CairoContext, _ style: HatchStyle, box: Rect, spacing: Double, width: Double) {
        switch style.texture {
        case .lines:
            hatch(cr, angleDegrees: style.angleDegrees, spacing: spacing, width: width, color: style.color, crossed: false)
        case .crossed:
            hatch(cr, angleDegrees: style.angleDegrees, spacing: spacing * 1.3, width: width * 0.75, color: style.color, crossed: true)
        case .dots:
            stipple(cr, box: box, spacing: spacing * 0.9, radius: width * 0.7, color: style.color)
        case .dashes:
            dashes(cr, angleDegrees: style.angleDegrees, spacing: spacing, width: width, color: style.color)
        }
    }

    /// Rows of short dashes, `spacing` apart, each row offset by half a dash period (a
    /// brick pattern): a broken hatch, unlike any continuous one.
    static func dashes(_ cr: CairoContext, angleDegrees: Double, spacing: Double, width: Double, color: Color) {
        let size = max(2, spacing)
        let dash = size * 0.9
        paintTile(cr, width: 2 * size, height: 2 * size, rotation: angleDegrees * Double.pi / 180) { tile in
            cairo_rectangle(tile, 0, (size - width) / 2, dash, width)
            cairo_rectangle(tile, size, size + (size - width) / 2, dash, width)
            cairo_set_source_rgba(tile, color.r, color.g, color.b, color.a)
            cairo_fill(tile)
        }
    }

    /// Parallel lines at `angleDegrees`, `spacing` apart (pixels): a one-line tile, rotated.
    static func hatch(_ cr: CairoContext, angleDegrees: Double, spacing: Double, width: Double, color: Color, crossed: Bool) {
        let size = max(2, spacing)
        let angle = angleDegrees * Double.pi / 180
        paintTile(cr, width: size, height: size, rotation: angle) { tile in
            cairo_rectangle(tile, 0, (size - width) / 2, size, width)
            if crossed { cairo_rectangle(tile, (size - width) / 2, 0, width, size) }
            cairo_set_source_rgba(tile, color.r, color.g, color.b, color.a)
            cairo_set_fill_rule(tile, CAIRO_FILL_RULE_WINDING)
            cairo_fill(tile)
        }
    }

    /// Records `draw` into a tile and paints it, repeated, over the current clip.
    private static func paintTile(_ cr: CairoContext, width: Double, height: Double, rotation: Double = 0,
                                  _ draw: (OpaquePointer) -> Void) {
        var extents = cairo_rectangle_t(x: 0, y: 0, width: width, height: height)
        guard let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents) else { return }
        defer { cairo_surface_destroy(surface) }
        guard let tile = cairo_create(surface) else { return }
        draw(tile)
        cairo_destroy(tile)
        guard let pattern = cairo_pattern_create_for_surface(surface) else { return }
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_set_extend(pattern, CAIRO_EXTEND_REPEAT)
        // The pattern matrix maps user space to tile space: anchor tiles to the device
        // origin whatever the current transformation, and turn them for hatching.
        var matrix = cairo_matrix_t()
        cairo_get_matrix(cr.pointer, &matrix)
        // The tile is drawn in the scene's pixels; a PDF or SVG page scales them to points
        // (72/dpi), which must not scale the tile too (dots four times too big in a PDF).
        let pageScale = abs(matrix.xx * matrix.yy - matrix.xy * matrix.yx).squareRoot()
        if pageScale > 0, abs(pageScale - 1) > 1e-9 {
            var pixels = cairo_matrix_t()
            cairo_matrix_init_scale(&pixels, 1 / pageScale, 1 / pageScale)
            var device = matrix
            cairo_matrix_multiply(&matrix, &device, &pixels)
        }
        if rotation != 0 {
            var turn = cairo_matrix_t()
            cairo_matrix_init_rotate(&turn, rotation)
            var device = matrix
            cairo_matrix_multiply(&matrix, &device, &turn)
        }
        cairo_pattern_set_matrix(pattern, &matrix)
        cairo_save(cr.pointer)
        cairo_set_source(cr.pointer, pattern)
        cairo_paint(cr.pointer)
        cairo_restore(cr.pointer)
    }
}

/// The stipple tile: a periodic Poisson-disc set of dots (no two closer than 0.8 of the
/// mean spacing, measured round the tile's edges too), from a fixed seed so that every
/// picture is the same. Coordinates are in units of the mean spacing.
enum StippleTile {
    /// The tile's side, in spacings: large enough that the eye finds no repeat.
    static let span = 14.0

    struct Dot { var x: Double; var y: Double; var pen: Int }

    static let dots: [Dot] = {
        var random = SplitMix64(seed: 0x5EED_D075)
        let minimum = 0.8, minimumSquared = 0.64
        var dots: [Dot] = []
        // Dart throwing with a cell grid; enough tries that the set is close to maximal.
        let cells = Int(span / minimum)
        let cell = span / Double(cells)
        var grid = [[Int]](repeating: [], count: cells * cells)
        func wrapped(_ d: Double) -> Double { d - span * (d / span).rounded() }
        for _ in 0..<6000 {
            let x = random.unit() * span, y = random.unit() * span
            let cx = Int(x / cell), cy = Int(y / cell)
            var clear = true
            search: for oy in -1...1 {
                for ox in -1...1 {
                    let index = ((cy + oy + cells) % cells) * cells + (cx + ox + cells) % cells
                    for other in grid[index] {
                        let dx = wrapped(dots[other].x - x), dy = wrapped(dots[other].y - y)
                        if dx * dx + dy * dy < minimumSquared { clear = false; break search }
                    }
                }
            }
            guard clear else { continue }
            grid[min(cy, cells - 1) * cells + min(cx, cells - 1)].append(dots.count)
            dots.append(Dot(x: x, y: y, pen: Int(random.next() % 3)))
        }
        return dots
    }()
}

/// A small deterministic random generator (SplitMix64), so textures never change between runs.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
