import AtlasCompare
import AtlasEvaluation
import AtlasModel
import AtlasRender
import Foundation

// The held-out evaluation of `compare` on generated patient-like drawings (`make eval`).
//   atlas-eval                 the held-out set (400 drawings)
//   atlas-eval tuning [N]      N drawings of the tuning set, printing every miss (and every
//                              photo and crop that disagrees, with the cells marked in one read only;
//                              EVAL_DIAGNOSE=1 prints that for every photo and crop)
//   atlas-eval held-out [N]    N held-out drawings (add no-photos to skip photos and crops)
//                              (add one-pen to draw each in one black pen, following the key)
//   atlas-eval draw SEED OUT.png [one-pen]  writes one generated drawing, to look at
//   atlas-eval photo SEED INDEX OUT.jpg  the photo the evaluation takes of drawing SEED at position INDEX
//   atlas-eval calibrate N T...    the first N tuning drawings (no photos) at each temperature
//   atlas-eval explain SEED INDEX DIR  drawing SEED and its photo at INDEX compared: the top matches
//                                  and explanations of each, their overlays written to DIR
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "calibrate", arguments.count >= 3, let count = UInt64(arguments[1]), let directory = AtlasLocator.bundledAtlas() {
    do {
        let atlas = try AtlasLoader.load(directory: directory)
        for temperature in arguments.dropFirst(2).compactMap(Double.init) {
            let start = Evaluation.tuningSeeds.lowerBound
            let report = try Evaluation.run(seeds: start..<(start + count), atlas: atlas, photoEvery: 0, cropEvery: 0, temperature: temperature)
            print("temperature \(temperature), tuning seeds \(start)..<\(start + count)")
            print(report.text)
        }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
}
if arguments.first == "explain", arguments.count == 4, let seed = UInt64(arguments[1]), let index = Int(arguments[2]),
   let directory = AtlasLocator.bundledAtlas() {
    do {
        let atlas = try AtlasLoader.load(directory: directory)
        let comparator = try DrawingComparator(atlas: atlas)
        let drawing = try DrawingGenerator.make(seed: seed, atlas: atlas)
        print(drawing.description)
        let photo = try JPEGCodec.encode(Evaluation.photo(of: drawing, index: index, every: 4), quality: 70)
        let captures: [(String, DrawingAnalysis)] = [
            ("png", try comparator.analyse(image: drawing.page, name: "seed-\(seed).png")),
            ("photo", try comparator.analyse(bytes: photo, name: "seed-\(seed).jpg")),
        ]
        for (name, analysis) in captures {
            let c = analysis.comparison
            print("\(name): \(c.leaning.verdict.rawValue); best explained by \(c.explanations.first?.words ?? "-")")
            for m in c.matches.prefix(5) {
                print(String(format: "  %@/%@ conf %.3f score %.1f prec %.2f ess %.2f", m.id, m.side.rawValue, m.confidence, m.score,
                             m.precision, m.essentialCoverage ?? -1))
            }
            try comparator.writeOverlay(for: analysis, to: "\(arguments[3])/seed-\(seed)-\(name).png")
        }
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
}
if arguments.first == "draw", arguments.count == 3 || arguments.count == 4, let seed = UInt64(arguments[1]), let directory = AtlasLocator.bundledAtlas() {
    do {
        let atlas = try AtlasLoader.load(directory: directory)
        let drawing = try DrawingGenerator.make(seed: seed, atlas: atlas, onePen: arguments.last == "one-pen")
        try AtomicFile.write(try PNGCodec.encode(drawing.page, opaque: true, dpi: 100, metadata: []), to: arguments[2])
        print(drawing.description)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
}
if arguments.first == "photo", arguments.count == 4, let seed = UInt64(arguments[1]), let index = Int(arguments[2]),
   let directory = AtlasLocator.bundledAtlas() {
    do {
        let atlas = try AtlasLoader.load(directory: directory)
        let drawing = try DrawingGenerator.make(seed: seed, atlas: atlas)
        let photo = Evaluation.photo(of: drawing, index: index, every: 4)
        try AtomicFile.write(try JPEGCodec.encode(photo, quality: 70), to: arguments[3])
        print(drawing.description)
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        exit(1)
    }
}
let set = arguments.first ?? "held-out"
let count = arguments.count > 1 ? UInt64(arguments[1]) ?? 400 : 400
guard set == "tuning" || set == "held-out", let directory = AtlasLocator.bundledAtlas() else {
    FileHandle.standardError.write(Data("usage: atlas-eval [tuning|held-out] [COUNT]\n".utf8))
    exit(64)
}
do {
    let atlas = try AtlasLoader.load(directory: directory)
    let start: UInt64 = set == "tuning" ? Evaluation.tuningSeeds.lowerBound : Evaluation.heldOutStart
    let verbose = set == "tuning" || ProcessInfo.processInfo.environment["EVAL_VERBOSE"] != nil
    let printer: @Sendable (String) -> Void = { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    let photos = arguments.contains("no-photos") ? 0 : 4
    let report = try Evaluation.run(seeds: start..<(start + count), atlas: atlas, photoEvery: photos, cropEvery: photos == 0 ? 0 : 6,
                                    onePen: arguments.contains("one-pen"), log: verbose ? printer : nil)
    print("\(set) set, seeds \(start)..<\(start + count)")
    print(report.text)
    for failure in report.failures.prefix(10) { print("failed: \(failure)") }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
