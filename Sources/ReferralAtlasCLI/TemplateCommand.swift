import ArgumentParser
import AtlasModel
import AtlasRender

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a blank body chart for a patient to draw on, to print or to draw on screen.",
        discussion: """
            The chart is a page at true scale (check the 5 cm bar after printing at 100%), with \
            four corner marks and a code that `compare` reads back from a scan or a phone photo: \
            which views and paper it is, so `compare` needs no flags.
            Example: referral-atlas template --paper letter -o chart.pdf
            """)

    @OptionGroup var atlasOptions: AtlasOptions
    @OptionGroup var styleOptions: StyleOptions

    @Option(help: "posterior (back), anterior (front), lateral-right (right), lateral-left (left), back-front (back and front, large, upright, with both soles in an inset) or all (four views, landscape).",
            transform: ViewChoice.parse)
    var view: ViewChoice = .all

    @Option(help: "The paper: a4 or letter.")
    var paper: Paper = .a4

    @Option(help: "Width in pixels, 100 to 20000 (default: the page at --dpi).")
    var width: Int?

    @OptionGroup var outputOptions: PictureOutputOptions

    func run() throws {
        try runReporting {
            let width = try checkedWidth(width)
            let dpi = try outputOptions.checkedDPI(default: 150)
            let viewName = view.isAll ? "all-views" : view.views.map(\.rawValue).joined(separator: "+")
            let target = try outputOptions.target(name: "chart-\(viewName)-\(paper.rawValue)", fallback: .pdf, atlas: atlasOptions)
            let atlas = try atlasOptions.load(onlyPatterns: [])
            var request = ChartRequest(kind: .template, views: view.views)
            request.paper = paper
            let sheet = ChartSheet(views: view.views, paper: paper)
            request.width = try Limits.width.check(width ?? Int((sheet.pageWidth / 25.4 * dpi).rounded()))
            request.style = try styleOptions.resolve(atlas)
            try Exporter.write(request, atlas: atlas, format: target.format, to: target.path)
            print(target.path)
        }
    }
}
