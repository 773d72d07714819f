import Foundation

/// Reads what dark strokes (a drawing in one uncoloured pen) may mean from their texture, as
/// the chart's key asks of a patient with one pen: pain shaded in, numbness as lines,
/// pins and needles as small circles. Each stroke (a connected run of ink) is a small ring, a
/// line or something else; rings and lines lying together are read as a region, and
/// conservatively: only at least three rings, or three parallel level lines, are read as a
/// sensory symptom; anything else (solid shading, scribble, an outline, broken pencil strokes,
/// slanted hatching, a stray line) stays pain.
///
/// Not reliable enough to score by (one-pen variants of tuning drawings 1-800, 2026-12-04):
/// numbness drawn as level lines was found in 11 of 40 drawings, circles in 3 of 42 (circles
/// crossing a printed line are cut in two, lines in a narrow limb into stubs), and pain
/// hatched at a level slant was taken for numbness in 29 of 717 drawings without either. So the reading only words a
/// note (`Report.darkStrokesNote`): every dark stroke is still scored as pain.
struct DarkTexture {
    /// Per accepted pixel (in the order given), its symptom index (`Symptom.allCases`).
    var symptoms: [UInt8]
    /// Regions read, per reading.
    var regions = Readings()

    struct Readings: Sendable, Equatable {
        var pain = 0, numbness = 0, pinsAndNeedles = 0
        /// Regions of parallel lines read as pain because the lines are not level: the key
        /// draws numbness as level lines, and slanted hatching is also how pain is shaded.
        var slantedLines = 0
    }

    /// Marks closer than this (paper millimetres) belong to one region: wider than the
    /// spacing of hatching (up to about 5 mm) and of a row of circles.
    static let regionGap = 6.0
    /// A ring (pins and needles) is a stroke round a hole, this size across at most: the
    /// key's circles are about 2 mm, a patient's 2 to 6; an outline round an area is larger.
    static let ringMaxMillimetres = 8.0, ringMinHoleMillimetres2 = 0.5
    /// A line (numbness) is a stroke at least this long, this many times longer than wide.
    static let lineMinMillimetres = 3.0, lineElongation = 4.0
    /// Lines count as parallel when their doubled angles agree to this resultant length
    /// (about 15 degrees of spread), and as level within this many degrees of horizontal: the
    /// key's lines are level; pain hatched at any angle is level this closely one time in 7.
    static let parallelResultant = 0.87, levelDegrees = 12.0
    /// A region needs this many rings or lines.
    static let minimumStrokes = 3

    /// `pixels`: indices (row-major, `width` wide) of the dark strokes counted as marks.
    init(pixels: [Int], width: Int, pixelsPerMillimetre ppmm: Double) {
        symptoms = [UInt8](repeating: 0, count: pixels.count)
        guard !pixels.isEmpty else { return }
        var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
        for p in pixels {
            let x = p % width, y = p / width
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
        }
        let w = maxX - minX + 1, h = maxY - minY + 1
        let local = pixels.map { ($0 / width - minY) * w + ($0 % width - minX) }
        var label = [Int32](repeating: -2, count: w * h)
        for i in local { label[i] = -1 }
        // Strokes: 8-connected components of the marks.
        var strokes: [[Int]] = []
        for start in local where label[start] == -1 {
            let id = Int32(strokes.count)
            var members = [start], stack = [start]
            label[start] = id
            while let i = stack.popLast() {
                let x = i % w, y = i / w
                for dy in -1...1 {
                    for dx in -1...1 {
                        let nx = x + dx, ny = y + dy
                        guard nx >= 0, ny >= 0, nx < w, ny < h else { continue }
                        let j = ny * w + nx
                        if label[j] == -1 { label[j] = id; members.append(j); stack.append(j) }
                    }
                }
            }
            strokes.append(members)
        }
        let shapes = strokes.enumerated().map { id, members in
            Self.shape(members, id: Int32(id), label: label, width: w, ppmm: ppmm)
        }
        // Regions: rings with rings, lines with lines, the rest together, each within
        // `regionGap` of one another. Kinds are grouped apart because a patient with one pen
        // draws numbness lines or circles beside (or into) the area shaded for pain.
        let cell = max(1, Int((1.5 * ppmm).rounded()))
        let reach = Int((Self.regionGap * ppmm / Double(cell)).rounded(.up))
        // Level lines apart from slanted ones: numbness drawn below pain hatched at a slant.
        let kinds: [Int] = shapes.map { shape in
            if shape.isRing { return 0 }
            guard let angle = shape.lineAngle else { return 3 }
            return abs(angle) * 180 / .pi <= Self.levelDegrees ? 1 : 2
        }
        var strokeSymptom = [UInt8](repeating: 0, count: strokes.count)
        for kind in 0..<4 {
            let ids = kinds.indices.filter { kinds[$0] == kind }
            for group in Self.groups(ids, strokes: strokes, width: w, height: h, cell: cell, reach: reach) {
                let reading = kind == 3 ? .pain(slantedLines: false) : Self.read(group.map { shapes[$0] })
                switch reading {
                case .pinsAndNeedles: regions.pinsAndNeedles += 1
                case .numbness: regions.numbness += 1
                case .pain(let slanted): regions.pain += 1; if slanted { regions.slantedLines += 1 }
                }
                let symptom: UInt8 = switch reading { case .pain: 0; case .numbness: 1; case .pinsAndNeedles: 2 }
                for id in group { strokeSymptom[id] = symptom }
            }
        }
        symptoms = local.map { strokeSymptom[Int(label[$0])] }
    }

