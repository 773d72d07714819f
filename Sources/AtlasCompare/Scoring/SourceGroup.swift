import AtlasModel

/// The three kinds of source the verdict weighs against each other. Families are grouped by
/// name so that families the atlas gains later fall in place without a change here.
public enum SourceGroup: String, Sendable, Codable, CaseIterable {
    /// Nerve-root (radicular) pain.
    case root
    /// A peripheral nerve caught on its way (e.g. the sciatic nerve in the deep gluteal space).
    case entrapment
    /// Somatic referred pain: muscles (trigger points), joints and discs.
    case referred

    /// The group of a family; nil for families that are not ranked (nerve courses without
    /// zones, dermatome maps of skin sensation).
    public init?(_ family: Family) {
        switch family.rawValue {
        case "radicular": self = .root
        case "entrapment": self = .entrapment
        case "myofascial", "articular", "discogenic": self = .referred
        default: return nil
        }
    }

    /// "a nerve root", for sentences.
    public var words: String {
        switch self {
        case .root: "a nerve root"
        case .entrapment: "a trapped nerve"
        case .referred: "a muscle or joint"
        }
    }
}
