import AtlasModel
import CCairo
import Foundation

/// Draws a dermatome map's root zones as a plate does: a flat fill per root (lightness steps
/// apart, so neighbours differ in greyscale), a thin line between bands, and the root's name
/// inside every band, as large as the band allows.
struct DermatomeDrawer {
    let cr: CairoContext
    let style: Style
    let panel: ScenePanel

    /// The root zones of the panel's dermatome maps, in the order they are painted: a later
    /// zone covers an earlier one where they overlap (the classic map nests its bands).
    static func zones(of panel: ScenePanel) -> [Zone] {
        panel.patterns.filter { $0.pattern.family == .dermatome }.flatMap(\.zones).filter { $0.kind == .radicular }
    }

    /// Fills and borders; the caller has clipped to the body outline.
    func drawFills(_ zones: [Zone]) {
        let t = panel.toPixels
        for zone in zones {
            cr.fill(zone.path, style.dermatomeFill(forRoot: zone.label), t)
            cr.stroke(zone.path, style.dermatomeBorder, width: style.dermatomeBorderWidth * panel.scale, t)
        }
    }

    /// The root name inside each visible piece of each band (not under a later band, a gap
    /// or off the body): the largest size from `largest` down to `smallest` pixels that fits,
    /// across or along the band. A piece too thin for the smallest size is left unnamed,
    /// unless it is the band's largest piece: that one is named on a pale patch.
    func drawLabels(_ zones: [Zone], gaps: [Zone], text: TextRenderer) {
        let largest = max(11, 34 * panel.scale), smallest = max(9, 13 * panel.scale)
        // Names already set, so a name on a patch (where a band is too thin) never covers
        // another: where the two sides' thin bands meet at the spine, one name does.
        var taken: [Rect] = []
        for (index, zone) in zones.enumerated() {
            guard let label = zone.label,
                  let visible = visibleCells(of: zone, under: Array(zones.dropFirst(index + 1)) + gaps) else { continue }
            let pieces = visible.pieces().sorted { $0.count > $1.count }
            for (rank, piece) in pieces.enumerated() {
                var size = largest
                var placed: LabelPlace?
                while placed == nil, size >= smallest {
                    placed = fit(label, size: size, in: visible, cells: piece, text: text)
                    if placed == nil { size *= 0.88 }
                }
                if placed == nil, rank == 0, let deepest = piece.max(by: { visible.clearance[$0] < visible.clearance[$1] }) {
                    placed = LabelPlace(centre: visible.centre(deepest), size: smallest, vertical: false, patch: true)
                }
                guard let placed else { continue }
                let box = labelBox(label, placed, text: text)
                if placed.patch, taken.contains(where: { $0.minX < box.maxX && box.minX < $0.maxX && $0.minY < box.maxY && box.minY < $0.maxY }) {
                    continue
                }
                taken.append(box)
                draw(label, placed, text: text)
            }
        }
    }

    struct LabelPlace {
        var centre: Point
        var size: Double
        var vertical: Bool
        var patch: Bool
    }

    /// Visible cells of a zone on a grid of `step` pixels over its box.
    struct Cells {
        let origin: Point
        let step: Double
        let width: Int
        let height: Int
        let visible: [Bool]
        /// Chessboard distance (cells) to the nearest cell that is not visible.
        let clearance: [Int]

        func isVisible(_ x: Int, _ y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height && visible[y * width + x] }

        func centre(_ cell: Int) -> Point {
            Point(origin.x + (Double(cell % width) + 0.5) * step, origin.y + (Double(cell / width) + 0.5) * step)
        }

        /// The visible cells in separate pieces (4-connected), each a list of cell indices.
        func pieces() -> [[Int]] {
            var piece = [Int](repeating: -1, count: visible.count)
            var result: [[Int]] = []
            for start in visible.indices where visible[start] && piece[start] < 0 {
                var cells = [start], next = 0
                piece[start] = result.count
                while next < cells.count {
                    let cell = cells[next]; next += 1
                    let x = cell % width, y = cell / width
                    for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] where isVisible(nx, ny) && piece[ny * width + nx] < 0 {
                        piece[ny * width + nx] = result.count
                        cells.append(ny * width + nx)
                    }
                }
                result.append(cells)
            }
            return result
        }

