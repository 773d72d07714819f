import Foundation

/// Reads `styles/*.yaml`: every colour, texture and size; keys left out keep the defaults.
enum StyleLoader {
    /// Colour settings: section, key, field.
    static var colours: [(String, String, WritableKeyPath<Style, Color>)] { [
        ("body", "fill", \.bodyFill), ("body", "outline", \.outline), ("body", "contour", \.contour), ("body", "crease", \.crease),
        ("essential", "color", \.essential),
        ("spillover", "tint", \.spilloverTint), ("spillover", "dot", \.spilloverDot),
        ("spillover", "half-tint", \.halfTint), ("spillover", "half-dot", \.halfDot),
        ("nerve", "color", \.nerve), ("nerve", "edge", \.nerveEdge),
        ("muscle", "fill", \.muscleFill), ("muscle", "line", \.muscleLine),
        ("trigger-point", "color", \.triggerPoint), ("trigger-point", "halo", \.triggerPointHalo),
        ("text", "color", \.text), ("text", "muted", \.mutedText), ("landmark", "color", \.landmark),
        ("dermatomes", "border", \.dermatomeBorder), ("dermatomes", "label", \.dermatomeLabel),
        ("marks", "pain", \.painMark), ("marks", "numbness", \.numbnessMark), ("marks", "tingling", \.tinglingMark),
        ("anatomy", "bone-fill", \.anatomy.boneFill), ("anatomy", "bone-line", \.anatomy.boneLine),
        ("anatomy", "muscle-fill", \.anatomy.muscleFill), ("anatomy", "muscle-line", \.anatomy.muscleLine),
        ("anatomy", "fibre", \.anatomy.fibre), ("anatomy", "tendon-fill", \.anatomy.tendonFill),
    ] }

    /// Sizes in body millimetres: section, key, field, allowed range.
    static var numbers: [(String, String, WritableKeyPath<Style, Double>, ClosedRange<Double>)] { [
        ("body", "outline-width", \.outlineWidth, 0.2...20), ("body", "contour-width", \.contourWidth, 0.1...20),
        ("body", "crease-width", \.creaseWidth, 0.1...20),
        ("spillover", "dot-spacing", \.stippleSpacing, 2...50), ("spillover", "dot-radius", \.stippleRadius, 0.3...10),
        ("spillover", "half-dot-spacing", \.halfStippleSpacing, 2...50), ("spillover", "half-dot-radius", \.halfStippleRadius, 0.3...10),
        ("spillover", "few-dot-spacing", \.fewStippleSpacing, 2...50), ("spillover", "few-dot-radius", \.fewStippleRadius, 0.3...10),
        ("hatch", "spacing", \.hatchSpacing, 2...50), ("hatch", "width", \.hatchWidth, 0.2...20),
        ("nerve", "width", \.nerveWidth, 0.5...30), ("nerve", "edge-width", \.nerveEdgeWidth, 0...10),
        ("muscle", "line-width", \.muscleLineWidth, 0.1...10), ("dermatomes", "border-width", \.dermatomeBorderWidth, 0...10),
        ("trigger-point", "size", \.triggerPointSize, 2...60), ("trigger-point", "width", \.triggerPointWidth, 0.3...20),
        ("anatomy", "bone-line-width", \.anatomy.boneLineWidth, 0.1...10),
        ("anatomy", "muscle-line-width", \.anatomy.muscleLineWidth, 0.1...10),
        ("anatomy", "fibre-width", \.anatomy.fibreWidth, 0.1...10),
    ] }

    /// Hatches: radicular zones, nerve entrapment, each root and the gaps.
    static var hatches: [(String, WritableKeyPath<Style, HatchStyle>)] { [("radicular", \.radicular), ("entrapment", \.entrapment), ("gap", \.gap)] }

