import AtlasModel

/// How well one chart, placed by a similarity, explains a drawing.
struct TemplateFit: Sendable {
    let reference: TemplateReference
    let similarity: Similarity
    /// Mean truncated distance of the template's lines from the drawing's ink, 0 (all on
    /// ink) to 1 (none near).
    let lineCost: Double
    /// Share of the template's line points that land on the drawing's ink.
    let inlierShare: Double
    /// Share of the drawing's ink far from anything the template prints.
    let unexplainedInk: Double
    /// Mean distance of the matched line points from the ink, in drawing pixels.
    let residualPixels: Double

    var total: Double { lineCost + unexplainedInk }

    /// The residual in millimetres of the printed page.
    var residualMillimetres: Double { residualPixels / (similarity.scale * reference.pixelsPerMillimetre) }
}

/// Finds which chart a drawing was made on and where: for every chart, a coarse search
/// and then a pattern search over scale and shift minimise the chamfer distance of the
/// chart's printed lines to the drawing's ink; the chart that also explains the most
/// of the drawing's ink wins (a single-view template fits one body of a four-view chart
/// perfectly, but leaves three bodies unexplained).
enum Registrar {
    /// The drawing's ink, ready for matching: its distance field and its tall shapes.
    struct Target {
        let drawing: ClassifiedDrawing
        let field: DistanceField
        /// Foreground components at least half as tall as the tallest: the body outlines.
        let bodies: [ComponentBox]
        /// A sample of ink cells for the reverse check.
        let inkSample: [Point]

        init(_ drawing: ClassifiedDrawing) {
            self.drawing = drawing
            field = DistanceField(set: drawing.workingInk, width: drawing.workingWidth, height: drawing.workingHeight)
            let boxes = ConnectedComponents.boxes(of: drawing.workingForeground, width: drawing.workingWidth,
                                                  height: drawing.workingHeight)
            let tallest = boxes.map(\.height).max() ?? 0
            bodies = boxes.filter { $0.height * 2 >= tallest && $0.height >= 20 }
            var inkCells: [Int] = []
            for (cell, isInk) in drawing.workingInk.enumerated() where isInk { inkCells.append(cell) }
            let stride = max(1, inkCells.count / 4000)
            let k = Double(drawing.workingFactor)
            inkSample = Swift.stride(from: 0, to: inkCells.count, by: stride).map { i in
                let cell = inkCells[i]
                return Point((Double(cell % drawing.workingWidth) + 0.5) * k, (Double(cell / drawing.workingWidth) + 0.5) * k)
            }
        }
    }

    /// A chart placed by the coarse search alone.
    struct RoughFit {
        let reference: TemplateReference
        let similarity: Similarity
        let lineCost: Double
        let unexplainedInk: Double

        var total: Double { lineCost + unexplainedInk }
    }

    /// The best-fitting chart, or nil when no chart places any line on the drawing. Every
    /// chart gets the coarse search; only those close to the best are refined, which is
    /// where the time goes (posterior and anterior differ in a few contours only, so a
    /// close second is refined too).
    static func bestFit(_ target: Target, references: [TemplateReference]) -> TemplateFit? {
        let rough = references.compactMap { roughFit(target, to: $0) }.sorted { $0.total < $1.total }
        guard let first = rough.first,
              let best = rough.prefix(3).filter({ $0.total <= first.total + 0.15 }).map({ refine(target, $0) }).min(by: { $0.total < $1.total })
        else { return nil }
        return twinChoice(target, best: best, references: references)
    }

    /// A back view and a front view print the same page with the body in the same place:
    /// they differ only in a few lines, over the whole body a few per cent of the line cost,
    /// so which chart fits best can turn on a faint contour (a fold, the spine) that a small
    /// or faded copy lost. Their outlines differ too, at the feet (heels from behind, the toes
    /// from the front), and the dark outline is what every copy keeps. So the twin of the best
    /// chart is tried at the same placement, and where the outline points that tell the two
    /// apart (more than 3 mm from anything the other prints) clearly fit the twin better, the
    /// twin is taken; with the feet painted over or cut off the line cost decides, as before.
    static func twinChoice(_ target: Target, best: TemplateFit, references: [TemplateReference]) -> TemplateFit {
        guard let twin = references.first(where: { isTwin($0, of: best.reference) }) else { return best }
        let similarity = best.similarity
        let ownPoints = best.reference.outlineAway(from: twin), twinPoints = twin.outlineAway(from: best.reference)
        guard !ownPoints.isEmpty, !twinPoints.isEmpty else { return best }
        let own = LineCost(target: target, reference: best.reference, scale: similarity.scale)(similarity, ownPoints)
        let other = LineCost(target: target, reference: twin, scale: similarity.scale)(similarity, twinPoints)
        guard other < own - Self.clearTwinMargin else { return best }
        return refine(target, reference: twin, from: similarity)
    }

    /// How much better (mean truncated distance, 0 to 1) the twin's own outline must fit.
    static let clearTwinMargin = 0.1