        /// True when every cell a box (pixels) touches is visible.
        func holds(_ box: Rect) -> Bool {
            let x0 = Int(((box.minX - origin.x) / step).rounded(.down)), x1 = Int(((box.maxX - origin.x) / step).rounded(.down))
            let y0 = Int(((box.minY - origin.y) / step).rounded(.down)), y1 = Int(((box.maxY - origin.y) / step).rounded(.down))
            for y in y0...max(y0, y1) {
                for x in x0...max(x0, x1) where !isVisible(x, y) { return false }
            }
            return true
        }
    }

    private func visibleCells(of zone: Zone, under covers: [Zone]) -> Cells? {
        guard let bounds = zone.path.bounds else { return nil }
        let a = panel.toPixels(Point(bounds.minX, bounds.minY)), b = panel.toPixels(Point(bounds.maxX, bounds.maxY))
        let box = Rect(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
        let step = max(1.5, 2.5 * panel.scale)
        let width = Int((box.width / step).rounded(.up)) + 1, height = Int((box.height / step).rounded(.up)) + 1
        guard width > 0, height > 0, width * height < 4_000_000,
              let surface = try? CairoSurface.mask(width: width, height: height), let mask = try? CairoContext(surface) else { return nil }
        let t: (Point) -> Point = { p in
            let q = panel.toPixels(p)
            return Point((q.x - box.minX) / step, (q.y - box.minY) / step)
        }
        mask.append(panel.view.outline, t)
        cairo_clip(mask.pointer)
        cairo_set_source_rgba(mask.pointer, 0, 0, 0, 1)
        mask.append(zone.path, t)
        cairo_fill(mask.pointer)
        cairo_set_operator(mask.pointer, CAIRO_OPERATOR_CLEAR)
        for cover in covers {
            mask.append(cover.path, t)
            cairo_fill(mask.pointer)
        }
        cairo_surface_flush(surface.pointer)
        var visible = [Bool](repeating: false, count: width * height)
        let stride = surface.stride
        surface.withPixels { data in
            for y in 0..<height {
                for x in 0..<width { visible[y * width + x] = data[y * stride + x] >= 160 }
            }
        }
        return Cells(origin: Point(box.minX, box.minY), step: step, width: width, height: height, visible: visible,
                     clearance: Self.clearance(visible, width: width, height: height))
    }

    /// Two-pass chessboard distance transform: cells to the nearest invisible cell (the grid's
    /// border counts as invisible).
    static func clearance(_ visible: [Bool], width: Int, height: Int) -> [Int] {
        var d = visible.map { $0 ? Int.max / 2 : 0 }
        func at(_ x: Int, _ y: Int) -> Int { x < 0 || y < 0 || x >= width || y >= height ? 0 : d[y * width + x] }
        for y in 0..<height {
            for x in 0..<width where d[y * width + x] > 0 {
                d[y * width + x] = min(d[y * width + x], at(x - 1, y) + 1, at(x, y - 1) + 1, at(x - 1, y - 1) + 1, at(x + 1, y - 1) + 1)
            }
        }
        for y in (0..<height).reversed() {
            for x in (0..<width).reversed() where d[y * width + x] > 0 {
                d[y * width + x] = min(d[y * width + x], at(x + 1, y) + 1, at(x, y + 1) + 1, at(x + 1, y + 1) + 1, at(x - 1, y + 1) + 1)
            }
        }
        return d
    }

    /// The deepest place where the label's box, across or along, lies wholly inside the band.
    private func fit(_ label: String, size: Double, in cells: Cells, cells piece: [Int], text: TextRenderer) -> LabelPlace? {
        let measured = text.measure(SceneText(text: label, at: Point(0, 0), size: size, weight: .bold))
        // The letters' ink, not the line's leading, with a little air round it.
        let across = (w: measured.width + size * 0.3, h: size * 0.95)
        let candidates = piece.sorted { cells.clearance[$0] > cells.clearance[$1] }.prefix(400)
        for vertical in [false, true] {
            let (w, h) = vertical ? (across.h, across.w) : (across.w, across.h)
            for cell in candidates {
                guard Double(cells.clearance[cell]) * cells.step * 2 >= min(w, h) else { break }
                let c = cells.centre(cell)
                if cells.holds(Rect(minX: c.x - w / 2, minY: c.y - h / 2, maxX: c.x + w / 2, maxY: c.y + h / 2)) {
                    return LabelPlace(centre: c, size: size, vertical: vertical, patch: false)
                }
            }
        }
        return nil
    }

    /// The box a name covers, turned with it when it runs along the band.
    private func labelBox(_ label: String, _ place: LabelPlace, text: TextRenderer) -> Rect {
        let measured = text.measure(SceneText(text: label, at: Point(0, 0), size: place.size, weight: .bold))
        let (w, h) = place.vertical ? (measured.height, measured.width) : (measured.width, measured.height)
        return Rect(minX: place.centre.x - w / 2 - 1, minY: place.centre.y - h / 2 - 1, maxX: place.centre.x + w / 2 + 1,
                    maxY: place.centre.y + h / 2 + 1)
    }

    private func draw(_ label: String, _ place: LabelPlace, text: TextRenderer) {
        // On a white patch the usual dark name; on its own band, whatever reads on that fill.
        let colour = place.patch ? style.dermatomeLabel : style.dermatomeLabel(onRoot: label)
        let item = SceneText(text: label, at: Point(0, 0), size: place.size, weight: .bold, alignment: .center, color: colour)
        let measured = text.measure(item)
        cairo_save(cr.pointer)
        cairo_translate(cr.pointer, place.centre.x, place.centre.y)
        if place.vertical { cairo_rotate(cr.pointer, -Double.pi / 2) }
        if place.patch {
            let w = measured.width / 2 + 2, h = place.size * 0.6
            cr.fill(BezierPath([.move(Point(-w, -h)), .line(Point(w, -h)), .line(Point(w, h)), .line(Point(-w, h)), .close]),
                    Color(1, 1, 1, 0.85), { $0 })
        }
        var centred = item
        centred.at = Point(0, -measured.height / 2)
        text.draw(centred, defaultColor: style.dermatomeLabel)
        cairo_restore(cr.pointer)
    }
}
