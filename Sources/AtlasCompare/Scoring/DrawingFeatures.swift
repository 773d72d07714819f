import AtlasModel
import Foundation

/// What a drawing says about the kind of source beyond where its marks are: the shape of
/// the leg marks and the sensory symptoms. Each is a likelihood ratio for a group of sources
/// against somatic referral, the same for every pattern of the group, so the ranking and the
/// verdict weigh it alike. The ratios are assumptions grounded in the literature cited.
struct DrawingFeatures: Sendable, Equatable {
    /// One piece of evidence: which groups it favours and by how much (natural log).
    struct Feature: Sendable, Equatable {
        var text: String
        /// Log likelihood ratio per group (absent: 0).
        var logRatios: [SourceGroup: Double]
    }

    var features: [Feature]

    /// Numbness or pins and needles on the leg: paraesthesia is typical of radicular pain and
    /// somatic referred pain has no neurological signs (Bogduk 2009); nerve entrapment in the
    /// deep gluteal space also gives dysaesthesia (Park 2016). Ratio 4 for a root, 3 for an
    /// entrapment (assumptions). Weighted by how much is marked: full weight from a tenth of
    /// the drawing, none below 3 cells, so a few cells never decide.
    static let sensoryRootRatio = 4.0, sensoryEntrapmentRatio = 3.0
    /// Root pain runs in a narrow band, no more than about 5 cm wide (Bogduk, via the
    /// addendum 0.3): ratio 2 for a band up to 5 cm, 1/2 for leg marks 10 cm wide or more,
    /// log-linear between (assumptions).
    static let bandRatio = 2.0, narrowBand = 50.0, wideBand = 100.0

    init(features: [Feature]) { self.features = features }

    init(sensoryCells: Int, markedCells: Int, symptoms: [Symptom], parts: [BodyPart], legBandWidth: Double?) {
        var features: [Feature] = []
        if sensoryCells >= 3 {
            let weight = min(1, Double(sensoryCells) / max(6, 0.1 * Double(markedCells)))
            features.append(Feature(text: "\(Phrase.list(symptoms.map(\.words))) marked on the \(Phrase.list(parts.map(\.words)))",
                                    logRatios: [.root: weight * log(Self.sensoryRootRatio),
                                                .entrapment: weight * log(Self.sensoryEntrapmentRatio)]))
        }
        if let width = legBandWidth {
            let t = min(1, max(0, (width - Self.narrowBand) / (Self.wideBand - Self.narrowBand)))
            let ratio = log(Self.bandRatio) * (1 - 2 * t)
            let cm = Int((width / 10).rounded())
            if ratio > 0.05 {
                features.append(Feature(text: "the leg marks form a narrow band (about \(cm) cm wide)", logRatios: [.root: ratio]))
            } else if ratio < -0.05 {
                features.append(Feature(text: "the leg marks are broad (about \(cm) cm wide), not a narrow band", logRatios: [.root: ratio]))
            }
        }
        self.features = features
    }

    init(locations: MarkLocations) {
        let sensory = locations.cells.filter { $0.sensory && $0.part.isThighOrBelow }
        let symptoms = Symptom.allCases.filter { s in sensory.contains { $0.sensoryKinds.contains(s) } }
        self.init(sensoryCells: sensory.count, markedCells: locations.cells.count, symptoms: symptoms,
                  parts: Set(sensory.map(\.part)).sorted(), legBandWidth: locations.legBandWidth)
    }

    /// The log likelihood ratio every pattern of `group` gains.
    func logRatio(for group: SourceGroup) -> Double {
        features.reduce(0) { $0 + ($1.logRatios[group] ?? 0) }
    }
}
