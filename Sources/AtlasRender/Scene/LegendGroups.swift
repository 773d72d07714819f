import AtlasModel

/// A long legend grouped by what its lines are about, each group under a heading: a figure
/// that sets muscles, joints, the disc, a trapped nerve and two roots side by side (why-leg-pain)
/// had twenty lines in one list, hard to scan for the one a panel uses. Short legends (a
/// render, a handout, a figure of one family) stay one plain list.
enum LegendGroups {
    /// Legends longer than this are grouped.
    static let longest = 12

    enum Group: CaseIterable {
        /// Referred pain: trigger points, joints, the disc, and the muscles drawn under them.
        case referred
        /// Nerve pain and the nerves: a trapped nerve, the roots, the nerve's course.
        case nerves
        /// Named spots and outlines drawn on the body.
        case marks
    }

    static func group(of symbol: LegendSymbol) -> Group {
        switch symbol {
        case .markRing, .markOutline, .markArea, .markSpot, .blank: .marks
        case .entrapmentCore, .entrapmentCommon, .entrapmentSome, .root, .radicular, .gap, .dermatome, .nerve, .deepNerve: .nerves
        default: .referred
        }
    }

    static func heading(_ group: Group, _ phrases: Phrasebook) -> String {
        switch group {
        case .referred: phrases.text(.legendGroupReferred)
        case .nerves: phrases.text(.legendGroupNerves)
        case .marks: phrases.text(.legendGroupMarks)
        }
    }

    /// The entries under their groups' headings (each group keeping its entries' order), when
    /// there are more than `longest` of them and more than one group; otherwise as they are.
    static func grouped(_ entries: [LegendEntry], phrases: Phrasebook) -> [LegendEntry] {
        guard entries.count > longest else { return entries }
        let present = Group.allCases.filter { group in entries.contains { Self.group(of: $0.symbol) == group } }
        guard present.count > 1 else { return entries }
        return present.flatMap { group in
            [LegendEntry(symbol: .heading, text: heading(group, phrases))] + entries.filter { Self.group(of: $0.symbol) == group }
        }
    }
}
