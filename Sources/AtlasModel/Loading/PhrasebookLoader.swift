/// Reads `text/<lang>.yaml`: phrases by key and optional pattern translations.
enum PhrasebookLoader {
    /// `patternIDs`: the ids translations may name (nil: not checked, for a partial atlas).
    static func read(_ root: YAMLValue, patternIDs: Set<String>?, log: DiagnosticLog) -> Phrasebook? {
        guard let map = root.mapping(log, what: "a phrasebook (language, phrases, patterns)") else { return nil }
        map.check(required: ["language", "phrases"], optional: ["patterns"], in: "a phrasebook", log)
        guard let language = map["language"]?.string(log), let phrases = map["phrases"]?.mapping(log) else { return nil }
        var book = Phrasebook(language: language)
        phrases.check(required: [], optional: Phrasebook.Key.allCases.map(\.rawValue), in: "phrases", log)
        for entry in phrases.entries {
            guard let key = Phrasebook.Key(rawValue: entry.key), let text = entry.value.string(log) else { continue }
            book.phrases[key] = PatternLoader.clean(text)
        }
        for entry in map["patterns"]?.mapping(log)?.entries ?? [] {
            if let patternIDs, !patternIDs.contains(entry.key) {
                log.report(entry.keyLocation, "unknown pattern '\(entry.key)'\(Suggestions.hint(for: entry.key, among: Array(patternIDs)))")
                continue
            }
            guard let fields = entry.value.mapping(log, what: "{name, description, feel}") else { continue }
            fields.check(required: [], optional: ["name", "description", "feel"], in: "a pattern translation", log)
            book.patterns[entry.key] = .init(name: fields["name"]?.string(log), description: fields["description"]?.string(log).map(PatternLoader.clean),
                                             feel: fields["feel"]?.strings(log))
        }
        return book
    }
}
