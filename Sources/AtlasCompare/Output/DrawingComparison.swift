import AtlasModel

/// How a drawing's chart was found and how well it lines up.
public struct RegistrationReport: Sendable, Codable, Equatable {
    /// `corner-marks` (the printed corner marks and code) or `body-outline` (the printed
    /// body lines, when the marks are cut off, too few or unreadable).
    public var method: RegistrationMethod
    /// Why the corner marks were not used, when they were not.
    public var fallbackReason: String?
    /// Corner marks found, 0 to 4.
    public var cornerMarksFound: Int
    /// The paper the chart was printed for, `a4` or `letter`, as its code says; absent when
    /// the chart was found by its outline (both papers draw the bodies alike).
    public var paper: String?
    /// Page millimetres to pixels of the image as given, row-major 3 x 3; absent when the
    /// chart was found by its outline.
    public var pageToImage: [Double]?
    /// Mean distance of the chart's printed lines from where registration put them, in
    /// millimetres of the printed page: the registration error.
    public var residualMillimetres: Double
    /// Share of the chart's printed lines found in the drawing.
    public var linesFound: Double
    /// For a chart found by its corner marks: how far lining up its printed outline moved
    /// it from where the marks alone put it, at worst over the bodies, in page millimetres.
    public var marksToOutlineMillimetres: Double?
}

/// The marked area as a share of the chart's body area, as pain-drawing studies report it.
public struct Extent: Sendable, Codable, Equatable {
    /// All marks over all body views, in percent.
    public var total: Double
    /// Per view (`posterior`, ...), in percent.
    public var views: [String: Double]
    /// Per symptom (`pain`, `numbness`, `pins-and-needles`), in percent of all body views.
    public var symptoms: [String: Double]
}

/// Everything the comparison says about one drawing.
public struct DrawingComparison: Sendable, Codable, Equatable {
    /// The drawing's file name (or the name it was given).
    public var drawing: String
    /// The chart it was drawn on: `all` or a view name (the paper is in `registration`).
    public var template: String
    /// The template's views, left to right.
    public var views: [ViewID]
    /// Where the drawing was placed on the template, and how well its lines match.
    public var registration: RegistrationReport
    /// The marked area as a share of the body chart.
    public var extentPercent: Extent
    /// Where the marks are, per side.
    public var areas: [MarkedArea]
    /// Radicular, referred or cannot tell, with the reasons.
    public var leaning: Leaning
    /// Every pattern and side with any mark in its zones, most probable source first.
    public var matches: [PatternMatch]
    /// The best explanations by one, two or three sources at once, most probable first.
    public var explanations: [Explanation]
    /// Things worth knowing about how the drawing was read.
    public var notes: [String]
    /// The plain-words summary, ending with the disclaimer.
    public var summary: String
    /// `DrawingComparison.disclaimer`, so that no output lacks it.
    public var disclaimer: String
    /// The summary's sentences, for layouts that set them on lines of their own.
    public var summarySentences: [String]

    enum CodingKeys: String, CodingKey {
        case drawing, template, views, registration, extentPercent, areas, leaning, matches, explanations, notes, summary, disclaimer
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        drawing = try c.decode(String.self, forKey: .drawing)
        template = try c.decode(String.self, forKey: .template)
        views = try c.decode([ViewID].self, forKey: .views)
        registration = try c.decode(RegistrationReport.self, forKey: .registration)
        extentPercent = try c.decode(Extent.self, forKey: .extentPercent)
        areas = try c.decode([MarkedArea].self, forKey: .areas)
        leaning = try c.decode(Leaning.self, forKey: .leaning)
        matches = try c.decode([PatternMatch].self, forKey: .matches)
        explanations = try c.decode([Explanation].self, forKey: .explanations)
        notes = try c.decode([String].self, forKey: .notes)
        summary = try c.decode(String.self, forKey: .summary)
        disclaimer = try c.decode(String.self, forKey: .disclaimer)
        summarySentences = [summary]
    }

    init(drawing: String, template: String, views: [ViewID], registration: RegistrationReport, extentPercent: Extent,
         areas: [MarkedArea], leaning: Leaning, matches: [PatternMatch], explanations: [Explanation], notes: [String],
         summarySentences: [String]) {
        self.drawing = drawing
        self.template = template
        self.views = views
        self.registration = registration
        self.extentPercent = extentPercent
        self.areas = areas
        self.leaning = leaning
        self.matches = matches
        self.explanations = explanations
        self.notes = notes
        self.summarySentences = summarySentences
        summary = summarySentences.joined(separator: " ")
        disclaimer = Self.disclaimer
    }

    /// Said by every output of the comparison.
    public static let disclaimer = "This comparison is an aid to a conversation with a clinician, not a diagnosis."
}
