/// Every sentence the pictures and handouts print, so that a translation is a data file
/// (`Atlas/text/<lang>.yaml`), not code. English is built in and shipped as `text/en.yaml`.
public struct Phrasebook: Sendable, Equatable, Codable {
    public enum Key: String, Sendable, CaseIterable, Codable {
        case disclaimer
        case templateTitle = "template-title"
        case templateInstructions = "template-instructions"
        case templateNameDate = "template-name-date"
        case templateScaleBar = "template-scale-bar"
        case markPain = "mark-pain"
        case markNumbness = "mark-numbness"
        case markTingling = "mark-tingling"
        case templateWhereAll = "template-where-all"
        case templateWhereBackFront = "template-where-back-front"
        case templateWhereBack = "template-where-back"
        case templateWhereFront = "template-where-front"
        case templateWhereRightSide = "template-where-right-side"
        case templateWhereLeftSide = "template-where-left-side"
        case templateBackLabel = "template-back-label"
        case templateFrontLabel = "template-front-label"
        case sideYourRight = "side-your-right"
        case sideYourRightSole = "side-your-right-sole"
        case sideYourLeftSole = "side-your-left-sole"
        case templateSolesLabel = "template-soles-label"
        case solesSeenFromBelow = "soles-seen-from-below"
        case dermatomeGreyscale = "dermatome-greyscale"
        case sideYourLeft = "side-your-left"
        case sideYourRightSide = "side-your-right-side"
        case sideYourLeftSide = "side-your-left-side"
        case legendTriggerPoint = "legend-trigger-point"
        case legendEssentialMuscle = "legend-essential-muscle"
        case legendEssentialOther = "legend-essential-other"
        case legendSpillover = "legend-spillover"
        case legendJointMost = "legend-joint-most"
        case legendJointHalf = "legend-joint-half"
        case legendJointSome = "legend-joint-some"
        case legendJointFew = "legend-joint-few"
        case legendDiscMost = "legend-disc-most"
        case legendDiscSome = "legend-disc-some"
        case legendMostMerged = "legend-most-merged"
        case legendSomeMerged = "legend-some-merged"
        case legendMostCounted = "legend-most-counted"
        case legendSomeCounted = "legend-some-counted"
        case legendStudiesJoint = "legend-studies-joint"
        case legendStudiesDisc = "legend-studies-disc"
        case legendStudiesBoth = "legend-studies-both"
        case legendEntrapmentCore = "legend-entrapment-core"
        case legendEntrapmentCommon = "legend-entrapment-common"
        case legendEntrapmentSome = "legend-entrapment-some"
        case legendUnsplit = "legend-unsplit"
        case legendDermatome = "legend-dermatome"
        case legendRadicular = "legend-radicular"
        case legendRoot = "legend-root"
        case legendGap = "legend-gap"
        case legendNerve = "legend-nerve"
        case legendDeepNerve = "legend-deep-nerve"
        case legendMuscle = "legend-muscle"
        case legendAnatomy = "legend-anatomy"
        case legendAnatomyTendons = "legend-anatomy-tendons"
        case legendAnatomyInset = "legend-anatomy-inset"
        case legendAnatomyInsetTendons = "legend-anatomy-inset-tendons"
        case legendAnatomyHidden = "legend-anatomy-hidden"
        case legendGroupReferred = "legend-group-referred"
        case legendGroupNerves = "legend-group-nerves"
        case legendGroupMarks = "legend-group-marks"
        case legendAnatomyHiddenTendons = "legend-anatomy-hidden-tendons"
        case insetCaptionOne = "inset-caption-one"
        case insetCaptionMany = "inset-caption-many"
        case insetCaptionTheirOne = "inset-caption-their-one"
        case insetCaptionTheirMany = "inset-caption-their-many"
        case insetCaptionBare = "inset-caption-bare"
        case insetCaptionSome = "inset-caption-some"
        case insetOnePoint = "inset-one-point"
        case insetFromBehind = "inset-from-behind"
        case insetFromFront = "inset-from-front"
        case insetFromRight = "inset-from-right"
        case insetFromLeft = "inset-from-left"
        case legendBlank = "legend-blank"
        case familyMyofascial = "family-myofascial"
        case familyArticular = "family-articular"
        case familyDiscogenic = "family-discogenic"
        case familyEntrapment = "family-entrapment"
        case familyRadicular = "family-radicular"
        case familyNeural = "family-neural"
        case familyDermatome = "family-dermatome"
        case sideRight = "side-right"
        case sideLeft = "side-left"
        case sideBoth = "side-both"
        case drawnBy = "drawn-by"
        case handoutAbout = "handout-about"
        case handoutFeel = "handout-feel"
        case handoutAid = "handout-aid"
        case handoutSources = "handout-sources"
        case handoutSideNote = "handout-side-note"
        case handoutSideNoteLeft = "handout-side-note-left"
        case handoutSideNoteMap = "handout-side-note-map"
        case handoutClinic = "handout-clinic"
        case handoutContinued = "handout-continued"
        case handoutOverleaf = "handout-overleaf"
        case handoutPart = "handout-part"
        case sourceCaption = "source-caption"
        case splitUnconfirmed = "split-unconfirmed"
        case seeOtherView = "see-other-view"
        case notVisibleInViews = "not-visible-in-views"
        case triggerPointsCount = "trigger-points-count"
        case viewMagnified = "view-magnified"
    }

