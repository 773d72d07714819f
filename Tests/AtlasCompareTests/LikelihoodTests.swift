@testable import AtlasCompare
import Foundation
import Testing

/// The likelihood model's arithmetic, without any drawing.
@Suite("Likelihood model")
struct LikelihoodTests {
    static let rates = [ZoneRates.of(.root), ZoneRates.of(.entrapment), ZoneRates.of(.referred)]

    /// A trapped nerve's zones are rated as a muscle's or joint's: the root rates come from
    /// root-pain drawings against dermatomal maps (`ZoneRates`), and with them a drawn
    /// entrapment's leg band went to a muscle whose band is essential.
    @Test func aTrappedNerveIsRatedAsAMuscleNotAsARoot() {
        #expect(ZoneRates.of(.entrapment) == ZoneRates.of(.referred))
        #expect(ZoneRates.of(.entrapment).essential > ZoneRates.of(.root).essential)
    }

    @Test func narrowBandFullyDrawnBeatsBroadPatternBarelyTouched() {
        // The same 40 marked cells: all of a narrow root band, or a tenth of a broad field.
        let narrow = Likelihood.zone(marked: 40, blank: 0, rate: ZoneRates.of(.root).essential)
        let broad = Likelihood.zone(marked: 40, blank: 360, rate: ZoneRates.of(.referred).essential)
        #expect(narrow > broad, "narrow \(narrow), broad \(broad)")
        #expect(broad < 0, "a broad pattern barely touched explains the marks worse than chance")
    }

    @Test(arguments: [0, 5, 40], [0, 10, 200])
    func aPatternCannotGainByBeingLarger(marked: Int, blank: Int) {
        for rates in Self.rates {
            for rate in [rates.essential, rates.margin] {
                #expect(Likelihood.zone(marked: marked, blank: blank + 25, rate: rate) < Likelihood.zone(marked: marked, blank: blank, rate: rate))
            }
            let spillover = Likelihood.spillover(marked: marked, blank: blank, rate: rates.spillover).logLikelihood
            #expect(Likelihood.spillover(marked: marked, blank: blank + 25, rate: rates.spillover).logLikelihood <= spillover)
        }
    }

    @Test func markedZoneCellsGainAndBlankOnesCost() {
        for rates in Self.rates {
            for rate in [rates.essential, rates.spillover, rates.margin] {
                #expect(Likelihood.cell(marked: true, rate: rate) > 0)
                #expect(Likelihood.cell(marked: false, rate: rate) < 0)
            }
            #expect(rates.essential > rates.margin && rates.spillover > rates.margin && rates.margin > ZoneRates.elsewhere)
        }
    }

    @Test func aBlankSpilloverZoneCostsAtMostItsPrior() {
        // A patient without the spillover leaves it blank: that is no evidence against the source.
        let blank = Likelihood.spillover(marked: 0, blank: 5000, rate: 0.6)
        #expect(!blank.present)
        #expect(abs(blank.logLikelihood - log(1 - ZoneRates.spilloverShare)) < 1e-6)
        #expect(Likelihood.spillover(marked: 400, blank: 400, rate: 0.6).present)
    }

    @Test func sharesArePosteriorProbabilities() {
        let shares = Likelihood.shares([3, 1, -2, 3])
        #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
        #expect(shares[0] == shares[3] && shares[0] > shares[1] && shares[1] > shares[2])
        #expect(Likelihood.shares([]) == [])
        #expect(Likelihood.offsetToBackground(marked: 0, cells: 100) == 0)
    }
}
