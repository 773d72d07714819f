import AtlasModel
import CCairo
import Foundation

/// Draws a dermatome map's root zones as a plate does: a flat fill per root (lightness steps
/// apart, so neighbours differ in greyscale), a thin line between bands, and the root's name
/// in every band, level and as large as the band allows, or beside the body on a leader.
struct DermatomeDrawer {
    let cr: CairoContext
    let style: Style
    let panel: ScenePanel

    /// The root zones of the panel's dermatome maps, in the order they are painted: a later
    /// zone covers an earlier one where they overlap (the classic map nests its bands).
    static func zones(of panel: ScenePanel) -> [Zone] {
        panel.patterns.filter { $0.pattern.family == .dermatome }.flatMap(\.zones).filter { $0.kind == .radicular }
    }

    /// Fills, textures and borders; the caller has clipped to the body outline.
    func drawFills(_ zones: [Zone]) {
        let t = panel.toPixels
        for zone in zones {
            cr.fill(zone.path, style.dermatomeFill(forRoot: zone.label), t)
            if let box = SceneDrawer.pixelBox(zone.path, t) {
                cr.clipped(to: zone.path, t) { Self.drawTexture(cr, root: zone.label, style: style, box: box, scale: panel.scale) }
            }
            cr.stroke(zone.path, style.dermatomeBorder, width: style.dermatomeBorderWidth * panel.scale, t)
        }
    }

    /// A root's light texture over its flat fill, where the style gives it one (greyscale: two
    /// touching roots whose greys alone read close); the caller clips. Fine enough to read as
    /// a tone beside the plain fills, never as a zone's hatch or stipple, at any size.
    static func drawTexture(_ cr: CairoContext, root: String?, style: Style, box: Rect, scale: Double) {
        guard let root, let texture = style.dermatomeTextures[root] else { return }
        let spacing = max(5, style.hatchSpacing * 0.75 * scale), width = max(0.9, style.hatchWidth * 0.4 * scale)
        if texture.texture == .dots {
            // Dots sized like the lines' weight (a zone's stipple dots are a hint at this
            // spacing): hairline dots left a pale band, S1 in greyscale, reading as blank skin.
            Texture.stipple(cr, box: box, spacing: spacing * 1.05, radius: max(1.0, width * 1.35), color: texture.color)
        } else {
            Texture.fill(cr, texture, box: box, spacing: spacing, width: width)
        }
    }

    /// The root name in each band, level, as a plate prints it: inside the band's largest
    /// visible piece (not under a later band, off the body) at the largest size from `largest`
    /// down to `smallest` pixels that fits; other pieces are named only where a name fits.
    /// A band too thin for its name (a strip on the calf, the edge of the foot) is named
    /// beside the body with a leader (`DermatomeCallouts`), never in tiny or turned type.
    /// `avoiding` are the scene's texts (view names, R and L) that no name may cover.
    func drawLabels(_ zones: [Zone], avoiding texts: [SceneText], text: TextRenderer) {
        var taken: [Rect] = texts.map { item in
            let m = text.measure(item)
            let left = switch item.alignment { case .left: item.at.x; case .center: item.at.x - m.width / 2; case .right: item.at.x - m.width }
            return Rect(minX: left, minY: item.at.y, maxX: left + m.width, maxY: item.at.y + m.height)
        }
        // Each visible piece of each band, largest first.
        let shown: [Shown] = zones.enumerated().compactMap { index, zone in
            guard let label = zone.label, let bounds = zone.path.bounds,
                  let visible = visibleCells(of: zone, under: Array(zones.dropFirst(index + 1))) else { return nil }
            return Shown(label: label, centreX: panel.toPixels(Point((bounds.minX + bounds.maxX) / 2, 0)).x, cells: visible,
                         pieces: visible.pieces().sorted { $0.count > $1.count })
        }
        // Both sides drawn: the names of one side are placed and mirrored onto the other, as
        // a plate sets them, so the two sides read alike and no pair meets at the midline.
        if let midline = mirrorLine(of: shown) {
            let mirror = Mirror(x: midline)
            let first = shown.filter { $0.centreX > midline }, second = shown.filter { $0.centreX <= midline }
            taken.append(Rect(minX: midline - 3 * panel.scale, minY: -1e6, maxX: midline + 3 * panel.scale, maxY: 1e6))
            let placed = place(first, taken: &taken, mirror: mirror, text: text)
            for label in placed { draw(label, text: text); draw(mirror.flip(label), text: text) }
            // A band with no twin on the first side is named where it lies.
            let twinless = second.filter { item in !first.contains { $0.label == item.label && abs(mirror.flip($0.centreX) - item.centreX) < 4 } }
            taken += taken.map(mirror.flip)
            for label in place(twinless, taken: &taken, mirror: nil, text: text) { draw(label, text: text) }
        } else {
            for label in place(shown, taken: &taken, mirror: nil, text: text) { draw(label, text: text) }
        }
    }

