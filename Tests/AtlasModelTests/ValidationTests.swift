import Foundation
import Testing
@testable import AtlasModel

/// One test per kind of problem `validate` reports; each checks the file, line and message.
@Suite("Validation errors name file, line and column")
struct ValidationTests {
    /// A small valid pattern; tests break one line of it.
    static let probe = """
        id: probe-pattern
        name: Probe
        family: myofascial
        description: A test pattern.
        sources: [Nobody 2026]
        fidelity: estimate
        trigger-points:
          - view: posterior
            at: psis + (20, 30)
        zones:
          - view: posterior
            kind: essential
            points: [psis, "psis + (40, 0)", "psis + (40, 60)", "psis + (0, 60)"]

        """

    func problems(after change: (URL) throws -> Void) throws -> (URL, [Diagnostic]) {
        let atlas = try TestAtlas.copy()
        try change(atlas)
        return (atlas, AtlasLoader.validate(directory: atlas))
    }

    func expectOne(_ diagnostics: [Diagnostic], file: String, line: Int, contains message: String,
                   sourceLocation: SourceLocation_ = #_sourceLocation) {
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.description))", sourceLocation: sourceLocation)
        guard let d = diagnostics.first else { return }
        #expect(d.location.file.hasSuffix(file), "\(d)", sourceLocation: sourceLocation)
        #expect(d.location.line == line, "\(d)", sourceLocation: sourceLocation)
        #expect(d.message.contains(message), "\(d)", sourceLocation: sourceLocation)
        #expect(d.description.hasPrefix("\(d.location.file):\(line):"), sourceLocation: sourceLocation)
    }

    @Test func theProbeItselfIsValid() throws {
        let (_, found) = try problems { try TestAtlas.write($0, "muscles/probe.yaml", Self.probe) }
        #expect(found.isEmpty, "\(found.map(\.description))")
    }

    @Test func unknownKey() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/probe.yaml", Self.probe.replacingOccurrences(of: "fidelity: estimate", with: "fidelity: estimate\ncolour: red"))
        }
        expectOne(found, file: "muscles/probe.yaml", line: 7, contains: "unknown key 'colour'")
        #expect(found.first?.location.column == 1)
    }

    @Test func missingKey() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/probe.yaml", Self.probe.replacingOccurrences(of: "name: Probe\n", with: ""))
        }
        expectOne(found, file: "muscles/probe.yaml", line: 1, contains: "missing key 'name'")
    }

    @Test func badPointSyntax() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/probe.yaml", Self.probe.replacingOccurrences(of: "psis + (20, 30)", with: "psis + (20 30)"))
        }
        expectOne(found, file: "muscles/probe.yaml", line: 9, contains: "expected ','")
        // The expression starts at column 9; the missing comma is 11 characters in.
        #expect(found.first?.location.column == 20)
    }

    @Test func unknownLandmark() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/probe.yaml", Self.probe.replacingOccurrences(of: "at: psis", with: "at: pziz"))
        }
        expectOne(found, file: "muscles/probe.yaml", line: 9, contains: "unknown landmark 'pziz' in the posterior view (did you mean 'psis'?)")
    }

    @Test func unknownView() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/probe.yaml", Self.probe.replacingOccurrences(of: "  - view: posterior\n    kind", with: "  - view: dorsal\n    kind"))
        }
        expectOne(found, file: "muscles/probe.yaml", line: 11, contains: "expected one of posterior, anterior, lateral, plantar, found 'dorsal'")
    }

    @Test func duplicatePatternID() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/probe.yaml", Self.probe)
            try TestAtlas.write($0, "muscles/probe-copy.yaml", Self.probe)
        }
        expectOne(found, file: "muscles/probe.yaml", line: 1, contains: "duplicate pattern id 'probe-pattern' (first defined at")
    }

    @Test func zeroAreaZone() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/probe.yaml", Self.probe.replacingOccurrences(
                of: "[psis, \"psis + (40, 0)\", \"psis + (40, 60)\", \"psis + (0, 60)\"]", with: "[psis, \"psis + (40, 0)\", \"psis + (80, 0)\"]"))
        }
        expectOne(found, file: "muscles/probe.yaml", line: 13, contains: "has zero area")
    }

    @Test func selfCrossingZone() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/probe.yaml", Self.probe.replacingOccurrences(
                of: "[psis, \"psis + (40, 0)\", \"psis + (40, 60)\", \"psis + (0, 60)\"]", with: "[psis, \"psis + (80, 60)\", \"psis + (80, 0)\", \"psis + (0, 100)\"]"))
        }
        expectOne(found, file: "muscles/probe.yaml", line: 13, contains: "crosses itself")
    }

    @Test func openOutline() throws {
        let (atlas, found) = try problems {
            try TestAtlas.edit($0, "body/posterior.yaml", replacing: "[0, 906]", with: "[12, 906]")
        }
        let line = try TestAtlas.line(of: "  - [0, 0]", in: atlas, "body/posterior.yaml")
        expectOne(found, file: "body/posterior.yaml", line: line, contains: "open outline")
    }

    @Test func commaInAFlowListGetsAHint() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/probe.yaml", Self.probe.replacingOccurrences(of: "\"psis + (40, 0)\"", with: "psis + (40, 0)"))
        }
        #expect(found.contains { $0.location.line == 13 && $0.message.contains("put a point with a comma in quotes") }, "\(found)")
    }

    @Test func yamlSyntaxError() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/probe.yaml", Self.probe.replacingOccurrences(of: "name: Probe", with: "name: [Probe"))
        }
        #expect(found.count == 1)
        #expect(found.first?.location.file.hasSuffix("muscles/probe.yaml") == true)
        #expect(found.first?.message.hasPrefix("YAML syntax") == true, "\(found)")
    }

    @Test func duplicateKey() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/probe.yaml", Self.probe.replacingOccurrences(of: "family: myofascial", with: "family: myofascial\nname: Again"))
        }
        expectOne(found, file: "muscles/probe.yaml", line: 2, contains: "duplicate key 'name'")
    }

    @Test func compositeWithUnknownPart() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/probe.yaml", """
                id: probe-composite
                name: Probe
                family: myofascial
                description: A test pattern.
                sources: [Nobody 2026]
                fidelity: estimate
                includes: [no-such-pattern]
                """)
        }
        expectOne(found, file: "muscles/probe.yaml", line: 1, contains: "includes unknown pattern 'no-such-pattern'")
    }

    @Test func missingView() throws {
        let (_, found) = try problems {
            try FileManager.default.removeItem(at: $0.appendingPathComponent("body/anterior.yaml"))
        }
        #expect(found.contains { $0.message.contains("no file defines the anterior view") })
    }

    @Test func oversizedFileIsRefusedBeforeParsing() throws {
        let (_, found) = try problems {
            try TestAtlas.write($0, "muscles/huge.yaml", "# " + String(repeating: "x", count: AtlasLoader.maximumFileBytes + 10))
        }
        expectOne(found, file: "muscles/huge.yaml", line: 1, contains: "atlas files are limited to")
    }

    @Test func loadThrowsEveryProblem() throws {
        let atlas = try TestAtlas.copy()
        try TestAtlas.write(atlas, "muscles/probe.yaml", Self.probe.replacingOccurrences(of: "at: psis", with: "at: pziz")
            .replacingOccurrences(of: "fidelity: estimate", with: "fidelity: guessed"))
        #expect(throws: AtlasError.self) { try AtlasLoader.load(directory: atlas) }
        #expect(AtlasLoader.validate(directory: atlas).count == 2)
    }
}

typealias SourceLocation_ = Testing.SourceLocation
