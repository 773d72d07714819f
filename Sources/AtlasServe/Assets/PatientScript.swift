/// The patient page's script, served as a file (`/static/patient.js`): the
/// Content-Security-Policy allows no inline script. Strokes are kept in each view's atlas
/// millimetres, from the numbers the server puts on each view (`data-origin-x`, ...), and
/// drawn again from them whenever the picture changes size.
enum PatientScript {
    static let source = #"""
"use strict";
(() => {
  const main = document.getElementById("intake");
  if (!main) return;
  const chart = main.dataset.chart;
  const showSummary = main.dataset.summary === "on";
  const status = document.getElementById("status");
  const colors = {};
  document.querySelectorAll("[data-symptom]").forEach((b) => { colors[b.dataset.symptom] = b.dataset.color; });
  const views = Array.from(document.querySelectorAll("figure.view")).map((fig) => ({
    id: fig.dataset.view, fig: fig, img: fig.querySelector("img"), canvas: fig.querySelector("canvas"),
    originX: Number(fig.dataset.originX), originY: Number(fig.dataset.originY), scale: Number(fig.dataset.scale),
    width: Number(fig.dataset.width), height: Number(fig.dataset.height)
  }));

  let strokes = [];          // {view, symptom, width, points: [[x, y], ...]} in atlas millimetres
  const history = [];        // earlier states, for undo
  let tool = { kind: "pen", symptom: "pain" };
  let active = null;         // the pointer drawing now: {id, view, stroke, last}
  const sizeInput = document.getElementById("pen-size");
  const penWidth = () => Number(sizeInput.value) || 20;

  function remember() {
    history.push(JSON.stringify(strokes));
    if (history.length > 200) history.shift();
  }

  function toMillimetres(view, event) {
    const box = view.canvas.getBoundingClientRect();
    const px = (event.clientX - box.left) * view.width / box.width;
    const py = (event.clientY - box.top) * view.height / box.height;
    return [Math.round((px - view.originX) / view.scale * 10) / 10, Math.round((py - view.originY) / view.scale * 10) / 10];
  }

  const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);

  // Points no further apart than 3 mm, so that the eraser finds every part of a stroke.
  function extend(points, p) {
    const last = points[points.length - 1];
    const d = distance(last, p);
    if (d < 1.5) return;
    const steps = Math.ceil(d / 3);
    for (let i = 1; i <= steps; i++) {
      const t = i / steps;
      points.push([Math.round((last[0] + (p[0] - last[0]) * t) * 10) / 10, Math.round((last[1] + (p[1] - last[1]) * t) * 10) / 10]);
    }
  }

  // Removes the parts of this view's strokes within the eraser, splitting strokes it crosses.
  function erase(view, p) {
    const radius = penWidth() / 2;
    const kept = [];
    for (const s of strokes) {
      if (s.view !== view.id) { kept.push(s); continue; }
      let run = [];
      for (const q of s.points) {
        if (distance(p, q) <= radius + s.width / 4) {
          if (run.length) kept.push({ view: s.view, symptom: s.symptom, width: s.width, points: run });
          run = [];
        } else {
          run.push(q);
        }
      }
      if (run.length) kept.push({ view: s.view, symptom: s.symptom, width: s.width, points: run });
    }
    strokes = kept;
  }

  function redraw(view) {
    const c = view.canvas;
    const box = c.getBoundingClientRect();
    if (!box.width) return;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(box.width * ratio), h = Math.round(box.height * ratio);
    if (c.width !== w || c.height !== h) { c.width = w; c.height = h; }
    const g = c.getContext("2d");
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, w, h);
    const k = w / view.width;
    g.setTransform(k * view.scale, 0, 0, k * view.scale, k * view.originX, k * view.originY);
    g.lineCap = "round";
    g.lineJoin = "round";
    for (const s of strokes) {
      if (s.view !== view.id) continue;
      g.strokeStyle = colors[s.symptom];
      g.fillStyle = colors[s.symptom];
      g.lineWidth = s.width;
      if (s.points.length === 1) {
        g.beginPath();
        g.arc(s.points[0][0], s.points[0][1], s.width / 2, 0, 2 * Math.PI);
        g.fill();
        continue;
      }
      g.beginPath();
      g.moveTo(s.points[0][0], s.points[0][1]);
      for (const q of s.points.slice(1)) g.lineTo(q[0], q[1]);
      g.stroke();
    }
  }