    /// A band's visible pieces, with its centre across the page (pixels).
    private struct Shown {
        var label: String
        var centreX: Double
        var cells: Cells
        var pieces: [[Int]]
    }

    /// A name placed in its band, or beside the body on a leader.
    enum PlacedLabel {
        case inBand(String, LabelPlace)
        case callout(String, DermatomeCallouts.Callout)
    }

    /// Reflection across a vertical line (pixels).
    struct Mirror {
        let x: Double
        func flip(_ value: Double) -> Double { 2 * x - value }
        func flip(_ p: Point) -> Point { Point(flip(p.x), p.y) }
        func flip(_ r: Rect) -> Rect { Rect(minX: flip(r.maxX), minY: r.minY, maxX: flip(r.minX), maxY: r.maxY) }
        func flip(_ label: PlacedLabel) -> PlacedLabel {
            switch label {
            case .inBand(let name, var place):
                place.centre = flip(place.centre)
                return .inBand(name, place)
            case .callout(let name, var callout):
                (callout.anchor, callout.attach, callout.box) = (flip(callout.anchor), flip(callout.attach), flip(callout.box))
                return .callout(name, callout)
            }
        }
    }

    /// The body's midline when every named band has a mirror twin (both sides drawn), else nil.
    private func mirrorLine(of shown: [Shown]) -> Double? {
        guard panel.view.id == .posterior || panel.view.id == .anterior else { return nil }
        let midline = panel.toPixels(Point(0, 0)).x
        let right = shown.filter { $0.centreX > midline }, left = shown.filter { $0.centreX <= midline }
        guard !right.isEmpty, !left.isEmpty else { return nil }
        return midline
    }

    /// Places the names of `shown`, adding each box to `taken`. With a mirror, a place is
    /// taken only when its reflection is clear too.
    private func place(_ shown: [Shown], taken: inout [Rect], mirror: Mirror?, text: TextRenderer) -> [PlacedLabel] {
        let largest = max(12, 34 * panel.scale), smallest = max(12, 18 * panel.scale)
        func clear(_ box: Rect) -> Bool { !overlaps(box, taken) && !(mirror.map { overlaps($0.flip(box), taken) } ?? false) }
        func largestFit(_ label: String, _ cells: Cells, _ piece: [Int], from top: Double) -> Double? {
            var size = top
            while size >= smallest {
                if fit(label, size: size, in: cells, cells: piece, text: text) != nil { return size }
                size *= 0.9
            }
            return nil
        }
        var result: [PlacedLabel] = []
        // One size per root in a panel, so mirrored bands carry names of one size: the
        // smallest of the sizes that fit its bands' main pieces.
        var rootSize: [String: Double] = [:]
        for item in shown {
            guard let main = item.pieces.first, let size = largestFit(item.label, item.cells, main, from: largest) else { continue }
            rootSize[item.label] = min(rootSize[item.label] ?? size, size)
        }
        var thin: [(label: String, cells: Cells, piece: [Int])] = []
        for item in shown {
            for (rank, piece) in item.pieces.enumerated() {
                var size = rootSize[item.label] ?? largest
                var placed: LabelPlace?
                while placed == nil, size >= smallest {
                    placed = fit(item.label, size: size, in: item.cells, cells: piece, text: text)
                    if let found = placed, !clear(labelBox(item.label, found, text: text)) { placed = nil }
                    if placed == nil { size *= 0.9 }
                }
                if let placed {
                    taken.append(labelBox(item.label, placed, text: text))
                    result.append(.inBand(item.label, placed))
                } else if rank == 0 {
                    thin.append((item.label, item.cells, piece))
                }
            }
        }
        // A name beside the body is set a little larger than the smallest inside a band: it
        // stands alone on white, with a leader, and must be found at a glance.
        let besideSize = max(14, 24 * panel.scale)
        let callouts = DermatomeCallouts(panel: panel, size: besideSize)
        for item in thin {
            let measured = text.measure(SceneText(text: item.label, at: Point(0, 0), size: besideSize, weight: .bold))
            let avoid = taken + (mirror.map { m in taken.map(m.flip) } ?? [])
            if let callout = callouts.place(labelSize: (measured.width, measured.height), cells: item.cells, piece: item.piece,
                                            avoiding: avoid), clear(callout.box) {
                taken.append(callout.box)
                result.append(.callout(item.label, callout))
            } else if let deepest = item.piece.max(by: { item.cells.clearance[$0] < item.cells.clearance[$1] }) {
                // Nowhere clear beside the body: the name on a pale patch over the band.
                let place = LabelPlace(centre: item.cells.centre(deepest), size: smallest, patch: true)
                taken.append(labelBox(item.label, place, text: text))
                result.append(.inBand(item.label, place))
            }
        }
        return result
    }

