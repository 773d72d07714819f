import AtlasModel
import CCairo
import Foundation

/// Finds where to name a dermatome band too thin to hold its name: beside the body, level,
/// joined to the band by a short straight leader that leaves the band straight onto blank
/// paper (it crosses no other band and no other part of the body), as a plate labels a
/// narrow strip.
struct DermatomeCallouts {
    let panel: ScenePanel
    /// The name's size in pixels.
    let size: Double

    struct Callout {
        /// The leader's end in the band, where the dot is drawn.
        var anchor: Point
        /// Where the leader meets the name's box.
        var attach: Point
        /// The name's box (pixels).
        var box: Rect
        var textSize: Double
    }

    /// Degrees from the horizontal, y down: level first, then rising and falling leaders.
    private static let angles: [Double] = [0, 180, -25, 25, 155, -155, -50, 50, 130, -130]

    /// The callout with the shortest leader, or nil when no clear place exists.
    func place(labelSize: (width: Double, height: Double), cells: DermatomeDrawer.Cells, piece: [Int],
               avoiding taken: [Rect]) -> Callout? {
        guard let body = BodyMask(panel: panel) else { return nil }
        let inPiece = Set(piece)
        func isPiece(_ p: Point) -> Bool {
            let x = Int(((p.x - cells.origin.x) / cells.step).rounded(.down)), y = Int(((p.y - cells.origin.y) / cells.step).rounded(.down))
            guard x >= 0, y >= 0, x < cells.width, y < cells.height else { return false }
            return inPiece.contains(y * cells.width + x)
        }
        // Anchors well inside the piece, spread along it.
        let deepest = piece.map { cells.clearance[$0] }.max() ?? 0
        let central = piece.filter { cells.clearance[$0] >= max(1, deepest / 2) }
        let stride = max(1, central.count / 60)
        let anchors = Swift.stride(from: 0, to: central.count, by: stride).map { cells.centre(central[$0]) }
        let (w, h) = (labelSize.width + size * 0.2, labelSize.height)
        let gap = size * 0.45, step = 1.5
        let border = max(3, 2.5 * panel.scale)  // the band's outline and the body's line
        var best: (cost: Double, callout: Callout)?
        for anchor in anchors {
            for degrees in Self.angles {
                let a = degrees * .pi / 180
                let d = Point(cos(a), sin(a))
                var t = 0.0, outsideFrom: Double?
                var valid = true
                // Walk out of the band: first band, then at most `border` of lines, then paper.
                while t < 400 {
                    t += step
                    let p = Point(anchor.x + d.x * t, anchor.y + d.y * t)
                    if outsideFrom == nil {
                        if isPiece(p) { continue }
                        if !body.contains(p) { outsideFrom = t; break }
                        // Neither band nor paper: allow the width of the border lines only.
                        var u = t
                        while u < t + border, body.contains(Point(anchor.x + d.x * u, anchor.y + d.y * u)) { u += 0.5 }
                        if u >= t + border { valid = false; break }
                        outsideFrom = u
                        break
                    }
                }
                guard valid, let exit = outsideFrom else { continue }
                let end = exit + gap
                let attach = Point(anchor.x + d.x * end, anchor.y + d.y * end)
                let left = d.x >= 0 ? attach.x : attach.x - w
                let box = Rect(minX: left, minY: attach.y - h / 2, maxX: left + w, maxY: attach.y + h / 2)
                let cost = end + abs(sin(a)) * size * 2
                if let found = best, found.cost <= cost { continue }
                guard box.minX >= panel.frame.minX, box.maxX <= panel.frame.maxX,
                      box.minY >= panel.frame.minY, box.maxY <= panel.frame.maxY,
                      !taken.contains(where: { $0.minX < box.maxX + 2 && box.minX - 2 < $0.maxX && $0.minY < box.maxY + 2 && box.minY - 2 < $0.maxY }),
                      body.isClear(box, margin: size * 0.2),
                      body.isClear(from: Point(anchor.x + d.x * exit, anchor.y + d.y * exit), to: attach)
                else { continue }
                best = (cost, Callout(anchor: anchor, attach: attach, box: box, textSize: size))
            }
        }
        return best?.callout
    }
}

/// The panel's body outline as a coarse mask in pixels: inside or outside the body.
private struct BodyMask {
    let origin: Point
    let step: Double
    let width: Int
    let height: Int
    let inside: [Bool]

    init?(panel: ScenePanel) {
        let frame = panel.frame
        step = 1.5
        origin = Point(frame.minX, frame.minY)
        width = Int((frame.width / step).rounded(.up)) + 1
        height = Int((frame.height / step).rounded(.up)) + 1
        guard width * height < 8_000_000, let surface = try? CairoSurface.mask(width: width, height: height),
              let mask = try? CairoContext(surface) else { return nil }
        let (o, s) = (origin, step)
        cairo_set_source_rgba(mask.pointer, 0, 0, 0, 1)
        mask.append(panel.view.outline) { p in
            let q = panel.toPixels(p)
            return Point((q.x - o.x) / s, (q.y - o.y) / s)
        }
        // The outline's drawn line belongs to the body.
        cairo_fill_preserve(mask.pointer)
        cairo_set_line_width(mask.pointer, 2)
        cairo_stroke(mask.pointer)
        cairo_surface_flush(surface.pointer)
        var inside = [Bool](repeating: false, count: width * height)
        let (w, h, stride) = (width, height, surface.stride)
        surface.withPixels { data in
            for y in 0..<h {
                for x in 0..<w { inside[y * w + x] = data[y * stride + x] >= 60 }
            }
        }
        self.inside = inside
    }

    func contains(_ p: Point) -> Bool {
        let x = Int(((p.x - origin.x) / step).rounded(.down)), y = Int(((p.y - origin.y) / step).rounded(.down))
        guard x >= 0, y >= 0, x < width, y < height else { return false }
        return inside[y * width + x]
    }

    /// True when no part of the box, grown by `margin`, lies on the body.
    func isClear(_ box: Rect, margin: Double) -> Bool {
        var y = box.minY - margin
        while y <= box.maxY + margin {
            var x = box.minX - margin
            while x <= box.maxX + margin {
                if contains(Point(x, y)) { return false }
                x += step
            }
            y += step
        }
        return true
    }

    /// True when the segment, past its first two pixels, stays off the body.
    func isClear(from a: Point, to b: Point) -> Bool {
        let length = a.distance(to: b)
        var t = 2.0
        while t < length {
            let f = t / length
            if contains(Point(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f)) { return false }
            t += step
        }
        return true
    }
}
