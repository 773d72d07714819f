#!/usr/bin/env python3
"""The intake in a real browser: Debian's chromium, headless, through Playwright.

A patient opens the page, draws a band down the back of the right leg with pointer events
and sends it; a clinician signs in and finds the drawing with S1 (radicular-s1) among its top
matches. Screenshots of every page at 1280 and 390 px go to SHOTS (default
.build-test/screenshots).

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


def draw(page, view, strokes):
    """Drags the mouse along each stroke (atlas millimetres), as a patient's finger would."""
    figure = page.locator(f"figure.view[data-view={view}]")
    figure.scroll_into_view_if_needed()
    for stroke in strokes:
        screen = page.evaluate(
            """([view, points]) => {
                const fig = document.querySelector(`figure.view[data-view=${view}]`);
                const box = fig.querySelector("canvas").getBoundingClientRect();
                const d = fig.dataset;
                return points.map(([x, y]) => [box.left + (Number(d.originX) + x * Number(d.scale)) * box.width / Number(d.width),
                                               box.top + (Number(d.originY) + y * Number(d.scale)) * box.height / Number(d.height)]);
            }""", [view, stroke["points"]])
        page.mouse.move(*screen[0])
        page.mouse.down()
        for x, y in screen[1:]:
            page.mouse.move(x, y, steps=2)
        page.mouse.up()


def patient(browser, server, width, shots, code, summary):
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 500 else 844},
                                  device_scale_factor=1, is_mobile=width < 500, has_touch=width < 500)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.base + "/")
    expect(page.locator("figure.view[data-view=posterior] img")).to_be_visible()
    page.screenshot(path=os.path.join(shots, f"patient-{width}.png"), full_page=True)
    if width < 500:
        page.get_by_role("tab", name="Back").click()
    draw(page, "posterior", right_leg_band())
    page.screenshot(path=os.path.join(shots, f"patient-drawn-{width}.png"), full_page=True)
    page.fill("#code", code)
    page.get_by_role("button", name="Send to the clinic").click()
    expect(page.locator("#thanks")).to_be_visible(timeout=60_000)
    if summary:
        expect(page.locator("#summary-text")).to_contain_text("not a diagnosis")
    else:
        expect(page.locator("#summary")).to_be_hidden()
    page.screenshot(path=os.path.join(shots, f"thanks-{width}.png"), full_page=True)
    assert not errors, f"the patient page reported errors: {errors}"
    context.close()


def clinician(browser, server, width, shots, code):
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
    page.get_by_role("link", name=code).first.click()
    expect(page.locator("img.overlay")).to_be_visible()
    # The page's Content-Security-Policy forbids eval, so poll from here rather than wait_for_function.
    for _ in range(600):
        if page.locator("img.overlay").evaluate("img => img.complete && img.naturalWidth > 0"):
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("the overlay picture did not load")
    top = page.locator("tbody tr").all_inner_texts()[:5]
    assert any("radicular-s1" in row for row in top), f"S1 is not among the top five: {top}"
    page.screenshot(path=os.path.join(shots, f"clinic-detail-{width}.png"), full_page=True)
    page.goto(server.base + "/clinic/settings")
    page.screenshot(path=os.path.join(shots, f"clinic-settings-{width}.png"), full_page=True)
    if width > 500:
        # The next patient sees the plain-language summary after sending.
        page.check("input[name=patientSummary]")
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_role("status")).to_have_text("Saved.")
    context.close()
    return top


def main():
    binary = os.path.abspath(sys.argv[1])
    shots = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".build-test/screenshots")
    os.makedirs(shots, exist_ok=True)
    root = tempfile.mkdtemp(prefix="referral-atlas-browser-")
    server = Server(binary, os.path.join(root, "data")).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for width, code in ((1280, "B1-280"), (390, "B3-90")):
                patient(browser, server, width, shots, code, summary=width < 500)
                top = clinician(browser, server, width, shots, code)
                print(f"browser {width} px: sent {code}; top matches: " + " | ".join(r.split("\n")[0] for r in top[:3]))
            browser.close()
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    print(f"browser: patient and clinician pages passed at 1280 and 390 px; screenshots in {shots}")


if __name__ == "__main__":
    main()
