@testable import AtlasCompare
import AtlasEvaluation
import AtlasModel
import AtlasRender
import Testing

/// The back-and-front chart's soles inset: a mark drawn only on a sole is read on the soles,
/// from the clean page, from a phone photo and from a crop without the corner marks.
@Suite("Soles inset of the back-and-front chart")
struct SolesInsetTests {
    /// The A4 back-and-front chart at 150 dpi, hatched in red over S1's zone on the patient's
    /// left sole (heel, outer border, sole) and nowhere else.
    static let page: DrawingPainter.Sheet = {
        var sheet = try! DrawingPainter.sheet(ChartSheet.backFront, width: 1240)
        let panels = sheet.panels
        sheet.panels = panels.filter { $0.view.id == .plantar }
        try! PenPainter.hatch(&sheet, "radicular-s1", side: .left, pen: .red, pixelsPerMillimetre: 1240 / 210, seed: 5)
        sheet.panels = panels
        return sheet
    }()

    func expectReadOnTheSole(_ result: DrawingComparison) {
        #expect(result.template == "back-front" && result.views.contains(.plantar), "\(result.template) \(result.views)")
        let soles = result.extentPercent.views[ViewID.plantar.rawValue] ?? 0
        #expect(soles > 0, "marks on the soles: \(result.extentPercent.views)")
        for view in [ViewID.posterior, .anterior] {
            #expect((result.extentPercent.views[view.rawValue] ?? 0) < 0.2, "nothing drawn on the \(view.rawValue) body: \(result.extentPercent.views)")
        }
        #expect(result.matches.prefix(3).contains { $0.id == "radicular-s1" && $0.side == .left },
                "\(result.matches.prefix(3).map { "\($0.id)/\($0.side)" })")
    }

    @Test func cleanPageReadsTheSole() throws {
        let result = try DrawingPainter.comparator.analyse(image: Self.page.image, name: "sole.png").comparison
        #expect(result.registration.method == .cornerMarks, "\(result.registration.fallbackReason ?? "")")
        expectReadOnTheSole(result)
    }

    @Test func photoReadsTheSole() throws {
        let (photo, _) = SyntheticPhoto.capture(Self.page.image, .phonePhoto)
        let result = try DrawingPainter.comparator.analyse(image: try PaperRoundTripTests.saved(photo, quality: 60), name: "sole.jpg")
            .comparison
        #expect(result.registration.method == .cornerMarks)
        expectReadOnTheSole(result)
    }

    /// Cropped to the bodies (no corner marks, no code): placed by the outlines, soles included.
    @Test func croppedDrawingReadsTheSole() throws {
        let page = Self.page
        let cropped = DrawingPainter.crop(page, x: 0, y: 200, width: page.image.width, height: page.image.height - 400, margin: 0)
        let result = try DrawingPainter.comparator.analyse(image: cropped.image, name: "sole-cropped.png").comparison
        #expect(result.registration.method == .bodyOutline)
        expectReadOnTheSole(result)
    }
}