    /// Two different charts on the same paper whose body panels lie in the same places.
    static func isTwin(_ a: TemplateReference, of b: TemplateReference) -> Bool {
        guard a.sheet != b.sheet, a.sheet.paper == b.sheet.paper, a.width == b.width,
              a.panelBodyBoxes.count == b.panelBodyBoxes.count else { return false }
        let tolerance = 0.02 * b.bodyBox.height
        return zip(a.panelBodyBoxes, b.panelBodyBoxes).allSatisfy { p, q in
            abs(p.minX - q.minX) < tolerance && abs(p.maxX - q.maxX) < tolerance
                && abs(p.minY - q.minY) < tolerance && abs(p.maxY - q.maxY) < tolerance
        }
    }

    /// One chart, coarse and refined.
    static func fit(_ target: Target, to reference: TemplateReference) -> TemplateFit? {
        roughFit(target, to: reference).map { refine(target, $0) }
    }

    static func roughFit(_ target: Target, to reference: TemplateReference) -> RoughFit? {
        guard !target.inkSample.isEmpty else { return nil }
        let coarsePoints = Swift.stride(from: 0, to: reference.linePoints.count, by: 12).map { reference.linePoints[$0] }
        // Only the most promising starts are searched: each costs a coarse search.
        let ranked = startingPlacements(target, reference: reference).map { start in
            (start, LineCost(target: target, reference: reference, scale: start.scale)(start, coarsePoints))
        }.sorted { $0.1 < $1.1 }.prefix(2).map(\.0)
        var best: (Similarity, Double)?
        for start in ranked {
            let found = coarseSearch(start, cost: LineCost(target: target, reference: reference, scale: start.scale), points: coarsePoints)
            if best == nil || found.1 < best!.1 { best = found }
        }
        guard let (similarity, cost) = best else { return nil }
        return RoughFit(reference: reference, similarity: similarity, lineCost: cost,
                        unexplainedInk: unexplainedShare(target, reference: reference, similarity: similarity))
    }

    /// Pattern search from the coarse placement: first on half the line points, then on all.
    static func refine(_ target: Target, _ rough: RoughFit) -> TemplateFit {
        refine(target, reference: rough.reference, from: rough.similarity)
    }

    /// Pattern search from a placement known to be close (a page put flat by its corner
    /// marks): first on half the line points, then on all.
    static func refine(_ target: Target, reference: TemplateReference, from start: Similarity) -> TemplateFit {
        let finePoints = Swift.stride(from: 0, to: reference.linePoints.count, by: 2).map { reference.linePoints[$0] }
        var (similarity, lineCost) = patternSearch(start, cost: LineCost(target: target, reference: reference,
                                                                       scale: start.scale), points: finePoints)
        let cost = LineCost(target: target, reference: reference, scale: similarity.scale)
        (similarity, lineCost) = patternSearch(similarity, cost: cost, points: reference.linePoints, from: 0.5)
        let (inliers, residual) = cost.inliers(similarity, points: reference.linePoints)
        return TemplateFit(reference: reference, similarity: similarity, lineCost: lineCost, inlierShare: inliers,
                           unexplainedInk: unexplainedShare(target, reference: reference, similarity: similarity),
                           residualPixels: residual)
    }

    /// Where the search may start: the whole page resized; the drawing's bodies as a block
    /// (or, when a crop cut through one, aligned at each uncut edge); and each complete body
    /// outline in the drawing matched to each body of the template.
    private static func startingPlacements(_ target: Target, reference: TemplateReference) -> [Similarity] {
        let drawing = target.drawing
        let pivot = reference.bodyBox.center
        let pageScale = Double(drawing.width) / Double(reference.width)
        var starts = [Similarity(scale: pageScale, pivot: pivot, position: pivot * pageScale)]
        guard let first = target.bodies.first else { return starts }
        let k = Double(drawing.workingFactor)
        func rect(_ b: ComponentBox) -> Rect {
            Rect(minX: Double(b.minX) * k, minY: Double(b.minY) * k, maxX: Double(b.maxX + 1) * k, maxY: Double(b.maxY + 1) * k)
        }
        let union = target.bodies.dropFirst().reduce(rect(first)) { $0.union(rect($1)) }
        let body = reference.bodyBox
        let scaleY = union.height / body.height, scaleX = union.width / body.width
        if abs(scaleX / scaleY - 1) < 0.12 {
            starts.append(Similarity(scale: scaleY, pivot: pivot, position: union.center))
        } else if scaleY > scaleX {
            // Cut at a side: trust the height and try each side edge.
            starts.append(Similarity(scale: scaleY, pivot: pivot, position: Point(union.minX + (pivot.x - body.minX) * scaleY, union.center.y)))
            starts.append(Similarity(scale: scaleY, pivot: pivot, position: Point(union.maxX - (body.maxX - pivot.x) * scaleY, union.center.y)))
        } else {
            // Cut at the head or the feet: trust the width and try the top and the bottom.
            starts.append(Similarity(scale: scaleX, pivot: pivot, position: Point(union.center.x, union.minY + (pivot.y - body.minY) * scaleX)))
            starts.append(Similarity(scale: scaleX, pivot: pivot, position: Point(union.center.x, union.maxY - (body.maxY - pivot.y) * scaleX)))
        }
        let tallest = target.bodies.map(\.height).max() ?? 0
        for component in target.bodies where component.height * 10 >= tallest * 9 {
            let box = rect(component)
            for panelBox in reference.panelBodyBoxes {
                let scale = box.height / panelBox.height
                guard abs(box.width / panelBox.width / scale - 1) < 0.12 else { continue }
                starts.append(Similarity(scale: scale, pivot: panelBox.center, position: box.center).repivoted(to: pivot))
            }
        }
        return starts
    }

