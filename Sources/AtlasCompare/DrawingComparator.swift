import AtlasModel
import AtlasRender
import Foundation

/// One drawing, read and compared: the report, plus what an overlay needs.
public struct DrawingAnalysis: Sendable {
    /// The report: matches, summary, extent, leaning.
    public let comparison: DrawingComparison
    let drawing: ClassifiedDrawing
    let fit: TemplateFit
    let marks: DrawingMarks
}

/// Compares patients' pain drawings with every pattern of an atlas. Everything that does
/// not depend on the drawing (templates, their printed lines, every pattern's mask) is
/// prepared once and shared, so each drawing costs little more than decoding it. Safe to
/// use from several threads at once.
public final class DrawingComparator: @unchecked Sendable {
    /// The atlas whose patterns drawings are compared with.
    public let atlas: Atlas
    let references: [TemplateReference]
    private let lock = NSLock()
    private var masks: [TemplateLayout: [PatternMask]] = [:]

    /// Prepares every template layout (a second or so); pattern masks follow on first use.
    public init(atlas: Atlas) throws(CompareError) {
        self.atlas = atlas
        var references: [TemplateReference] = []
        for layout in TemplateLayout.candidates { references.append(try TemplateReference(layout: layout, atlas: atlas)) }
        self.references = references
    }

    /// Reads and compares a PNG file; the report names it by `path` as given.
    public func analyse(file path: String) throws(CompareError) -> DrawingAnalysis {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            throw CompareError.unreadable(file: path, message: exists ? (isDirectory.boolValue ? "is a folder" : "cannot be read") : "no such file")
        }
        return try analyse(bytes: [UInt8](data), name: path)
    }

    /// Decodes and compares the bytes of a PNG file.
    public func analyse(bytes: [UInt8], name: String) throws(CompareError) -> DrawingAnalysis {
        let image: RGBAImage
        do {
            image = try PNGCodec.decode(bytes)
        } catch {
            throw CompareError.unreadable(file: name, message: Self.explain(error))
        }
        return try analyse(image: image, name: name)
    }

    /// The codec's own messages are plain already; libpng's are terse, so say what they mean.
    private static func explain(_ error: RenderError) -> String {
        guard case .png(let message) = error else { return error.description }
        let plain = ["the file is empty", "this is a JPEG", "not a PNG", "the image is"]
        if plain.contains(where: message.hasPrefix) { return message }
        return "this PNG is damaged or cut short (\(message))"
    }

    /// Compares a decoded drawing; `name` is how the report and errors name it. Throws
    /// `notAChart` when no template's lines are found, `noMarks` when nothing is drawn on a body.
    public func analyse(image: RGBAImage, name: String) throws(CompareError) -> DrawingAnalysis {
        let drawing = ClassifiedDrawing(image)
        let target = Registrar.Target(drawing)
        let inkShare = Double(drawing.workingInk.reduce(0) { $0 + ($1 ? 1 : 0) }) / Double(max(1, drawing.workingInk.count))
        guard !target.inkSample.isEmpty, inkShare < 0.3 else {
            throw CompareError.notAChart(file: name, message: inkShare >= 0.3
                ? "this does not look like a body chart (too much of it is dark); draw on a chart from `referral-atlas template`"
                : "no printed body chart found; draw on a chart from `referral-atlas template`")
        }
        guard let fit = Registrar.bestFit(target, references: references), fit.inlierShare >= 0.5, fit.unexplainedInk <= 0.6 else {
            throw CompareError.notAChart(file: name, message:
                "no ReferralAtlas body chart found in this image: its lines do not match any template (single view or all four); draw on a chart from `referral-atlas template`")
        }
        let marks = DrawingMarks(drawing: drawing, fit: fit)
        guard marks.markedCells >= 2 else {
            let message = marks.panelMarkPixels > 0
                ? "the marks all lie off the body; shade inside the outline"
                : "no marks found on the body; shade where you feel symptoms in red (pain), blue (numbness) or green (pins and needles)"
            throw CompareError.noMarks(file: name, message: message)
        }
        let ranked = PatternScorer.rank(marks, masks: try patternMasks(for: fit.reference))
        let comparison = Report.make(name: name, fit: fit, marks: marks, matches: ranked, atlas: atlas)
        return DrawingAnalysis(comparison: comparison, drawing: drawing, fit: fit, marks: marks)
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

    /// The masks of every ranked pattern for a layout, rasterised on first use.
    func patternMasks(for reference: TemplateReference) throws(CompareError) -> [PatternMask] {
        lock.lock()
        defer { lock.unlock() }
        if let cached = masks[reference.layout] { return cached }
        let built = try PatternMask.all(for: reference, atlas: atlas)
        masks[reference.layout] = built
        return built
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
