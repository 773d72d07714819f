#!/usr/bin/env python3
"""The intake in a real browser: Debian's chromium, headless, through Playwright.

A patient opens the page on a phone (390 px, touch), a tablet (820 px, touch) and a desktop
(1280 px, mouse), checks the pens, eraser, undo and clear, draws a band from the right buttock
to the heel with pointer events and sends it; a clinician signs in and finds each drawing with
S1 (radicular-s1) among its top five matches. Screenshots of every page at 1280 and 390 px (and
the tablet's patient page) go to SHOTS (default .build-test/screenshots).

Usage: browser_test.py BINARY [SHOTS]
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_support import TOKEN, Server, right_leg_band  # noqa: E402

from playwright.sync_api import expect, sync_playwright  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

# (name, viewport width, height, touch): a phone, a tablet held upright, a desktop.
DEVICES = [("phone", 390, 844, True), ("tablet", 820, 1180, True), ("desktop", 1280, 900, False)]

# Screen positions of atlas points on a view, after scrolling the middle of the points to the
# middle of the screen (a patient scrolls to the leg, then draws).
TO_SCREEN = """([view, points]) => {
    const fig = document.querySelector(`figure.view[data-view=${view}]`);
    const canvas = fig.querySelector("canvas");
    const d = fig.dataset;
    const ys = points.map((p) => p[1]);
    const middle = (Math.min(...ys) + Math.max(...ys)) / 2;
    let box = canvas.getBoundingClientRect();
    const y = box.top + (Number(d.originY) + middle * Number(d.scale)) * box.height / Number(d.height);
    window.scrollBy(0, y - window.innerHeight / 2);
    box = canvas.getBoundingClientRect();
    return points.map(([x, y]) => [box.left + (Number(d.originX) + x * Number(d.scale)) * box.width / Number(d.width),
                                   box.top + (Number(d.originY) + y * Number(d.scale)) * box.height / Number(d.height)]);
}"""

# How many pixels of a view's drawing layer carry ink.
INKED = """(view) => {
    const c = document.querySelector(`figure.view[data-view=${view}] canvas`);
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
}"""


class Pointer:
    """A finger (touch events through the DevTools protocol, which Chromium turns into
    pointer events of type "touch") or the mouse."""

    def __init__(self, context, page, touch):
        self.page, self.touch = page, touch
        self.cdp = context.new_cdp_session(page) if touch else None

    def drag(self, screen):
        if self.touch:
            def touch(kind, points):
                self.cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})
            touch("touchStart", [{"x": screen[0][0], "y": screen[0][1], "id": 1}])
            for x, y in screen[1:]:
                touch("touchMove", [{"x": x, "y": y, "id": 1}])
            touch("touchEnd", [])
        else:
            self.page.mouse.move(*screen[0])
            self.page.mouse.down()
            for x, y in screen[1:]:
                self.page.mouse.move(x, y, steps=2)
            self.page.mouse.up()


def draw(page, pointer, view, strokes):
    """Drags along each stroke (atlas millimetres); the page must not scroll meanwhile."""
    for stroke in strokes:
        screen = page.evaluate(TO_SCREEN, [view, stroke["points"]])
        before = page.evaluate("() => window.scrollY")
        pointer.drag(screen)
        after = page.evaluate("() => window.scrollY")
        assert before == after, f"the page scrolled while drawing ({before} -> {after})"


def check_tools(page, pointer):
    """Undo, clear, the eraser and the pens, read back from the drawing layer's pixels."""
    stroke = {"points": [[-60.0, float(y)] for y in range(300, 560, 8)]}   # the left upper back
    inked = lambda: page.evaluate(INKED, "posterior")  # noqa: E731
    assert inked() == 0, "the drawing layer starts empty"
    page.get_by_role("button", name="Numbness").click()
    draw(page, pointer, "posterior", [stroke])
    drawn = inked()
    assert drawn > 0, "a drag left no ink"
    page.get_by_role("button", name="Undo").click()
    assert inked() == 0, "undo did not remove the stroke"
    draw(page, pointer, "posterior", [stroke])
    page.get_by_role("button", name="Clear").click()
    assert inked() == 0, "clear did not empty the drawing"
    page.get_by_role("button", name="Undo").click()
    assert abs(inked() - drawn) <= drawn * 0.02, "undo after clear did not bring the stroke back"
    page.get_by_role("button", name="Eraser").click()
    draw(page, pointer, "posterior", [{"points": [[-60.0, 400.0], [-60.0, 420.0]]}])
    left = inked()
    assert 0 < left < drawn, f"the eraser removed nothing or everything ({left} of {drawn} pixels left)"
    page.get_by_role("button", name="Clear").click()
    assert inked() == 0
    page.get_by_role("button", name="Pain").click()


