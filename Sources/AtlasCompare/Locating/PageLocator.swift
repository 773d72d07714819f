import AtlasModel
import AtlasRender
import Foundation

/// Where a printed chart lies in a photo or scan, found by its corner marks.
struct LocatedPage: Sendable {
    /// The chart, as its code spells it.
    let sheet: ChartSheet
    /// Page millimetres to photo pixels.
    let pageToPhoto: Homography
    /// Corner marks it was placed by: 4, or 3 when one was cut off (then only as an affine map).
    var marksFound = 4
    /// Photo pixels per page millimetre near the page's centre.
    var photoPixelsPerMillimetre: Double {
        pageToPhoto.localScale(at: Point(sheet.pageWidth / 2, sheet.pageHeight / 2))
    }
}

/// Finds the four corner marks, puts them in page order (any rotation of the page in the
/// photo), and reads the code between the bottom two; the code says which chart it is and,
/// through its checksum, which way up the page is.
enum PageLocator {
    /// Why the corner marks could not be used, in words for the report.
    enum Miss: Error, Sendable, Equatable {
        case tooFewMarks(found: Int)
        case unreadableCode(found: Int)
        /// The marks and code were read, but the printed lines do not lie where they put them.
        case outlineMismatch(found: Int)

        var words: String {
            switch self {
            case .tooFewMarks(let found):
                found == 0 ? "no corner marks were found" : "only \(found) of the 4 corner marks were found"
            case .unreadableCode: "the corner marks were found but the chart's code could not be read"
            case .outlineMismatch:
                "the corner marks were read but the printed body lines do not lie where they put them (a folded or curled sheet?)"
            }
        }

        /// What to do about it.
        var advice: String {
            switch self {
            case .tooFewMarks, .unreadableCode:
                "photograph or scan the whole printed chart, all four corner marks in view and sharp"
            case .outlineMismatch:
                "flatten the sheet and photograph it again"
            }
        }

        var marksFound: Int {
            switch self {
            case .tooFewMarks(let found), .unreadableCode(let found), .outlineMismatch(let found): found
            }
        }
    }

    /// The pages the marks and code point to, most likely first (at most `limit`): the
    /// caller keeps the first whose printed outline lies where it says.
    static func locate(_ image: LocatorImage, limit: Int = 3) -> Result<[LocatedPage], Miss> {
        let marks = FinderMarks.find(in: image)
        var pages: [LocatedPage] = []
        // The widest groups of four first; a QR code or a doodle elsewhere in the photo can
        // make a group whose code does not read, or reads through a skewed page.
        for corners in quads(among: marks).prefix(20) where pages.count < limit {
            // Every page shape the tool prints, each way up: the code's checksum picks one.
            search: for shape in shapes {
                for turn in 0..<4 {
                    let photoPoints = (0..<4).map { corners[($0 + turn) % 4] }
                    if let page = page(image, shape: shape, pageCorners: shape.markerCentres, photoCorners: photoPoints) {
                        pages.append(page)
                        break search
                    }
                }
            }
        }
        // Three marks (a corner cut off or covered): the parallelogram they span places a
        // flat scan exactly; a photo's perspective is not corrected (the report says so).
        for triple in triples(among: marks).prefix(20) where pages.count < limit {
            search: for shape in shapes {
                let page = shape.markerCentres
                for missing in 0..<4 {
                    for turn in 0..<3 {
                        let slots = (1...3).map { (missing + $0) % 4 }
                        let photo = (0..<3).map { triple[($0 + turn) % 3] }
                        let pagePoints = slots.map { page[$0] } + [page[slots[0]] + page[slots[2]] - page[slots[1]]]
                        let photoPoints = photo + [photo[0] + photo[2] - photo[1]]
                        if let located = self.page(image, shape: shape, pageCorners: pagePoints, photoCorners: photoPoints, marks: 3) {
                            pages.append(located)
                            break search
                        }
                    }
                }
            }
        }
        if !pages.isEmpty { return .success(pages) }
        let found = min(marks.count, 4)
        return .failure(found >= 3 ? .unreadableCode(found: found) : .tooFewMarks(found: found))
    }

