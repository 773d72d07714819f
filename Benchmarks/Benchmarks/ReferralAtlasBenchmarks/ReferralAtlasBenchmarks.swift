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

    Benchmark("Encode PNG of one pattern view, 1200 px") { benchmark in
        let image = try SceneRenderer.rasterize(try ChartBuilder.scene(patternChart(width: 1200), atlas: atlas))
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(try PNGCodec.encode(image, opaque: true, dpi: 150, metadata: []))
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
