import ArgumentParser
import AtlasCompare
import AtlasModel
import AtlasRender
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare pain drawings with every pattern: ranked, explained, with an overlay.",
        discussion: """
            A drawing is a chart from `referral-atlas template` (one view or all four), either \
            printed, drawn on with pens or a pencil and scanned or photographed with a phone (JPEG \
            or PNG; crooked, in perspective, on grey paper or in uneven light), or shaded in a paint \
            program (PNG, any size, cropped or not). Red means pain, blue numbness, green pins and \
            needles; a black pen or a pencil alone is read as pain. The chart is found by its four \
            corner marks and code, or by its body outline when the marks are not all in view.
            Example: referral-atlas compare photo.jpg --overlay overlay.png
            Exit status: 0 every drawing compared; 1 unreadable input or options; 2 a drawing with \
            no marks or an image that is not a chart. An aid to a conversation with a clinician, not a diagnosis.
            """)

    @OptionGroup var atlasOptions: AtlasOptions

    @Argument(help: "Drawings, scans or photos (PNG or JPEG), or folders of them.")
    var drawings: [String]

    @Flag(help: "JSON for programs: one object per drawing (an array when there are several).")
    var json = false

    @Option(help: "Write the overlay picture (PNG): a file for one drawing, or a folder.")
    var overlay: String?

    @Option(help: "How many patterns to list (and to write per drawing with --csv).")
    var top: Int = 5

    @Option(help: "Write a CSV table of every drawing's best matches.")
    var csv: String?

    @Option(help: "Who the text is for: clinician (the ranked table, figures and reasons) or patient (plain words).")
    var audience = "clinician"

    func run() throws {
        try runReporting {
            try Limits.top.check(top)
            if let csv, !csv.lowercased().hasSuffix(".csv") { throw CLIError.invalidInput("--csv writes a .csv file, not \(csv)") }
            let audience: ReportAudience
            do throws(CompareError) { audience = try ReportAudience.parse(self.audience) } catch { throw CLIError.invalidInput(error.description) }
            let atlas = try atlasOptions.load()
            let files = try DrawingFiles.expand(drawings)
            let overlays = try OverlayTarget(overlay, drawings: files)
            // Never write an overlay or a table over a drawing (or into the atlas).
            for output in [csv] + files.map({ overlays.path(for: $0) }) {
                if let output { try refuseOverwritingInputs(output, atlas: try atlasOptions.directory(), inputs: files) }
            }
            let comparator: DrawingComparator
            do throws(CompareError) { comparator = try DrawingComparator(atlas: atlas) } catch { throw CLIError.invalidInput(error.description) }
            let top = top
            // Every core compares; each worker writes its drawing's overlay as soon as it is ready.
            let outcomes = comparator.analyseAll(files: files) { file, result -> Result<DrawingComparison, CompareError> in
                result.flatMap { analysis in
                    guard let path = overlays.path(for: file) else { return .success(analysis.comparison) }
                    do throws(CompareError) {
                        try comparator.writeOverlay(for: analysis, to: path, top: min(top, 3))
                        return .success(analysis.comparison)
                    } catch {
                        return .failure(error)
                    }
                }
            }
            try report(Array(zip(files, outcomes)), top: top, audience: audience, several: files.count > 1)
        }
    }

    private func report(_ outcomes: [(String, Result<DrawingComparison, CompareError>)], top: Int, audience: ReportAudience,
                        several: Bool) throws {
        let compared = outcomes.compactMap { try? $0.1.get() }
        let failures = outcomes.compactMap { outcome -> CompareError? in
            if case .failure(let error) = outcome.1 { return error } else { return nil }
        }
        if let csv {
            do {
                try AtomicFile.write(Array(ReportFormatter.csv(outcomes, top: top).utf8), to: csv)
            } catch {
                throw CLIError.invalidInput(error.description)
            }
        }
        if json, several {
            // Several drawings (or a folder): one array, failed drawings included with their status.
            print(try ReportFormatter.json(outcomes: outcomes, top: top))
        } else if json, !compared.isEmpty {
            print(try ReportFormatter.json(compared, top: top))
        } else if csv == nil {
            print(compared.map { ReportFormatter.text($0, top: top, audience: audience) }
                .joined(separator: "\n\n" + String(repeating: "-", count: 72) + "\n\n"))
        } else {
            for c in compared {
                let best = c.matches.first.map { "\($0.id) (\($0.side.rawValue), confidence \(String(format: "%.2f", $0.confidence)))" } ?? "none"
                print("\(c.drawing): leans \(c.leaning.verdict.rawValue); best \(best)")
            }
            print("wrote \(csv!) (\(outcomes.count) drawings). \(DrawingComparison.disclaimer)")
        }
        guard !failures.isEmpty else { return }
        if outcomes.count == 1, let only = failures.first {
            throw only.isNoResult ? CLIError.noResult(only.description) : CLIError.invalidInput(only.description)
        }
        for failure in failures { FileHandle.standardError.write(Data("error: \(failure.description)\n".utf8)) }
        throw ExitCode(failures.allSatisfy(\.isNoResult) ? 2 : 1)
    }
}

/// The drawings named on the command line: files as given, folders as their PNG and JPEG files.
enum DrawingFiles {
    static func expand(_ arguments: [String]) throws -> [String] {
        var files: [String] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
                files.append(argument)
                continue
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
            let images = names.filter { name in
                !name.hasPrefix(".") && [".png", ".jpg", ".jpeg"].contains { name.lowercased().hasSuffix($0) }
            }.sorted()
            guard !images.isEmpty else { throw CLIError.invalidInput("\(argument): no PNG or JPEG files in this folder") }
            files += images.map { (argument as NSString).appendingPathComponent($0) }
        }
        return files
    }
}

/// Where overlays go: one file for one drawing, or `NAME-overlay.png` files in a folder.
struct OverlayTarget: Sendable {
    private let file: String?
    private let folder: String?

    init(_ path: String?, drawings: [String]) throws {
        guard let path else { file = nil; folder = nil; return }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue || drawings.count > 1 {
            if !exists {
                do {
                    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                } catch {
                    throw CLIError.invalidInput("\(path): cannot create the overlay folder")
                }
            } else if !isDirectory.boolValue {
                throw CLIError.invalidInput("--overlay must be a folder when comparing several drawings")
            }
            file = nil; folder = path
        } else {
            guard path.lowercased().hasSuffix(".png") else {
                throw CLIError.invalidInput("the overlay is a PNG picture: name it .png, or give a folder (\(path))")
            }
            file = path; folder = nil
        }
    }

    func path(for drawing: String) -> String? {
        if let file { return file }
        guard let folder else { return nil }
        let stem = ((drawing as NSString).lastPathComponent as NSString).deletingPathExtension
        return (folder as NSString).appendingPathComponent("\(stem)-overlay.png")
    }
}
