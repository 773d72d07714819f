import AtlasCompare
import AtlasModel
import AtlasRender
import Foundation

/// One source a generated drawing was made from.
public struct TrueSource: Sendable, CustomStringConvertible {
    public var id: String
    public var side: MatchSide
    public var group: SourceGroup
    public var description: String { "\(id)/\(side.rawValue)" }
}

/// How a patient fills an area in.
public enum FillStyle: String, Sendable, CaseIterable {
    case solid, hatching, scribble, outline
}

/// A patient-like pain drawing on a blank chart, made from the atlas geometry but not from
/// the comparison's masks: each zone is shifted, grown or shrunk and sometimes only partly
/// drawn, then filled in as a patient would (solid, hatching, scribble or outline only)
/// with a pen, marker or pencil, with stray marks. Deterministic for a seed.
public struct PatientDrawing: Sendable {
    public var seed: UInt64
    public var sources: [TrueSource]
    public var views: [ViewID]
    public var style: FillStyle
    public var penName: String
    public var sensory: Bool
    /// The sensory symptoms drawn, one per source drawn with one.
    public var sensoryKinds: [Symptom] = []
    /// The drawn page as a paint program or scanner would give it, corner marks included.
    public var page: RGBAImage
    public var pixelsPerMillimetre: Double

    public var description: String {
        "seed \(seed): \(sources.map(\.description).joined(separator: " + ")), \(views.count == 1 ? views[0].rawValue : "four views"), \(style.rawValue), \(penName)\(sensory ? ", sensory" : "")"
    }
}

public enum DrawingGenerator {
    /// Patterns a drawing can be made from: every ranked pattern with zones.
    public static func sourcePatterns(_ atlas: Atlas) -> [Pattern] {
        atlas.patterns.filter { SourceGroup($0.family) != nil && !$0.zones.isEmpty }.sorted { $0.id < $1.id }
    }

