import ArgumentParser
import AtlasModel
import Foundation

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print a body view and the geometry of patterns placed on it as JSON.",
        discussion: """
            Prints {view, patterns}: the view's outline, contours and landmarks, and for each
            pattern given its zones (kind, label, note, points), trigger points, the muscle
            outlines the render draws with it (from the anatomy layer where it has them) and
            nerve paths (deep, calibre, points). Points are [x, y] in millimetres of the
            1750 mm reference body as placed on the view (origin at the vertex, x toward the
            viewer's right, y toward the feet); curves are flattened to polylines. A pattern
            the view cannot show on a side is listed with empty geometry.
            Example: referral-atlas dump --view posterior sacroiliac-joint
            """)

    @OptionGroup var atlasOptions: AtlasOptions

    @Option(help: "posterior (back), anterior (front), lateral-right (right), lateral-left (left) or plantar (soles).")
    var view: ViewID

    @Option(help: "The patient's side the patterns are placed on: right, left or both.")
    var side: SideChoice = .right

    @Argument(help: "Pattern ids to place on the view (none: the body alone).")
    var patterns: [String] = []

    func run() throws {
        try runReporting {
            let atlas = try atlasOptions.load()
            guard let body = atlas.view(view) else { throw CLIError.invalidInput("the atlas has no \(view.rawValue) view") }
            let chosen = try patterns.map { id in
                guard let pattern = atlas.pattern(id) else {
                    throw CLIError.invalidInput("unknown pattern '\(id)'; `referral-atlas list` shows them all")
                }
                return pattern
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let dump = GeometryDump(view: body, patterns: chosen, sides: side.sides, anatomy: atlas.anatomy)
            print(String(decoding: try encoder.encode(dump), as: UTF8.self))
        }
    }
}

/// One view by id or by the word the charts print (`back`, `front`, `right`, `left`, `soles`).
extension ViewID: ExpressibleByArgument {
    public init?(argument: String) { self.init(named: argument) }
    public static var allValueStrings: [String] { acceptedNames }
}
