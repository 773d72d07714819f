import AtlasCompare
import AtlasModel
import AtlasRender
import Foundation

/// Runs the comparison over generated drawings and counts how often it is right.
///
/// Seeds: the tuning set is seeds 1 to 9,999; the held-out set starts at 1,000,000 and was
/// never looked at while the rates and penalties were set. A match counts as the source when
/// it is the same pattern or one includes the other (a muscle and one of its trigger points).
public struct EvaluationReport: Sendable {
    public var cases = 0, failed = 0
    public var single = 0, top1 = 0, top3 = 0, group = 0, side = 0
    public var verdictRight = 0, verdictUndecided = 0
    public var pairs = 0, pairBothTop3 = 0, pairExplained = 0
    public var photos = 0, photoAgree = 0, photoSameSource = 0, photoVerdictAgree = 0, photoFailed = 0
    public var crops = 0, cropAgree = 0
    /// One-pen drawings (`DrawingGenerator.make(onePen:)`): drawings with numbness (or pins
    /// and needles) drawn, and how many of them had it noted (`Report.darkStrokesNote`); drawings with neither
    /// drawn, and how many were noted with a sensory symptom all the same.
    public var numbDrawn = 0, numbRead = 0, pinsDrawn = 0, pinsRead = 0, plainDrawn = 0, plainSensory = 0
    public var confidenceSum = 0.0
    /// Per confidence bin of the top match (`reliabilityBins`): drawings, and how many right.
    public var binCases = [Int](repeating: 0, count: reliabilityBins.count)
    public var binRight = [Int](repeating: 0, count: reliabilityBins.count)
    /// Summed negative log of the confidence given to the true source (single sources):
    /// what a calibration fit minimises.
    public var logLoss = 0.0
    public static let reliabilityBins: [Range<Double>] = [0..<0.5, 0.5..<0.8, 0.8..<0.95, 0.95..<0.99, 0.99..<1.01]
    public var confusions: [String: Int] = [:]
    public var failures: [String] = []
    public var seconds = 0.0

    static func share(_ a: Int, _ b: Int) -> String { b == 0 ? "-" : String(format: "%.3f (%d/%d)", Double(a) / Double(b), a, b) }

    public var text: String {
        var lines: [String] = [
            "drawings: \(cases) (\(single) one source, \(pairs) two sources), unreadable: \(failed), \(String(format: "%.0f", seconds)) s",
            "top-1:                     \(Self.share(top1, single))",
            "top-3:                     \(Self.share(top3, single))",
            "group (root/entrapment/referred) of the top match: \(Self.share(group, single))",
            "side of the top match:     \(Self.share(side, single))",
            "verdict names the true group: \(Self.share(verdictRight, single)); cannot tell: \(Self.share(verdictUndecided, single))",
            "two sources, both in top 3: \(Self.share(pairBothTop3, pairs))",
            "two sources, best explanation is the pair: \(Self.share(pairExplained, pairs))",
            "photo and PNG agree (top match and side): \(Self.share(photoAgree, photos)); verdict: \(Self.share(photoVerdictAgree, photos)); photos unread: \(photoFailed)",
            "photo and PNG name the same source (a muscle or its own trigger point) and side: \(Self.share(photoSameSource, photos))",
            "cropped to the back view agrees: \(Self.share(cropAgree, crops))",
            String(format: "mean confidence of the top match: %.3f (top-1 rate %.3f)", single > 0 ? confidenceSum / Double(single) : 0,
                   single > 0 ? Double(top1) / Double(single) : 0),
            String(format: "log loss of the true source: %.3f per drawing", single > 0 ? logLoss / Double(single) : 0),
        ]
        if numbDrawn + pinsDrawn + plainDrawn > 0 {
            lines.append("one pen: numbness drawn and noted: \(Self.share(numbRead, numbDrawn)); pins and needles: \(Self.share(pinsRead, pinsDrawn)); neither drawn but one noted: \(Self.share(plainSensory, plainDrawn))")
        }
        lines.append("reliability (confidence of the top match: drawings, right):")
        for (bin, range) in Self.reliabilityBins.enumerated() where binCases[bin] > 0 {
            lines.append(String(format: "  %.2f-%.2f: %3d drawings, right %.3f", range.lowerBound, min(1, range.upperBound), binCases[bin],
                                Double(binRight[bin]) / Double(binCases[bin])))
        }
        lines.append("most confused (true -> ranked first):")
        for (pair, count) in confusions.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(10) {
            lines.append("  \(count)  \(pair)")
        }
        return lines.joined(separator: "\n")
    }
}

