import Foundation

/// Marks do not sit exactly where the chart's zones are: a patient draws from memory on a
/// small outline, the hand wanders, and the chart is registered to within a fraction of a
/// millimetre of paper (a few millimetres of body on the four-view chart). A zone edge
/// that falls a cell away from the drawn edge should not decide between two patterns whose
/// zones overlap (the buttock look-alikes), so each pattern's likelihood is averaged over
/// small shifts of all its zones together:
///
///     log L = log sum_s w(s) L(s)
///
/// over shifts of up to one cell (about 5 mm of body) in each direction, with weights of a
/// discrete Gaussian of one cell's standard deviation (an assumption: a placement error of
/// about half a centimetre either way; larger errors are what the margin ring is for). The
/// ranking, the combinations and the verdict's reasons then use each pattern at its most
/// likely shift; the figures shown (precision, coverage) are those of the zones as drawn.
enum PlacementError {
    /// A shift of a pattern's zones, in grid cells.
    struct Shift: Sendable, Equatable {
        var dx: Int
        var dy: Int
        static let none = Shift(dx: 0, dy: 0)
    }

    /// Standard deviation of the placement error, in cells (assumption, see above).
    static let sigma = 1.0

    /// The shifts considered, no shift first.
    static let shifts: [Shift] = {
        var all = [Shift.none]
        for dy in -1...1 { for dx in -1...1 where dx != 0 || dy != 0 { all.append(Shift(dx: dx, dy: dy)) } }
        return all
    }()

    /// The log weight of each of `shifts`, summing (as weights) to 1.
    static let logWeights: [Double] = {
        let raw = shifts.map { -Double($0.dx * $0.dx + $0.dy * $0.dy) / (2 * sigma * sigma) }
        let top = raw.max() ?? 0
        let total = log(raw.reduce(0) { $0 + exp($1 - top) }) + top
        return raw.map { $0 - total }
    }()

    /// The index of `cell` (row-major, `width` x `height`) moved by `shift`, or nil off the grid.
    @inline(__always)
    static func moved(_ cell: Int, by shift: Shift, width: Int, height: Int) -> Int? {
        if shift == .none { return cell }
        let x = cell % width + shift.dx, y = cell / width + shift.dy
        guard x >= 0, x < width, y >= 0, y < height else { return nil }
        return y * width + x
    }

    /// log sum_s w(s) exp(l(s)), for `logLikelihoods` given in the order of `shifts`.
    static func marginal(_ logLikelihoods: [Double]) -> Double {
        let terms = zip(logLikelihoods, logWeights).map { $0 + $1 }
        guard let top = terms.max() else { return 0 }
        return top + log(terms.reduce(0) { $0 + exp($1 - top) })
    }
}
