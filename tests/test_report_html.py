"""The HTML report in a real browser: headless Chromium (Debian's package) driven by Playwright.

The seeds' report is opened from disk; every flag must be listed and highlighted,
a click must bring its passage into view, and nothing may be fetched from the network.
A screenshot is saved to reports/screenshots/ (or $CONSISTENCY_SCREENSHOTS).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import ROOT
from consistency.report import render
from consistency.report._claims import claims

CHROMIUM = Path(os.environ.get("CONSISTENCY_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
SHOTS = Path(os.environ.get("CONSISTENCY_SCREENSHOTS", ROOT / "reports" / "screenshots"))


# -- without a browser --------------------------------------------------------------

def test_self_contained_no_external_reference(seeds_report):
    html = render(seeds_report, "html")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    # nothing to fetch: no external scripts, styles, images or fonts
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and "url(http" not in html
    assert "<svg" in html and "</style>" in html and "</script>" in html


def test_text_is_escaped(seeds_report):
    """A version's text is data, never markup."""
    import dataclasses

    seg = seeds_report.segments[0]
    evil = dataclasses.replace(seg, text="<b>bold</b> & <script>alert(1)</script>"[: len(seg.text)])
    report = dataclasses.replace(seeds_report, segments=(evil, *seeds_report.segments[1:]))
    html = render(report, "html")
    assert "<script>alert(1)" not in html and "&lt;b&gt;bold" in html


def _luminance(hex_colour: str) -> float:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _simulate(hex_colour: str, kind: str) -> tuple[float, float, float]:
    """Machado et al. (2009) full-severity simulation of protanopia, deuteranopia or tritanopia (linear RGB)."""
    m = {"protan": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
         "deutan": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
         "tritan": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]}[kind]
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return tuple(min(1.0, max(0.0, sum(m[r][k] * lin[k] for k in range(3)))) for r in range(3))  # type: ignore


def test_severity_colours_stay_apart_for_colour_blind_readers():
    """The three severity colours differ in every simulated colour-vision deficiency, and badges stay legible."""
    css = (ROOT / "consistency" / "report" / "templates" / "report.css").read_text(encoding="utf-8")
    var = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6})", css))
    marks = [var["high-bg"], var["medium-bg"], var["low-bg"]]
    lines = [var["high"], var["medium"], var["low"]]
    for kind in ("protan", "deutan", "tritan"):
        for group in (marks, lines):
            sims = [_simulate(c, kind) for c in group]
            for i in range(3):
                for j in range(i + 1, 3):
                    dist = sum((a - b) ** 2 for a, b in zip(sims[i], sims[j])) ** 0.5
                    assert dist > 0.04, (kind, group[i], group[j], dist)
    assert _contrast(var["high"], "#ffffff") >= 4.5  # white text on the high badge
    assert _contrast(var["medium"], "#000000") >= 4.5
    assert _contrast(var["low-badge"], "#000000") >= 4.5
    assert _contrast(var["low"], "#ffffff") >= 4.5  # the low count in the header
    assert _contrast(var["muted"], "#ffffff") >= 4.5


def test_heatmap_numbers_are_legible_on_their_cells(seeds_report):
    from consistency.report.html import heatmap_svg

    cells = re.findall(r'fill="(#[0-9a-f]{6})"/><text [^>]*fill="(#[0-9a-f]{6})">([0-9.]+)<', heatmap_svg(seeds_report))
    assert len(cells) == len(seeds_report.pairs) * 2
    for fill, ink, _ in cells:
        assert _contrast(fill, ink) >= 4.4, (fill, ink)


# -- in the browser -----------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium for these tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report_file(seeds_report, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "seeds.html"
    path.write_text(render(seeds_report, "html"), encoding="utf-8")
    return path


@pytest.fixture()
def page(browser, report_file):
    pg = browser.new_page(viewport={"width": 1366, "height": 768})
    errors: list[str] = []
    requests: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(report_file.as_uri())
    yield pg
    assert not errors, errors
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests
    pg.close()


def _in_view(page, locator) -> bool:
    box = locator.evaluate("e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right]; }")
    height, width = page.evaluate("[innerHeight, innerWidth]")
    return box[0] >= 0 and box[1] <= height and box[2] >= 0 and box[3] <= width


def test_every_flag_is_listed_and_highlighted(page, seeds_report):
    listed = page.locator(".flag-list .flag-link").evaluate_all("els => els.map(e => e.dataset.flag)")
    assert listed == [f.id for f in seeds_report.flags]
    for f in seeds_report.flags:
        cell = f'td.tc[data-version="{f.version}"]'
        if f.start == f.end:  # an omission's place: a marker in the version's column
            marker = page.locator(f'{cell} .omit[data-flags~="{f.id}"]')
            assert marker.count() == 1 and marker.get_attribute("id") == f"{f.id}-{f.version}"
            continue
        marks = page.locator(f'{cell} mark.hl[data-flags~="{f.id}"]')
        assert marks.count() >= 1, f.id
        # a flag overlapped by another is cut into adjacent <mark> pieces: compare the characters, not the cuts
        shown = "".join(marks.all_text_contents())
        assert "".join(shown.split()) == "".join(f.text.split()), f.id
        assert f"sev-{f.severity}" in (marks.first.get_attribute("class") or "") or len(
            {g.id for g in seeds_report.flags if g.version == f.version and g.start < f.end and f.start < g.end}) > 1
        assert page.locator(f"#{f.id}-{f.version}").count() == 1
        for c in f.counterparts:
            if c.start < c.end:
                assert page.locator(f'td.tc[data-version="{c.version}"] [data-cp~="{f.id}"]').count() >= 1, (f.id, c)


