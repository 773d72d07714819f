import ArgumentParser
import AtlasModel
import AtlasRender
import Foundation

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw patterns (or the body alone) on body charts.",
        discussion: "Example: referral-atlas render gluteus-minimus-anterior --view lateral-right -o minimus.png")

    @OptionGroup var atlasOptions: AtlasOptions
    @OptionGroup var styleOptions: StyleOptions

    @Argument(help: "Pattern ids to draw together (see `referral-atlas list`). None: the body alone.")
    var patterns: [String] = []

    @Option(help: "posterior, anterior, lateral-right, lateral-left, plantar (the soles) or all (default: the views the patterns show in).")
    var view: ViewChoice?

    @Option(help: "The patient's side: left, right or both.")
    var side: SideChoice = .right

    @Option(help: "Width in pixels.")
    var width: Int?

    @Option(help: "png, svg or pdf (default: from the file name).")
    var format: OutputFormat?

    @Option(help: "Resolution written into PNG files, in dots per inch.")
    var dpi: Double = 150

    @Option(help: "Dermatome map for dermatome patterns: classic or evidence-based.")
    var dermatomeMap: DermatomeMapID = .evidenceBased

    @Option(help: "How much of the body to frame: full, lower-quarter (waist to toes, large), pelvis or leg.")
    var framing: BodyRegion = .full

    @Flag(help: "Draw and name every landmark (for atlas authors).")
    var landmarks = false

    @Flag(help: "The body alone: no title, legend or footer text.")
    var bare = false

    @Flag(help: "Render the whole atlas into the output folder.")
    var all = false

    @Option(name: .shortAndLong, help: "Output file, or a folder (the file is named after the patterns); a folder with --all.")
    var output: String

    func run() throws {
        try runReporting {
            let atlas = try atlasOptions.load()
            try refuseOverwritingInputs(output, atlas: try atlasOptions.directory())
            if all {
                let jobs = try Exporter.allJobs(atlas: atlas, directory: output, width: width ?? 1200, dpi: dpi,
                                                style: try styleOptions.resolve(atlas))
                let written = try Exporter.run(jobs, atlas: atlas)
                try Exporter.writeGallery(atlas: atlas, directory: output, paths: written)
                print("wrote \(written.count + 1) files into \(output) (open \(output)/index.html)")
                return
            }
            let chosen = try patterns.map { id in
                guard let pattern = atlas.pattern(id, dermatomeMap: dermatomeMap) else {
                    let known = atlas.allPatterns(dermatomeMap: dermatomeMap).map(\.id)
                    let hint = known.min { editScore($0, id) < editScore($1, id) }.map { " (did you mean '\($0)'?)" } ?? ""
                    throw CLIError.invalidInput("unknown pattern '\(id)'\(hint); `referral-atlas list` shows them all")
                }
                return pattern
            }
            // `all` keeps only the lateral views that can show a chosen side.
            let views = (view?.views ?? defaultViews(chosen, sides: side.sides)).filter { v in side.sides.contains { v.shows($0) } }
            var request = ChartRequest(kind: .render, views: views)
            request.patterns = chosen
            request.sides = side.sides
            request.width = width ?? (views.count > 1 ? 600 * views.count : 1200)
            request.dpi = dpi
            request.bare = bare
            request.landmarks = landmarks
            request.region = framing
            request.style = try styleOptions.resolve(atlas)
            let scene = try ChartBuilder.scene(request, atlas: atlas)
            if !chosen.isEmpty, scene.panels.allSatisfy({ $0.patterns.isEmpty }) {
                throw CLIError.noResult("nothing of \(patterns.joined(separator: ", ")) shows in the \(views.map(\.rawValue).joined(separator: ", ")) view for the \(side.rawValue) side")
            }
            // `-o DIR` names the file after the patterns and views.
            var target = output
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
                let stem = (chosen.isEmpty ? ["body"] : chosen.map(\.id)).joined(separator: "+")
                let viewName = views.count == ViewID.allCases.count ? "all" : views.map(\.rawValue).joined(separator: "+")
                target = (output as NSString).appendingPathComponent("\(stem)-\(viewName)-\(side.rawValue).\((format ?? .png).rawValue)")
            }
            let bytes = try SceneRenderer.render(scene, as: try resolveFormat(format, path: target))
            try AtomicFile.write(bytes, to: target)
            print(target)
        }
    }

    /// The views in which any chosen pattern shows, in the usual order.
    private func defaultViews(_ patterns: [Pattern], sides: [Side]) -> [ViewID] {
        guard !patterns.isEmpty else { return [.posterior] }
        let shown = Set(patterns.flatMap { p in sides.flatMap { p.bodyViews(side: $0) } })
        return ViewID.withSoles.filter(shown.contains)
    }
}

/// A rough closeness of two ids, for suggestions.
func editScore(_ a: String, _ b: String) -> Int {
    let common = zip(a, b).prefix { $0 == $1 }.count
    return abs(a.count - b.count) + (min(a.count, b.count) - common)
}
