import AtlasModel
import AtlasRender
import Foundation

/// One drawing, read and compared: the report, plus what an overlay needs.
public struct DrawingAnalysis: Sendable {
    /// The report: matches, summary, extent, leaning.
    public let comparison: DrawingComparison
    /// The drawing as read: a photo's page put flat and evened out.
    let drawing: ClassifiedDrawing
    let fit: TemplateFit
    let marks: DrawingMarks
}

/// Compares patients' pain drawings with every pattern of an atlas. Everything that does
/// not depend on the drawing (templates, their printed lines, every pattern's mask) is
/// prepared on first use and shared, so each drawing costs little more than decoding it.
/// Safe to use from several threads at once.
public final class DrawingComparator: @unchecked Sendable {
    /// The atlas whose patterns drawings are compared with.
    public let atlas: Atlas
    /// The calibration temperature of the confidences (`Priors.temperature`); other values
    /// only for refitting it.
    public let temperature: Double
    private let lock = NSLock()
    private var references: [ChartSheet: TemplateReference] = [:]
    private var masks: [ChartSheet: [PatternMask]] = [:]

    /// Checks that the atlas can draw its charts; the charts themselves are prepared when
    /// a drawing first needs them.
    public init(atlas: Atlas, temperature: Double = Priors.temperature) throws(CompareError) {
        self.atlas = atlas
        self.temperature = temperature
        for view in ViewID.allCases where atlas.view(view) == nil {
            throw CompareError.internalFailure("the atlas has no \(view.rawValue) view to compare drawings on")
        }
    }