def patient(browser, server, device, shots, code, summary):
    name, width, height, touch = device
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1,
                                  is_mobile=touch, has_touch=touch)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.base + "/")
    expect(page.locator("figure.view[data-view=posterior] img")).to_be_attached()
    page.screenshot(path=os.path.join(shots, f"patient-{width}.png"), full_page=True)
    if page.get_by_role("tab", name="Back").is_visible():
        page.get_by_role("tab", name="Back").click()
    expect(page.locator("figure.view[data-view=posterior] img")).to_be_visible()
    pointer = Pointer(context, page, touch)
    check_tools(page, pointer)
    draw(page, pointer, "posterior", right_leg_band())
    page.screenshot(path=os.path.join(shots, f"patient-drawn-{width}.png"), full_page=False)
    page.fill("#code", code)
    page.get_by_role("button", name="Send to the clinic").click()
    expect(page.locator("#thanks")).to_be_visible(timeout=60_000)
    if summary:
        expect(page.locator("#summary-text")).to_contain_text("not a diagnosis")
    else:
        expect(page.locator("#summary")).to_be_hidden()
    page.screenshot(path=os.path.join(shots, f"thanks-{width}.png"), full_page=True)
    assert not errors, f"the patient page reported errors on the {name}: {errors}"
    context.close()


def clinician(browser, server, width, shots, code, turn_summary_on):
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 500 else 844}, device_scale_factor=1)
    page = context.new_page()
    page.goto(server.base + "/clinic")
    expect(page).to_have_url(server.base + "/clinic/login")
    page.screenshot(path=os.path.join(shots, f"login-{width}.png"), full_page=True)
    page.fill("#token", TOKEN)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(server.base + "/clinic")
    cookie = next(c for c in context.cookies() if c["name"] == "ra_session")
    assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Strict", cookie
    page.screenshot(path=os.path.join(shots, f"clinic-list-{width}.png"), full_page=True)
    tops = {}
    for sent in code:
        page.goto(server.base + "/clinic")
        page.get_by_role("link", name=sent).first.click()
        expect(page.locator("img.overlay")).to_be_visible()
        # The page's Content-Security-Policy forbids eval, so poll from here rather than wait_for_function.
        for _ in range(600):
            if page.locator("img.overlay").evaluate("img => img.complete && img.naturalWidth > 0"):
                break
            page.wait_for_timeout(100)
        else:
            raise AssertionError("the overlay picture did not load")
        top = page.locator("tbody tr").all_inner_texts()[:5]
        assert any("radicular-s1" in row for row in top), f"{sent}: S1 is not among the top five: {top}"
        tops[sent] = top
    page.screenshot(path=os.path.join(shots, f"clinic-detail-{width}.png"), full_page=True)
    page.goto(server.base + "/clinic/settings")
    page.screenshot(path=os.path.join(shots, f"clinic-settings-{width}.png"), full_page=True)
    if turn_summary_on:
        # The next patients see the plain-language summary after sending.
        page.check("input[name=patientSummary]")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_role("status")).to_have_text("Saved.")
    context.close()
    return tops


def main():
    binary = os.path.abspath(sys.argv[1])
    shots = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".build-test/screenshots")
    os.makedirs(shots, exist_ok=True)
    root = tempfile.mkdtemp(prefix="referral-atlas-browser-")
    server = Server(binary, os.path.join(root, "data")).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            # The desktop patient sends without the summary; the clinician then turns it on
            # for the tablet and the phone.
            desktop, tablet, phone = DEVICES[2], DEVICES[1], DEVICES[0]
            patient(browser, server, desktop, shots, "B1-280", summary=False)
            tops = clinician(browser, server, 1280, shots, ["B1-280"], turn_summary_on=True)
            patient(browser, server, tablet, shots, "B2-820", summary=True)
            patient(browser, server, phone, shots, "B3-390", summary=True)
            tops.update(clinician(browser, server, 390, shots, ["B2-820", "B3-390"], turn_summary_on=False))
            for sent, top in tops.items():
                print(f"browser: {sent} sent and reviewed; top matches: " + " | ".join(r.split("\n")[0] for r in top[:3]))
            browser.close()
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    print(f"browser: patient pages (390, 820, 1280 px) and clinician pages (390, 1280 px) passed; screenshots in {shots}")


if __name__ == "__main__":
    main()