    static func read(_ root: YAMLValue, log: DiagnosticLog) -> (name: String, style: Style)? {
        guard let map = root.mapping(log, what: "a style (a mapping of sections)") else { return nil }
        var style = Style()
        let sections = Set(colours.map(\.0) + numbers.map(\.0) + hatches.map(\.0) + ["roots"])
        map.check(required: ["name"], optional: sections.sorted() + ["font"], in: "a style", log)
        let name = map["name"]?.string(log) ?? "style"
        if let font = map["font"]?.string(log, what: "a font family name") { style.fontFamily = font }
        for section in sections.sorted() {
            guard let value = map[section], let entries = value.mapping(log, what: "the '\(section)' section (a mapping)") else { continue }
            if section == "roots" {
                readRoots(entries, into: &style, log: log)
                continue
            }
            let hatch = hatches.first { $0.0 == section }
            let keys = colours.filter { $0.0 == section }.map(\.1) + numbers.filter { $0.0 == section }.map(\.1)
                + (hatch == nil ? [] : ["color", "tint", "angle", "texture", "some-texture", "some-angle"]) + (section == "anatomy" ? ["show"] : [])
                + (section == "dermatomes" ? ["fills", "textures"] : [])
            entries.check(required: [], optional: keys, in: "the '\(section)' section", log)
            if section == "anatomy", let v = entries["show"], let show = v.bool(log) { style.anatomy.show = show }
            for (s, key, field) in colours where s == section {
                if let v = entries[key], let color = color(v, log) { style[keyPath: field] = color }
            }
            for (s, key, field, range) in numbers where s == section {
                if let v = entries[key], let number = v.number(log) {
                    if range.contains(number) { style[keyPath: field] = number }
                    else { log.report(v.location, "\(section).\(key) must be between \(range.lowerBound) and \(range.upperBound)") }
                }
            }
            if let (_, field) = hatch { readHatch(entries, into: &style[keyPath: field], log: log) }
            if section == "dermatomes", let fills = entries["fills"]?.mapping(log, what: "the dermatome fills ({L3: \"#RRGGBB\", ...})") {
                fills.check(required: [], optional: dermatomeRoots, in: "the dermatome fills", log)
                for entry in fills.entries where dermatomeRoots.contains(entry.key) {
                    if let c = color(entry.value, log) { style.dermatomeFills[entry.key] = c }
                }
            }
            if section == "dermatomes", let textures = entries["textures"]?.mapping(log, what: "the dermatome textures ({L5: {texture, color, angle}, ...})") {
                textures.check(required: [], optional: dermatomeRoots, in: "the dermatome textures", log)
                for entry in textures.entries where dermatomeRoots.contains(entry.key) {
                    guard let fields = entry.value.mapping(log, what: "a texture ({texture, color, angle})") else { continue }
                    fields.check(required: ["texture"], optional: ["color", "angle"], in: "the \(entry.key) texture", log)
                    var texture = HatchStyle(color: Color(0, 0, 0), tint: Color(0, 0, 0, 0), angleDegrees: 45)
                    readHatch(fields, into: &texture, log: log)
                    style.dermatomeTextures[entry.key] = texture
                }
            }
        }
        return (name, style)
    }

    /// The roots a dermatome map may give a fill.
    static let dermatomeRoots = ["L1", "L2", "L3", "L4", "L5", "S1", "S2", "S3"]

    private static func readRoots(_ roots: YAMLMapping, into style: inout Style, log: DiagnosticLog) {
        roots.check(required: [], optional: ["L3", "L4", "L5", "S1", "S2"], in: "the 'roots' section", log)
        for entry in roots.entries {
            guard var hatch = style.roots[entry.key], let fields = entry.value.mapping(log, what: "a hatch ({color, tint, angle})") else { continue }
            fields.check(required: [], optional: ["color", "tint", "angle", "texture"], in: "root \(entry.key)", log)
            readHatch(fields, into: &hatch, log: log)
            style.roots[entry.key] = hatch
        }
    }

    private static func readHatch(_ fields: YAMLMapping, into hatch: inout HatchStyle, log: DiagnosticLog) {
        if let v = fields["color"], let c = color(v, log) { hatch.color = c }
        if let v = fields["tint"], let c = color(v, log) { hatch.tint = c }
        if let v = fields["texture"], let name = v.choice(log, HatchStyle.Texture.allCases.map(\.rawValue)) {
            hatch.texture = HatchStyle.Texture(rawValue: name)!
        }
        if let v = fields["angle"], let a = v.number(log) {
            if (-180...180).contains(a) { hatch.angleDegrees = a } else { log.report(v.location, "a hatch angle is -180 to 180 degrees") }
        }
        if let v = fields["some-texture"], let name = v.choice(log, HatchStyle.Texture.allCases.map(\.rawValue)) {
            hatch.someTexture = HatchStyle.Texture(rawValue: name)!
        }
        if let v = fields["some-angle"], let a = v.number(log) {
            if (-180...180).contains(a) { hatch.someAngleDegrees = a } else { log.report(v.location, "a hatch angle is -180 to 180 degrees") }
        }
    }

    private static func color(_ value: YAMLValue, _ log: DiagnosticLog) -> Color? {
        guard let text = value.scalarText, let color = Color(hex: text) else {
            log.report(value.location, "expected a colour as \"#RRGGBB\" or \"#RRGGBBAA\" (in quotes), found \(value.kindDescription)")
            return nil
        }
        return color
    }
}

extension AtlasLoader {
    /// A style file from anywhere (`--style FILE`).
    public static func loadStyle(file: String) throws(AtlasError) -> Style {
        let log = DiagnosticLog()
        let style = parse(file, log: log).flatMap { StyleLoader.read($0, log: log) }
        guard log.isEmpty, let style else { throw AtlasError(log.diagnostics) }
        return style.style
    }
}
