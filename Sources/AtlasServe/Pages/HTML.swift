/// Escaping for text and attribute values placed in HTML.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// The frame every page shares: one stylesheet, scripts only as files (the
/// Content-Security-Policy forbids inline script).
enum Layout {
    static func page(title: String, body: String, scripts: [String] = [], bodyClass: String = "") -> String {
        let scriptTags = scripts.map { src -> String in "<script src=\"\(src)\" defer></script>" }.joined()
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <link rel="icon" href="data:,">
            <title>\(HTML.escape(title))</title>
            <link rel="stylesheet" href="/static/style.css">
            \(scriptTags)
            </head>
            <body class="\(bodyClass)">
            \(body)
            </body>
            </html>
            """
    }
}
