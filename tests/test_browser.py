"""The explorer in a real browser: Debian's chromium driven by Playwright against `provkg serve`
started on 127.0.0.1 with the sample corpus loaded.

Skipped when chromium or the playwright package is absent on a developer's machine; under CI
(CI=true) a missing browser fails instead, so the suite cannot pass by skipping. Screenshots of
every page go to $PROVKG_ARTIFACTS (default test-artifacts/browser, git-ignored).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.request import urlopen

import pytest

from tests.conftest import ROOT, store_env

# one engine is enough here: the pages only read the API, whose read models tests/test_web_api.py runs on both
pytestmark = [pytest.mark.browser, pytest.mark.engines("embedded")]
CHROMIUM = os.environ.get("PROVKG_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("PROVKG_ARTIFACTS", ROOT / "test-artifacts" / "browser"))
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _need_browser() -> None:
    missing = None
    if not Path(CHROMIUM).exists():
        missing = f"{CHROMIUM} is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright package is not installed"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {missing}")
        pytest.skip(missing)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(loaded_store) -> Iterator[str]:
    """`provkg serve` as a user runs it, on the session's sample graph (each engine in turn)."""
    _need_browser()
    port = _free_port()
    env = {**os.environ, **store_env(loaded_store)}
    exe = Path(sys.executable).with_name("provkg")
    log = (ARTIFACTS.parent / "serve.log")
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        proc = subprocess.Popen([str(exe), "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                                stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if urlopen(base + "/ready", timeout=2).status == 200:
                        break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("provkg serve did not start: " + log.read_text(errors="replace")[-2000:])
                time.sleep(0.25)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        # launch() gives every run a fresh, empty profile directory of its own
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True)
        yield b
        b.close()


class Watched:
    """A page that records console errors, page errors, failed requests and HTTP errors."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(f"console.{m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url} {r.failure}"))
        self.page.on("response", lambda r: self.problems.append(f"HTTP {r.status}: {r.url}")
                     if r.status >= 400 else None)
        self.page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:"))
                     else self.problems.append(f"request outside the app: {r.url}"))

    def open(self, path: str) -> None:
        self.page.goto(self.base + path)
        self.settle()

    def settle(self) -> None:
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_function("() => !document.querySelector('#main .loading')")

    def shot(self, name: str) -> None:
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser, server) -> Iterator[Watched]:
    w = Watched(browser, server)
    yield w
    w.close()


def _sample_ids(server: str) -> dict[str, str]:
    import json

    def get(path: str):
        with urlopen(server + path, timeout=10) as r:
            return json.load(r)

    agreement = get("/agreements?province=VN-25&limit=50")["items"]
    event = get("/events?province=VN-25&limit=1")["items"][0]
    ev = next(a for a in agreement if a["evidence"])["evidence"][0]
    person = get("/search?q=fidel&type=Person")["items"][0]
    return {"agreement": agreement[0]["id"], "event": event["id"], "document": ev["document"],
            "hl": f"{ev['start']}-{ev['end']}", "person": person["id"]}


# a control without an accessible name, or a link without text, on the current page
UNLABELLED = """() => {
  const name = (el) => (el.getAttribute('aria-label') || el.getAttribute('title') || el.textContent || '').trim()
    || (el.labels && [...el.labels].map((l) => l.textContent).join('').trim())
    || (el.getAttribute('aria-labelledby') && document.getElementById(el.getAttribute('aria-labelledby'))?.textContent.trim());
  const bad = [];
  for (const el of document.querySelectorAll('input, select, textarea, button, a[href], [role=button], [role=combobox]')) {
    if (el.type === 'hidden' || el.closest('[hidden]')) continue;
    if (!name(el)) bad.push(el.outerHTML.slice(0, 120));
  }
  return bad;
}"""


def test_every_page_loads_without_errors_and_labels_every_control(watched, server):
    ids = _sample_ids(server)
    pages = {
        "search-home": "/", "search-results": "/?q=quang%20tay", "province": "/id/province/VN-25",
        "province-2025": "/id/province/VN-2025-44", "partner-locality": "/id/place/CN-GX",
        "partner-country": "/id/country/LA", "agreement": f"/id/agreement/{ids['agreement']}",
        "event": f"/id/event/{ids['event']}", "person": f"/id/person/{ids['person']}",
        "evidence": f"/id/document/{ids['document']}?hl={ids['hl']}", "graph": "/explore/graph/LA-SV",
        "queries": "/explore/queries", "query-run": "/explore/queries/partners_of_province?province=VN-25&run=1",
    }
    for name, path in pages.items():
        watched.open(path)
        assert not watched.page.query_selector(".card.error"), (name, watched.page.inner_text("#main")[:300])
        assert watched.page.inner_text("h1"), name
        assert watched.page.evaluate(UNLABELLED) == [], name
        watched.shot(name)
    for name in ("docs", "redoc"):  # Swagger UI and ReDoc, offline
        watched.open("/" + name)
        sel = ".swagger-ui .info .title" if name == "docs" else ".api-info h1, [role=search], .menu-content"
        watched.page.wait_for_selector(sel, timeout=20_000)
        watched.shot(name)
    assert watched.problems == []


def test_search_quang_tay_reaches_guangxi_and_its_provinces(watched):
    import json

    watched.open("/")
    box = watched.page.get_by_role("combobox", name="Tìm tỉnh, đối tác, quốc gia, tổ chức, nhân vật")
    assert box.evaluate("el => el === document.activeElement")  # the home page focuses the box
    box.type("quang tay", delay=20)
    option = watched.page.get_by_role("option").filter(has_text="Quảng Tây").first
    option.wait_for()
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "ta-0"
    box.press("Enter")
    watched.page.wait_for_url("**/id/place/CN-GX")
    watched.settle()
    assert watched.page.inner_text("h1") == "Quảng Tây"
    provinces = watched.page.locator("table tbody tr td:first-child a").all_inner_texts()
    with urlopen(watched.base + "/partners/CN-GX", timeout=10) as r:
        partnering = {p["province"]["name"] for p in json.load(r)["provinces"]}
    assert "Lạng Sơn" in partnering and len(partnering) > 1 and partnering <= set(provinces)
    watched.shot("search-to-guangxi")
    # the results page groups by type with counts
    watched.open("/?q=QUANG%20TAY")
    groups = watched.page.locator(".group h2").all_inner_texts()
    assert any(g.startswith("Địa phương nước ngoài") for g in groups)
    assert watched.problems == []


def test_search_results_show_a_merged_unit_with_what_it_inherits(watched, server):
    """Issue #14: the unit formed in the 2025 reform shows its partners rolled up, the inherited part
    marked "kế thừa từ …" as on its page; the dissolved unit names the unit it merged into."""
    import json

    with urlopen(server + "/provinces/VN-2025-44", timeout=10) as r:
        unit = json.load(r)
    assert unit["inherited_counts"]["partners"] > 0  # the sample corpus has Quảng Trị's partners
    watched.open("/?q=quang%20tri")
    new = watched.page.locator("a.result[href='/id/province/VN-2025-44']")
    text = new.inner_text()
    assert f"{unit['partners']} đối tác" in text and "kế thừa từ" in text, text
    assert all(u["name"] in text for u in unit["rolled_up_from"]), text
    old = watched.page.locator("a.result[href='/id/province/VN-25']").inner_text()
    assert "hợp nhất vào Quảng Trị" in old, old
    watched.shot("search-reform")
    assert watched.problems == []


def test_click_path_province_partner_agreement_highlighted_evidence(watched, server):
    import json

    # a foreign locality Quảng Trị has an agreement with, as the read model says
    with urlopen(server + "/views/province/VN-25", timeout=10) as r:
        partners = json.load(r)["partners"]
    target = next(p for p in partners if p["type"] == "ForeignLocality" and p["agreements"])
    page = watched.page
    watched.open("/id/province/VN-25")
    page.locator("table").get_by_role("link", name=target["name"], exact=True).click()
    page.wait_for_url(f"**/id/place/{target['id']}")
    watched.settle()
    assert page.inner_text("h1") == target["name"]
    page.locator("table tbody a[href^='/id/agreement/']").first.click()
    page.wait_for_url("**/id/agreement/**")
    watched.settle()
    quote = page.locator(".evidence blockquote").first.inner_text().strip("“” ")
    page.locator(".evidence .ev-link").first.click()
    page.wait_for_url("**/id/document/**?hl=*")
    watched.settle()
    mark = page.locator("mark#hl")
    assert mark.inner_text() == quote
    assert mark.evaluate("el => el === document.activeElement")
    watched.shot("click-path-evidence")
    # the offsets in the URL are the mention's offsets into the stored text
    hl = page.url.split("hl=")[1]
    start, end = (int(x) for x in hl.split("-"))
    assert mark.get_attribute("data-start") == str(start) and mark.get_attribute("data-end") == str(end)
    page.go_back()
    watched.settle()
    assert "/id/agreement/" in page.url
    assert watched.problems == []


def test_map_draws_partner_points_and_shades_countries(watched):
    page = watched.page
    watched.open("/id/province/VN-25")
    ids = set(page.locator("svg.map .partner-point").evaluate_all("els => els.map(e => e.dataset.id)"))
    assert {"LA-SV", "LA-SL", "LA-XE", "LA-CH", "TH-49", "TH-34"} <= ids
    shaded = set(page.locator("svg.map path.partner-country").evaluate_all("els => els.map(e => e.dataset.numeric)"))
    assert {"418", "764", "392"} <= shaded  # Laos, Thailand, Japan
    # every point is inside the drawing
    for box in page.locator("svg.map .partner-point circle").evaluate_all(
            "els => els.map(e => [e.cx.baseVal.value, e.cy.baseVal.value])"):
        assert 0 <= box[0] <= 960 and 0 <= box[1] <= 540
    # a country's page draws the places of that country its provinces work with
    watched.open("/id/country/LA")
    assert {"LA-SV", "LA-SL", "LA-CH"} <= set(page.locator("svg.map .partner-point").evaluate_all(
        "els => els.map(e => e.dataset.id)"))
    assert page.locator("table").get_by_role("link", name="Savannakhet").count() == 1
    watched.open("/id/province/VN-25")
    page.get_by_role("button", name="Thế giới").click()
    page.wait_for_selector("svg.map[data-scope=world]")
    assert page.locator("svg.map .partner-point").count() == len(ids)
    watched.shot("province-map-world")
    assert watched.problems == []


def test_keyboard_navigation_and_language_toggle(watched):
    page = watched.page
    watched.open("/id/province/VN-25")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    # tab onwards reaches the map's points as links, in order
    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.getAttribute('data-id') || document.activeElement.textContent"))
    assert "LA-SV" in reached
    # the language toggle is a labelled button; English strings, and back
    toggle = page.get_by_role("button", name="Chuyển sang tiếng Anh")
    toggle.focus()
    page.keyboard.press("Enter")
    watched.settle()
    assert page.get_by_role("link", name="Search").count() == 1
    assert page.locator("h2", has_text="Partners").count() >= 1
    watched.shot("province-en")
    page.get_by_role("button", name="Switch to Vietnamese").click()
    watched.settle()
    assert page.get_by_role("link", name="Tìm kiếm").count() == 1
    # graph: a focused node expands with Enter
    watched.open("/explore/graph/LA-SV")
    before = page.locator("svg.graph .node").count()
    node = page.locator("svg.graph .node[data-id='VN-25']")
    node.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.querySelectorAll('svg.graph .node').length > {before}")
    assert page.evaluate("document.activeElement.dataset.id") == "VN-25"
    watched.shot("graph-expanded")
    assert watched.problems == []


def test_graph_filters_by_relationship_type(watched):
    page = watched.page
    watched.open("/explore/graph/VN-25")
    edges = page.locator("svg.graph line.rel-PARTNERS_WITH").count()
    assert edges > 5
    page.get_by_role("checkbox", name="PARTNERS_WITH").uncheck()
    assert page.locator("svg.graph line.rel-PARTNERS_WITH").count() == 0
    page.get_by_role("checkbox", name="PARTNERS_WITH").check()
    assert page.locator("svg.graph line.rel-PARTNERS_WITH").count() == edges
    assert watched.problems == []


def test_named_query_form_table_and_csv(watched):
    page = watched.page
    watched.open("/explore/queries/partners_of_province")
    page.get_by_label("province", exact=False).first.fill("Quảng Trị")
    page.get_by_role("button", name="Chạy").click()
    page.wait_for_url("**/explore/queries/partners_of_province?*")
    watched.settle()
    rows = page.locator(".query-result tbody tr")
    assert rows.count() >= 15
    with page.expect_download() as dl:
        page.get_by_role("link", name="Tải CSV").click()
    path = dl.value.path()
    text = Path(path).read_text(encoding="utf-8-sig")
    header, *lines = text.strip().splitlines()
    assert "partner" in header and len(lines) == rows.count()
    shutil.copy(path, ARTIFACTS / "partners_of_province.csv")
    assert watched.problems == []
