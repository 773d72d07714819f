import Foundation

/// The prior side of the model: how likely each kind of explanation is before the drawing
/// is looked at, and the temperature that calibrates the posterior shares.
///
/// - How many sources: most drawings come from one source; two at once (a gluteus medius ache
///   plus S1 root pain, say) are common in practice (issue 13) but no study of pain drawings
///   that we have gives a share, so one drawing in five with two sources and one in fifty
///   with three are assumptions. Each combination shares its number's prior with every other
///   combination of that size, so the many pairs do not win by being many (an Occam factor
///   that follows from the counts, not a tuned penalty).
/// - Which pattern: every pattern and side is equally likely. Entrapment is rarer in practice
///   (a trapped sciatic nerve in the deep gluteal space in 6 to 17% of sciatica patients, BMC
///   MSD 2023; piriformis syndrome in 0.3 to 6% of low back pain; addendum 6), but no study
///   gives the odds between the atlas's patterns. Halving the entrapment prior was tried on
///   the tuning set: it did not change the single-source ranking and lost pairs that include
///   a trapped nerve, so `entrapmentPrior` stays 1 until a prevalence study can set it.
public enum Priors {
    /// The assumed share of drawings with two sources, and with three.
    public static let twoSourceShare = 0.2, threeSourceShare = 0.02
    /// The prior of an entrapment pattern relative to any other pattern.
    public static let entrapmentPrior = 1.0

    /// The log prior odds of one pattern of `group` against a pattern of the commonest kind.
    public static func logPrior(_ group: SourceGroup) -> Double {
        switch group {
        case .entrapment: log(entrapmentPrior)
        case .root, .referred: 0
        }
    }

    /// The log prior of one particular combination of `size` sources out of `candidates`
    /// single candidates and `combinations` combinations of that size, relative to one
    /// particular single source.
    public static func logCombinationPrior(size: Int, candidates: Int, combinations: Int) -> Double {
        guard size > 1, candidates > 0, combinations > 0 else { return 0 }
        let single = 1 - twoSourceShare - threeSourceShare
        let share = size == 2 ? twoSourceShare : threeSourceShare
        return log(share / single) - log(Double(combinations) / Double(candidates))
    }

    /// Divides every log-likelihood (not the priors) before the shares are taken: the
    /// likelihood counts cells as if fewer neighbours agreed than do, so the raw shares are
    /// too sure; a prior counts nothing twice, so it is not softened. (Softening the priors
    /// too, as before, let the combinations' Occam factor shrink to a third: on the tuning
    /// set, tempering the likelihood alone raised two sources in the top 3 from 0.761 to
    /// 0.783 and the verdict from 0.834 to 0.893 right, top-1 and top-3 unchanged.) Fitted on the
    /// tuning set (seeds 1 to 400) so that the mean confidence of the first match is close to
    /// how often it is right; `atlas-eval calibrate` refits it and prints the reliability.
    /// Fitted value 2.5, refitted when the priors stopped being tempered: at 2, 2.5 and 3 the
    /// tuning set's mean top confidence was 0.908, 0.891 and 0.875 against 0.890 to 0.896
    /// right, and the log loss of the true source 0.424, 0.407 and 0.404 per drawing.
    /// (With tempered priors: 1, 2, 3 and 5 gave 0.94, 0.90, 0.87 and 0.83 against 0.86 to
    /// 0.87 right, log loss 0.56, 0.42, 0.39 and 0.41.) Refitted to 2 after the spillover
    /// cells beside an essential zone kept the margin rate and the rates followed the fill
    /// density (`ZoneRates`), which made the first match right more often than its
    /// confidence said: at 1.5, 2 and 2.5 the mean top confidence was 0.933, 0.922 and 0.909
    /// against 0.971 to 0.974 right, and the log loss 0.214, 0.206 and 0.211 per drawing (the
    /// log loss, a proper score, chooses 2; lower temperatures are no better calibrated).
    /// Tuning seeds 1 to 800 at 2 against 2.5: top-1, top-3, group, side and photo unchanged
    /// (0.959, 0.990, 0.984, 0.987, 0.940), two sources 0.802 to 0.807, photo verdict 0.980 to
    /// 0.975, log loss 0.241 to 0.234.
    public static let temperature = 2.0

    /// Posterior shares of hypotheses from their log posteriors, at `temperature`.
    public static func shares(_ logPosteriors: [Double], temperature: Double = Self.temperature) -> [Double] {
        Likelihood.shares(logPosteriors.map { $0 / max(temperature, 1e-6) })
    }
}