    /// The drawing for `seed`: one source (a tenth of them on both sides) or, one time in
    /// four, two sources (half of those a muscle or joint with a nerve root).
    ///
    /// With `onePen`, the same drawing made by a patient with one dark pen who follows the
    /// chart's key: the pen is black (a pencil stays a pencil), numbness is drawn as level
    /// lines and pins and needles as small circles, beside the area shaded for pain. The
    /// sources, zones and pain shading are those of the coloured drawing.
    public static func make(seed: UInt64, atlas: Atlas, twoSourceShare: Double = 0.25, onePen: Bool = false) throws -> PatientDrawing {
        var random = SeededRandom(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 17)
        // The one-pen textures draw from their own stream, so the rest stays the coloured drawing's.
        var keyRandom = SeededRandom(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ 5)
        let pool = sourcePatterns(atlas)
        let sides: [Side] = [.right, .left]
        var sources: [TrueSource] = []
        let first = random.pick(pool)
        let bothSides = random.chance(0.1)
        let side = random.pick(sides)
        sources.append(TrueSource(id: first.id, side: bothSides ? .both : (side == .right ? .right : .left), group: SourceGroup(first.family)!))
        if !bothSides, random.chance(twoSourceShare) {
            let firstGroup = SourceGroup(first.family)!
            let wantOther = random.chance(0.5)
            let partners = pool.filter { p in
                p.id != first.id && !p.includes.contains(first.id) && !first.includes.contains(p.id)
                    && (!wantOther || SourceGroup(p.family)! != firstGroup)
            }
            let second = random.pick(partners)
            let secondSide = random.chance(0.7) ? side : random.pick(sides)
            sources.append(TrueSource(id: second.id, side: secondSide == .right ? .right : .left, group: SourceGroup(second.family)!))
        }
        // One view a third of the time: the back, when every source shows there.
        var views = ViewID.allCases
        let patterns = sources.map { s in pool.first { $0.id == s.id }! }
        if random.chance(0.33), patterns.allSatisfy({ p in p.zones.contains { $0.view.bodyViews.contains(.posterior) } }) {
            views = [.posterior]
        }
        var request = ChartRequest(kind: .template, views: views)
        let pageWidthMillimetres = views.count > 1 ? 297.0 : 210.0
        request.width = views.count > 1 ? 1240 : 880
        let scene = try ChartBuilder.scene(request, atlas: atlas)
        var page = try SceneRenderer.rasterize(scene)
        let ppmm = Double(request.width) / pageWidthMillimetres

        let style = random.pick(FillStyle.allCases)
        let roll = random.unit()
        var pen: Pen, penName: String
        if roll < 0.1 {
            pen = Pen(color: Pen.black, width: random.between(0.4, 1.0)); penName = "black pen"
        } else if roll < 0.2 {
            pen = Pen(color: Color(0.4, 0.4, 0.42), width: random.between(0.5, 1.2), isPencil: true); penName = "pencil"
        } else {
            let marker = random.chance(0.4)
            pen = Pen(color: random.pick(Pen.reds), width: marker ? random.between(1.5, 3.0) : random.between(0.4, 1.0))
            penName = marker ? "red marker" : "red pen"
        }
        let colouredPen = pen
        if onePen && !pen.isPencil && pen.color != Pen.black {
            pen = Pen(color: Pen.black, width: pen.width); penName = "black " + penName.replacingOccurrences(of: "red ", with: "")
        }
        var sensoryUsed = false
        var sensoryKinds: [Symptom] = []
        for (source, pattern) in zip(sources, patterns) {
            let groupSensory: Double = switch source.group {
            case .root: 0.35
            case .entrapment: 0.25
            case .referred: 0.05
            }
            let sensory = !colouredPen.isPencil && colouredPen.color != Pen.black && random.chance(groupSensory)
            sensoryUsed = sensoryUsed || sensory
            let numb = random.chance(0.5)
            let sensoryPen = onePen ? pen : Pen(color: numb ? random.pick(Pen.blues) : random.pick(Pen.greens), width: pen.width)
            if sensory { sensoryKinds.append(numb ? .numbness : .pinsAndNeedles) }
            let includeSpillover = random.chance(0.5)
            let shift = Point(random.between(-5, 5), random.between(-5, 5))
            let grow = random.between(0.85, 1.15)
            let partial = random.chance(0.25) ? random.between(0, 2 * Double.pi) : nil
            for placedSide in source.side.sides {
                for panel in scene.panels {
                    guard let placed = pattern.placed(in: panel.view.id, side: placedSide) else { continue }
                    let zones = placed.zones.filter { $0.kind == .essential || $0.kind == .radicular || (includeSpillover && $0.kind == .spillover) }
                    let polygons = zones.flatMap { $0.path.polylines(segmentsPerCurve: 10) }.filter { $0.count >= 3 }
                    guard !polygons.isEmpty else { continue }
                    let centre = centroid(polygons)
                    let moved = polygons.map { polygon in
                        polygon.map { p in panel.toPixels(centre + (p - centre) * grow + shift) }
                    }
                    var clip: ((Point) -> Bool)?
                    if let angle = partial {
                        // A part of the area left out: everything beyond a line across it.
                        let direction = Point(cos(angle), sin(angle))
                        let c = panel.toPixels(centre)
                        let extent = moved.flatMap { $0 }.map { (p: Point) -> Double in
                            let d = p - c
                            return d.x * direction.x + d.y * direction.y
                        }
                        let cut = (extent.max() ?? 0) * random.between(0.2, 0.6)
                        clip = { p in
                            let d = p - c
                            return d.x * direction.x + d.y * direction.y < cut
                        }
                    }
                    let region = Region(polygons: moved, clip: clip)
                    guard !region.isEmpty else { continue }
                    if onePen, sensory, let box = region.bounds {
                        // One pen: pain shaded over the upper part, the key's texture below it.
                        let from = box.minY + box.height * 0.6
                        let upper = Region(polygons: moved, clip: { p in p.y <= from && (clip?(p) ?? true) })
                        let lower = Region(polygons: moved, clip: { p in p.y > from && (clip?(p) ?? true) })
                        if !upper.isEmpty { fill(&page, upper, style: style, pen: pen, ppmm: ppmm, random: &random) }
                        if !lower.isEmpty {
                            if numb {
                                keyLines(&page, lower, pen: pen, ppmm: ppmm, random: &keyRandom)
                            } else {
                                keyCircles(&page, lower, pen: pen, ppmm: ppmm, random: &keyRandom)
                            }
                        }
                        continue
                    }
                    fill(&page, region, style: style, pen: pen, ppmm: ppmm, random: &random)
                    if sensory, let box = region.bounds {
                        // Numbness or pins and needles over the lower part, in its own colour.
                        let from = box.minY + box.height * 0.6
                        let lower = Region(polygons: moved, clip: { p in p.y > from && (clip?(p) ?? true) })
                        if !lower.isEmpty { fill(&page, lower, style: style == .outline ? .hatching : style, pen: sensoryPen, ppmm: ppmm, random: &random) }
                    }
                }
            }
        }
        // Stray marks: a dab or a short stroke somewhere on a body panel.
        if random.chance(0.3) {
            for _ in 0..<(1 + random.next(below: 2)) {
                let panel = random.pick(scene.panels)
                let f = panel.frame
                let p = Point(random.between(f.minX + f.width * 0.2, f.maxX - f.width * 0.2), random.between(f.minY, f.maxY))
                let q = p + Point(random.between(-4, 4), random.between(-4, 4)) * ppmm
                pen.line(&page, from: p, to: q, pixelsPerMillimetre: ppmm, random: &random)
            }
        }
        return PatientDrawing(seed: seed, sources: sources, views: views, style: style, penName: penName, sensory: sensoryUsed,
                              sensoryKinds: sensoryKinds, page: page, pixelsPerMillimetre: ppmm)
    }

    static func centroid(_ polygons: [[Point]]) -> Point {
        let all = polygons.flatMap { $0 }
        guard !all.isEmpty else { return Point(0, 0) }
        return all.reduce(Point(0, 0), +) * (1 / Double(all.count))
    }

