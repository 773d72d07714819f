import AtlasEvaluation
import AtlasModel
import Foundation

// The held-out evaluation of `compare` on generated patient-like drawings (`make eval`).
//   atlas-eval                 the held-out set (400 drawings)
//   atlas-eval tuning [N]      N drawings of the tuning set, printing every miss
//   atlas-eval held-out [N]    N held-out drawings
let arguments = Array(CommandLine.arguments.dropFirst())
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
    let report = try Evaluation.run(seeds: start..<(start + count), atlas: atlas, log: verbose ? printer : nil)
    print("\(set) set, seeds \(start)..<\(start + count)")
    print(report.text)
    for failure in report.failures.prefix(10) { print("failed: \(failure)") }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
