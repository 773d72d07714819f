import AtlasModel

/// Legend lines for the shaded referral zones, worded by family: T&S's essential/spillover
/// for trigger points, "most / some patients" for joint and disc maps (injection studies
/// count patients), a separate hatch for a nerve entrapment, and one tone with a flag where
/// the split is not confirmed.
enum ZoneLegend {
    static func entries(_ placed: [PlacedPattern], phrases: Phrasebook) -> [LegendEntry] {
        func has(_ tone: ZoneTone, _ kind: ZoneKind?, where family: (Family) -> Bool = { _ in true }) -> Bool {
            placed.contains { p in
                ZoneTone.of(p.pattern) == tone && family(p.pattern.family) && p.zones.contains { kind == nil || $0.kind == kind }
            }
        }
        let muscle: (Family) -> Bool = { !$0.mapsFromPatientCounts }
        let counted: (Family) -> Bool = { $0.mapsFromPatientCounts }
        var entries: [LegendEntry] = []
        if has(.byKind, .essential, where: muscle) {
            let muscleOnly = placed.filter { ZoneTone.of($0.pattern) == .byKind && muscle($0.pattern.family) && $0.zones.contains { $0.kind == .essential } }
                .allSatisfy { $0.pattern.family == .myofascial }
            entries.append(LegendEntry(symbol: .essential, text: phrases.text(muscleOnly ? .legendEssentialMuscle : .legendEssentialOther)))
        }
        if has(.byKind, .spillover, where: muscle) { entries.append(LegendEntry(symbol: .spillover, text: phrases.text(.legendSpillover))) }
        if has(.byKind, .essential, where: counted) { entries.append(LegendEntry(symbol: .essential, text: phrases.text(.legendMostPatients))) }
        if has(.byKind, .spillover, where: counted) { entries.append(LegendEntry(symbol: .spillover, text: phrases.text(.legendSomePatients))) }
        if has(.unsplit, nil) { entries.append(LegendEntry(symbol: .unsplit, text: phrases.text(.legendUnsplit))) }
        if has(.entrapment, .essential) { entries.append(LegendEntry(symbol: .entrapmentCore, text: phrases.text(.legendEntrapmentCore))) }
        if has(.entrapment, .spillover) { entries.append(LegendEntry(symbol: .entrapmentSome, text: phrases.text(.legendEntrapmentSome))) }
        return entries
    }
}
