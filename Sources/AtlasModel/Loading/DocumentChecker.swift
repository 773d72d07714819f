/// Checks single atlas documents held in memory, against a loaded atlas: the entry points
/// for fuzzing the readers and for editors that check a file as it is typed.
public enum DocumentChecker {
    /// Problems in a pattern document (`muscles/`, `joints/`, `nerves/`).
    public static func pattern(_ text: String, file: String = "pattern.yaml", atlas: Atlas) -> [Diagnostic] {
        check(text, file: file) { root, log in
            _ = PatternLoader.read(root, landmarks: landmarks(atlas), log: log)
        }
    }

    /// Problems in a figure document (`figures/`).
    public static func figure(_ text: String, file: String = "figure.yaml", atlas: Atlas) -> [Diagnostic] {
        check(text, file: file) { root, log in
            let known = AtlasLoader.figurePatterns(patterns: atlas.patterns, maps: atlas.dermatomeMaps)
            _ = FigureLoader.read(root, patterns: known, landmarks: landmarks(atlas), log: log)
        }
    }

    /// Problems in a style document (`styles/`).
    public static func style(_ text: String, file: String = "style.yaml") -> [Diagnostic] {
        check(text, file: file) { root, log in _ = StyleLoader.read(root, log: log) }
    }

    /// Problems in an anatomy document (`anatomy/`), against the atlas's landmarks and patterns.
    public static func anatomy(_ text: String, file: String = "anatomy.yaml", atlas: Atlas) -> [Diagnostic] {
        check(text, file: file) { root, log in
            _ = AnatomyLoader.read(root, landmarks: landmarks(atlas), patternIDs: Set(atlas.patterns.map(\.id)), log: log)
        }
    }

    /// Problems in a body view document (`body/`).
    public static func body(_ text: String, file: String = "body.yaml") -> [Diagnostic] {
        check(text, file: file) { root, log in _ = BodyLoader.read(root, log: log) }
    }

    private static func check(_ text: String, file: String, _ body: (YAMLValue, DiagnosticLog) -> Void) -> [Diagnostic] {
        let log = DiagnosticLog()
        guard text.utf8.count <= AtlasLoader.maximumFileBytes else {
            return [Diagnostic(SourceLocation(file: file, line: 1, column: 1), "the document is larger than \(AtlasLoader.maximumFileBytes) bytes")]
        }
        do {
            body(try YAMLValue.parse(file: file, text: text), log)
        } catch {
            return error.diagnostics
        }
        return log.diagnostics
    }

    private static func landmarks(_ atlas: Atlas) -> PatternLoader.Landmarks {
        [.posterior: atlas.view(.posterior)?.sideFrameLandmarks ?? [:],
         .anterior: atlas.view(.anterior)?.sideFrameLandmarks ?? [:],
         .lateral: atlas.view(.lateralRight)?.sideFrameLandmarks ?? [:],
         .plantar: atlas.view(.plantar)?.sideFrameLandmarks ?? [:]]
    }
}
