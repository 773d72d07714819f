import AtlasModel
import Foundation

/// A static `index.html` over the files `render --all` wrote: thumbnails, names and links to
/// every format, for a blog author to browse.
public enum Gallery {
    static let sections: [(folder: String, title: String)] = [
        ("figures", "Figures for articles"), ("patterns", "Patterns"), ("handouts", "Patient handouts"),
        ("dermatomes", "Dermatome maps"), ("templates", "Blank charts for patients"), ("views", "Body views"),
    ]

    /// The page for the files in `paths` (relative to the output folder).
    public static func html(atlas: Atlas, paths: [String]) -> String {
        var groups: [String: [String: [String]]] = [:]  // folder -> base name -> extensions
        for path in paths {
            let folder = (path as NSString).deletingLastPathComponent
            let file = (path as NSString).lastPathComponent
            let ext = (file as NSString).pathExtension
            let base = (file as NSString).deletingPathExtension
            groups[folder, default: [:]][base, default: []].append(ext)
        }
        var page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(atlas.name)) \(escape(atlas.version))</title>
            <style>
            body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:2rem;color:#1a1a1a;background:#fafafa}
            h1{margin-bottom:.2rem}p.note{color:#555;margin-top:0}
            h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:1rem}
            figure{margin:0;background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:.6rem}
            figure img{width:100%;height:220px;object-fit:contain;background:#fff}
            figcaption{font-size:.9rem;margin-top:.4rem}figcaption a{margin-right:.5rem;font-size:.8rem}
            </style></head><body>
            <h1>\(escape(atlas.name))</h1>
            <p class="note">Atlas version \(escape(atlas.version)). \(escape(ChartBuilder.disclaimer))</p>

            """
        for (folder, title) in sections {
            guard let files = groups[folder], !files.isEmpty else { continue }
            page += "<h2>\(escape(title))</h2>\n<div class=\"grid\">\n"
            for base in files.keys.sorted() where !base.hasSuffix("@2x") {
                let extensions = files[base]!.sorted()
                let image = extensions.contains("png") ? "\(folder)/\(base).png" : nil
                let name = atlas.pattern(base)?.name ?? atlas.figure(base)?.title ?? base
                page += "<figure>"
                if let image { page += "<a href=\"\(escape(image))\"><img src=\"\(escape(image))\" alt=\"\(escape(name))\" loading=\"lazy\"></a>" }
                page += "<figcaption>\(escape(name))<br>"
                for ext in extensions { page += "<a href=\"\(escape("\(folder)/\(base).\(ext)"))\">\(ext.uppercased())</a>" }
                if files["\(base)@2x"] != nil { page += "<a href=\"\(escape("\(folder)/\(base)@2x.png"))\">PNG 2x</a>" }
                if folder == "patterns", groups["handouts"]?[base] != nil {
                    page += "<a href=\"\(escape("handouts/\(base).pdf"))\">Handout</a>"
                }
                page += "</figcaption></figure>\n"
            }
            page += "</div>\n"
        }
        if paths.contains("contact-sheet.png") {
            page += "<h2>Every pattern at a glance</h2>\n<p><a href=\"contact-sheet.png\">Contact sheet (PNG)</a></p>\n"
        }
        return page + "</body></html>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
