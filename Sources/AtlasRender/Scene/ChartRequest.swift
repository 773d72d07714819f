import AtlasModel

/// What a chart picture should show: a blank template or rendered patterns.
public struct ChartRequest: Sendable {
    public enum Kind: Sendable { case template, render }

    public var kind: Kind
    public var views: [ViewID]
    public var patterns: [Pattern] = []
    public var sides: [Side] = [.right]
    public var width: Int = 1200
    public var dpi: Double = 150
    /// The page a template is printed on (templates only; `width` is the page's width).
    public var paper: Paper = .a4
    /// Body only: no title, legend or footer text (the body sits where it always does).
    public var bare = false
    public var landmarks = false
    /// Bones and the patterns' muscles under the zones (never on blank templates).
    public var anatomy = true
    /// How much of the body each panel frames (rendered charts; blank charts are always whole).
    public var region: BodyRegion = .full
    public var style = Style.default
    public var title: String? = nil
    /// The language of every printed sentence.
    public var phrases = Phrasebook()

    public init(kind: Kind, views: [ViewID]) {
        self.kind = kind
        self.views = views
    }
}

extension ChartRequest {
    /// The framing a render gets when none is asked for: a dermatome map is a plate of the
    /// leg, so it frames the lower quarter (waist to toes, large); everything else the whole
    /// body.
    public static func defaultRegion(for patterns: [Pattern]) -> BodyRegion {
        !patterns.isEmpty && patterns.allSatisfy { $0.family == .dermatome } ? .lowerQuarter : .full
    }
}