    /// Reads and compares a PNG or JPEG file; the report names it by `path` as given.
    public func analyse(file path: String) throws(CompareError) -> DrawingAnalysis {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw CompareError.unreadable(file: path, message: exists ? (isDirectory.boolValue ? "is a folder" : "cannot be read") : "no such file")
        }
        return try analyse(bytes: [UInt8](data), name: path)
    }

    /// Decodes and compares the bytes of a PNG or JPEG file (a JPEG turned upright by its
    /// EXIF orientation, as the phone showed it).
    public func analyse(bytes: [UInt8], name: String) throws(CompareError) -> DrawingAnalysis {
        let image: RGBAImage
        do {
            image = try ImageDecoder.decode(bytes)
        } catch {
            throw CompareError.unreadable(file: name, message: Self.explain(error))
        }
        return try analyse(image: image, name: name)
    }

    /// The codecs' own messages are plain already; libpng's are terse, so say what they mean.
    private static func explain(_ error: RenderError) -> String {
        guard case .png(let message) = error else { return error.description }
        let plain = ["the file is empty", "not a PNG", "the image is"]
        if plain.contains(where: message.hasPrefix) { return message }
        return "this PNG is damaged or cut short (\(message))"
    }

    /// Compares a decoded drawing or photo; `name` is how the report and errors name it.
    /// The chart is found by its corner marks and code when they can be read, else by its
    /// printed body outline. Throws `notAChart` when no chart is found, `noMarks` when
    /// nothing is drawn on a body.
    public func analyse(image: RGBAImage, name: String) throws(CompareError) -> DrawingAnalysis {
        let placed: PlacedDrawing
        switch PageLocator.locate(LocatorImage(image)) {
        case .success(let pages):
            // The first page whose printed lines lie where its marks put them; when none does
            // (a folded or curled sheet), the outline alone.
            var flat: PlacedDrawing?
            for page in pages where flat == nil {
                let tried = try placeByMarks(image, page: page)
                if tried.fit.inlierShare >= 0.5 { flat = tried }
            }
            if let flat {
                placed = flat
            } else {
                placed = try placeByOutline(image, name: name, miss: .outlineMismatch(found: pages[0].marksFound))
            }
        case .failure(let miss):
            placed = try placeByOutline(image, name: name, miss: miss)
        }
        return try compare(placed, name: name)
    }

    /// Reads the marks of a drawing placed on its chart and ranks every pattern against them.
    func compare(_ placed: PlacedDrawing, name: String) throws(CompareError) -> DrawingAnalysis {
        let marks = DrawingMarks(drawing: placed.drawing, fit: placed.fit, closingRadius: try closingRadius(for: placed))
        guard marks.markedCells >= 2 else {
            let message = marks.panelMarkPixels > 0
                ? "the marks all lie off the body; shade inside the outline"
                : "no marks found on the body; shade where you feel symptoms in red (pain), blue (numbness) or green (pins and needles)"
            throw CompareError.noMarks(file: name, message: message)
        }
        let reference = placed.fit.reference
        let locations = MarkLocations(marks: marks, reference: reference)
        let features = DrawingFeatures(locations: locations)
        // Both-sides candidates only make sense for a drawing marked on both sides.
        let ranking = PatternScorer.rank(marks, masks: try patternMasks(for: reference), features: features,
                                         allowBoth: locations.isBilateral, temperature: temperature)
        let comparison = Report.make(name: name, placed: placed, marks: marks, locations: locations, features: features,
                                     ranking: ranking, atlas: atlas)
        return DrawingAnalysis(comparison: comparison, drawing: placed.drawing, fit: placed.fit, marks: marks)
    }

    /// Compares many files on every core; `handle` runs on the worker that read each file
    /// (write overlays there), and its results come back in the order of `files`.
    public func analyseAll<T: Sendable>(files: [String],
                                        _ handle: @Sendable (String, Result<DrawingAnalysis, CompareError>) -> T) -> [T] {
        let results = ResultSlots<T>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let result: Result<DrawingAnalysis, CompareError>
            do throws(CompareError) { result = .success(try analyse(file: files[index])) } catch { result = .failure(error) }
            results.set(index, handle(files[index], result))
        }
        return results.values
    }

    /// The masks of every ranked pattern for a chart, rasterised on first use.
    func patternMasks(for reference: TemplateReference) throws(CompareError) -> [PatternMask] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = masks[reference.sheet] { return cached }
        let built = try PatternMask.all(for: reference, atlas: atlas)
        masks[reference.sheet] = built
        return built
    }

    /// A chart's reference, built on first use (outside the lock: other drawings go on).
    func reference(for sheet: ChartSheet) throws(CompareError) -> TemplateReference {
        lock.lock()
        let cached = references[sheet]
        lock.unlock()
        if let cached { return cached }
        let built = try TemplateReference(sheet: sheet, atlas: atlas)
        lock.lock()
        defer { lock.unlock() }
        if let raced = references[sheet] { return raced }
        references[sheet] = built
        return built
    }

    /// The gap-closing radius for a placed drawing. A drawing found by its outline alone may
    /// be a view cut from a larger chart (a screenshot of the back view of the four-view
    /// chart): its paper scale is unknown, and hatching drawn at the smallest scale leaves the
    /// widest gaps on the body, so the widest radius of any chart is used; its own chart's
    /// otherwise.
    func closingRadius(for placed: PlacedDrawing) throws(CompareError) -> Int {
        guard placed.method == .bodyOutline else { return placed.fit.reference.closingRadius }
        return try outlineReferences().map(\.closingRadius).max() ?? placed.fit.reference.closingRadius
    }

    /// The charts a drawing without readable corner marks is fitted to: every view set on
    /// A4. A4 and letter charts draw the bodies alike, so the outline cannot tell the paper
    /// apart; the report leaves the paper unknown.
    func outlineReferences() throws(CompareError) -> [TemplateReference] {
        var all: [TemplateReference] = []
        for sheet in ChartSheet.all where sheet.paper == .a4 { all.append(try reference(for: sheet)) }
        return all
    }
}

/// Results of concurrent work, kept in input order.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        lock.lock(); slots[index] = value; lock.unlock()
    }

    var values: [T] {
        lock.lock(); defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

extension DrawingComparator {
    /// The overlay picture: the drawing's marks beside the `top` best patterns, with a legend.
    public func overlay(for analysis: DrawingAnalysis, top: Int = 3) throws(CompareError) -> RGBAImage {
        let overlay = try OverlayScene(analysis, atlas: atlas, top: top)
        var image: RGBAImage
        do {
            image = try SceneRenderer.rasterize(overlay.scene)
        } catch {
            throw CompareError.internalFailure("cannot draw the overlay: \(error)")
        }
        try OverlayPainter.paint(&image, overlay: overlay, analysis: analysis)
        return image
    }

    /// Writes the overlay as a PNG file, atomically.
    public func writeOverlay(for analysis: DrawingAnalysis, to path: String, top: Int = 3) throws(CompareError) {
        let image = try overlay(for: analysis, top: top)
        do {
            let bytes = try PNGCodec.encode(image, opaque: true, dpi: 150,
                                            metadata: [("Title", "Pain drawing compared with the atlas"), ("Drawing", analysis.comparison.drawing),
                                                       ("Software", "referral-atlas \(ReferralAtlasVersion.string)")])
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw CompareError.cannotWrite(file: path, message: error.description)
        }
    }
}
