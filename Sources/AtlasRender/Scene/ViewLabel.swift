import AtlasModel

extension BodyView {
    /// The view's name over its panel; a view drawn larger than the others says so
    /// ("Soles (enlarged 2×)"), so a reader does not take the soles for a giant's feet beside the legs.
    func panelLabel(_ phrases: Phrasebook) -> String {
        guard magnification != 1 else { return label }
        let times = magnification == magnification.rounded() ? "\(Int(magnification))" : "\(magnification)"
        return phrases.text(.viewMagnified, ["view": label, "times": times])
    }
}
