import AtlasModel
import Foundation

/// A static `index.html` over the files `render --all` wrote: a menu of sections, then for
/// each picture a thumbnail, its human title and links to every format, large enough to tap
/// on a phone (44 px).
public enum Gallery {
    static let sections: [(folder: String, title: String)] = [
        ("figures", "Figures for articles"), ("patterns", "Patterns"), ("handouts", "Patient handouts"),
        ("dermatomes", "Dermatome maps"), ("templates", "Blank charts for patients"), ("views", "Body views"),
    ]

    /// The width a handout's preview is shown at, CSS pixels (narrower only on a narrower
    /// screen): its smallest body text (3.1 mm of a 210 mm page) is over 13 px where it
    /// stands, read without a tap. The previews stand in one row scrolled sideways.
    static let pagePreviewWidth = 920
    /// The dpi of a handout's PNG preview: an A4 page 926 px wide, a little over
    /// `pagePreviewWidth`, so the preview is never enlarged on screen.
    public static let previewDPI = 112.0

    /// The page for the files in `paths` (relative to the output folder).
    public static func html(atlas: Atlas, paths: [String]) -> String {
        var groups: [String: [String: [String]]] = [:]  // folder -> base name -> extensions
        for path in paths {
            let folder = (path as NSString).deletingLastPathComponent
            let file = (path as NSString).lastPathComponent
            groups[folder, default: [:]][(file as NSString).deletingPathExtension, default: []].append((file as NSString).pathExtension)
        }
        let present = sections.filter { groups[$0.folder]?.isEmpty == false }
        var page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(atlas.name)) \(escape(atlas.version))</title>
            <style>
            body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa;line-height:1.4}
            header,main{padding:0 1rem;max-width:1400px;margin:0 auto}
            h1{margin:1rem 0 .2rem;font-size:1.6rem}p.note{color:#555;margin-top:0}
            nav{position:sticky;top:0;z-index:1;background:#fafafaee;border-bottom:1px solid #ddd;display:flex;flex-wrap:wrap;
              gap:.4rem;padding:.4rem 1rem}
            a.button{display:inline-flex;align-items:center;justify-content:center;min-height:44px;min-width:44px;padding:0 .8rem;
              box-sizing:border-box;border-radius:6px;background:#e9eef6;color:#123;text-decoration:none;font-size:.9rem}
            a.button:hover,a.button:focus{background:#d3deef}
            h2{margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem;scroll-margin-top:60px}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:1rem}
            figure{margin:0;background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:.6rem;display:flex;flex-direction:column}
            figure>a{display:block}
            figure img{width:100%;height:240px;object-fit:contain;background:#fff}
            .grid.pages{display:flex;overflow-x:auto;scroll-snap-type:x mandatory;padding-bottom:.6rem}
            .pages figure{flex:0 0 min(100%,\(Self.pagePreviewWidth)px);box-sizing:border-box;scroll-snap-align:start}
            .pages figure img{height:auto;aspect-ratio:210/297}
            figcaption{margin-top:.4rem;font-size:.95rem}
            .formats{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.4rem}
            @media (max-width:520px){nav{position:static}.grid{grid-template-columns:repeat(2,minmax(0,1fr));gap:.6rem}figure img{height:170px}
              .pages figure img{height:auto}figcaption{font-size:.85rem}a.button{padding:0 .6rem}}
            </style></head><body>
            <header><h1>\(escape(atlas.name))</h1>
            <p class="note">Atlas version \(escape(atlas.version)). \(escape(ChartBuilder.disclaimer))</p></header>
            <nav aria-label="Sections">\(present.map { "<a class=\"button\" href=\"#\($0.folder)\">\(escape($0.title))</a>" }.joined())\
            \(paths.contains("contact-sheet.png") ? "<a class=\"button\" href=\"contact-sheet.png\">Contact sheet</a>" : "")</nav>
            <main>

            """
        for (folder, sectionTitle) in present {
            let files = groups[folder]!
            // Handouts are pages of text: their previews stand large, to be read, not glanced at.
            page += "<h2 id=\"\(folder)\">\(escape(sectionTitle))</h2>\n"
            if folder == "handouts" {
                // One row of pages, each wide enough to read where it stands, scrolled
                // sideways: the section is one page tall however many handouts there are.
                page += "<p class=\"note\">\(files.keys.filter { !$0.hasSuffix("@2x") }.count) handouts: scroll sideways for more.</p>\n"
                page += "<div class=\"grid pages\" tabindex=\"0\" role=\"region\" aria-label=\"\(escape(sectionTitle)), scrolled sideways\">\n"
            } else {
                page += "<div class=\"grid\">\n"
            }
            for base in files.keys.sorted(by: { order(folder, $0, atlas) < order(folder, $1, atlas) }) where !base.hasSuffix("@2x") {
                let extensions = files[base]!.sorted { rank($0) < rank($1) }
                let name = title(folder: folder, base: base, atlas: atlas)
                page += "<figure>"
                if extensions.contains("png") {
                    let image = escape("\(folder)/\(base).png")
                    page += "<a href=\"\(image)\"><img src=\"\(image)\" alt=\"\(escape(name))\" loading=\"lazy\"></a>"
                }
                page += "<figcaption>\(escape(name))<div class=\"formats\">"
                // A handout's PNG is its first page, to read on screen (tap the preview); the
                // handout itself is the PDF.
                for ext in extensions where !(folder == "handouts" && ext == "png") {
                    page += link("\(folder)/\(base).\(ext)", ext.uppercased(), name: name)
                }
                if files["\(base)@2x"] != nil { page += link("\(folder)/\(base)@2x.png", "PNG 2x", name: name) }
                if folder == "patterns", groups["handouts"]?[base]?.contains("pdf") == true {
                    page += link("handouts/\(base).pdf", "Handout", name: name)
                }
                page += "</div></figcaption></figure>\n"
            }
            page += "</div>\n"
        }
        return page + "</main></body></html>\n"
    }

    /// A format link, with the picture's name for screen readers.
    static func link(_ href: String, _ text: String, name: String) -> String {
        "<a class=\"button\" href=\"\(escape(href))\" aria-label=\"\(escape("\(name), \(text)"))\">\(escape(text))</a>"
    }

    /// The name a reader knows a file by: the pattern's or figure's name, or what the chart shows.
    static func title(folder: String, base: String, atlas: Atlas) -> String {
        func viewName(_ id: String) -> String? {
            ViewID(rawValue: id).map { atlas.view($0)?.label ?? $0.rawValue }.map { "\($0) view" }
        }
        switch folder {
        case "patterns": return atlas.pattern(base)?.name ?? base
        case "handouts": return atlas.pattern(base).map { "Handout: \($0.name)" } ?? base
        case "figures": return atlas.figure(base)?.title ?? base
        case "dermatomes":
            let map = base.replacingOccurrences(of: "dermatomes-", with: "")
            return "Dermatome map (\(map.replacingOccurrences(of: "-", with: " ")))"
        case "templates":
            // template-VIEW-PAPER
            let parts = base.replacingOccurrences(of: "template-", with: "")
            let paper = Paper.allCases.first { parts.hasSuffix("-\($0.rawValue)") }
            let view = paper.map { String(parts.dropLast($0.rawValue.count + 1)) } ?? parts
            let viewText = view == "all" ? "all four views" : (viewName(view) ?? view)
            let paperText = paper.map { $0 == .a4 ? "A4" : "US letter" } ?? ""
            return "Blank chart, \(viewText.prefix(1).lowercased() + viewText.dropFirst()), \(paperText)"
        case "views":
            if base.hasSuffix("-landmarks") {
                return (viewName(String(base.dropLast("-landmarks".count))) ?? base) + " with landmarks"
            }
            return viewName(base) ?? base
        default: return base
        }
    }

    /// Views and charts in the atlas's order of views; everything else by title.
    static func order(_ folder: String, _ base: String, _ atlas: Atlas) -> String {
        if folder == "views" || folder == "templates" {
            let index = ViewID.allCases.firstIndex { base.contains($0.rawValue) } ?? -1
            return String(format: "%02d-%@", index + 1, base)
        }
        return title(folder: folder, base: base, atlas: atlas).lowercased()
    }

    /// PNG first (the picture), then the page formats.
    static func rank(_ ext: String) -> Int { ["png", "pdf", "svg", "jpg"].firstIndex(of: ext) ?? 9 }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
