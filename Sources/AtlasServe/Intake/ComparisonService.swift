import AtlasCompare
import AtlasModel
import AtlasRender
import Foundation

/// Runs comparisons, which are CPU-bound and synchronous, on their own threads, as many at
/// once as the machine has cores: the server's event loops never wait on them, and a burst
/// of submissions queues instead of thrashing.
final class ComparisonService: Sendable {
    let comparator: DrawingComparator
    private let queue = DispatchQueue(label: "referral-atlas.compare", attributes: .concurrent)
    private let slots: DispatchSemaphore

    init(atlas: Atlas) throws(ServeError) {
        do {
            comparator = try DrawingComparator(atlas: atlas)
        } catch {
            throw .atlas(error.description)
        }
        slots = DispatchSemaphore(value: max(1, ProcessInfo.processInfo.activeProcessorCount))
    }

    func run<T: Sendable>(_ work: @escaping @Sendable (DrawingComparator) throws(CompareError) -> T) async throws(CompareError) -> T {
        let result: Result<T, CompareError> = await withCheckedContinuation { continuation in
            queue.async { [slots, comparator] in
                slots.wait()
                defer { slots.signal() }
                do throws(CompareError) {
                    continuation.resume(returning: .success(try work(comparator)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    /// Compares strokes drawn on screen.
    func compare(_ drawing: CheckedDrawing, name: String) async throws(CompareError) -> DrawingAnalysis {
        try await run { comparator throws(CompareError) in
            try comparator.analyse(strokes: drawing.strokes, views: drawing.chart.views, name: name)
        }
    }

    /// The overlay picture of a stored drawing (drawn again from its strokes: it is not stored).
    func overlayPNG(_ drawing: CheckedDrawing, name: String) async throws(CompareError) -> [UInt8] {
        try await run { comparator throws(CompareError) in
            let analysis = try comparator.analyse(strokes: drawing.strokes, views: drawing.chart.views, name: name)
            let image = try comparator.overlay(for: analysis)
            do {
                return try PNGCodec.encode(image, opaque: true, dpi: 150, metadata: [("Title", "Pain drawing compared with the atlas")])
            } catch {
                throw CompareError.internalFailure("cannot encode the overlay: \(error)")
            }
        }
    }

    /// Reads and compares an uploaded image.
    func compare(image bytes: [UInt8], name: String) async throws(CompareError) -> DrawingAnalysis {
        try await run { comparator throws(CompareError) in try comparator.analyse(bytes: bytes, name: name) }
    }
}
