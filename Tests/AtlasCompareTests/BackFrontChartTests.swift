@testable import AtlasCompare
import AtlasEvaluation
import AtlasModel
import AtlasRender
import Testing

/// The large back-and-front chart, drawn on with a pen and photographed: `compare` reads its
/// code, places the page and gives the clean page's answer.
@Suite("Back-and-front chart")
struct BackFrontChartTests {
    /// The A4 back-and-front chart at 150 dpi, hatched in red over S1 nerve-root pain on the
    /// patient's left (the back of the calf, the heel and the outer foot), 3 mm between strokes.
    static let page: DrawingPainter.Sheet = {
        var sheet = try! DrawingPainter.sheet(ChartSheet.backFront, width: 1240)
        try! PenPainter.hatch(&sheet, "radicular-s1", side: .left, pen: .red, pixelsPerMillimetre: 1240 / 210, seed: 12)
        return sheet
    }()

    @Test func cleanPageIsReadByItsCode() throws {
        let result = try DrawingPainter.comparator.analyse(image: Self.page.image, name: "clean.png").comparison
        #expect(result.registration.method == .cornerMarks, "\(result.registration.fallbackReason ?? "")")
        #expect(result.template == "back-front" && result.registration.paper == "a4")
        #expect(result.views == ChartSheet.backFront)
        #expect(result.matches.prefix(3).contains { $0.id == "radicular-s1" && $0.side == .left },
                "\(result.matches.prefix(3).map { "\($0.id)/\($0.side)" })")
        #expect(result.matches.first?.side == .left, "the patient's left, as drawn")
    }

    @Test(arguments: [Capture.phonePhoto, .crookedScan])
    func photoGivesTheCleanAnswer(capture: Capture) throws {
        let clean = try DrawingPainter.comparator.analyse(image: Self.page.image, name: "clean.png").comparison
        let (photo, pageToPhoto) = SyntheticPhoto.capture(Self.page.image, capture)
        let result = try DrawingPainter.comparator.analyse(image: try PaperRoundTripTests.saved(photo, quality: 60), name: "photo.jpg")
            .comparison
        #expect(result.registration.method == .cornerMarks && result.template == "back-front")
        #expect(result.matches.first?.id == clean.matches.first?.id && result.matches.first?.side == clean.matches.first?.side,
                "\(result.matches.prefix(3).map(\.id)) vs \(clean.matches.prefix(3).map(\.id))")
        #expect(abs(result.extentPercent.total - clean.extentPercent.total) <= max(0.25, 0.08 * clean.extentPercent.total),
                "extent \(result.extentPercent.total)% vs \(clean.extentPercent.total)%")
        let error = PaperRoundTripTests.registrationError(result, truth: pageToPhoto, sheet: Self.page)
        #expect(error < 1, "registered \(error) mm off")
    }

    /// A drawing saved from a paint program without its corner marks (cropped to the
    /// bodies) is still placed on the back-and-front chart, by its outline.
    @Test func croppedDrawingIsPlacedByItsOutline() throws {
        let page = Self.page
        let cropped = DrawingPainter.crop(page, x: 0, y: 200, width: page.image.width, height: page.image.height - 400, margin: 0)
        let result = try DrawingPainter.comparator.analyse(image: cropped.image, name: "cropped.png").comparison
        #expect(result.registration.method == .bodyOutline)
        #expect(result.template == "back-front", "\(result.template)")
        #expect(result.matches.prefix(3).contains { $0.id == "radicular-s1" && $0.side == .left })
    }
}
