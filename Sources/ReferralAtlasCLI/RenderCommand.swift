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

    @Option(help: "posterior (back), anterior (front), lateral-right (right), lateral-left (left), plantar (the soles) or all (default: the views the patterns show in).",
            transform: ViewChoice.parse)
    var view: ViewChoice?

    @Option(help: "The patient's side: left, right or both.")
    var side: SideChoice = .right

    @Option(help: "Width in pixels, 100 to 20000 (default: 1200, or 600 per view).")
    var width: Int?

    @Option(help: "Dermatome map for dermatome patterns: classic or evidence-based.")
    var dermatomeMap: DermatomeMapID = .evidenceBased

    @Option(help: "How much of the body to frame: full, lower-quarter (waist to toes, large), pelvis or leg (default: lower-quarter for dermatome maps, else full).")
    var framing: BodyRegion?

    @Flag(help: "Draw and name every landmark (for atlas authors).")
    var landmarks = false

    @Flag(help: "The body alone: no title, legend or footer text.")
    var bare = false

    @Flag(help: "Render the whole atlas into the output folder (-o), replacing what an earlier run wrote there.")
    var all = false

    @Option(help: "With --all: how many pictures to draw at once, 1 to 256 (default: one per core).")
    var jobs: Int?

    @OptionGroup var outputOptions: PictureOutputOptions

    func run() throws {
        try runReporting {
            let width = try checkedWidth(width)
            let dpi = try outputOptions.checkedDPI(default: 150)
            if let jobs {
                try Limits.jobs.check(jobs)
                guard all else { throw CLIError.invalidInput("--jobs is for --all, which draws many pictures; drop it") }
            }
            if all {
                try renderAll(width: width ?? 1200, dpi: dpi)
                return
            }
            let atlas = try atlasOptions.load(onlyPatterns: patterns)
            let chosen = try patterns.map { try lookUpPattern($0, in: atlas, dermatomeMap: dermatomeMap) }
            let views = chosenViews(chosen)
            let target = try outputOptions.target(name: fileName(chosen, views: views), atlas: atlasOptions)
            var request = ChartRequest(kind: .render, views: views)
            request.patterns = chosen
            request.sides = side.sides
            request.width = width ?? (views.count > 1 ? 600 * views.count : 1200)
            request.dpi = dpi
            request.bare = bare
            request.landmarks = landmarks
            request.region = framing ?? ChartRequest.defaultRegion(for: chosen)
            request.style = try styleOptions.resolve(atlas)
            let scene = try ChartBuilder.scene(request, atlas: atlas)
            if !chosen.isEmpty, scene.panels.allSatisfy({ $0.patterns.isEmpty }) {
                throw CLIError.noResult(RenderViews.nothingShown(chosen, views: views, sides: side.sides, atlas: atlas))
            }
            try Exporter.write(scene, format: target.format, to: target.path)
            print(target.path)
        }
    }

    /// The whole atlas into a folder, all or nothing.
    private func renderAll(width: Int, dpi: Double) throws {
        guard patterns.isEmpty, view == nil else {
            throw CLIError.invalidInput("--all renders every pattern and view; drop the pattern ids and --view")
        }
        guard outputOptions.format == nil else { throw CLIError.invalidInput("--all writes every format; drop --format") }
        let folder = outputOptions.output
        if OutputFormat(pathExtension: (folder as NSString).pathExtension) != nil {
            throw CLIError.invalidInput("--all writes a folder of files; -o \(folder) looks like a file name")
        }
        try refuseOverwritingInputs(folder, atlas: try atlasOptions.directory())
        let atlas = try atlasOptions.load(refresh: true)
        let count = try Exporter.renderAtlas(atlas, into: folder, width: width, dpi: dpi, style: try styleOptions.resolve(atlas),
                                             workers: jobs)
        print("wrote \(count) files into \(folder) (open \(folder)/index.html)")
    }

    /// `gluteus-minimus-anterior-lateral-right`, `body-posterior`, `piriformis-all-views-both-sides`.
    private func fileName(_ chosen: [Pattern], views: [ViewID]) -> String {
        let subject = chosen.isEmpty ? "body" : chosen.map(\.id).joined(separator: "+")
        let viewName = views.count == ViewID.allCases.count ? "all-views" : views.map(\.rawValue).joined(separator: "+")
        let sideName = side == .both ? "-both-sides" : (side == .left && views.contains { $0.onlySide == nil } ? "-left-side" : "")
        return "\(subject)-\(viewName)\(sideName)"
    }

    /// The views asked for; `all` (or no --view) keeps only the lateral views that can show
    /// a chosen side. A view named on its own is kept whatever the side: a blank body needs
    /// no side, and a pattern that does not show there gets a message naming the view.
    private func chosenViews(_ chosen: [Pattern]) -> [ViewID] {
        if let view, !view.isAll { return view.views }
        // `all` takes the soles too when a pattern draws on them (the dermatome maps).
        let soles = chosen.contains { p in side.sides.contains { p.bodyViews(side: $0).contains(.plantar) } }
        let all = view.map { $0.views + (soles ? [.plantar] : []) }
        return (all ?? defaultViews(chosen, sides: side.sides)).filter { v in side.sides.contains { v.shows($0) } }
    }

    /// The views in which any chosen pattern shows, in the usual order.
    private func defaultViews(_ patterns: [Pattern], sides: [Side]) -> [ViewID] {
        guard !patterns.isEmpty else { return [.posterior] }
        let shown = Set(patterns.flatMap { p in sides.flatMap { p.bodyViews(side: $0) } })
        return ViewID.withSoles.filter(shown.contains)
    }
}
