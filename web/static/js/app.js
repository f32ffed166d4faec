// The explorer: path routing over stable URLs. An entity's page is its IRI path (/id/{type}/{id});
// the search home is /, tools live under /explore/.
import { lang, setLang, t } from "./i18n.js";
import { errorBox, h, loadVocabulary, loading } from "./util.js";

const ROUTES = [
  [/^\/$/, () => import("./pages/search.js")],
  [/^\/id\/province\/([^/]+)$/, () => import("./pages/province.js")],
  [/^\/id\/(place|country|org)\/([^/]+)$/, () => import("./pages/partner.js")],
  [/^\/id\/document\/([^/]+)$/, () => import("./pages/evidence.js")],
  [/^\/id\/(agreement|event)\/([^/]+)$/, () => import("./pages/fact.js")],
  [/^\/id\/([a-z]+)\/([^/]+)$/, () => import("./pages/entity.js")],
  [/^\/explore\/graph(?:\/([^/]+))?$/, () => import("./pages/graph.js")],
  [/^\/explore\/queries(?:\/([a-z0-9_]+))?$/, () => import("./pages/queries.js")],
];

const main = () => document.getElementById("main");
let renderToken = 0;

function chrome() {
  const path = location.pathname;
  const nav = [["/", "nav_search"], ["/explore/graph", "nav_graph"], ["/explore/queries", "nav_queries"]];
  const header = document.getElementById("top");
  header.replaceChildren(
    h("a", { class: "skip", href: "#main" }, t("skip")),
    h("a", { class: "brand", href: "/" }, h("span", { class: "logo", "aria-hidden": "true" }, "◍"),
      h("span", {}, h("strong", {}, "provkg"), h("small", {}, t("brand_sub")))),
    h("nav", { "aria-label": "main" }, h("ul", {},
      nav.map(([href, key]) => h("li", {}, h("a", {
        href, "aria-current": (href === "/" ? path === "/" : path.startsWith(href)) ? "page" : null,
      }, t(key)))),
      h("li", {}, h("a", { href: "/docs", "data-external": "1" }, t("nav_docs"))))),
    h("button", {
      type: "button", class: "lang", "aria-label": t("lang_toggle_label"),
      onclick: () => { setLang(lang() === "vi" ? "en" : "vi"); render(); },
    }, t("lang_toggle")));
}

export async function render() {
  const token = ++renderToken;
  document.documentElement.lang = lang();
  chrome();
  const path = decodeURI(location.pathname).replace(/\/+$/, "") || "/";
  const el = main();
  el.replaceChildren(loading());
  for (const [re, load] of ROUTES) {
    const m = path.match(re);
    if (!m) continue;
    try {
      const [page] = await Promise.all([load(), loadVocabulary()]);
      const params = m.slice(1).map((x) => (x === undefined ? undefined : decodeURIComponent(x)));
      const node = await page.render(params, new URLSearchParams(location.search));
      if (token !== renderToken) return;  // a newer navigation won
      el.replaceChildren(node);
      document.title = (node.dataset && node.dataset.title ? node.dataset.title + " · " : "") + "provkg";
      if (page.mounted) page.mounted(node);
      if (!location.hash) window.scrollTo(0, 0);
    } catch (err) {
      if (token !== renderToken) return;
      el.replaceChildren(errorBox(err));
      if (!(err && err.status)) console.warn(err);
    }
    return;
  }
  el.replaceChildren(errorBox({ status: 404, message: path }));
}

export function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  render();
}

document.addEventListener("click", (ev) => {
  const a = ev.target.closest && ev.target.closest("a");
  if (!a || a.dataset.external || a.target || ev.defaultPrevented || ev.button !== 0 ||
      ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith("/docs") || url.pathname.startsWith("/assets")) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  ev.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});
window.addEventListener("popstate", render);

const fromUrl = new URLSearchParams(location.search).get("lang");
if (fromUrl) setLang(fromUrl);
render();
