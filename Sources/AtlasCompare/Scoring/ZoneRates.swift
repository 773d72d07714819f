import AtlasModel

/// How likely a patient with a given source is to mark one grid cell (about 5 mm of body),
/// by where the cell lies relative to the source's pattern: the per-cell rates of the
/// likelihood model (`Likelihood`). Sources, and which figures are assumptions:
///
/// - essential: the zone "felt by nearly every patient" (Travell & Simons), but one drawing
///   covers only part of it: the same patient drawing twice agrees at Jaccard 0.4 to 0.75
///   (design.md section 4), so about 0.7 of the zone's cells (assumption within that range).
///   Nerve roots 0.6: composite root-pain drawings overlap published maps by about 50 to 80%
///   (Albert 2019; clinical-facts 9c).
/// - spillover: felt by "some patients" (T&S): a patient has it or not, so the whole
///   spillover zone shares one hidden state (spatial correlation handled by the region):
///   present with probability `spilloverShare` 0.4 (the sacroiliac joint's thigh and leg
///   layers are reported by 28 to 50%, Slipman 2000; the hip's thigh and leg by 16 to 57%,
///   Lesher 2008; addendum 1-2), and then its cells are marked at 0.6 (assumption: a little
///   below the essential rate, as patients draw a felt spillover less fully).
/// - entrapment: the rates of a referred pattern. Its essential zone is the buttock over the
///   sciatic notch, the commonest feature in the reviews (Hopayian 2010 and 2018; addendum 6),
///   and its thigh and calf are spillover. The root rates (0.6) rest on how root-pain
///   drawings overlap dermatomal maps (Albert 2019), which says nothing of a nerve trapped in
///   the buttock (assumption on that basis). With the root rates, a drawn entrapment's leg
///   band went to gluteus minimus (posterior part), whose band is essential: on the tuning
///   set (seeds 1 to 1200) that was the commonest confusion (11 drawings; 7 with these rates;
///   top-1 0.891 to 0.896, group 0.964 to 0.969, log loss 0.442 to 0.426).
/// - margin: a ring about 1 cm outside the essential zones; borders are estimates and pens
///   are broad: 0.15 (assumption). Roots 0.2: root pain is non-dermatomal in 64% (Murphy
///   2009), so it strays further from any map (assumption on that basis).
///   Where that ring runs into a spillover zone the patient does not have, its cells keep
///   the margin rate (`ZoneCells.spilloverNearParts`): a pen that runs past the essential
///   zone's edge is as well explained there as anywhere else round it. Before, those cells
///   fell to the elsewhere rate, so a drawing of a small essential zone that ran past its
///   edge into its own spillover went to a larger pattern whose essential zone took in the
///   overrun (gluteus medius, trigger point 2, to gluteus maximus, trigger point 2: 7 of the
///   tuning set's misses). Tuning seeds 1 to 800: top-1 0.914 to 0.945, top-3 0.974 to
///   0.984, group 0.974 unchanged, two sources 0.802 to 0.807, photo 0.915 to 0.925, log
///   loss 0.367 to 0.299.
/// - spillover margin: the same ring outside each spillover zone, counted only when the
///   patient has that spillover (it shares the zone's hidden state): 0.15, the margin rate
///   (assumption: a drawn spillover runs past its estimated border as an essential zone does;
///   without it the overrun of a drawn spillover was evidence for a second source). Tuning
///   seeds 1 to 800: top-1 0.886 to 0.909, top-3 0.966 to 0.976, group 0.961 to 0.972; 0.3
///   gave top-1 0.900. Roots use their margin rate (0.2) here too.
/// - elsewhere: stray marks: 0.01 (assumption; a third of drawings carry a stray mark of a
///   few cells, and more marks elsewhere are better explained by a second source).
public struct ZoneRates: Sendable, Equatable {
    public var essential: Double
    public var spillover: Double
    /// The chance that a patient with the source has its spillover at all.
    public static let spilloverShare = 0.4
    public var margin: Double
    /// The ring outside a spillover zone the patient has.
    public var spilloverMargin: Double

    /// The chance that a cell away from every zone of the source is marked.
    public static let elsewhere = 0.01

