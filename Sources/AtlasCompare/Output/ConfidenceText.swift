/// How a match's confidence is shown to people, the same in the text report, the overlay and
/// the clinic's pages.
///
/// A match's confidence is its own chance of being one of the drawing's sources. A drawing can
/// have two sources, so a column of them need not add up to 100% (the first at 97% and a
/// second at 40% is a likely pair, not a contradiction); the explanations are the figures that
/// share one whole. Never "100%": the model is never certain, and the figure is rounded.
public enum ConfidenceText {
    /// The column heading.
    public static let heading = "chance it is a source"

    /// What the column means, under a table of matches.
    public static let note = "Chance it is a source: each pattern's own chance of being one of the drawing's sources. A drawing can have two, so the column need not add up to 100%; the explanations share one whole."

    /// ">99%", "<1%", or a whole percentage.
    public static func percent(_ share: Double) -> String {
        if share >= 0.995 { return ">99%" }
        if share < 0.005 { return "<1%" }
        return "\(Int((share * 100).rounded()))%"
    }
}
