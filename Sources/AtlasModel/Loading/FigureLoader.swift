/// Reads `figures/*.yaml`; every pattern id must exist (an unknown id is an error, not a
/// blank panel).
enum FigureLoader {
    static let maximumWidth = 8000
    static let maximumPanels = 24

    static func read(_ root: YAMLValue, patterns: [String: Pattern], landmarks: PatternLoader.Landmarks, log: DiagnosticLog) -> Figure? {
        guard let map = root.mapping(log, what: "a figure (a mapping with id, title, panels)") else { return nil }
        map.check(required: ["id", "title", "panels"], optional: ["subtitle", "width", "columns", "region", "legend", "source", "anatomy"],
                  in: "a figure", log)
        guard let id = map["id"]?.string(log), let title = map["title"]?.string(log),
              let panelValues = map["panels"]?.sequence(log, what: "a list of panels") else { return nil }
        if !isValidName(id) { log.report(map["id"]!.location, "figure id '\(id)' must be lowercase words joined by hyphens") }
        var width = 1200
        if let value = map["width"], let number = value.number(log) {
            if number < 200 || number > Double(maximumWidth) || number != number.rounded() {
                log.report(value.location, "width must be a whole number of pixels from 200 to \(maximumWidth)")
            } else {
                width = Int(number)
            }
        }
        guard !panelValues.isEmpty, panelValues.count <= maximumPanels else {
            log.report(map["panels"]!.location, "a figure has 1 to \(maximumPanels) panels")
            return nil
        }
        var columns = panelValues.count
        if let value = map["columns"], let number = value.number(log) {
            if number < 1 || number > Double(panelValues.count) || number != number.rounded() {
                log.report(value.location, "columns must be a whole number from 1 to the number of panels (\(panelValues.count))")
            } else {
                columns = Int(number)
            }
        }
        let region = map["region"].flatMap { $0.choice(log, BodyRegion.allCases.map(\.rawValue)) }.flatMap(BodyRegion.init) ?? .full

        var panels: [FigurePanel] = []
        for value in panelValues {
            guard let panel = value.mapping(log, what: "a panel ({view, patterns, side, caption})") else { continue }
            panel.check(required: ["view"], optional: ["patterns", "side", "caption", "title", "labels"], in: "a panel", log)
            guard let viewName = panel["view"]?.choice(log, ViewID.withSoles.map(\.rawValue)),
                  let view = ViewID(rawValue: viewName) else { continue }
            var chosen: [Pattern] = []
            if let list = panel["patterns"] {
                let items = list.scalarText != nil ? [list] : (list.sequence(log, what: "a list of pattern ids") ?? [])
                for item in items {
                    guard let patternID = item.string(log, what: "a pattern id") else { continue }
                    guard let pattern = patterns[patternID] else {
                        log.report(item.location, "unknown pattern '\(patternID)' (see `referral-atlas list`)")
                        continue
                    }
                    chosen.append(pattern)
                }
            }
            let sideName = panel["side"].flatMap { $0.choice(log, ["right", "left", "both"]) } ?? "right"
            let sides: [Side] = sideName == "both" ? [.right, .left] : [Side(rawValue: sideName)!]
            if let only = view.onlySide, !sides.contains(only) {
                log.report(panel["view"]!.location, "the \(viewName) view cannot show the \(sideName) side")
            }
            var labels: [FigureLabel] = []
            let reader = PointReader(landmarks: landmarks[view.patternView] ?? [:], viewName: viewName, log: log)
            for item in panel["labels"]?.sequence(log, what: "a list of labels ({text, at})") ?? [] {
                guard let label = item.mapping(log, what: "a label ({text, at})"),
                      label.check(required: ["text", "at"], optional: ["beside"], in: "a label", log),
                      let text = label["text"]!.string(log), let point = reader.point(label["at"]!) else { continue }
                var beside: FigureLabel.Beside?
                if let node = label["beside"], let name = node.string(log) {
                    beside = FigureLabel.Beside(rawValue: name)
                    if beside == nil {
                        let names = FigureLabel.Beside.allCases.map(\.rawValue).joined(separator: ", ")
                        log.report(node.location, "a label stands beside its point \(names), not '\(name)'")
                    }
                }
                // Authored in the side frame of the panel's (first) side, like patterns.
                labels.append(FigureLabel(text: text, point: Point(point.x * view.screenSign(for: sides[0]), point.y), beside: beside))
            }
            panels.append(FigurePanel(view: view, patterns: chosen, sides: sides,
                                      caption: panel["caption"]?.string(log).map(PatternLoader.clean),
                                      title: panel["title"]?.string(log), labels: labels))
        }
        return Figure(id: id, title: title, subtitle: map["subtitle"]?.string(log).map(PatternLoader.clean), width: width,
                      columns: columns, region: region, panels: panels, legend: map["legend"]?.bool(log) ?? true,
                      source: map["source"]?.string(log).map(PatternLoader.clean), location: map["id"]!.location,
                      anatomy: map["anatomy"]?.bool(log) ?? true)
    }
}
