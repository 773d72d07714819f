@testable import AtlasCompare
import AtlasEvaluation
import AtlasModel
import AtlasRender
import Testing

/// A printed chart, drawn on with a pen, scanned or photographed: the answer must be the one
/// the clean page gives. Every photo is made here from the printed template (SyntheticPhoto).
@Suite("Paper round trip: scans and photos of a printed chart")
struct PaperRoundTripTests {
    /// The A4 back-view chart at 150 dpi, hatched in red ballpoint over gluteus minimus
    /// (posterior part) on the patient's right, 3 mm between strokes.
    static let backPage: DrawingPainter.Sheet = {
        var sheet = try! DrawingPainter.sheet([.posterior], width: 1240)
        try! PenPainter.hatch(&sheet, "gluteus-minimus-posterior", side: .right, pen: .red, pixelsPerMillimetre: 1240 / 210,
                              kinds: [.essential, .spillover], seed: 4)
        return sheet
    }()
    static let backClean = try! DrawingPainter.comparator.analyse(image: backPage.image, name: "clean.png").comparison

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var capture: Capture
        /// Saved as a JPEG of this quality, as phones and scanners do.
        var jpegQuality: Int? = nil
        var description: String { name + (jpegQuality.map { ", JPEG q\($0)" } ?? "") }
    }

    static let cases: [Case] = [
        Case(name: "flatbed scan", capture: .flatbedScan),
        Case(name: "crooked scan", capture: .crookedScan, jpegQuality: 60),
        Case(name: "turned 10 degrees, scale 1.25", capture: Capture(rotationDegrees: 10, scale: 1.25, blurRadius: 0.7, noise: 2, background: .white)),
        Case(name: "turned -10 degrees, scale 0.8", capture: Capture(rotationDegrees: -10, scale: 0.8, blurRadius: 0.7, noise: 2, background: .desk),
             jpegQuality: 60),
        Case(name: "upside down on the scanner", capture: Capture(rotationDegrees: 178, scale: 1, blurRadius: 0.5, noise: 1.5, background: .white)),
        Case(name: "phone photo on a desk", capture: .phonePhoto, jpegQuality: 60),
        Case(name: "steep phone photo, blurred", capture: Capture(rotationDegrees: 8, scale: 1.15, perspective: 0.8, tiltDirection: 0.6,
                                                                 blurRadius: 2.2, lightFalloff: 0.2, exposure: 0.9, noise: 5),
             jpegQuality: 60),
        Case(name: "grey paper", capture: .greyPaper, jpegQuality: 60),
        Case(name: "uneven light and a shadow", capture: .unevenLight, jpegQuality: 60),
    ]

    @Test(arguments: cases)
    func photoGivesTheCleanDrawingsAnswer(_ c: Case) throws {
        let clean = Self.backClean
        let (photo, pageToPhoto) = SyntheticPhoto.capture(Self.backPage.image, c.capture)
        let analysis = try DrawingPainter.comparator.analyse(image: try Self.saved(photo, quality: c.jpegQuality), name: c.name)
        let result = analysis.comparison
        #expect(result.registration.method == .cornerMarks, "\(result.registration.fallbackReason ?? "")")
        #expect(result.template == "posterior" && result.registration.paper == "a4")
        let best = try #require(result.matches.first), cleanBest = try #require(clean.matches.first)
        #expect(best.id == cleanBest.id && best.side == cleanBest.side,
                "best \(best.id)/\(best.side) vs clean \(cleanBest.id)/\(cleanBest.side)")
        #expect(result.matches.prefix(3).map(\.id) == clean.matches.prefix(3).map(\.id) || abs(best.confidence - cleanBest.confidence) < 0.1)
        let extentDifference = abs(result.extentPercent.total - clean.extentPercent.total)
        #expect(extentDifference <= max(0.25, 0.08 * clean.extentPercent.total),
                "extent \(result.extentPercent.total)% vs \(clean.extentPercent.total)% clean")
        let error = Self.registrationError(result, truth: pageToPhoto, sheet: Self.backPage)
        #expect(error < 1, "registered \(error) mm off")
        print("paper round trip, \(c): registration error \(String(format: "%.2f", error)) mm, extent \(result.extentPercent.total)% "
              + "vs \(clean.extentPercent.total)%, best \(best.id) \(best.score) vs \(cleanBest.score)")
    }

    @Test func fourViewChartPhotographedOnADesk() throws {
        var sheet = try DrawingPainter.sheet(ViewID.allCases, width: 1754)
        try PenPainter.hatch(&sheet, "radicular-s1", side: .left, pen: .red, pixelsPerMillimetre: 1754 / 297, seed: 9)
        let clean = try DrawingPainter.comparator.analyse(image: sheet.image, name: "clean.png").comparison
        let (photo, pageToPhoto) = SyntheticPhoto.capture(sheet.image, .phonePhoto)
        let result = try DrawingPainter.comparator.analyse(image: try Self.saved(photo, quality: 60), name: "phone.jpg").comparison
        #expect(result.registration.method == .cornerMarks && result.template == "all")
        #expect(result.matches.first?.id == clean.matches.first?.id && result.matches.first?.side == clean.matches.first?.side,
                "\(result.matches.prefix(3).map(\.id)) vs \(clean.matches.prefix(3).map(\.id))")
        #expect(abs(result.extentPercent.total - clean.extentPercent.total) <= max(0.25, 0.08 * clean.extentPercent.total),
                "extent \(result.extentPercent.total)% vs \(clean.extentPercent.total)%")
        let error = Self.registrationError(result, truth: pageToPhoto, sheet: sheet)
        #expect(error < 1, "registered \(error) mm off")
        print("paper round trip, four views, phone photo: registration error \(String(format: "%.2f", error)) mm, "
              + "extent \(result.extentPercent.total)% vs \(clean.extentPercent.total)%")
    }

    /// Pens of the common colours and a pencil: each read as the key says (a black pen or
    /// a pencil as pain), the hatching counted as filled area.
    @Test(arguments: [("red", Symptom.pain), ("blue", .numbness), ("green", .pinsAndNeedles), ("black", .pain), ("pencil", .pain)])
    func pensAndPencil(_ name: String, _ symptom: Symptom) throws {
        let pen: PenPainter.Pen = switch name {
        case "red": .red
        case "blue": .blue
        case "green": .green
        case "black": .black
        default: .pencil
        }
        var sheet = try DrawingPainter.sheet([.posterior], width: 1240)
        try PenPainter.hatch(&sheet, "piriformis", side: .left, pen: pen, pixelsPerMillimetre: 1240 / 210,
                             kinds: [.essential, .spillover], seed: 21)
        let (photo, _) = SyntheticPhoto.capture(sheet.image, .phonePhoto)
        let result = try DrawingPainter.comparator.analyse(image: try Self.saved(photo, quality: 60), name: name).comparison
        let shares = Symptom.allCases.map { result.extentPercent.symptoms[$0.rawValue] ?? 0 }
        #expect(shares.max() == result.extentPercent.symptoms[symptom.rawValue], "\(name) pen read as \(result.extentPercent.symptoms)")
        #expect(result.matches.prefix(3).contains { $0.id == "piriformis" && $0.side == .left },
                "\(name): \(result.matches.prefix(3).map { "\($0.id)/\($0.side)" })")
        // Hatching 3 mm apart fills the zone: about as much area as a solid shading would.
        #expect(result.extentPercent.total > 2, "\(name): extent \(result.extentPercent.total)%")
    }

    /// Solid pencil shading over a large area (4 cm across: wider than the blocks paper and
    /// light are estimated on) is a mark, not shadowed paper: evening out the light must not
    /// wash it away.
    @Test func solidPencilShadingKeepsItsArea() throws {
        func shaded(_ color: Color) throws -> RGBAImage {
            var sheet = try DrawingPainter.sheet([.posterior], width: 1240)
            let centre = DrawingPainter.pixel(sheet, view: .posterior, Point(0, 760))
            DrawingPainter.dab(&sheet.image, at: centre, radius: 20 * 1240 / 210, color: color)
            return sheet.image
        }
        let reference = try DrawingPainter.comparator.analyse(image: try shaded(Style.default.painMark), name: "red.png").comparison
        // Graphite rubbed in evenly: mid grey, no paper showing through.
        let (photo, _) = SyntheticPhoto.capture(try shaded(Color(0.6, 0.6, 0.6)), .unevenLight)
        let result = try DrawingPainter.comparator.analyse(image: try Self.saved(photo, quality: 60), name: "pencil.jpg").comparison
        #expect(result.extentPercent.total >= 0.9 * reference.extentPercent.total,
                "pencil \(result.extentPercent.total)% vs red \(reference.extentPercent.total)%")
    }

    /// A corner cut off: the chart is still found, by its outline, and the report says so.
    @Test func missingCornerMarkFallsBackToTheOutline() throws {
        let page = Self.backPage
        let cropped = DrawingPainter.crop(page, x: 0, y: 0, width: page.image.width, height: page.image.height - 160, margin: 0)
        let result = try DrawingPainter.comparator.analyse(image: cropped.image, name: "cut.png").comparison
        #expect(result.registration.method == .bodyOutline)
        #expect(result.registration.cornerMarksFound == 2)
        #expect(result.registration.fallbackReason == "only 2 of the 4 corner marks were found")
        #expect(result.registration.paper == nil && result.registration.pageToImage == nil, "the outline cannot tell the paper")
        #expect(result.notes.contains { $0.contains("body outline because only 2 of the 4 corner marks were found") })
        #expect(result.matches.first?.id == Self.backClean.matches.first?.id)
    }

    /// A thumb over one corner mark of a crooked scan: the other three place the page.
    @Test func threeCornerMarksPlaceAScan() throws {
        var page = Self.backPage
        let mm = Double(page.image.width) / 210
        DrawingPainter.dab(&page.image, at: Point(12 * mm, 12 * mm), radius: 9 * mm, color: Color(0.85, 0.7, 0.6))
        let (photo, pageToPhoto) = SyntheticPhoto.capture(page.image, .crookedScan)
        let result = try DrawingPainter.comparator.analyse(image: photo, name: "thumb.png").comparison
        #expect(result.registration.method == .cornerMarks && result.registration.cornerMarksFound == 3)
        #expect(result.notes.contains { $0.hasPrefix("One corner mark was not found") })
        #expect(result.matches.first?.id == Self.backClean.matches.first?.id)
        let error = Self.registrationError(result, truth: pageToPhoto, sheet: page)
        #expect(error < 1, "registered \(error) mm off")
    }

    /// A crooked scan with its bottom edge cut off (two marks and the code gone): the
    /// outline fit turns it straight.
    @Test func crookedScanWithoutItsBottomMarksIsTurnedStraight() throws {
        let (photo, _) = SyntheticPhoto.capture(Self.backPage.image, .crookedScan)
        let cut = DrawingPainter.crop(DrawingPainter.Sheet(image: photo, panels: []), x: 0, y: 0, width: photo.width,
                                      height: photo.height * 85 / 100, margin: 0)
        let result = try DrawingPainter.comparator.analyse(image: cut.image, name: "cut-scan.png").comparison
        #expect(result.registration.method == .bodyOutline)
        let note = try #require(result.notes.first { $0.contains("body outline") })
        #expect(note.contains("turned 7.5 degrees") || note.contains("turned -7.5 degrees") || note.contains("turned 5.0"), "\(note)")
        #expect(result.matches.first?.id == Self.backClean.matches.first?.id && result.matches.first?.side == .right,
                "\(result.matches.prefix(3).map { "\($0.id)/\($0.side)" })")
    }

    /// A leaflet's QR-code corner on the desk beside the page looks like a corner mark: the
    /// widest group of four then has no readable code, and the next group is tried.
    @Test func aFinderLikeSquareOnTheDeskIsPassedOver() throws {
        var (photo, pageToPhoto) = SyntheticPhoto.capture(Self.backPage.image, Capture(rotationDegrees: 4, scale: 1, blurRadius: 0.6,
                                                                                             noise: 2, background: .desk, margin: 0.25))
        let module = 1.5 * 1240 / 210 * pageToPhoto.localScale(at: Point(620, 877))
        let centre = Point(3.5 * module + 8, 3.5 * module + 8)
        for (half, black) in [(3.5, true), (2.5, false), (1.5, true)] {
            let h = Int(half * module)
            for y in Int(centre.y) - h..<Int(centre.y) + h {
                for x in Int(centre.x) - h..<Int(centre.x) + h {
                    let i = (y * photo.width + x) * 4
                    for c in 0..<3 { photo.pixels[i + c] = black ? 20 : 235 }
                }
            }
        }
        let result = try DrawingPainter.comparator.analyse(image: photo, name: "desk.png").comparison
        #expect(result.registration.method == .cornerMarks && result.registration.cornerMarksFound == 4)
        #expect(Self.registrationError(result, truth: pageToPhoto, sheet: Self.backPage) < 1)
    }

    /// The JPEG route end to end: bytes in, as `compare photo.jpg` reads them.
    @Test func jpegBytesAreRead() throws {
        let (photo, _) = SyntheticPhoto.capture(Self.backPage.image, .crookedScan)
        let bytes = try JPEGCodec.encode(photo, quality: 75)
        let result = try DrawingPainter.comparator.analyse(bytes: bytes, name: "scan.jpg").comparison
        #expect(result.registration.method == .cornerMarks)
        #expect(result.matches.first?.id == Self.backClean.matches.first?.id)
    }

    /// The photo as a phone or scanner would save it.
    static func saved(_ image: RGBAImage, quality: Int?) throws -> RGBAImage {
        guard let quality else { return image }
        return try ImageDecoder.decode(try JPEGCodec.encode(image, quality: quality))
    }

    /// The worst distance, in page millimetres, between where the report puts the corners of
    /// the bodies' box in the photo and where they truly are.
    static func registrationError(_ result: DrawingComparison, truth pageToPhoto: Homography, sheet: DrawingPainter.Sheet) -> Double {
        guard let matrix = result.registration.pageToImage else { return .infinity }
        let found = Homography(matrix: matrix)
        let chart = ChartSheet(views: sheet.panels.map(\.view.id), paper: .a4)
        let pixelsPerMillimetre = Double(sheet.image.width) / chart.pageWidth
        let frames = chart.panelFrames
        let corners = [Point(frames[0].minX, frames[0].minY), Point(frames.last!.maxX, frames[0].minY),
                       Point(frames.last!.maxX, frames[0].maxY), Point(frames[0].minX, frames[0].maxY)]
        return corners.map { p in
            let truth = pageToPhoto.apply(p * pixelsPerMillimetre)
            return found.apply(p).distance(to: truth) / pageToPhoto.localScale(at: p * pixelsPerMillimetre) / pixelsPerMillimetre
        }.max() ?? .infinity
    }
}