    private func draw(_ label: PlacedLabel, text: TextRenderer) {
        switch label {
        case .inBand(let name, let place): draw(name, place, text: text)
        case .callout(let name, let callout): drawCallout(name, callout, text: text)
        }
    }

    private func overlaps(_ box: Rect, _ boxes: [Rect]) -> Bool {
        boxes.contains { $0.minX < box.maxX && box.minX < $0.maxX && $0.minY < box.maxY && box.minY < $0.maxY }
    }

    /// A name beside the body: a thin leader from a dot in the band to the name.
    private func drawCallout(_ label: String, _ callout: DermatomeCallouts.Callout, text: TextRenderer) {
        let s = panel.scale
        let leader = BezierPath([.move(callout.anchor), .line(callout.attach)])
        cr.stroke(leader, style.dermatomeBorder, width: max(1, 1.1 * s), { $0 })
        // A white dot ringed in the border colour reads on a dark band and a pale one.
        cairo_new_path(cr.pointer)
        cairo_arc(cr.pointer, callout.anchor.x, callout.anchor.y, max(2, 2.4 * s), 0, 2 * Double.pi)
        cairo_set_source_rgb(cr.pointer, 1, 1, 1)
        cairo_fill_preserve(cr.pointer)
        let ring = style.dermatomeBorder
        cairo_set_source_rgba(cr.pointer, ring.r, ring.g, ring.b, ring.a)
        cairo_set_line_width(cr.pointer, max(1, 1.1 * s))
        cairo_stroke(cr.pointer)
        let item = SceneText(text: label, at: Point(callout.box.center.x, callout.box.minY), size: callout.textSize,
                             weight: .bold, alignment: .center, color: style.dermatomeLabel)
        text.draw(item, defaultColor: style.dermatomeLabel)
    }

    struct LabelPlace {
        var centre: Point
        var size: Double
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
        // Only what the panel shows: a close-up cuts the body at its frame.
        let frameTopLeft = Point((panel.frame.minX - box.minX) / step, (panel.frame.minY - box.minY) / step)
        cairo_rectangle(mask.pointer, frameTopLeft.x, frameTopLeft.y, panel.frame.width / step, panel.frame.height / step)
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

    /// The deepest place where the label's box, level, lies wholly inside the band.
    private func fit(_ label: String, size: Double, in cells: Cells, cells piece: [Int], text: TextRenderer) -> LabelPlace? {
        let measured = text.measure(SceneText(text: label, at: Point(0, 0), size: size, weight: .bold))
        // The letters' ink, not the line's leading, with a little air round it.
        let (w, h) = (measured.width + size * 0.3, size * 0.95)
        let candidates = piece.sorted { cells.clearance[$0] > cells.clearance[$1] }.prefix(400)
        for cell in candidates {
            guard Double(cells.clearance[cell]) * cells.step * 2 >= min(w, h) else { break }
            let c = cells.centre(cell)
            if cells.holds(Rect(minX: c.x - w / 2, minY: c.y - h / 2, maxX: c.x + w / 2, maxY: c.y + h / 2)) {
                return LabelPlace(centre: c, size: size, patch: false)
            }
        }
        return nil
    }

    /// The box a name covers.
    private func labelBox(_ label: String, _ place: LabelPlace, text: TextRenderer) -> Rect {
        let measured = text.measure(SceneText(text: label, at: Point(0, 0), size: place.size, weight: .bold))
        let (w, h) = (measured.width, measured.height)
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
        // A white patch for a name off its band; on a textured band, a patch of the band's own
        // flat fill, so the name reads on an even tone and the texture stops round it.
        let textured = !place.patch && style.dermatomeTextures[label] != nil
        if place.patch || textured {
            // Within the box `fit` found clear inside the band (and a white patch a little wider).
            let w = measured.width / 2 + (place.patch ? 2 : place.size * 0.12), h = place.size * (place.patch ? 0.6 : 0.47)
            cr.fill(BezierPath([.move(Point(-w, -h)), .line(Point(w, -h)), .line(Point(w, h)), .line(Point(-w, h)), .close]),
                    place.patch ? Color(1, 1, 1, 0.85) : style.dermatomeFill(forRoot: label), { $0 })
        }
        var centred = item
        centred.at = Point(0, -measured.height / 2)
        text.draw(centred, defaultColor: style.dermatomeLabel)
        cairo_restore(cr.pointer)
    }
}
