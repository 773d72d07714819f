import AtlasModel
import Foundation

/// Renders requests to files, one at a time or the whole atlas at once (on every core).
public enum Exporter {
    /// Renders one chart to `path` in `format`, atomically.
    public static func write(_ request: ChartRequest, atlas: Atlas, format: OutputFormat, to path: String,
                             threads: Int? = nil) throws(RenderError) {
        let scene = try ChartBuilder.scene(request, atlas: atlas)
        let bytes = try SceneRenderer.render(scene, as: format, threads: threads)
        try AtomicFile.write(bytes, to: path)
    }

    /// One file to make in a batch.
    public struct Job: Sendable {
        public enum Content: Sendable {
            case chart(ChartRequest)
            case contactSheet(width: Int)
            case figure(Figure, width: Int?)
            case handout(HandoutRequest)
        }

        public var content: Content
        public var format: OutputFormat
        public var path: String
        /// The style for contact sheets and figures (charts carry their own in the request).
        public var style = Style.default

        public init(request: ChartRequest, format: OutputFormat, path: String) {
            self.content = .chart(request)
            self.format = format
            self.path = path
        }

        public init(content: Content, format: OutputFormat, path: String) {
            self.content = content
            self.format = format
            self.path = path
        }
    }

    /// Writes a prepared scene to `path`, atomically.
    /// `threads`: how many cores one PNG may use (default: all).
    public static func write(_ scene: Scene, format: OutputFormat, to path: String, threads: Int? = nil) throws(RenderError) {
        try AtomicFile.write(try SceneRenderer.render(scene, as: format, threads: threads), to: path)
    }