def test_severities_differ_by_line_style_not_only_colour(page):
    styles = {}
    for sev in ("high", "medium", "low"):
        mark = page.locator(f"td.tc mark.hl.sev-{sev}").first
        if mark.count():
            styles[sev] = mark.evaluate("e => getComputedStyle(e).borderBottomStyle")
    assert len(styles) >= 2 and len(set(styles.values())) == len(styles), styles


def test_clicking_a_flag_scrolls_its_passage_into_view(page, seeds_report):
    # the flag whose passage lies furthest down the page: it starts out of view
    def top(f):
        sel = f'td.tc[data-version="{f.version}"] [data-flags~="{f.id}"]'
        return page.locator(sel).first.evaluate("e => e.getBoundingClientRect().top + scrollY")

    far = max(seeds_report.flags, key=top)
    target = page.locator(f'td.tc[data-version="{far.version}"] [data-flags~="{far.id}"]').first
    assert not _in_view(page, target)
    page.click(f'.flag-link[data-flag="{far.id}"]')
    assert _in_view(page, target)
    assert "active" in (target.get_attribute("class") or "")
    assert page.evaluate("location.hash") == f"#{far.id}-{far.version}"
    # its counterparts in the same claim row are marked and visible too: one row shows every version
    row = target.locator("xpath=ancestor::tr[1]")
    for c in far.counterparts:
        cp = row.locator(f'td[data-version="{c.version}"] [data-cp~="{far.id}"]')
        if cp.count():
            assert "active" in (cp.first.get_attribute("class") or "")
            assert _in_view(page, cp.first), c.version
    # a counterpart link jumps to that version's passage
    if far.counterparts:
        c = far.counterparts[0]
        page.evaluate("scrollTo(0, 0)")
        page.click(f'#flag-{far.id} .cp-link[data-version="{c.version}"]')
        assert _in_view(page, page.locator(f'td.tc[data-version="{c.version}"] [data-cp~="{far.id}"]').first)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "seeds-report-flag.png"))


def test_keyboard_moves_between_flags(page, seeds_report):
    page.keyboard.press("Tab")  # the first stop is the skip link
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("j")
    page.keyboard.press("j")
    second = seeds_report.flags[1]
    assert page.evaluate("document.activeElement.dataset.flag") == second.id
    assert page.locator(f"#flag-{second.id}").get_attribute("class").split().count("active") == 1
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.dataset.flag") == seeds_report.flags[0].id
    page.keyboard.press("Enter")  # Enter on a focused flag selects it like a click
    assert "active" in page.locator(f"#flag-{seeds_report.flags[0].id}").get_attribute("class").split()
    page.keyboard.press("Escape")
    assert page.locator(".flag.active").count() == 0


def test_severity_filter_hides_flags(page, seeds_report):
    lows = [f for f in seeds_report.flags if f.severity == "low"]
    if not lows:
        pytest.skip("the seeds' report has no low flag")
    page.click('.filter[data-severity="low"]')
    assert page.locator('.flag[data-severity="low"]:visible').count() == 0
    assert page.locator('.flag:visible').count() == len(seeds_report.flags) - len(lows)


def test_claim_matrix_and_heatmap(page, seeds_report):
    rows = claims(seeds_report)
    ids = [v.id for v in seeds_report.versions]
    states = page.locator("table.matrix tbody tr").evaluate_all(
        "trs => trs.map(tr => Array.from(tr.querySelectorAll('td.mc')).map(td => td.className.split(' ')[1]))")
    assert states == [[f"m-{x.state}" for x in c.cells] for c in rows]
    assert page.locator("table.sbs tbody tr").count() == len(rows)
    texts = page.locator("svg.heatmap g.pair text").all_text_contents()
    assert len(texts) == len(ids) * (len(ids) - 1)
    assert sorted(texts) == sorted(f"{p.drift:.2f}" for p in seeds_report.pairs for _ in range(2))
    sig = page.locator("#signature code.sig").text_content()
    assert sig == seeds_report.signature.text()


def test_readable_on_a_laptop_and_in_print(page):
    """1366x768: the side-by-side table fits beside the flag list (no sideways scrolling); print shows all."""
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    font = page.locator("tr.role-body td.tc").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert font >= 13
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "seeds-report.png"))
    page.emulate_media(media="print")
    assert page.locator(".sidebar").evaluate("e => getComputedStyle(e).position") == "static"
    assert page.locator(".filters").evaluate("e => getComputedStyle(e).display") == "none"
    clamp = page.locator(".flag .msg").first.evaluate("e => e.scrollHeight <= e.clientHeight + 1")
    assert clamp  # messages are not cut off on paper
