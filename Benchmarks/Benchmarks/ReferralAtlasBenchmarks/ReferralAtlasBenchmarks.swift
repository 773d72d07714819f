import AtlasCompare
import AtlasModel
import AtlasRender
import Benchmark
import Foundation

/// The bundled atlas, loaded once (loading is measured on its own).
let atlasDirectory = AtlasLocator.bundledAtlas()!
let atlas = try! AtlasLoader.load(directory: atlasDirectory)

func patternChart(width: Int) -> ChartRequest {
    var request = ChartRequest(kind: .render, views: [.lateralRight])
    request.patterns = [atlas.pattern("gluteus-minimus-anterior")!]
    request.width = width
    return request
}

/// A patient's drawing: the printed back-view chart (A4 at 150 dpi, 1240 px) with the S1
/// territory shaded in red.
func drawingImage() throws -> RGBAImage {
    var template = ChartRequest(kind: .template, views: [.posterior])
    template.width = 1240
    let scene = try ChartBuilder.scene(template, atlas: atlas)
    var image = try SceneRenderer.rasterize(scene)
    let zones = atlas.pattern("radicular-s1")!.placed(in: .posterior, side: .right)!.zones.map(\.path)
    let mask = try MaskRasterizer.mask(of: zones, in: scene.panels[0], sceneWidth: image.width, sceneHeight: image.height, factor: 1)
    for (pixel, value) in mask.values.enumerated() where value >= 128 && pixel < image.width * image.height {
        let i = pixel * 4
        image.pixels[i] = 220; image.pixels[i + 1] = 30; image.pixels[i + 2] = 30
    }
    return image
}

func drawingPNG() throws -> [UInt8] {
    try PNGCodec.encode(try drawingImage(), opaque: true, dpi: 150, metadata: [])
}

/// A 12-megapixel phone photo of that drawing: turned 6 degrees and enlarged twice onto a grey
/// desk (nearest-neighbour, enough for timing), saved as a JPEG of quality 85.
func phonePhotoJPEG() throws -> [UInt8] {
    let page = try drawingImage()
    let (width, height) = (3000, 4000)
    let toPage = Homography(scale: 2, rotation: 6 * .pi / 180, translation: Point(420, 120)).inverse!
    var pixels = [UInt8](repeating: 90, count: width * height * 4)
    for y in 0..<height {
        for x in 0..<width {
            let p = toPage.apply(Point(Double(x), Double(y)))
            let (px, py) = (Int(p.x), Int(p.y))
            let o = (y * width + x) * 4
            pixels[o + 3] = 255
            guard px >= 0, py >= 0, px < page.width, py < page.height else { continue }
            let i = (py * page.width + px) * 4
            pixels[o] = UInt8(Double(page.pixels[i]) * 0.85); pixels[o + 1] = UInt8(Double(page.pixels[i + 1]) * 0.8)
            pixels[o + 2] = UInt8(Double(page.pixels[i + 2]) * 0.7)
        }
    }
    return try JPEGCodec.encode(RGBAImage(width: width, height: height, pixels: pixels), quality: 85)
}

/// The release binary `make bench` builds first (../.build/release/referral-atlas).
let binary = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/release/referral-atlas").path

/// Runs a program to completion; throws when it fails. Child processes use the benchmark's
/// own cache folder, so that a user's cache is neither read nor written.
func runProcess(_ path: String, _ arguments: [String]) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["XDG_CACHE_HOME"] = scratch + "/cache"
    environment.removeValue(forKey: AtlasCache.disableKey)
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw BenchmarkFailure("\(path) \(arguments) exited \(process.terminationStatus)") }
}

/// CPU time of the child processes (user + system, microseconds): on a busy machine wall
/// time mostly measures the queue for a core, this does not.
let childCPU = BenchmarkMetric.custom("CPU of the process (us)")

func childCPUMicroseconds() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return (Int(usage.ru_utime.tv_sec) + Int(usage.ru_stime.tv_sec)) * 1_000_000
        + Int(usage.ru_utime.tv_usec) + Int(usage.ru_stime.tv_usec)
}

