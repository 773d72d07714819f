import AtlasModel

/// A blank chart `referral-atlas template` prints: one view, or all four side by side.
public struct TemplateLayout: Sendable, Hashable {
    /// The views, left to right.
    public let views: [ViewID]

    /// `all`, or the view's name, as `template --view` spells it.
    public var name: String { views.count > 1 ? "all" : views.first?.rawValue ?? "none" }

    /// Every layout the tool prints; a drawing is tried against each.
    public static let candidates: [TemplateLayout] =
        [TemplateLayout(views: ViewID.allCases)] + ViewID.allCases.map { TemplateLayout(views: [$0]) }

    /// The width at which the layout is analysed: the template command's own default widths,
    /// which give both layouts about 0.75 pixels per body millimetre.
    var referenceWidth: Int { views.count > 1 ? 2400 : 600 }
}