public enum Evaluation {
    public static let tuningSeeds: Range<UInt64> = 1..<10_000
    public static let heldOutStart: UInt64 = 1_000_000

    /// Same pattern, or one includes the other.
    static func same(_ a: String, _ b: String, atlas: Atlas) -> Bool {
        a == b || (atlas.pattern(a)?.includes.contains(b) ?? false) || (atlas.pattern(b)?.includes.contains(a) ?? false)
    }

    /// Compares every drawing of `seeds` on every core; every `photoEvery`-th is also
    /// photographed (JPEG) and every `cropEvery`-th four-view drawing cut to its back view.
    public static func run(seeds: Range<UInt64>, atlas: Atlas, photoEvery: Int = 4, cropEvery: Int = 6,
                           temperature: Double = Priors.temperature, onePen: Bool = false,
                           log: (@Sendable (String) -> Void)? = nil) throws -> EvaluationReport {
        let comparator = try DrawingComparator(atlas: atlas, temperature: temperature)
        let started = Date()
        let collected = Collected()
        let list = Array(seeds)
        DispatchQueue.concurrentPerform(iterations: list.count) { index in
            var local = EvaluationReport()
            evaluate(seed: list[index], index: index, atlas: atlas, comparator: comparator, photoEvery: photoEvery, cropEvery: cropEvery,
                     onePen: onePen, into: &local, log: log)
            collected.add(local)
        }
        var report = collected.report
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    static func evaluate(seed: UInt64, index: Int, atlas: Atlas, comparator: DrawingComparator, photoEvery: Int, cropEvery: Int,
                         onePen: Bool = false, into report: inout EvaluationReport, log: (@Sendable (String) -> Void)?) {
        report.cases += 1
        let drawing: PatientDrawing
        let analysis: DrawingAnalysis
        do {
            drawing = try DrawingGenerator.make(seed: seed, atlas: atlas, onePen: onePen)
            analysis = try comparator.analyse(image: drawing.page, name: "seed-\(seed).png")
        } catch {
            report.failed += 1
            report.failures.append("seed \(seed): \(error)")
            return
        }
        let comparison = analysis.comparison
        let matches = comparison.matches
        if onePen {
            // Dark strokes are scored as pain; what their texture suggests is said in a note.
            let numb = comparison.notes.contains { $0.contains("may mean numbness") }
            let pins = comparison.notes.contains { $0.contains("may mean pins and needles") }
            if drawing.sensoryKinds.contains(.numbness) { report.numbDrawn += 1; if numb { report.numbRead += 1 } }
            if drawing.sensoryKinds.contains(.pinsAndNeedles) { report.pinsDrawn += 1; if pins { report.pinsRead += 1 } }
            if drawing.sensoryKinds.isEmpty {
                report.plainDrawn += 1
                if numb || pins {
                    report.plainSensory += 1
                    log?("sensory read but not drawn \(drawing.description): numbness \(numb), pins \(pins)")
                }
            } else {
                log?("sensory \(numb || pins ? "noted" : "missed") \(drawing.description): \(drawing.sensoryKinds.map(\.rawValue)); noted numbness \(numb), pins \(pins)")
            }
        }
        let ids = matches.map(\.id)
        if drawing.sources.count == 1 {
            let truth = drawing.sources[0]
            report.single += 1
            let top = matches.first
            let right = top.map { same($0.id, truth.id, atlas: atlas) && $0.side == truth.side } ?? false
            if let bin = EvaluationReport.reliabilityBins.firstIndex(where: { $0.contains(top?.confidence ?? 0) }) {
                report.binCases[bin] += 1
                if right { report.binRight[bin] += 1 }
            }
            let truthConfidence = matches.filter { same($0.id, truth.id, atlas: atlas) && $0.side == truth.side }.map(\.confidence).max() ?? 0
            report.logLoss -= Foundation.log(max(truthConfidence, 1e-4))
            if let top, same(top.id, truth.id, atlas: atlas) { report.top1 += 1 } else {
                report.confusions["\(truth.id) -> \(top?.id ?? "none")", default: 0] += 1
                log?("miss \(drawing.description): \(matches.prefix(3).map { "\($0.id)/\($0.side.rawValue) \(String(format: "%.2f", $0.confidence))" })")
            }
            if ids.prefix(3).contains(where: { same($0, truth.id, atlas: atlas) }) { report.top3 += 1 }
            if let top, top.group == truth.group { report.group += 1 }
            if let top, top.side == truth.side { report.side += 1 }
            report.confidenceSum += top?.confidence ?? 0
            let verdictGroup: SourceGroup? = switch comparison.leaning.verdict {
            case .radicular: .root
            case .entrapment: .entrapment
            case .referred: .referred
            case .undecided: nil
            }
            if verdictGroup == truth.group { report.verdictRight += 1 } else {
                log?("verdict \(comparison.leaning.verdict.rawValue) for \(drawing.description): \(matches.prefix(3).map { "\($0.id) \(String(format: "%.2f", $0.confidence))" }); explained by \(comparison.explanations.first?.sources.map(\.id) ?? [])")
            }
            if verdictGroup == nil { report.verdictUndecided += 1 }
        } else {
            report.pairs += 1
            let top3 = ids.prefix(3)
            if drawing.sources.allSatisfy({ s in top3.contains { same($0, s.id, atlas: atlas) } }) { report.pairBothTop3 += 1 } else {
                log?("pair miss \(drawing.description): \(matches.prefix(4).map { "\($0.id)/\($0.side.rawValue) \(String(format: "%.2f", $0.confidence))" }); explained by \(comparison.explanations.prefix(2).map { "\($0.sources.map(\.id)) \(String(format: "%.2f", $0.confidence))" })")
            }
            if let best = comparison.explanations.first, best.sources.count >= 2,
               drawing.sources.allSatisfy({ s in best.sources.contains { same($0.id, s.id, atlas: atlas) } }) {
                report.pairExplained += 1
            }
        }
        if photoEvery > 0, index % photoEvery == 0 {
            report.photos += 1
            let photo = Self.photo(of: drawing, index: index, every: photoEvery)
            do {
                let jpeg = try JPEGCodec.encode(photo, quality: 70)
                let read = try comparator.analyse(bytes: jpeg, name: "seed-\(seed).jpg")
                let result = read.comparison
                if let a = result.matches.first, let b = matches.first, a.side == b.side, same(a.id, b.id, atlas: atlas) {
                    report.photoSameSource += 1
                }
                let capture = captureName(index: index, every: photoEvery)
                if result.matches.first?.id == matches.first?.id && result.matches.first?.side == matches.first?.side {
                    report.photoAgree += 1
                    if diagnose { log?("photo marks \(drawing.description) (\(capture)): \(analysis.markDifference(to: read).words)") }
                } else {
                    log?("photo differs \(drawing.description) (\(capture)): \(result.matches.prefix(2).map(\.id)) vs \(ids.prefix(2)); marks \(analysis.markDifference(to: read).words)")
                }
                if result.leaning.verdict == comparison.leaning.verdict { report.photoVerdictAgree += 1 } else {
                    log?("photo verdict differs \(drawing.description) (\(capture)): \(result.leaning.verdict.rawValue) vs \(comparison.leaning.verdict.rawValue)")
                }
            } catch {
                report.photoFailed += 1
                report.failures.append("seed \(seed) photo: \(error)")
            }
        }
        if cropEvery > 0, index % cropEvery == 1, drawing.views.count > 1 {
            if let crop = backView(drawing.page, atlas: atlas), let read = try? comparator.analyse(image: crop, name: "crop") {
                let result = read.comparison
                report.crops += 1
                let agree = result.matches.first?.id == matches.first?.id && result.matches.first?.side == matches.first?.side
                if agree { report.cropAgree += 1 }
                if !agree || diagnose {
                    log?("crop \(agree ? "agrees" : "differs") \(drawing.description): \(result.matches.prefix(2).map { "\($0.id)/\($0.side.rawValue)" }) vs \(matches.prefix(2).map { "\($0.id)/\($0.side.rawValue)" }); back-view marks \(analysis.markDifference(to: read).words)")
                }
            }
        }
    }

    /// With `EVAL_DIAGNOSE` set, the log also has the marks of every photo and crop against
    /// the PNG's, agreeing or not.
    static let diagnose = ProcessInfo.processInfo.environment["EVAL_DIAGNOSE"] != nil

    /// The captures photos take in turn, with their names for the log.
    static let captures: [(name: String, capture: Capture)] = [
        ("phone photo", .phonePhoto), ("crooked scan", .crookedScan), ("uneven light", .unevenLight), ("grey paper", .greyPaper),
    ]

    /// Which capture `photo(of:index:every:)` takes, in words.
    static func captureName(index: Int, every: Int) -> String {
        captures[(index / max(1, every)) % captures.count].name
    }

    /// The photo or scan taken of the `index`-th drawing when every `every`-th is captured:
    /// the captures take turns.
    public static func photo(of drawing: PatientDrawing, index: Int, every: Int) -> RGBAImage {
        var capture = captures[(index / max(1, every)) % captures.count].capture
        capture.seed = drawing.seed
        return SyntheticPhoto.capture(drawing.page, capture).0
    }

    /// The back-view panel of a four-view page cut out, as a screenshot of one view.
    static func backView(_ page: RGBAImage, atlas: Atlas) -> RGBAImage? {
        var request = ChartRequest(kind: .template, views: ViewID.allCases)
        request.width = page.width
        guard let scene = try? ChartBuilder.scene(request, atlas: atlas),
              let panel = scene.panels.first(where: { $0.view.id == .posterior }) else { return nil }
        let f = panel.frame
        let x0 = max(0, Int(f.minX) - 10), y0 = max(0, Int(f.minY) - 10)
        let x1 = min(page.width, Int(f.maxX) + 10), y1 = min(page.height, Int(f.maxY) + 10)
        let w = x1 - x0, h = y1 - y0
        guard w > 10, h > 10 else { return nil }
        var pixels = [UInt8](repeating: 255, count: w * h * 4)
        for y in 0..<h {
            for x in 0..<w {
                let s = ((y + y0) * page.width + x + x0) * 4, d = (y * w + x) * 4
                for c in 0..<4 { pixels[d + c] = page.pixels[s + c] }
            }
        }
        return RGBAImage(width: w, height: h, pixels: pixels)
    }
}

extension EvaluationReport {
    mutating func merge(_ o: EvaluationReport) {
        cases += o.cases; failed += o.failed; single += o.single; top1 += o.top1; top3 += o.top3; group += o.group; side += o.side
        verdictRight += o.verdictRight; verdictUndecided += o.verdictUndecided
        pairs += o.pairs; pairBothTop3 += o.pairBothTop3; pairExplained += o.pairExplained
        photos += o.photos; photoAgree += o.photoAgree; photoSameSource += o.photoSameSource; photoVerdictAgree += o.photoVerdictAgree; photoFailed += o.photoFailed
        crops += o.crops; cropAgree += o.cropAgree
        numbDrawn += o.numbDrawn; numbRead += o.numbRead; pinsDrawn += o.pinsDrawn; pinsRead += o.pinsRead
        plainDrawn += o.plainDrawn; plainSensory += o.plainSensory
        confidenceSum += o.confidenceSum
        logLoss += o.logLoss
        for bin in binCases.indices { binCases[bin] += o.binCases[bin]; binRight[bin] += o.binRight[bin] }
        for (k, v) in o.confusions { confusions[k, default: 0] += v }
        failures += o.failures
    }
}

/// Reports of concurrent workers, merged under a lock.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var merged = EvaluationReport()

    func add(_ report: EvaluationReport) {
        lock.lock(); merged.merge(report); lock.unlock()
    }

    var report: EvaluationReport {
        lock.lock(); defer { lock.unlock() }
        return merged
    }
}
