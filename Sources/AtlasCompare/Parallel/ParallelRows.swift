import Dispatch
import Foundation

/// Runs a loop over rows on every core, in contiguous pieces. Only for loops whose rows
/// each write their own part of the output and read shared input: the result is then the
/// very same as the serial loop's, only sooner (reading one drawing is a few such loops).
enum ParallelRows {
    /// Calls `body` with pieces of `0..<count` that together cover it once; runs serially
    /// when `count` is below twice `minimumPerPiece` or there is one core.
    static func forEach(_ count: Int, minimumPerPiece: Int = 32, _ body: (Range<Int>) -> Void) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let pieces = max(1, min(cores, count / max(1, minimumPerPiece)))
        guard pieces > 1 else {
            body(0..<count)
            return
        }
        withoutActuallyEscaping(body) { body in
            let work = Work(body: body)
            DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                work.body((count * piece / pieces)..<(count * (piece + 1) / pieces))
            }
        }
    }

    /// The loop body, handed to the workers: safe because the pieces write disjoint rows and
    /// `concurrentPerform` returns only when every piece is done.
    private struct Work: @unchecked Sendable {
        let body: (Range<Int>) -> Void
    }
}
