// newswatch search page: query, facet filters, results with highlights, coverage chart, paging, export.
// Article data is inserted as text; highlight fragments go through highlighted() (dom.js), which keeps
// only <mark>. The page state lives in the URL, so a search can be bookmarked and shared.
"use strict";

const FILTERS = { entity: "Entities", source: "Sources", lang: "Languages", country: "Countries", topic: "Topics" };
const FACET_OF = { source: "sources", lang: "languages", entity: "entities", topic: "topics", country: "countries" };
const FIELDS = ["q", "from", "to", "sort"];
const state = { q: "", from: "", to: "", sort: "", source: [], lang: [], entity: [], topic: [], country: [] };
const names = {};           // "entity:Q123" -> "Nikol Pashinyan", for the filter chips
let cursors = [null];       // cursors[i] starts page i+1
let pageIndex = 0;
let latest = 0;             // the newest request: answers to older ones are dropped

function params() {
  const p = new URLSearchParams();
  FIELDS.forEach((k) => state[k] && p.set(k, state[k]));
  Object.keys(FILTERS).forEach((k) => state[k].forEach((v) => p.append(k, v)));
  return p;
}

/** A new search from the first page. */
function searchAnew() {
  cursors = [null];
  pageIndex = 0;
  const query = params();
  history.replaceState(null, "", query.toString() ? "?" + query.toString() : location.pathname);
  ["csv", "jsonl"].forEach((f) => { $("export-" + f).href = "/api/search/export?format=" + f + "&" + query; });
  return showPage();
}

async function showPage() {
  const query = params();
  const after = cursors[pageIndex];
  if (after) query.set("after", after);
  const status = $("status");
  status.className = "";
  status.textContent = "Searching…";
  const request = ++latest;
  const answer = await api("/api/search?" + query);
  if (request !== latest) return;
  if (!answer.ok) {
    status.className = "error";
    status.textContent = answer.message;
    $("hits").replaceChildren();
    $("pager").hidden = true;
    return;
  }
  const page = answer.body;
  status.textContent = page.total + (page.total === 1 ? " article" : " articles")
    + (state.q ? " for " + state.q : "");
  renderFacets(page.facets);
  renderHistogram(page.histogram);
  $("hits").replaceChildren(...page.hits.map(renderHit));
  cursors[pageIndex + 1] = page.next;
  renderPager(page);
}

function renderPager(page) {
  const pages = Math.max(1, Math.ceil(page.total / (page.hits.length || 1)));
  $("pager").hidden = pageIndex === 0 && !page.next;
  $("prev").disabled = pageIndex === 0;
  $("next").disabled = !page.next;
  $("page").textContent = "page " + (pageIndex + 1) + (pageIndex === 0 ? " of " + pages : "");
}

function renderHit(hit) {
  const title = el("a", { className: "title", href: "article.html?id=" + encodeURIComponent(hit.id) });
  const marked = hit.highlights && hit.highlights.title && hit.highlights.title[0];
  title.append(marked ? highlighted(marked) : hit.title || hit.url);
  const meta = el("div", { className: "meta" }, [hit.source, when(hit.publishedAt), hit.language].filter(Boolean).join(" · "),
    " ", sentimentBadge(hit.sentiment), " ", externalLink(hit.url, "original ↗", "original"));
  const snippet = el("p", { className: "snippet" }, highlighted(hit.snippet || ""));
  const item = el("li", { className: "hit" }, el("h3", {}, title), meta, snippet);
  const entities = (hit.entities || []).filter((e) => e.id).slice(0, 10);
  if (entities.length) item.append(el("ul", { className: "chips", ariaLabel: "Entities" }, ...entities.map(entityChip)));
  return item;
}

/** A chip that filters the search to the entity. */
function entityChip(entity) {
  const chip = el("button", { type: "button", className: "chip entity " + (entity.type || "").toLowerCase(),
    title: (entity.type || "entity") + " " + entity.id + ": show only articles about " + entity.name,
    textContent: entity.name });
  chip.addEventListener("click", () => addFilter("entity", entity.id, entity.name));
  return el("li", {}, chip);
}