  const redrawAll = () => views.forEach(redraw);

  function update() {
    document.getElementById("undo").disabled = history.length === 0;
    document.getElementById("clear").disabled = strokes.length === 0;
  }

  for (const view of views) {
    const c = view.canvas;
    c.addEventListener("pointerdown", (event) => {
      if (active || (event.pointerType === "mouse" && event.button !== 0)) return;
      event.preventDefault();
      c.setPointerCapture(event.pointerId);
      remember();
      const p = toMillimetres(view, event);
      active = { id: event.pointerId, view: view };
      if (tool.kind === "pen") {
        active.stroke = { view: view.id, symptom: tool.symptom, width: penWidth(), points: [p] };
        strokes.push(active.stroke);
      } else {
        erase(view, p);
      }
      redraw(view);
      update();
    });
    c.addEventListener("pointermove", (event) => {
      if (!active || event.pointerId !== active.id) return;
      event.preventDefault();
      const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
      for (const e of (events.length ? events : [event])) {
        const p = toMillimetres(view, e);
        if (active.stroke) extend(active.stroke.points, p); else erase(view, p);
      }
      redraw(view);
    });
    const finish = (event) => {
      if (!active || event.pointerId !== active.id) return;
      active = null;
      update();
    };
    c.addEventListener("pointerup", finish);
    c.addEventListener("pointercancel", finish);
    if (window.ResizeObserver) new ResizeObserver(() => redraw(view)).observe(c);
    view.img.addEventListener("load", () => redraw(view));
  }
  window.addEventListener("resize", redrawAll);

  document.querySelectorAll("button[data-tool]").forEach((button) => {
    button.addEventListener("click", () => {
      document.querySelectorAll("button[data-tool]").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
      tool = button.dataset.tool === "eraser" ? { kind: "eraser" } : { kind: "pen", symptom: button.dataset.symptom };
      main.classList.toggle("erasing", tool.kind === "eraser");
    });
  });

  document.getElementById("undo").addEventListener("click", () => {
    if (!history.length) return;
    strokes = JSON.parse(history.pop());
    redrawAll();
    update();
  });

  document.getElementById("clear").addEventListener("click", () => {
    if (!strokes.length) return;
    remember();
    strokes = [];
    redrawAll();
    update();
  });

  // On a narrow screen one view shows at a time; the tabs choose it.
  document.querySelectorAll("[role=tab][data-view]").forEach((tab) => {
    tab.addEventListener("click", () => {
      document.querySelectorAll("[role=tab][data-view]").forEach((t) => t.setAttribute("aria-selected", String(t === tab)));
      views.forEach((v) => v.fig.classList.toggle("current", v.id === tab.dataset.view));
      redrawAll();
    });
  });

  document.getElementById("send").addEventListener("submit", async (event) => {
    event.preventDefault();
    const code = document.getElementById("code").value.trim();
    if (!strokes.length) { status.textContent = "Please draw where you feel symptoms first."; return; }
    const button = event.submitter || document.querySelector("#send button");
    button.disabled = true;
    status.textContent = "Sending…";
    try {
      const response = await fetch("/api/drawings", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ chart: chart, code: code, strokes: strokes })
      });
      const answer = await response.json().catch(() => ({}));
      if (response.status !== 201) {
        status.textContent = answer.error ? "Not sent: " + answer.error : "Not sent (error " + response.status + "). Please ask at reception.";
        button.disabled = false;
        return;
      }
      showThanks(answer.patientSummary);
    } catch (error) {
      status.textContent = "Not sent: the clinic's server could not be reached. Please try again.";
      button.disabled = false;
    }
  });

  function showThanks(summary) {
    main.hidden = true;
    const thanks = document.getElementById("thanks");
    thanks.hidden = false;
    if (showSummary && typeof summary === "string" && summary) {
      document.getElementById("summary-text").textContent = summary;
      document.getElementById("summary").hidden = false;
    }
    window.scrollTo(0, 0);
  }

  document.getElementById("again").addEventListener("click", () => { window.location.reload(); });
  update();
  redrawAll();
})();
"""#
}