    /// One page of each shape the tool prints: portrait and landscape, A4 and letter. The code
    /// strip lies where the page's shape puts it, so one upright shape reads every upright
    /// chart (one view, or back and front).
    static let shapes = Paper.allCases.flatMap { paper in [ChartSheet.fourViews, [ViewID.posterior]].map { ChartSheet(views: $0, paper: paper) } }

    /// The page, when the code read through these corners checks out and is of this shape.
    private static func page(_ image: LocatorImage, shape: ChartSheet, pageCorners: [Point], photoCorners: [Point],
                             marks: Int = 4) -> LocatedPage? {
        guard let h = Homography(from: pageCorners, to: photoCorners),
              let sheet = readCode(image, shape: shape, pageToPhoto: h),
              sheet.paper == shape.paper, sheet.isLandscape == shape.isLandscape else { return nil }
        return LocatedPage(sheet: sheet, pageToPhoto: h, marksFound: marks)
    }

    /// Sets of three marks of a similar size, clockwise, the widest spread first.
    static func triples(among marks: [FoundMark]) -> [[Point]] {
        groups(of: 3, among: marks, pool: 8)
    }

    /// Groups of four marks of a similar size that could span the page, clockwise, the
    /// largest area first.
    static func quads(among marks: [FoundMark]) -> [[Point]] {
        groups(of: 4, among: marks, pool: 10)
    }

    /// Every convex group of `count` of the `pool` largest marks whose sizes are within a
    /// factor of three, clockwise, the largest area first.
    private static func groups(of count: Int, among marks: [FoundMark], pool: Int) -> [[Point]] {
        guard marks.count >= count else { return [] }
        let candidates = Array(marks.sorted { $0.size > $1.size }.prefix(pool))
        var found: [(area: Double, points: [Point])] = []
        func extend(_ chosen: [FoundMark], from start: Int) {
            guard chosen.count < count else {
                let sizes = chosen.map(\.size)
                guard sizes.max()! <= 3 * sizes.min()! else { return }
                let ordered = clockwise(chosen.map(\.centre))
                if let area = convexArea(ordered) { found.append((area, ordered)) }
                return
            }
            for next in start..<candidates.count { extend(chosen + [candidates[next]], from: next + 1) }
        }
        extend([], from: 0)
        return found.sorted { $0.area > $1.area }.map(\.points)
    }

    /// Sorted by angle about their mean: clockwise on screen (y grows downward).
    static func clockwise(_ points: [Point]) -> [Point] {
        let mean = Point(points.map(\.x).reduce(0, +) / Double(points.count), points.map(\.y).reduce(0, +) / Double(points.count))
        return points.sorted { atan2($0.y - mean.y, $0.x - mean.x) < atan2($1.y - mean.y, $1.x - mean.x) }
    }

    /// The area of a polygon given in order, or nil when it is not convex (or degenerate).
    static func convexArea(_ q: [Point]) -> Double? {
        var sign = 0.0, area = 0.0
        for i in q.indices {
            let a = q[i], b = q[(i + 1) % q.count], c = q[(i + 2) % q.count]
            let cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x)
            if sign == 0 { sign = cross < 0 ? -1 : 1 }
            guard cross * sign > 0 else { return nil }
            area += a.x * b.y - b.x * a.y
        }
        return abs(area) / 2
    }

    /// The chart a code strip spells, read through a page-to-photo homography: each cell is
    /// dark when the middle of it is, on average, darker than half the paper.
    static func readCode(_ image: LocatorImage, shape: ChartSheet, pageToPhoto h: Homography) -> ChartSheet? {
        let bits = shape.codeCells.map { cell -> Bool in
            var sum = 0.0
            for i in 0..<3 {
                for j in 0..<3 {
                    let p = Point(cell.minX + cell.width * (0.3 + 0.2 * Double(i)), cell.minY + cell.height * (0.3 + 0.2 * Double(j)))
                    sum += image.luma(atPhoto: h.apply(p))
                }
            }
            return sum / 9 < 128
        }
        return ChartSheet.decode(bits)
    }
}