function renderFacets(facets) {
  const aside = $("facets");
  aside.replaceChildren();
  Object.entries(FILTERS).forEach(([param, label]) => {
    const buckets = (facets && facets[FACET_OF[param]]) || [];
    if (!buckets.length) return;
    const list = el("ul", { className: "facet", id: "facet-" + param });
    buckets.forEach((b) => {
      const active = state[param].includes(b.key);
      if (b.name) names[param + ":" + b.key] = b.name;
      const button = el("button", { type: "button", title: b.key + (b.type ? " (" + b.type + ")" : "") },
        el("span", { textContent: b.name || b.key }), el("span", { className: "count", textContent: String(b.count) }));
      button.dataset.key = b.key;
      button.setAttribute("aria-pressed", String(active));
      button.addEventListener("click", () => (active ? removeFilter(param, b.key) : addFilter(param, b.key, b.name || b.key)));
      list.append(el("li", {}, button));
    });
    aside.append(el("h2", { textContent: label }), list);
  });
  renderFilters(); // names of filters read from the URL are known now
}

function renderHistogram(buckets) {
  const figure = $("coverage");
  figure.hidden = !buckets || !buckets.length;
  $("histogram").replaceChildren(...(figure.hidden ? [] : [coverageChart(buckets)]));
}

function addFilter(param, key, name) {
  if (!state[param].includes(key)) state[param].push(key);
  names[param + ":" + key] = name;
  renderFilters();
  searchAnew();
}

function removeFilter(param, key) {
  state[param] = state[param].filter((v) => v !== key);
  renderFilters();
  searchAnew();
}

function renderFilters() {
  const bar = $("filters");
  bar.replaceChildren();
  Object.keys(FILTERS).forEach((param) => state[param].forEach((key) => {
    const label = FILTERS[param].replace(/ies$/, "y").replace(/s$/, "").toLowerCase();
    const chip = el("button", { type: "button", className: "chip active", ariaLabel: "Remove filter " + label + " "
      + (names[param + ":" + key] || key), textContent: label + ": " + (names[param + ":" + key] || key) + " ×" });
    chip.addEventListener("click", () => removeFilter(param, key));
    bar.append(chip);
  }));
}

/** Entities mentioned more than usual (GET /api/trending, when the server offers it; hidden otherwise). */
async function loadTrending() {
  const answer = await api("/api/trending?kind=entity&limit=8");
  if (!answer.ok || !Array.isArray(answer.body) || !answer.body.length) return;
  $("trending-list").replaceChildren(...answer.body.map((t) => {
    const button = el("button", { type: "button", title: t.count + " articles, usually " + t.baseline.toFixed(1) },
      el("span", { textContent: t.name || t.id }), el("span", { className: "count", textContent: "×" + t.ratio.toFixed(1) }));
    button.addEventListener("click", () => addFilter("entity", t.id, t.name || t.id));
    return el("li", {}, button);
  }));
  $("trending").hidden = false;
}

function readLocation() {
  const p = new URLSearchParams(location.search);
  FIELDS.forEach((k) => { state[k] = p.get(k) || ""; $(k).value = state[k]; });
  Object.keys(FILTERS).forEach((k) => { state[k] = p.getAll(k); });
}

$("search").addEventListener("submit", (event) => {
  event.preventDefault();
  FIELDS.forEach((k) => { state[k] = $(k).value.trim(); });
  searchAnew();
});
$("sort").addEventListener("change", () => { state.sort = $("sort").value; searchAnew(); });
$("prev").addEventListener("click", () => { if (pageIndex > 0) { pageIndex--; showPage().then(() => $("results").focus()); } });
$("next").addEventListener("click", () => {
  if (cursors[pageIndex + 1]) { pageIndex++; showPage().then(() => $("results").focus()); }
});
readLocation();
renderFilters();
searchAnew();
loadTrending();