    public init(essential: Double, spillover: Double, margin: Double, spilloverMargin: Double? = nil) {
        self.essential = essential
        self.spillover = spillover
        self.margin = margin
        self.spilloverMargin = spilloverMargin ?? margin
    }

    /// The rates for a group of sources.
    public static func of(_ group: SourceGroup) -> ZoneRates {
        switch group {
        case .root: ZoneRates(essential: 0.6, spillover: 0.55, margin: 0.2)
        case .entrapment, .referred: ZoneRates(essential: 0.7, spillover: 0.6, margin: 0.15)
        }
    }

    /// The factor on a zone's rate for a cell marked with numbness or pins and needles
    /// rather than pain. Somatic referred pain has no neurological signs (Bogduk 2009, as for
    /// `DrawingFeatures`), so a muscle, joint or disc pattern explains a sensory mark less
    /// well than a pain mark in the same zone: 0.3 (assumption). Roots and a trapped nerve
    /// keep 1 (paraesthesia is typical of both; Bogduk 2009, Park 2016). The drawing-wide
    /// sensory feature says which kind of source the drawing leans to; this says which zone
    /// the sensory marks belong to, which matters when two sources are drawn (an S1 band in
    /// blue beside a buttock ache in red). Tuning seeds 1 to 800, no photos: both sources of
    /// a two-source drawing in the top 3 0.759 to 0.781, group 0.972 to 0.974, top-1 0.904
    /// to 0.905, top-3 0.976 to 0.974; factor 0.15 gave 0.775, 0.969 and 0.900. Held-out
    /// (400): unchanged (top-1 0.895, top-3 0.959, group 0.949, two sources 0.779).
    public static func sensoryFactor(_ group: SourceGroup) -> Double {
        switch group {
        case .referred: 0.3
        case .root, .entrapment: 1
        }
    }

    /// The rates of a drawing whose shaded areas are inked at `density` (`DrawingMarks.fillDensity`):
    /// the chance a cell is marked is the chance it lies in an area the patient shades
    /// (the rates above, for a drawing inked solid) times the chance the pen inks a cell of
    /// such an area, which is the drawing's own, the same under every hypothesis. Loosely
    /// hatched, a broad pattern's blank cells then say less against it, and the share of the
    /// drawing a pattern explains counts for more. The stray-mark rate is not scaled.
    /// Before, loose hatching covered a third or so of any zone, and a broad zone (the
    /// trapped nerve's buttock) beat the drawn one for paying the same per blank cell between
    /// the strokes as per blank cell of skin. Tuning seeds 1 to 800: top-1 0.945 to 0.959,
    /// top-3 0.984 to 0.990, group 0.974 to 0.984, side 0.987 unchanged, two sources 0.807
    /// to 0.802 (a hatched pair's second source gains less), photo 0.925 to 0.940 (verdict
    /// 0.945 to 0.980), log loss 0.299 to 0.241.
    public func inked(_ density: Double) -> ZoneRates {
        guard density < 1 else { return self }
        return ZoneRates(essential: essential * density, spillover: spillover * density, margin: margin * density,
                         spilloverMargin: spilloverMargin * density)
    }

    /// The fill density of `marked` cells in shaded areas of `shaded` cells, at least
    /// `minimumFill` so that a margin stays likelier than a stray mark.
    public static func fill(marked: Int, shaded: Int) -> Double {
        guard shaded > 0, marked > 0 else { return 1 }
        return max(minimumFill, min(1, Double(marked) / Double(shaded)))
    }

    /// The lowest fill density used (assumption: looser hatching than one cell in four is
    /// read as separate strokes anyway).
    public static let minimumFill = 0.25

    /// The rate of a cell class.
    public func rate(_ zone: CellClass) -> Double {
        switch zone {
        case .essential: essential
        case .spillover: spillover
        case .margin: margin
        case .elsewhere: Self.elsewhere
        }
    }
}

/// Where a cell lies relative to a pattern, most to least explained.
public enum CellClass: Int, Sendable, Comparable, CaseIterable {
    case elsewhere = 0, margin, spillover, essential

    public static func < (a: CellClass, b: CellClass) -> Bool { a.rawValue < b.rawValue }
}