    public var language: String
    public var phrases: [Key: String]
    /// Translated pattern names, descriptions and "what you may feel" lists, by pattern id.
    public var patterns: [String: PatternText]

    public struct PatternText: Sendable, Equatable, Codable {
        public var name: String?
        public var description: String?
        public var feel: [String]?
    }

    public init(language: String = "en", phrases: [Key: String] = [:], patterns: [String: PatternText] = [:]) {
        self.language = language
        self.phrases = phrases
        self.patterns = patterns
    }

    /// The phrase for `key`, with `{name}` placeholders filled in.
    public func text(_ key: Key, _ values: [String: String] = [:]) -> String {
        var result = phrases[key] ?? Self.english[key] ?? key.rawValue
        for (name, value) in values { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }

    public func name(of pattern: Pattern) -> String { patterns[pattern.id]?.name ?? pattern.name }
    public func description(of pattern: Pattern) -> String { patterns[pattern.id]?.description ?? pattern.description }
    public func feel(of pattern: Pattern) -> [String] { patterns[pattern.id]?.feel ?? pattern.feel }

    public static let english: [Key: String] = [
        .disclaimer: "An aid to a conversation with your clinician, not a diagnosis.",
        .templateTitle: "Pain drawing: where do you feel it?",
        .templateInstructions: "Shade every area where you feel symptoms, {where}. Draw each feeling with its pattern below; one pen is fine, though coloured pens let a scan tell the feelings apart.",
        .templateNameDate: "Name ____________________    Date ____________",
        .templateScaleBar: "Print at actual size (100%): this bar is 5 cm",
        .markPain: "Pain: shade it in (red)",
        .markNumbness: "Numbness: lines (blue)",
        .markTingling: "Pins and needles: circles (green)",
        .templateWhereAll: "on the front, the back and both sides",
        .templateWhereBackFront: "on the back and the front",
        .templateWhereBack: "on the back",
        .templateWhereFront: "on the front",
        .templateWhereRightSide: "on your right side",
        .templateWhereLeftSide: "on your left side",
        .templateBackLabel: "Back (seen from behind)",
        .templateFrontLabel: "Front (facing you)",
        .sideYourRight: "Your right",
        .sideYourRightSole: "Your right sole",
        .sideYourLeftSole: "Your left sole",
        .templateSolesLabel: "Soles (seen from below)",
        .solesSeenFromBelow: "The soles are seen from below, so your right sole (R) is on the left and your left sole (L) on the right.",
        .dermatomeGreyscale: "For black-and-white printing use --style print-greyscale, which keeps the bands apart (some colours, such as S1's pale pink, vanish in grey).",
        .sideYourLeft: "Your left",
        .sideYourRightSide: "Your right side",
        .sideYourLeftSide: "Your left side",
        .legendTriggerPoint: "Trigger point",
        .legendEssentialMuscle: "Essential zone: felt by nearly everyone with this trigger point",
        .legendEssentialOther: "Essential zone: where most people with this source feel it",
        .legendSpillover: "Spillover zone: felt by some",
        .legendJointMost: "Joint: where most people in injection studies felt it",
        .legendJointHalf: "Joint: felt by about half of patients",
        .legendJointSome: "Joint: felt by some patients",
        .legendJointFew: "Joint: felt by a few patients",
        .legendDiscMost: "Disc: commonest area (textbook description)",
        .legendDiscSome: "Disc: further, when the pain is stronger",
        .legendMostMerged: "Essential zone (trigger point), or where most patients felt it ({which})",
        .legendSomeMerged: "Spillover zone (trigger point), or felt by some patients ({which})",
        .legendMostCounted: "Where most patients felt it ({which})",
        .legendSomeCounted: "Felt by some patients ({which})",
        .legendStudiesJoint: "joint injection studies",
        .legendStudiesDisc: "disc stimulation studies",
        .legendStudiesBoth: "joint injection or disc stimulation studies",
        .legendEntrapmentCore: "Nerve entrapment: where most people feel it",
        .legendEntrapmentCommon: "Nerve entrapment: commonly felt",
        .legendEntrapmentSome: "Nerve entrapment: felt by some",
        .legendUnsplit: "Where pain is felt (essential/spillover split not confirmed)",
        .legendDermatome: "{root} dermatome",
        .legendRadicular: "Radicular zone: pain from an irritated nerve root",
        .legendRoot: "{root} root: pain from an irritated {root} nerve root",
        .legendGap: "No consistent evidence for one root",
        .legendNerve: "Nerve",
        .legendDeepNerve: "Nerve running deep (inside the pelvis or under a muscle)",
        .legendMuscle: "Muscle (outline)",
        .legendAnatomy: "Muscle, with fibre lines, beneath the zones (dashed: deep); bones grey",
        .legendAnatomyTendons: "Muscle, with fibre lines, beneath the zones (dashed: deep); {tendons} and bones grey",
        .legendAnatomyInset: "Muscle, with fibre lines, beneath the zones (dashed: deep) and alone in the framed picture; bones grey",
        .legendAnatomyInsetTendons: "Muscle, with fibre lines, beneath the zones (dashed: deep) and alone in the framed picture; {tendons} and bones grey",
        .legendAnatomyHidden: "Muscle, with fibre lines, beneath the zones (dashed: deep; hidden where a zone is solid); bones grey",
        .legendGroupReferred: "Referred pain: muscles, joints, disc",
        .legendGroupNerves: "Nerve pain and nerves",
        .legendGroupMarks: "Marked on the body",
        .legendAnatomyHiddenTendons: "Muscle, with fibre lines, beneath the zones (dashed: deep; hidden where a zone is solid); {tendons} and bones grey",
        .insetCaptionOne: "{muscle} and its trigger point, seen {from}",
        .insetCaptionMany: "{muscle} and its trigger points, seen {from}",
        .insetCaptionTheirOne: "{muscle} and their trigger point, seen {from}",
        .insetCaptionTheirMany: "{muscle} and their trigger points, seen {from}",
        .insetCaptionBare: "{muscle}, seen {from}",
        .insetCaptionSome: "{muscle} with {points}, seen {from}",
        .insetOnePoint: "one trigger point",
        .insetFromBehind: "from behind",
        .insetFromFront: "from the front",
        .insetFromRight: "from the right side",
        .insetFromLeft: "from the left side",
        .legendBlank: "Blank skin: roots this map does not show (L1-L2, S3-S5)",
        .familyMyofascial: "referred pain from muscle trigger points",
        .familyArticular: "referred pain from a joint",
        .familyDiscogenic: "referred pain from a disc (not nerve-root pain)",
        .familyEntrapment: "nerve entrapment in the buttock (not nerve-root pain)",
        .familyRadicular: "nerve pain (radicular)",
        .familyNeural: "nerve course",
        .familyDermatome: "dermatome map: skin supplied mainly by each nerve root; borders vary between people",
        .sideRight: "patient's right side",
        .sideLeft: "patient's left side",
        .sideBoth: "both sides",
        .drawnBy: "Drawn by referral-atlas: {atlas}.",
        .handoutAbout: "About this pattern",
        .handoutFeel: "What you may feel",
        .handoutAid: "This sheet is for education. It cannot tell what causes your pain: your practitioner will examine you and talk it through with you.",
        .handoutSources: "Sources",
        .handoutSideNote: "Drawn on the right side; the same pattern can appear on the left.",
        .handoutSideNoteLeft: "Drawn on the left side; the same pattern can appear on the right.",
        .handoutSideNoteMap: "Everyone has this map on both sides of the body; one side is shown.",
        .handoutClinic: "Given to you by",
        .handoutContinued: "continued",
        .handoutOverleaf: "Continued on the next page.",
        .handoutPart: "Pattern {number} of {count} in this handout, each drawn on its own page: {names}.",
        .sourceCaption: "After {source} ({fidelity})",
        .splitUnconfirmed: "essential/spillover split not confirmed",
        .seeOtherView: "{label}: see {view}",
        .notVisibleInViews: "{label}: shown in the {view} only, not visible in the {others}",
        .triggerPointsCount: "{count} trigger points",
        .viewMagnified: "{view} (enlarged {times}×)",
    ]
}
