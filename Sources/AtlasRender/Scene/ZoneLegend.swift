import AtlasModel

/// Legend lines for the shaded referral zones, worded by family: T&S's essential/spillover
/// for trigger points, "most / about half / some patients" for joint maps (injection studies count
/// patients), a soft-edged field for a disc (no source maps it: a textbook description), a
/// separate hatch for a nerve entrapment, and one tone with a flag where the split is not confirmed.
enum ZoneLegend {
    static func entries(_ placed: [PlacedPattern], phrases: Phrasebook) -> [LegendEntry] {
        func has(_ tone: ZoneTone, _ kind: ZoneKind?, where family: (Family) -> Bool = { _ in true }) -> Bool {
            placed.contains { p in
                ZoneTone.of(p.pattern) == tone && family(p.pattern.family) && p.zones.contains { kind == nil || $0.kind == kind }
            }
        }
        let muscle: (Family) -> Bool = { !$0.mapsFromPatientCounts }
        let joint: (Family) -> Bool = { $0.mapsFromPatientCounts && $0 != .discogenic }
        let disc: (Family) -> Bool = { $0 == .discogenic }
        var entries: [LegendEntry] = []
        if has(.byKind, .essential, where: muscle) {
            let muscleOnly = placed.filter { ZoneTone.of($0.pattern) == .byKind && muscle($0.pattern.family) && $0.zones.contains { $0.kind == .essential } }
                .allSatisfy { $0.pattern.family == .myofascial }
            entries.append(LegendEntry(symbol: .essential, text: phrases.text(muscleOnly ? .legendEssentialMuscle : .legendEssentialOther)))
        }
        if has(.byKind, .spillover, where: muscle) { entries.append(LegendEntry(symbol: .spillover, text: phrases.text(.legendSpillover))) }
        if has(.byKind, .essential, where: joint) { entries.append(LegendEntry(symbol: .essential, text: phrases.text(.legendJointMost))) }
        // A joint map's middle tier has its own denser stipple and line, never merged.
        let jointSpillover = placed.filter { ZoneTone.of($0.pattern) == .byKind && joint($0.pattern.family) }
            .flatMap(\.zones).filter { $0.kind == .spillover }
        if jointSpillover.contains(where: \.aboutHalf) {
            entries.append(LegendEntry(symbol: .spilloverHalf, text: phrases.text(.legendJointHalf)))
        }
        if jointSpillover.contains(where: { $0.tier == .some }) {
            entries.append(LegendEntry(symbol: .spillover, text: phrases.text(.legendJointSome)))
        }
        if jointSpillover.contains(where: { $0.tier == .few }) {
            entries.append(LegendEntry(symbol: .spilloverFew, text: phrases.text(.legendJointFew)))
        }
        entries = merged(entries, phrases: phrases, joint: has(.byKind, nil, where: joint), disc: has(.byKind, nil, where: disc))
        // A disc's field has its own soft-edged swatches, never merged with a mapped area's.
        if has(.diffuse, .essential) { entries.append(LegendEntry(symbol: .diffuseCore, text: phrases.text(.legendDiscMost))) }
        if has(.diffuse, .spillover) { entries.append(LegendEntry(symbol: .diffuseSome, text: phrases.text(.legendDiscSome))) }
        if has(.unsplit, nil) { entries.append(LegendEntry(symbol: .unsplit, text: phrases.text(.legendUnsplit))) }
        if has(.entrapment, .essential) { entries.append(LegendEntry(symbol: .entrapmentCore, text: phrases.text(.legendEntrapmentCore))) }
        // An entrapment's "common" tier (the back of the thigh) has its own closer rings and line.
        let entrapmentSpillover = placed.filter { ZoneTone.of($0.pattern) == .entrapment }.flatMap(\.zones).filter { $0.kind == .spillover }
        if entrapmentSpillover.contains(where: { $0.tier == .common }) {
            entries.append(LegendEntry(symbol: .entrapmentCommon, text: phrases.text(.legendEntrapmentCommon)))
        }
        if entrapmentSpillover.contains(where: { $0.tier != .common }) {
            entries.append(LegendEntry(symbol: .entrapmentSome, text: phrases.text(.legendEntrapmentSome)))
        }
        return entries
    }

    /// One line per swatch: families drawn alike (solid red for a muscle's essential zone and
    /// a joint's "most patients") share one entry whose text covers both, kept short enough
    /// for one legend line.
    static func merged(_ entries: [LegendEntry], phrases: Phrasebook, joint: Bool, disc: Bool) -> [LegendEntry] {
        let which = phrases.text(joint && disc ? .legendStudiesBoth : disc ? .legendStudiesDisc : .legendStudiesJoint)
        var out: [LegendEntry] = []
        for entry in entries {
            guard let i = out.firstIndex(where: { $0.symbol == entry.symbol }) else { out.append(entry); continue }
            let muscle = [phrases.text(.legendEssentialMuscle), phrases.text(.legendSpillover)].contains(out[i].text)
            let known = [phrases.text(.legendJointMost), phrases.text(.legendJointSome), phrases.text(.legendDiscMost), phrases.text(.legendDiscSome),
                         phrases.text(.legendEssentialMuscle), phrases.text(.legendSpillover)]
            let essential = entry.symbol == .essential
            if known.contains(out[i].text) || out[i].text.contains(which) {
                let key: Phrasebook.Key = muscle ? (essential ? .legendMostMerged : .legendSomeMerged) : (essential ? .legendMostCounted : .legendSomeCounted)
                out[i].text = phrases.text(key, ["which": which])
            } else {
                out[i].text += "; " + entry.text
            }
        }
        return out
    }
}