    /// Fills a region in a patient's way.
    static func fill(_ image: inout RGBAImage, _ region: Region, style: FillStyle, pen: Pen, ppmm: Double, random: inout SeededRandom) {
        guard let box = region.bounds else { return }
        let diagonal = (box.width * box.width + box.height * box.height).squareRoot()
        let centre = Point((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2)
        switch style {
        case .solid:
            // A marker worked back and forth closely enough to cover.
            var solid = pen
            solid.width = max(pen.width, 1.5)
            hatch(&image, region, pen: solid, spacing: solid.width * 0.8, angle: random.between(0, .pi), ppmm: ppmm,
                  centre: centre, diagonal: diagonal, zigzag: false, random: &random)
        case .hatching:
            hatch(&image, region, pen: pen, spacing: random.between(2.5, 5), angle: random.between(0, .pi), ppmm: ppmm,
                  centre: centre, diagonal: diagonal, zigzag: false, random: &random)
        case .scribble:
            hatch(&image, region, pen: pen, spacing: random.between(2, 4.5), angle: random.between(0, .pi), ppmm: ppmm,
                  centre: centre, diagonal: diagonal, zigzag: true, random: &random)
        case .outline:
            for polygon in region.polygons {
                let wobble = random.between(0.1, 0.5) * ppmm
                var previous: Point?
                for (i, p) in polygon.enumerated() where i % 2 == 0 || i == polygon.count - 1 {
                    let q = p + Point(random.between(-wobble, wobble), random.between(-wobble, wobble))
                    if let previous { pen.line(&image, from: previous, to: q, pixelsPerMillimetre: ppmm, random: &random) }
                    previous = q
                }
                if let previous, let start = polygon.first {
                    pen.line(&image, from: previous, to: start, pixelsPerMillimetre: ppmm, random: &random)
                }
            }
        }
    }

    /// Numbness as the key draws it: level lines across the region, a little uneven.
    static func keyLines(_ image: inout RGBAImage, _ region: Region, pen: Pen, ppmm: Double, random: inout SeededRandom) {
        guard let box = region.bounds else { return }
        let diagonal = (box.width * box.width + box.height * box.height).squareRoot()
        let centre = Point((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2)
        var thin = pen
        thin.width = min(pen.width, 1.2)
        hatch(&image, region, pen: thin, spacing: random.between(2.5, 5), angle: random.between(-0.15, 0.15), ppmm: ppmm,
              centre: centre, diagonal: diagonal, zigzag: false, random: &random)
    }

    /// Pins and needles as the key draws them: small circles scattered over the region.
    static func keyCircles(_ image: inout RGBAImage, _ region: Region, pen: Pen, ppmm: Double, random: inout SeededRandom) {
        guard let box = region.bounds else { return }
        var thin = pen
        thin.width = min(pen.width, 0.8)
        let radius = random.between(1.2, 2.5) * ppmm
        let step = radius * random.between(2.6, 3.4)
        var y = box.minY + step / 2
        var row = 0
        while y < box.maxY {
            var x = box.minX + step / 2 + (row % 2 == 0 ? 0 : step / 2)
            while x < box.maxX {
                let c = Point(x + random.between(-0.2, 0.2) * step, y + random.between(-0.2, 0.2) * step)
                if region.contains(c) {
                    let r = radius * random.between(0.85, 1.15)
                    let segments = 14
                    var previous = c + Point(r, 0)
                    for k in 1...segments {
                        let a = Double(k) / Double(segments) * 2 * .pi
                        let q = c + Point(r * cos(a), r * sin(a))
                        thin.line(&image, from: previous, to: q, pixelsPerMillimetre: ppmm, random: &random)
                        previous = q
                    }
                }
                x += step
            }
            y += step
            row += 1
        }
    }

    /// Parallel strokes across the region, overshooting and wobbling a little; with
    /// `zigzag`, each stroke's end joined to the next one's start, as a scribble.
    static func hatch(_ image: inout RGBAImage, _ region: Region, pen: Pen, spacing: Double, angle: Double, ppmm: Double,
                      centre: Point, diagonal: Double, zigzag: Bool, random: inout SeededRandom) {
        let direction = Point(cos(angle), sin(angle)), across = Point(-sin(angle), cos(angle))
        let step = spacing * ppmm
        var offset = -diagonal / 2 + random.unit() * step
        var previousEnd: Point?
        var forward = true
        while offset < diagonal / 2 {
            let origin = centre + across * offset
            for (a, b) in region.runs(along: origin, direction: direction, length: diagonal / 2 + 2) {
                let over = step * random.between(-0.2, 0.5)
                let wobble = across * (step * random.between(-0.25, 0.25))
                var start = a - direction * over, end = b + direction * over + wobble
                if zigzag && !forward { swap(&start, &end) }
                if zigzag, let previousEnd, previousEnd.distance(to: start) < 4 * step {
                    pen.line(&image, from: previousEnd, to: start, pixelsPerMillimetre: ppmm, random: &random)
                }
                pen.line(&image, from: start, to: end, pixelsPerMillimetre: ppmm, random: &random)
                previousEnd = end
            }
            forward.toggle()
            offset += step * random.between(0.85, 1.15)
        }
    }
}
