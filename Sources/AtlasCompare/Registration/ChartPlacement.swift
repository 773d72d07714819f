import AtlasModel
import AtlasRender

/// Placing a drawing on its chart: by the corner marks when they can be read, else by the
/// printed body outline.
extension DrawingComparator {
    /// The page put flat through its corner marks, then lined up on its printed outline to
    /// take up what the marks leave (a curled sheet, a mark's centre a little off).
    func placeByMarks(_ image: RGBAImage, page: LocatedPage) throws(CompareError) -> PlacedDrawing {
        let reference = try reference(for: page.sheet)
        // Never finer than the reference, nor than the photo itself.
        let k = min(reference.pixelsPerMillimetre, page.photoPixelsPerMillimetre)
        let flat = Rectifier.rectify(image, pageToPhoto: page.pageToPhoto, pageWidth: page.sheet.pageWidth,
                                     pageHeight: page.sheet.pageHeight, pixelsPerMillimetre: k)
        let drawing = ClassifiedDrawing(PaperLight.normalise(flat))
        let s = k / reference.pixelsPerMillimetre
        let pivot = reference.bodyBox.center
        let start = Similarity(scale: s, pivot: pivot, position: pivot * s)
        let fit = Registrar.refine(Registrar.Target(drawing), reference: reference, from: start)
        // How far the outline moved the page from where the marks put it, in page millimetres.
        let box = reference.bodyBox
        let moved = [Point(box.minX, box.minY), Point(box.maxX, box.minY), Point(box.maxX, box.maxY), Point(box.minX, box.maxY)]
            .map { start.apply($0).distance(to: fit.similarity.apply($0)) / k }.max() ?? 0
        let flatToPhoto = Homography(matrix: [1 / k, 0, 0, 0, 1 / k, 0, 0, 0, 1]).then(page.pageToPhoto)
        return PlacedDrawing(drawing: drawing, fit: fit, method: .cornerMarks, marksFound: page.marksFound, miss: nil,
                             pageToImage: fit.pageToDrawing.then(flatToPhoto), marksToOutline: moved, turnDegrees: 0)
    }

    /// The chart found by fitting its printed body lines (scale and shift, and for a scan or
    /// photo in which some corner marks were seen, a turn of up to 10 degrees): for digital
    /// drawings, crops, and scans whose corner marks are cut off or unreadable.
    func placeByOutline(_ image: RGBAImage, name: String, miss: PageLocator.Miss) throws(CompareError) -> PlacedDrawing {
        // The fit works on an 800 px grid anyway: a huge image is shrunk first, so that
        // evening out its light (and turning it) does not copy hundreds of megabytes.
        let side = miss.marksFound > 0 ? Self.turnedOutlineSide : Self.outlineSide
        let shrink = max(1, (max(image.width, image.height) + side - 1) / side)
        let even = PaperLight.normalise(shrink > 1 ? LocatorImage.shrink(image, by: shrink) : image)
        let turns: [Double] = miss.marksFound > 0 ? [0, -2.5, 2.5, -5, 5, -7.5, 7.5, -10, 10] : [0]
        var best: (fit: TemplateFit, drawing: ClassifiedDrawing, turn: Double)?
        var darkest = 0.0
        for turn in turns {
            let drawing = ClassifiedDrawing(turn == 0 ? even : Self.turned(even, degrees: turn))
            let target = Registrar.Target(drawing)
            let inkShare = Double(drawing.workingInk.reduce(0) { $0 + ($1 ? 1 : 0) }) / Double(max(1, drawing.workingInk.count))
            darkest = max(darkest, inkShare)
            guard !target.inkSample.isEmpty, inkShare < 0.3,
                  let fit = Registrar.bestFit(target, references: try outlineReferences()) else { continue }
            if best.map({ fit.total < $0.fit.total }) ?? true { best = (fit, drawing, turn) }
        }
        guard let best, best.fit.inlierShare >= 0.5, best.fit.unexplainedInk <= 0.6 else {
            let what = best == nil && darkest >= 0.3
                ? "this does not look like a body chart (too much of it is dark; \(miss.words))"
                : "no ReferralAtlas body chart found in this image (\(miss.words))"
            throw CompareError.notAChart(file: name, message: "\(what); \(miss.advice), or draw on a chart from `referral-atlas template`")
        }
        return PlacedDrawing(drawing: best.drawing, fit: best.fit, method: .bodyOutline, marksFound: miss.marksFound, miss: miss,
                             pageToImage: nil, marksToOutline: nil, turnDegrees: best.turn)
    }

    /// An image turned clockwise about its centre, white where it had no pixels.
    static func turned(_ image: RGBAImage, degrees: Double) -> RGBAImage {
        let c = Point(Double(image.width) / 2, Double(image.height) / 2)
        let angle = -degrees * .pi / 180
        let rotated = Homography(scale: 1, rotation: angle, translation: Point(0, 0)).apply(c)
        let outputToInput = Homography(scale: 1, rotation: angle, translation: c - rotated)
        return Rectifier.rectify(image, pageToPhoto: outputToInput, pageWidth: Double(image.width), pageHeight: Double(image.height),
                                 pixelsPerMillimetre: 1)
    }

    /// The largest side a scan or photo is fitted by its outline at: it is turned several
    /// times, and 2000 px still gives a pen stroke two pixels.
    static let turnedOutlineSide = 2000

    /// The largest side an image is fitted by its outline at.
    static let outlineSide = 4000
}
