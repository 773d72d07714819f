import AtlasModel
import AtlasRender
import Foundation

/// Where a printed chart lies in a photo or scan, found by its corner marks.
struct LocatedPage: Sendable {
    /// The chart, as its code spells it.
    let sheet: ChartSheet
    /// Page millimetres to photo pixels.
    let pageToPhoto: Homography
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
        case unreadableCode

        var words: String {
            switch self {
            case .tooFewMarks(let found):
                found == 0 ? "no corner marks were found" : "only \(found) of the 4 corner marks were found"
            case .unreadableCode: "the corner marks were found but the chart's code could not be read"
            }
        }

        var marksFound: Int {
            switch self {
            case .tooFewMarks(let found): found
            case .unreadableCode: 4
            }
        }
    }

    static func locate(_ image: LocatorImage) -> Result<LocatedPage, Miss> {
        let marks = FinderMarks.find(in: image)
        guard let corners = corners(among: marks) else { return .failure(.tooFewMarks(found: min(marks.count, 3))) }
        // Every page shape the tool prints, each way up: the code's checksum picks one.
        for paper in Paper.allCases {
            for views in [ViewID.allCases, [ViewID.posterior]] {
                let shape = ChartSheet(views: views, paper: paper)
                for turn in 0..<4 {
                    let photoPoints = (0..<4).map { corners[($0 + turn) % 4] }
                    guard let h = Homography(from: shape.markerCentres, to: photoPoints),
                          let sheet = readCode(image, shape: shape, pageToPhoto: h),
                          sheet.paper == paper, sheet.isLandscape == shape.isLandscape else { continue }
                    return .success(LocatedPage(sheet: sheet, pageToPhoto: h))
                }
            }
        }
        return .failure(.unreadableCode)
    }

    /// The four marks that span the page, clockwise from any of them: of marks of a similar
    /// size, the four enclosing the largest area (a stray ring-like doodle is dropped).
    static func corners(among marks: [FoundMark]) -> [Point]? {
        guard marks.count >= 4 else { return nil }
        let candidates = Array(marks.sorted { $0.size > $1.size }.prefix(10))
        var best: (area: Double, points: [Point])?
        for a in 0..<candidates.count {
            for b in (a + 1)..<candidates.count {
                for c in (b + 1)..<candidates.count {
                    for d in (c + 1)..<candidates.count {
                        let four = [candidates[a], candidates[b], candidates[c], candidates[d]]
                        let sizes = four.map(\.size)
                        guard sizes.max()! <= 3 * sizes.min()! else { continue }
                        let ordered = clockwise(four.map(\.centre))
                        guard let area = convexArea(ordered), area > (best?.area ?? 0) else { continue }
                        best = (area, ordered)
                    }
                }
            }
        }
        return best?.points
    }

    /// Sorted by angle about their mean: clockwise on screen (y grows downward).
    static func clockwise(_ points: [Point]) -> [Point] {
        let mean = Point(points.map(\.x).reduce(0, +) / Double(points.count), points.map(\.y).reduce(0, +) / Double(points.count))
        return points.sorted { atan2($0.y - mean.y, $0.x - mean.x) < atan2($1.y - mean.y, $1.x - mean.x) }
    }

    /// The area of a quadrilateral given in order, or nil when it is not convex.
    static func convexArea(_ q: [Point]) -> Double? {
        var sign = 0.0, area = 0.0
        for i in 0..<4 {
            let a = q[i], b = q[(i + 1) % 4], c = q[(i + 2) % 4]
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