    /// The strokes `ids` gathered into groups lying within `reach` cells of one another.
    static func groups(_ ids: [Int], strokes: [[Int]], width w: Int, height h: Int, cell: Int, reach: Int) -> [[Int]] {
        guard !ids.isEmpty else { return [] }
        let cw = (w + cell - 1) / cell, ch = (h + cell - 1) / cell
        var occupied = [Bool](repeating: false, count: cw * ch)
        for id in ids { for i in strokes[id] { occupied[(i / w / cell) * cw + (i % w / cell)] = true } }
        let grown = Morphology.dilate(occupied, width: cw, height: ch, radius: reach)
        var region = [Int](repeating: -1, count: cw * ch)
        var count = 0
        for start in grown.indices where grown[start] && region[start] < 0 {
            region[start] = count
            var stack = [start]
            while let i = stack.popLast() {
                let x = i % cw, y = i / cw
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] where nx >= 0 && ny >= 0 && nx < cw && ny < ch {
                    let j = ny * cw + nx
                    if grown[j] && region[j] < 0 { region[j] = count; stack.append(j) }
                }
            }
            count += 1
        }
        var groups = [[Int]](repeating: [], count: count)
        for id in ids {
            let i = strokes[id][0]
            groups[region[(i / w / cell) * cw + (i % w / cell)]].append(id)
        }
        return groups.filter { !$0.isEmpty }
    }

    enum Reading: Equatable { case pain(slantedLines: Bool), numbness, pinsAndNeedles }

    /// One stroke's shape: its ink, whether it is a small ring, and if it is a line, its angle.
    struct Shape {
        var pixels: Int
        var isRing: Bool
        /// Radians, 0 for level, when the stroke is a line.
        var lineAngle: Double?
    }

    /// The reading of one region from its strokes.
    static func read(_ shapes: [Shape]) -> Reading {
        let rings = shapes.filter(\.isRing)
        if rings.count >= minimumStrokes { return .pinsAndNeedles }
        let lines = shapes.filter { $0.lineAngle != nil }
        guard lines.count >= minimumStrokes else { return .pain(slantedLines: false) }
        // Mean of the doubled angles: a line's direction has no sign.
        var c = 0.0, s = 0.0
        for line in lines {
            c += Double(line.pixels) * cos(2 * line.lineAngle!)
            s += Double(line.pixels) * sin(2 * line.lineAngle!)
        }
        let weight = Double(lines.reduce(0) { $0 + $1.pixels })
        guard (c * c + s * s).squareRoot() / weight >= parallelResultant else { return .pain(slantedLines: false) }
        let mean = abs(atan2(s, c) / 2) * 180 / .pi
        return mean <= levelDegrees ? .numbness : .pain(slantedLines: true)
    }

    static func shape(_ members: [Int], id: Int32, label: [Int32], width w: Int, ppmm: Double) -> Shape {
        var minX = Int.max, minY = Int.max, maxX = Int.min, maxY = Int.min
        var sx = 0.0, sy = 0.0
        for i in members {
            let x = i % w, y = i / w
            minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
            sx += Double(x); sy += Double(y)
        }
        let n = Double(members.count)
        let bw = maxX - minX + 1, bh = maxY - minY + 1
        let across = Double(max(bw, bh)) / ppmm
        if across <= ringMaxMillimetres, Double(max(bw, bh)) <= 2 * Double(min(bw, bh)) {
            // Paper inside the stroke that cannot be reached from outside its box is a hole.
            let gw = bw + 2, gh = bh + 2
            var outside = [Bool](repeating: false, count: gw * gh)
            var own = [Bool](repeating: false, count: gw * gh)
            for i in members { own[(i / w - minY + 1) * gw + (i % w - minX + 1)] = true }
            var stack = [0]
            outside[0] = true
            while let i = stack.popLast() {
                let x = i % gw, y = i / gw
                for (nx, ny) in [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)] where nx >= 0 && ny >= 0 && nx < gw && ny < gh {
                    let j = ny * gw + nx
                    if !outside[j] && !own[j] { outside[j] = true; stack.append(j) }
                }
            }
            let hole = zip(outside, own).reduce(0) { $0 + (!$1.0 && !$1.1 ? 1 : 0) }
            if Double(hole) / (ppmm * ppmm) >= ringMinHoleMillimetres2 { return Shape(pixels: members.count, isRing: true, lineAngle: nil) }
        }
        // Second moments: a line is long along one axis and thin across it.
        let mx = sx / n, my = sy / n
        var cxx = 0.0, cyy = 0.0, cxy = 0.0
        for i in members {
            let dx = Double(i % w) - mx, dy = Double(i / w) - my
            cxx += dx * dx; cyy += dy * dy; cxy += dx * dy
        }
        cxx /= n; cyy /= n; cxy /= n
        let mid = (cxx + cyy) / 2, spread = (((cxx - cyy) / 2) * ((cxx - cyy) / 2) + cxy * cxy).squareRoot()
        let major = mid + spread, minor = max(mid - spread, 1.0 / 12)
        let length = (12 * major).squareRoot()
        guard length / ppmm >= lineMinMillimetres, (major / minor).squareRoot() >= lineElongation else {
            return Shape(pixels: members.count, isRing: false, lineAngle: nil)
        }
        return Shape(pixels: members.count, isRing: false, lineAngle: atan2(2 * cxy, cxx - cyy) / 2)
    }
}
