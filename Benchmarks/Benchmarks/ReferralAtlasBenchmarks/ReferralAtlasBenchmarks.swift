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

/// A patient's drawing: the 1000 px back-view template with the S1 territory shaded in red.
func drawingPNG() throws -> [UInt8] {
    var template = ChartRequest(kind: .template, views: [.posterior])
    template.width = 1000
    var image = try SceneRenderer.rasterize(try ChartBuilder.scene(template, atlas: atlas))
    var pattern = ChartRequest(kind: .render, views: [.posterior])
    pattern.patterns = [atlas.pattern("radicular-s1")!]
    pattern.width = 1000
    pattern.bare = true
    let zone = try SceneRenderer.rasterize(try ChartBuilder.scene(pattern, atlas: atlas))
    for i in stride(from: 0, to: zone.pixels.count, by: 4) where Int(zone.pixels[i + 2]) > Int(zone.pixels[i]) + 40 {
        image.pixels[i] = 220; image.pixels[i + 1] = 30; image.pixels[i + 2] = 30
    }
    return try PNGCodec.encode(image, opaque: true, dpi: 150, metadata: [])
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
        maxDuration: .seconds(5), maxIterations: 50)

    Benchmark("Load and validate the atlas") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try AtlasLoader.load(directory: atlasDirectory)) }
    }

    Benchmark("Scene for one pattern view, 1200 px") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try ChartBuilder.scene(patternChart(width: 1200), atlas: atlas)) }
    }

    Benchmark("Rasterise one pattern view, 1200 px") { benchmark in
        let scene = try ChartBuilder.scene(patternChart(width: 1200), atlas: atlas)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try SceneRenderer.rasterize(scene)) }
    }

    // libpng's default compression against its fast setting (what renders use): time and size.
    for fast in [false, true] {
        Benchmark("Encode PNG of one pattern view, 1200 px, \(fast ? "fast" : "default") compression") { benchmark in
            let image = try SceneRenderer.rasterize(try ChartBuilder.scene(patternChart(width: 1200), atlas: atlas))
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try PNGCodec.encode(image, opaque: true, dpi: 150, metadata: [], fast: fast))
            }
        }
    }

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

    Benchmark("Decode a 1000 px drawing (PNG)") { benchmark in
        let bytes = try drawingPNG()
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try PNGCodec.decode(bytes)) }
    }

    Benchmark("Compare one 1000 px drawing with the whole atlas (decode included)") { benchmark in
        let bytes = try drawingPNG()
        let comparator = try DrawingComparator(atlas: atlas)
        _ = try comparator.analyse(bytes: bytes, name: "warm-up")  // pattern masks are built once per run
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try comparator.analyse(bytes: bytes, name: "drawing.png")) }
    }

    Benchmark("Compare a folder of 100 drawings (both cores)",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
                                   maxDuration: .seconds(60), maxIterations: 5)) { benchmark in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("referral-atlas-bench-drawings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = try drawingPNG()
        let files = (0..<100).map { folder.appendingPathComponent("drawing-\($0).png").path }
        for file in files { FileManager.default.createFile(atPath: file, contents: Data(bytes)) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let comparator = try DrawingComparator(atlas: atlas)
            blackHole(comparator.analyseAll(files: files) { _, result in (try? result.get()) != nil })
        }
    }

    Benchmark("render --all (whole atlas to files, both cores)",
              configuration: .init(metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
                                   maxDuration: .seconds(60), maxIterations: 3)) { benchmark in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("referral-atlas-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for _ in benchmark.scaledIterations {
            let jobs = try Exporter.allJobs(atlas: atlas, directory: folder, width: 1200, dpi: 150, style: atlas.style() ?? Style())
            blackHole(try Exporter.run(jobs, atlas: atlas))
        }
    }
}
