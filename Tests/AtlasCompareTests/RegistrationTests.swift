@testable import AtlasCompare
import AtlasModel
import AtlasRender
import Testing

/// Finding the chart a drawing was made on by its printed outline, and where it lies in the
/// drawing: digital drawings resized and cropped (the corner marks cut off).
@Suite("Registration")
struct RegistrationTests {
    struct Case: Sendable, CustomStringConvertible {
        var views: [ViewID]
        var width: Int
        var upscale: Double
        var crop: Int
        var description: String { "\(views.count > 1 ? "all" : views[0].rawValue) at \(width) px x\(upscale), crop \(crop)" }
    }

    static let cases = [
        Case(views: ViewID.allCases, width: 800, upscale: 2, crop: 50),   // exported at 800, drawn on at 1600, cropped
        Case(views: ViewID.allCases, width: 600, upscale: 1, crop: 0),
        Case(views: [.posterior], width: 300, upscale: 1.7, crop: 20),
        Case(views: [.anterior], width: 300, upscale: 1.7, crop: 20),
        Case(views: [.lateralRight], width: 300, upscale: 1.3, crop: 10),
        Case(views: [.lateralLeft], width: 400, upscale: 0.8, crop: 0),
    ]

    /// A drawing found by its outline alone may be a view cut from the four-view chart, hatched
    /// at that chart's small scale: its gaps are closed at the widest radius of any chart,
    /// which is wider on the body than the one-view chart's own.
    @Test func aDrawingFoundByItsOutlineClosesGapsAtTheWidestRadius() throws {
        let references = try DrawingPainter.comparator.outlineReferences()
        let back = try #require(references.first { $0.sheet.views == [.posterior] })
        let four = try #require(references.first { $0.sheet.views == ChartSheet.fourViews })
        #expect(four.closingRadius > back.closingRadius, "four-view \(four.closingRadius), back view \(back.closingRadius) cells")
        #expect(references.map(\.closingRadius).max() == four.closingRadius)
    }

    /// The back and the front chart print their bodies in the same place (twins); the four-view
    /// chart is no twin of either.
    @Test func theBackAndTheFrontChartAreTwins() throws {
        let references = try DrawingPainter.comparator.outlineReferences()
        let back = try #require(references.first { $0.sheet.views == [.posterior] })
        let front = try #require(references.first { $0.sheet.views == [.anterior] })
        let four = try #require(references.first { $0.sheet.views == ChartSheet.fourViews })
        #expect(Registrar.isTwin(front, of: back) && Registrar.isTwin(back, of: front))
        #expect(!Registrar.isTwin(four, of: back) && !Registrar.isTwin(back, of: back))
        // What tells them apart in the outline: the feet (heels from behind, toes in front).
        let backFeet = back.outlineAway(from: front), frontFeet = front.outlineAway(from: back)
        #expect(backFeet.count > 10 && frontFeet.count > 10, "\(backFeet.count) and \(frontFeet.count) points")
        let feetTop = back.bodyBox.minY + 0.9 * back.bodyBox.height
        #expect((backFeet + frontFeet).allSatisfy { $0.y > feetTop }, "outline points away from the twin's lines lie at the feet")
    }

    /// Small back- and front-view charts (exported at 160-200 px, so the faint spine, folds
    /// and knee lines are barely grey) are found as their own view, not their twin. The line
    /// cost alone took each of these back views for the front (measured 02:40 UTC); the feet
    /// of the outline (heels from behind, toes from the front) tell them apart.
    static let smallCharts = [Case(views: [.posterior], width: 200, upscale: 1, crop: 0),
                              Case(views: [.posterior], width: 200, upscale: 1, crop: 20),
                              Case(views: [.posterior], width: 160, upscale: 1.7, crop: 0),
                              Case(views: [.anterior], width: 200, upscale: 1, crop: 0),
                              Case(views: [.anterior], width: 160, upscale: 1.7, crop: 0)]

    @Test(arguments: smallCharts)
    func aSmallChartIsFoundAsItsOwnViewNotItsTwin(_ c: Case) throws {
        var sheet = try DrawingPainter.sheet(c.views, width: c.width, upscale: c.upscale)
        if c.crop > 0 {
            sheet = DrawingPainter.crop(sheet, x: c.crop, y: c.crop, width: sheet.image.width - 2 * c.crop,
                                        height: sheet.image.height - 2 * c.crop, margin: c.crop / 2)
        }
        let fit = try #require(Registrar.bestFit(Registrar.Target(ClassifiedDrawing(sheet.image)),
                                                 references: DrawingPainter.comparator.outlineReferences()))
        #expect(fit.reference.sheet.views == c.views)
    }

    @Test(arguments: cases)
    func findsTheLayoutScaleAndShift(_ c: Case) throws {
        var sheet = try DrawingPainter.sheet(c.views, width: c.width, upscale: c.upscale)
        let margin = c.crop / 2
        sheet = DrawingPainter.crop(sheet, x: c.crop, y: c.crop, width: sheet.image.width - 2 * c.crop,
                                    height: sheet.image.height - 2 * c.crop, margin: margin)
        let comparator = DrawingPainter.comparator
        let fit = try #require(Registrar.bestFit(Registrar.Target(ClassifiedDrawing(sheet.image)), references: comparator.outlineReferences()))
        #expect(fit.reference.sheet == ChartSheet(views: c.views, paper: .a4))
        // The truth: the template at `width` is the reference scaled by width / reference
        // width, then resized and shifted by the crop.
        let scale = Double(c.width) / Double(TemplateReference.referenceWidth(fit.reference.sheet)) * c.upscale
        let scaleError = abs(fit.similarity.scale / scale - 1)
        let offset = fit.similarity.offset
        let shift = Double(margin - c.crop)
        // Position error in body millimetres, at the middle of the first body.
        let middle = fit.reference.bodyBox.center
        let found = fit.similarity.apply(middle)
        let truth = Point(middle.x * scale + shift, middle.y * scale + shift)
        let errorMillimetres = found.distance(to: truth) / (scale * fit.reference.scale)
        #expect(scaleError < 0.004, "scale \(fit.similarity.scale) vs \(scale)")
        #expect(errorMillimetres < 2, "placed \(errorMillimetres) mm off; offset \(offset) vs \(shift)")
        #expect(fit.residualMillimetres < 0.3, "printed lines matched to \(fit.residualMillimetres) mm of the page")
        #expect(fit.inlierShare > 0.6)
    }
}
