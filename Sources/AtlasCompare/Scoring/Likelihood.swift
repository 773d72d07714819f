import Foundation

/// The likelihood model behind the ranking, as pure arithmetic so it can be tested alone.
///
/// Each body cell of the scoring grid (about 5 mm) is marked or blank. Under the hypothesis
/// "the source is pattern X on side S", a cell is marked with the rate of its class
/// (`ZoneRates`: essential, spillover, margin, elsewhere). The log-likelihood is summed over
/// the cells that lie in the pattern's zones, relative to a pattern that explains nothing
/// (every cell at the elsewhere rate), so cells away from every zone cancel out. Then:
///
/// - a marked zone cell gains `log(p / p0)`, a blank one costs `log((1 - p) / (1 - p0))`:
///   a broad pattern pays for every zone cell the patient left blank, and enlarging a
///   pattern over blank skin can only lower its likelihood;
/// - neighbouring cells are not independent (a patient shades areas, not cells), so the sum
///   is tempered by `tempering`, a composite-likelihood adjustment: it counts about one
///   independent observation per `1 / tempering` cells, roughly a 3 cm square; whole
///   spillover zones share one hidden state (`spillover(marked:blank:rate:)`);
/// - the score shown is the log-likelihood ratio against a background model in which every
///   body cell is marked at the drawing's own rate (no place preferred).
public enum Likelihood {
    /// One independent observation per about 30 cells (a 3 cm square of body); set so the
    /// confidences are calibrated on the tuning set (the mean confidence of the first match
    /// is close to how often it is right).
    public static let tempering = 1.0 / 30

    /// The contribution of one cell of a zone with rate `rate`, untempered.
    @inline(__always)
    public static func cell(marked: Bool, rate: Double) -> Double {
        let p0 = ZoneRates.elsewhere
        return marked ? log(rate / p0) : log((1 - rate) / (1 - p0))
    }

    /// The tempered log-likelihood of a zone of `marked + blank` cells at `rate`, relative to
    /// the same cells at the elsewhere rate.
    public static func zone(marked: Int, blank: Int, rate: Double) -> Double {
        tempering * (Double(marked) * cell(marked: true, rate: rate) + Double(blank) * cell(marked: false, rate: rate))
    }

    /// The tempered log-likelihood of a spillover zone, whose cells share one hidden state
    /// (the patient has the spillover or not, `ZoneRates.spilloverShare`), summed over both
    /// states; and whether "has it" is the likelier state. The zone's margin ring
    /// (`ringMarked + ringBlank` cells at `ringRate`) goes with the same state: a patient who
    /// has the spillover may draw past its edge, one who has not has no reason to. `extra`
    /// (tempered) goes with the "has it" state too: what the zone's sensory marks add.
    /// `nearMarked + nearBlank` of the zone's cells lie in the essential zone's margin ring:
    /// in the "has it not" state they keep the margin rate `nearRate` (a mark just past the
    /// essential zone's edge is as well explained where a spillover zone begins as anywhere
    /// else around it), with `nearExtra` for their sensory marks.
    public static func spillover(marked: Int, blank: Int, rate: Double,
                                 ringMarked: Int = 0, ringBlank: Int = 0, ringRate: Double = ZoneRates.elsewhere, extra: Double = 0,
                                 nearMarked: Int = 0, nearBlank: Int = 0, nearRate: Double = ZoneRates.elsewhere,
                                 nearExtra: Double = 0) -> (logLikelihood: Double, present: Bool) {
        let share = ZoneRates.spilloverShare
        let present = log(share) + zone(marked: marked, blank: blank, rate: rate) + zone(marked: ringMarked, blank: ringBlank, rate: ringRate) + extra
        let absent = log(1 - share) + (nearMarked + nearBlank > 0 ? zone(marked: nearMarked, blank: nearBlank, rate: nearRate) + nearExtra : 0)
        let top = max(present, absent)
        return (top + log(exp(present - top) + exp(absent - top)), present > absent)
    }

    /// What the "explains nothing" reference scores against the background model, for a
    /// drawing of `marked` cells out of `cells` body cells: added to every pattern's
    /// log-likelihood it turns it into a ratio against the background.
    public static func offsetToBackground(marked: Int, cells: Int) -> Double {
        guard cells > 0, marked > 0, marked < cells else { return 0 }
        let q = Double(marked) / Double(cells), p0 = ZoneRates.elsewhere
        let m = Double(marked), n = Double(cells)
        return tempering * (m * log(p0 / q) + (n - m) * log((1 - p0) / (1 - q)))
    }

    /// Posterior shares from log-likelihoods (plus log-priors), summing to 1.
    public static func shares(_ logLikelihoods: [Double]) -> [Double] {
        guard let top = logLikelihoods.max() else { return [] }
        let weights = logLikelihoods.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }
}
