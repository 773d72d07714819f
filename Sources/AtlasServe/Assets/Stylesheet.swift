import AtlasModel
import Foundation

/// The one stylesheet (`/static/style.css`), with the pens in the chart key's own colours.
enum Stylesheet {
    static func css(style: Style) -> String {
        """
        :root { --ink: #1d232a; --muted: #5b6570; --line: #d5dae0; --accent: #1f5fd6; --bg: #f6f7f9;
                --pain: \(hex(style.painMark)); --numbness: \(hex(style.numbnessMark)); --tingling: \(hex(style.tinglingMark)); }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font: 17px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
        header.bar { background: #fff; border-bottom: 1px solid var(--line); padding: 10px 16px; display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
        header.bar h1 { font-size: 1.2rem; margin: 0; flex: 1 1 auto; }
        header.bar nav { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
        header.bar form { margin: 0; }
        main { max-width: 1280px; margin: 0 auto; padding: 12px 16px 32px; }
        a { color: var(--accent); }
        .lead { margin: 4px 0 12px; }
        .muted, .disclaimer { color: var(--muted); font-size: 0.9rem; }
        button, .button, input, select { font: inherit; }
        button, .button { min-height: 44px; padding: 8px 14px; border-radius: 10px; border: 1px solid #b8c0c8; background: #fff; color: var(--ink); cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; justify-content: center; gap: 8px; }
        button:disabled { opacity: 0.45; cursor: default; }
        button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 600; }
        button.danger { border-color: #b3261e; color: #b3261e; }
        .tools { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; align-items: center; }
        .tools button[aria-pressed="true"] { border: 3px solid var(--ink); padding: 6px 12px; font-weight: 600; }
        .swatch { flex: none; width: 22px; height: 22px; border-radius: 50%; display: inline-block; border: 1px solid rgba(0,0,0,0.25); }
        .swatch-pain { background: var(--pain); } .swatch-numbness { background: var(--numbness); } .swatch-tingling { background: var(--tingling); }
        .swatch-eraser { background: repeating-linear-gradient(45deg, #fff 0 4px, #c9ced4 4px 8px); }
        .tools label { display: inline-flex; gap: 6px; align-items: center; }
        select { min-height: 44px; border-radius: 10px; border: 1px solid #b8c0c8; padding: 6px 8px; background: #fff; }
        .view-tabs { display: none; gap: 6px; margin: 6px 0; }
        .view-tabs button[aria-selected="true"] { background: var(--ink); color: #fff; border-color: var(--ink); }
        .views { display: flex; gap: 12px; justify-content: center; flex-wrap: wrap; }
        figure.view { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 6px; text-align: center; flex: 0 1 auto; }
        figure.view figcaption { font-weight: 600; }
        .canvas-wrap { position: relative; display: inline-block; line-height: 0; }
        .canvas-wrap img { display: block; height: min(72vh, 900px); width: auto; max-width: 100%; user-select: none; -webkit-user-drag: none; }
        .canvas-wrap canvas { position: absolute; left: 0; top: 0; width: 100%; height: 100%; touch-action: none; opacity: 0.72; cursor: crosshair; }
        main.erasing canvas { cursor: cell; }
        form.send { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; margin: 16px 0 8px; }
        form.send label { flex: 1 1 100%; font-weight: 600; }
        input[type=text], input[type=password], input[type=number] { min-height: 44px; border-radius: 10px; border: 1px solid #b8c0c8; padding: 8px 10px; background: #fff; }
        #code { width: 12em; text-transform: uppercase; letter-spacing: 0.05em; }
        #status { flex: 1 1 100%; margin: 0; min-height: 1.4em; }
        section.thanks { max-width: 640px; margin: 40px auto; padding: 24px; background: #fff; border-radius: 14px; border: 1px solid var(--line); }
        .card { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 16px; margin: 12px 0; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: 0.85rem; color: var(--muted); font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 12px; }
        .overlay { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
        .match { display: block; }
        td a, .nowrap, p code { white-space: nowrap; }
        label.check { display: flex; gap: 10px; align-items: flex-start; }
        label.check input { flex: none; width: 22px; height: 22px; margin: 2px 0 0; }
        .card h3:first-child, .card h2:first-child { margin-top: 0; }
        .verdict { white-space: nowrap; display: inline-block; padding: 2px 8px; border-radius: 8px; background: #eef1f5; font-size: 0.9rem; }
        .error { color: #b3261e; font-weight: 600; }
        .login { max-width: 420px; margin: 40px auto; }
        .login input { width: 100%; }
        .stack { display: flex; flex-direction: column; gap: 12px; }
        .row { display: flex; flex-wrap: wrap; gap: 10px; align-items: center; }
        .detail { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 16px; }
        @media (max-width: 700px) {
          body { font-size: 16px; }
          header.bar { padding: 8px 10px; }
          header.bar h1 { font-size: 1.05rem; }
          main { padding: 6px 10px 24px; }
          .wide-only { display: none; }
          .lead { margin: 2px 0 6px; font-size: 0.95rem; }
          .tools { display: grid; grid-template-columns: 1fr 1fr; gap: 6px; margin: 6px 0; }
          .tools button, .tools select { min-height: 42px; padding: 4px 8px; font-size: 0.9rem; }
          .tools button[aria-pressed="true"] { padding: 2px 6px; }
          .tools.changes { grid-template-columns: 1.3fr 1fr 1fr; }
          .view-tabs { display: grid; grid-template-columns: repeat(4, 1fr); }
          .view-tabs button { min-height: 40px; padding: 4px; font-size: 0.9rem; justify-content: center; }
          figure.view { display: none; flex: 1 1 100%; padding: 4px; }
          figure.view figcaption { display: none; }
          figure.view.current { display: block; }
          .canvas-wrap img { height: auto; max-height: 60vh; }
          .detail { grid-template-columns: 1fr; }
          th.optional, td.optional { display: none; }
          .match.extra { display: none; }
          th, td { padding: 6px; }
        }
        """
    }

    static func hex(_ color: Color) -> String {
        let channels = [color.r, color.g, color.b].map { Int(max(0, min(255, ($0 * 255).rounded()))) }
        return "#" + channels.map { String(format: "%02X", $0) }.joined()
    }
}