    /// An exhaustive look around a start: three scales, shifts up to one and a half
    /// truncation distances, so the pattern search starts in the right basin.
    private static func coarseSearch(_ start: Similarity, cost: LineCost, points: [Point]) -> (Similarity, Double) {
        var best = start, bestCost = cost(start, points)
        let step = cost.truncation / 2 * Double(cost.workingFactor)
        // Starts come from the page size or body boxes, within about 1% of the scale.
        for i in -1...1 {
            for dy in -3...3 {
                for dx in -3...3 {
                    var candidate = start
                    candidate.scale = start.scale * (1 + 0.015 * Double(i))
                    candidate.position = Point(start.position.x + Double(dx) * step, start.position.y + Double(dy) * step)
                    let c = cost(candidate, points)
                    if c < bestCost { best = candidate; bestCost = c }
                }
            }
        }
        return (best, bestCost)
    }

    /// Hooke-Jeeves style: try a step either way in each parameter, halve when none helps.
    private static func patternSearch(_ start: Similarity, cost: LineCost, points: [Point],
                                      from size: Double = 1) -> (Similarity, Double) {
        var best = start, bestCost = cost(start, points)
        var shift = cost.truncation / 2 * Double(cost.workingFactor) * size
        var scaleStep = 0.008 * size
        let smallest = 0.05 * Double(cost.workingFactor)
        while shift > smallest {
            var improved = false
            var candidates: [Similarity] = []
            for sign in [-1.0, 1.0] {
                var a = best; a.scale *= 1 + sign * scaleStep; candidates.append(a)
                var b = best; b.position.x += sign * shift; candidates.append(b)
                var c = best; c.position.y += sign * shift; candidates.append(c)
            }
            for candidate in candidates {
                let c = cost(candidate, points)
                if c < bestCost - 1e-9 { best = candidate; bestCost = c; improved = true }
            }
            if !improved { shift /= 2; scaleStep /= 2 }
        }
        return (best, bestCost)
    }

    /// The share of the drawing's ink that lies far from everything the template prints.
    private static func unexplainedShare(_ target: Target, reference: TemplateReference, similarity: Similarity) -> Double {
        let f = TemplateReference.inkFactor
        // 10 mm: generous, because fonts differ between machines.
        let limit = Float(10 * reference.scale * f)
        var unexplained = 0
        for q in target.inkSample {
            let p = similarity.invert(q)
            let d = reference.inkField.value(x: p.x * f - 0.5, y: p.y * f - 0.5, outside: .infinity)
            if d > limit { unexplained += 1 }
        }
        return Double(unexplained) / Double(target.inkSample.count)
    }
}

/// The chamfer cost of template line points placed in a drawing.
struct LineCost {
    let field: DistanceField
    let workingFactor: Int
    /// Distances are truncated here (working cells), so a line covered by paint costs a
    /// bounded amount instead of pulling the fit away.
    let truncation: Double

    init(target: Registrar.Target, reference: TemplateReference, scale: Double) {
        field = target.field
        workingFactor = target.drawing.workingFactor
        let cellsPerMillimetre = scale * reference.scale / Double(workingFactor)
        truncation = max(2.5, 12 * cellsPerMillimetre)
    }

    func callAsFunction(_ similarity: Similarity, _ points: [Point]) -> Double {
        // Reference pixels straight to working cells (cell centres at integers).
        let k = Double(workingFactor)
        let a = similarity.scale / k
        let bx = (similarity.position.x - similarity.pivot.x * similarity.scale) / k - 0.5
        let by = (similarity.position.y - similarity.pivot.y * similarity.scale) / k - 0.5
        let sum = field.cappedSum(points, cap: Float(truncation)) { p in Point(p.x * a + bx, p.y * a + by) }
        return sum / (Double(points.count) * truncation)
    }

    /// The share of points within a third of the truncation of ink, and their mean distance
    /// in drawing pixels.
    func inliers(_ similarity: Similarity, points: [Point]) -> (share: Double, residual: Double) {
        let k = Double(workingFactor)
        var count = 0, sum = 0.0
        for p in points {
            let q = similarity.apply(p)
            let d = Double(field.value(x: q.x / k - 0.5, y: q.y / k - 0.5, outside: .infinity))
            if d <= truncation / 3 { count += 1; sum += d }
        }
        return (Double(count) / Double(max(points.count, 1)), count > 0 ? sum / Double(count) * k : .infinity)
    }
}