/// Runs the program and records its CPU time.
func measureProcess(_ benchmark: Benchmark, _ path: String, _ arguments: [String]) throws {
    let before = childCPUMicroseconds()
    try runProcess(path, arguments)
    benchmark.measurement(childCPU, childCPUMicroseconds() - before)
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The goal pair: one pattern view to a 1200 px PNG as a script runs it (a whole process,
/// atlas loading included), against `rsvg-convert` making the same picture from our SVG.
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("referral-atlas-bench-process").path
let patternArguments = ["render", "gluteus-minimus-anterior", "--view", "lateral-right", "--width", "1200"]

let benchmarks: @Sendable () -> Void = {
    // Short runs: the whole suite takes about two minutes (the integrator re-runs it on an
    // idle machine). p50 of wall clock is the figure the README quotes.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
        warmupIterations: 1, maxDuration: .seconds(2), maxIterations: 25)

    let processConfiguration = Benchmark.Configuration(metrics: [.wallClock, childCPU], warmupIterations: 2,
                                                       maxDuration: .seconds(4), maxIterations: 25)

    // Goal (a): our whole process (compiled atlas cached, as from the second run on) and
    // rsvg-convert, in the same run.
    Benchmark("Whole process: referral-atlas render, one pattern view to a 1200 px PNG", configuration: processConfiguration) { benchmark in
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let output = scratch + "/pattern.png"
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { try measureProcess(benchmark, binary, patternArguments + ["-o", output]) }
    }

    Benchmark("Whole process: referral-atlas render --no-cache (the atlas files read every time)", configuration: processConfiguration) { benchmark in
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let output = scratch + "/pattern-no-cache.png"
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { try measureProcess(benchmark, binary, patternArguments + ["--no-cache", "-o", output]) }
    }

    Benchmark("Whole process: rsvg-convert, the same picture from our SVG to a 1200 px PNG", configuration: processConfiguration) { benchmark in
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let svg = scratch + "/pattern.svg"
        try runProcess(binary, patternArguments + ["-o", svg])
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            try measureProcess(benchmark, "/usr/bin/rsvg-convert", ["--width", "1200", "--keep-aspect-ratio", "-o", scratch + "/rsvg.png", svg])
        }
    }

    Benchmark("Load and validate the atlas from its files") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try AtlasLoader.load(directory: atlasDirectory)) }
    }

    Benchmark("Load the compiled atlas from the cache") { benchmark in
        let cache = AtlasCache(folder: URL(fileURLWithPath: scratch + "/cache-in-process"))
        _ = try cache.load(directory: atlasDirectory)  // fills the cache
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try cache.load(directory: atlasDirectory)) }
    }

    Benchmark("Load only what one pattern needs (body views, the pattern, styles, text)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try AtlasLoader.load(directory: atlasDirectory, onlyPatterns: ["gluteus-minimus-anterior"]))
        }
    }

    Benchmark("Rasterise one pattern view, 1200 px") { benchmark in
        let scene = try ChartBuilder.scene(patternChart(width: 1200), atlas: atlas)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try SceneRenderer.rasterize(scene)) }
    }

    // Goal (b): in-process render plus PNG encode.
    Benchmark("Render one pattern view to PNG bytes, 1200 px") { benchmark in
        for _ in benchmark.scaledIterations {
            let scene = try ChartBuilder.scene(patternChart(width: 1200), atlas: atlas)
            blackHole(try SceneRenderer.render(scene, as: .png))
        }
    }

    Benchmark("Render one pattern view to PDF bytes") { benchmark in
        for _ in benchmark.scaledIterations {
            let scene = try ChartBuilder.scene(patternChart(width: 1200), atlas: atlas)
            blackHole(try SceneRenderer.render(scene, as: .pdf))
        }
    }

    Benchmark("Decode a 1240 px drawing (PNG)") { benchmark in
        let bytes = try drawingPNG()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try PNGCodec.decode(bytes)) }
    }

    // Goal (d): comparing an A4 drawing (the chart at 150 dpi) in-process, as `compare` does
    // it: the file read and decoded, compared, and the text report written out.
    Benchmark("Compare one 1240 px drawing with the whole atlas (decode included)") { benchmark in
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let file = scratch + "/drawing.png"
        try Data(try drawingPNG()).write(to: URL(fileURLWithPath: file))
        let comparator = try DrawingComparator(atlas: atlas)
        _ = try comparator.analyse(file: file)  // pattern masks are built once per run
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(ReportFormatter.text(try comparator.analyse(file: file).comparison, top: 5))
        }
    }

    // The same drawing as a script compares it: one whole process (compiled atlas cached;
    // the charts and pattern masks prepared in the process).
    Benchmark("Whole process: referral-atlas compare, one 1240 px drawing", configuration: processConfiguration) { benchmark in
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let file = scratch + "/drawing-process.png"
        try Data(try drawingPNG()).write(to: URL(fileURLWithPath: file))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { try measureProcess(benchmark, binary, ["compare", file]) }
    }

    Benchmark("Compare a 12 MP phone photo with the whole atlas (decode, corner marks, flattening included)",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], warmupIterations: 1,
                                   maxDuration: .seconds(3), maxIterations: 5)) { benchmark in
        let bytes = try phonePhotoJPEG()
        let comparator = try DrawingComparator(atlas: atlas)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try comparator.analyse(bytes: bytes, name: "photo.jpg")) }
    }

    Benchmark("Compare a folder of 20 drawings (both cores)",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident], warmupIterations: 0,
                                   maxDuration: .seconds(10), maxIterations: 2)) { benchmark in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("referral-atlas-bench-drawings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = try drawingPNG()
        let files = (0..<20).map { folder.appendingPathComponent("drawing-\($0).png").path }
        for file in files { FileManager.default.createFile(atPath: file, contents: Data(bytes)) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let comparator = try DrawingComparator(atlas: atlas)
            blackHole(comparator.analyseAll(files: files) { _, result in (try? result.get()) != nil })
        }
    }

    // Goal (c): the whole process `render --all` with one worker and with two; the ratio of
    // their wall times is the parallel speed-up (at least 1.7 on two cores).
    for jobs in [1, 2] {
        Benchmark("Whole process: render --all --jobs \(jobs)",
                  configuration: .init(metrics: [.wallClock, childCPU], warmupIterations: 0,
                                       maxDuration: .seconds(20), maxIterations: 2)) { benchmark in
            let folder = scratch + "/all-\(jobs)"
            try? FileManager.default.removeItem(atPath: folder)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                try measureProcess(benchmark, binary, ["render", "--all", "--jobs", "\(jobs)", "-o", folder])
            }
        }
    }
}