    /// Runs jobs on `workers` threads (default: every core); returns the paths written, or
    /// throws the first failure (jobs not yet started are skipped after a failure; each file
    /// is written atomically).
    public static func run(_ jobs: [Job], atlas: Atlas, workers: Int? = nil) throws(RenderError) -> [String] {
        let failures = FailureBox()
        // The costliest jobs (figures at twice their width, handouts, dermatome maps) go
        // first, so that no core is left with one long job at the end.
        let order = jobs.indices.sorted { jobs[$0].cost != jobs[$1].cost ? jobs[$0].cost > jobs[$1].cost : $0 < $1 }
        let threads = max(1, min(workers ?? ProcessInfo.processInfo.activeProcessorCount, jobs.count))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let position = next.take(below: order.count), !failures.any {
                runJob(order[position])
            }
        }
        @Sendable func runJob(_ index: Int) {
            let job = jobs[index]
            let style = job.style
            do {
                switch job.content {
                case .chart(let request):
                    try write(request, atlas: atlas, format: job.format, to: job.path, threads: 1)
                case .contactSheet(let width):
                    try write(try ContactSheet.scene(atlas: atlas, patterns: atlas.patterns, width: width, style: style),
                              format: job.format, to: job.path, threads: 1)
                case .handout(let request):
                    try AtomicFile.write(try PageRenderer.render(try HandoutBuilder.pages(request, atlas: atlas), as: job.format), to: job.path)
                case .figure(let figure, let width):
                    try write(try FigureBuilder.scene(figure, width: width, dpi: 144, style: style, atlas: atlas), format: job.format, to: job.path, threads: 1)
                }
            } catch {
                failures.add(index, error)
            }
        }
        if let first = failures.first { throw first }
        return jobs.map(\.path)
    }

    /// Renders the whole atlas into `folder` with its gallery, all or nothing: every file is
    /// first written into a hidden staging folder inside `folder`, and only when all of them
    /// are written do its subfolders replace those of an earlier run (a rename each). A
    /// failure leaves `folder` as it was. Returns the number of files written.
    /// `workers` pictures are drawn at once (default: one per core).
    public static func renderAtlas(_ atlas: Atlas, into folder: String, width: Int, dpi: Double, style: Style,
                                   workers: Int? = nil) throws(RenderError) -> Int {
        try RenderError.checking { () throws(InvalidOption) in
            try Limits.width.check(width)
            try Limits.dpi.check(dpi)
            if let workers { try Limits.jobs.check(workers) }
        }
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        let existed = files.fileExists(atPath: folder, isDirectory: &isDirectory)
        if existed && !isDirectory.boolValue { throw RenderError.io(path: folder, message: "this is a file; --all writes into a folder") }
        if !existed {
            do { try files.createDirectory(atPath: folder, withIntermediateDirectories: false) } catch {
                throw RenderError.io(path: folder, message: "cannot create the folder (does its parent folder exist?)")
            }
        }
        let staging = (folder as NSString).appendingPathComponent(".referral-atlas-staging-\(ProcessInfo.processInfo.processIdentifier)")
        let retired = staging + "-old"
        defer {
            try? files.removeItem(atPath: staging)
            try? files.removeItem(atPath: retired)
        }
        do {
            let written = try run(try allJobs(atlas: atlas, directory: staging, width: width, dpi: dpi, style: style), atlas: atlas,
                                  workers: workers)
            try writeGallery(atlas: atlas, directory: staging, paths: written)
            try replaceEntries(of: folder, with: staging, retiring: retired)
            return written.count + 1
        } catch {
            if !existed { try? files.removeItem(atPath: folder) }
            throw error
        }
    }

    /// Moves every entry of `staging` into `folder`, moving an entry it replaces aside first.
    private static func replaceEntries(of folder: String, with staging: String, retiring retired: String) throws(RenderError) {
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: retired, withIntermediateDirectories: true)
            for name in try files.contentsOfDirectory(atPath: staging).sorted() {
                let target = (folder as NSString).appendingPathComponent(name)
                if files.fileExists(atPath: target) { try files.moveItem(atPath: target, toPath: (retired as NSString).appendingPathComponent(name)) }
                try files.moveItem(atPath: (staging as NSString).appendingPathComponent(name), toPath: target)
            }
        } catch {
            throw RenderError.io(path: folder, message: "cannot move the new files into place: \(error.localizedDescription)")
        }
    }

    /// Writes `index.html` in `directory` for the files written there.
    public static func writeGallery(atlas: Atlas, directory: String, paths: [String]) throws(RenderError) {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let relative = paths.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
        let html = Gallery.html(atlas: atlas, paths: relative)
        try AtomicFile.write(Array(html.utf8), to: (directory as NSString).appendingPathComponent("index.html"))
    }

    /// Every template, every body view and every pattern of the atlas, into `directory`.
    public static func allJobs(atlas: Atlas, directory: String, width: Int, dpi: Double, style: Style) throws(RenderError) -> [Job] {
        for sub in ["templates", "views", "patterns", "dermatomes", "figures", "handouts"] {
            let path = (directory as NSString).appendingPathComponent(sub)
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw RenderError.io(path: path, message: "cannot create the folder")
            }
        }
        func file(_ sub: String, _ name: String) -> String {
            ((directory as NSString).appendingPathComponent(sub) as NSString).appendingPathComponent(name)
        }
        func request(_ kind: ChartRequest.Kind, _ views: [ViewID], width w: Int = width) -> ChartRequest {
            var r = ChartRequest(kind: kind, views: views)
            r.width = w; r.dpi = dpi; r.style = style
            return r
        }
        var jobs: [Job] = []
        // Printable blank charts: every view and all four, on both papers, as PDF and PNG (the
        // back-and-front page without its soles is only read back from old prints).
        for views in ChartSheet.viewChoices where views != ChartSheet.backFrontWithoutSoles {
            for paper in Paper.allCases {
                var template = request(.template, views)
                template.paper = paper
                let sheet = ChartSheet(views: views, paper: paper)
                template.width = Int((sheet.pageWidth / 25.4 * max(dpi, 150)).rounded())
                let name = sheet.fileStem
                for format in [OutputFormat.pdf, .png] {
                    jobs.append(Job(request: template, format: format, path: file("templates", "\(name).\(format.rawValue)")))
                }
            }
        }
        for view in ViewID.withSoles {
            jobs.append(Job(request: request(.render, [view]), format: .png, path: file("views", "\(view.rawValue).png")))
            var marked = request(.render, [view]); marked.landmarks = true
            marked.title = "Landmarks: \(atlas.view(view)?.label ?? view.rawValue) view"
            jobs.append(Job(request: marked, format: .png, path: file("views", "\(view.rawValue)-landmarks.png")))
        }

        for pattern in atlas.patterns {
            var r = request(.render, pattern.bodyViews(side: .right))
            guard !r.views.isEmpty else { continue }
            r.patterns = [pattern]
            // Waist to toes for a pattern below the waist, as its handout frames it: the whole
            // body drew the sciatic nerve's variant small.
            if HandoutFraming.belowWaist(views: r.views, patterns: [pattern], side: .right, atlas: atlas) { r.region = .lowerQuarter }
            r.width = width * r.views.count / 2 + width / 2
            for format in OutputFormat.published {
                jobs.append(Job(request: r, format: format, path: file("patterns", "\(pattern.id).\(format.rawValue)")))
            }
        }
        var extra = [Job(content: .contactSheet(width: width * 3 / 2), format: .png, path: (directory as NSString).appendingPathComponent("contact-sheet.png"))]
        for figure in atlas.figures {
            for format in OutputFormat.published {
                extra.append(Job(content: .figure(figure, width: nil), format: format, path: file("figures", "\(figure.id).\(format.rawValue)")))
            }
            // Blog images for high-density screens.
            extra.append(Job(content: .figure(figure, width: figure.width * 2), format: .png, path: file("figures", "\(figure.id)@2x.png")))
        }
        for pattern in atlas.patterns where !pattern.zones.isEmpty {
            var handout = HandoutRequest(patterns: [pattern])
            handout.style = style
            extra.append(Job(content: .handout(handout), format: .pdf, path: file("handouts", "\(pattern.id).pdf")))
            // A preview for the gallery: the first page, large enough to read (Gallery.previewDPI).
            var thumbnail = handout
            thumbnail.dpi = Gallery.previewDPI
            thumbnail.onlyFirstPage = true
            extra.append(Job(content: .handout(thumbnail), format: .png, path: file("handouts", "\(pattern.id).png")))
        }
        for index in extra.indices { extra[index].style = style }
        jobs += extra
        for (id, map) in atlas.dermatomeMaps.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            guard let whole = map.patterns.first(where: { $0.id == "dermatomes" }) else { continue }
            var r = request(.render, [.posterior, .anterior, .lateralRight, .plantar])  // the soles too, as `render dermatomes` shows them
            r.patterns = [whole]; r.sides = [.right, .left]
            r.region = ChartRequest.defaultRegion(for: [whole])
            r.width = width * 2
            jobs.append(Job(request: r, format: .png, path: file("dermatomes", "dermatomes-\(id.rawValue).png")))
        }
        return jobs
    }
}

extension Exporter.Job {
    /// A rough relative cost, for scheduling the long jobs first.
    var cost: Double {
        let pixels: Double = switch content {
        case .chart(let request): Double(request.width * request.width) * 2.6 * Double(max(1, request.patterns.count))
        case .contactSheet(let width): Double(width * width) * 3
        case .figure(let figure, let width): Double((width ?? figure.width) * (width ?? figure.width))
        case .handout(let request): request.dpi * request.dpi * 100
        }
        return pixels * (format == .pdf || format == .svg ? 0.5 : 1)
    }
}

/// Hands out job numbers to worker threads.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Collects failures from concurrent jobs; reports the lowest-numbered one.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [(Int, RenderError)] = []

    func add(_ index: Int, _ error: Error) {
        let renderError = error as? RenderError ?? .invalidRequest("\(error)")
        lock.lock(); failures.append((index, renderError)); lock.unlock()
    }

    var any: Bool {
        lock.lock(); defer { lock.unlock() }
        return !failures.isEmpty
    }

    var first: RenderError? {
        lock.lock(); defer { lock.unlock() }
        return failures.min { $0.0 < $1.0 }?.1
    }
}
