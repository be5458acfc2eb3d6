// newswatch search page. Article content is inserted as text (textContent), never as HTML,
// except the highlight fragments and snippets, which the API returns HTML-escaped with <mark>.
"use strict";
// el() and safeUrl() come from dom.js.

const FILTERS = { source: "Sources", lang: "Languages", entity: "Entities", topic: "Topics", country: "Countries" };
const FACET_OF = { source: "sources", lang: "languages", entity: "entities", topic: "topics", country: "countries" };
const $ = (id) => document.getElementById(id);
let state = { q: "", from: "", to: "", source: [], lang: [], entity: [], topic: [], country: [] };
let next = null;

function params(after) {
  const p = new URLSearchParams();
  ["q", "from", "to"].forEach((k) => state[k] && p.set(k, state[k]));
  Object.keys(FILTERS).forEach((k) => state[k].forEach((v) => p.append(k, v)));
  if (after) p.set("after", after);
  return p;
}

async function search(after) {
  const query = params(after);
  if (!after) {
    history.replaceState(null, "", "?" + query.toString());
    ["csv", "jsonl"].forEach((f) => { $("export-" + f).href = "/api/search/export?format=" + f + "&" + query.toString(); });
  }
  const status = $("status");
  status.className = "";
  status.textContent = after ? "" : "Searching…";
  const response = await fetch("/api/search?" + query.toString());
  const body = await response.json();
  if (!response.ok) {
    status.className = "error";
    status.textContent = (body.error || "error") + ": " + (body.detail || response.status);
    return;
  }
  status.textContent = body.total + (body.total === 1 ? " article" : " articles");
  if (!after) {
    $("hits").replaceChildren();
    renderFacets(body.facets);
    renderHistogram(body.histogram);
  }
  body.hits.forEach((hit) => $("hits").append(renderHit(hit)));
  next = body.next;
  $("more").hidden = !next;
}

function renderHit(hit) {
  const title = el("a", { className: "title" });
  const href = safeUrl(hit.url);
  if (href) { title.href = href; title.target = "_blank"; title.rel = "noopener noreferrer"; }
  const marked = hit.highlights && hit.highlights.title && hit.highlights.title[0];
  if (marked) title.innerHTML = marked; else title.textContent = hit.title || hit.url;
  const date = hit.publishedAt ? new Date(hit.publishedAt).toISOString().slice(0, 16).replace("T", " ") : "undated";
  const meta = el("div", { className: "meta", textContent: [hit.source, date, hit.language].filter(Boolean).join(" · ") });
  const snippet = el("p", { className: "snippet" });
  snippet.innerHTML = hit.snippet || ""; // HTML-escaped by Elasticsearch (encoder html)
  const item = el("li", {}, title, meta, snippet);
  if (hit.entities && hit.entities.length) {
    item.append(el("div", { className: "entities",
      textContent: hit.entities.slice(0, 8).map((e) => e.name).join(", ") }));
  }
  return item;
}

function renderFacets(facets) {
  const aside = $("facets");
  aside.replaceChildren();
  Object.entries(FILTERS).forEach(([param, label]) => {
    const buckets = facets[FACET_OF[param]] || [];
    if (!buckets.length) return;
    const list = el("ul");
    buckets.forEach((b) => {
      const button = el("button", { type: "button", title: b.key },
        el("span", { textContent: b.name || b.key }), el("span", { textContent: String(b.count) }));
      button.addEventListener("click", () => addFilter(param, b.key, b.name || b.key));
      list.append(el("li", {}, button));
    });
    aside.append(el("h2", { textContent: label }), list);
  });
}

function renderHistogram(buckets) {
  const chart = $("histogram");
  chart.replaceChildren();
  const max = Math.max(1, ...buckets.map((b) => b.count));
  buckets.forEach((b) => {
    const bar = el("div", { title: b.date + ": " + b.count });
    bar.style.height = Math.round((b.count / max) * 100) + "%";
    chart.append(bar);
  });
  $("histogram-range").textContent = buckets.length ? buckets[0].date + " – " + buckets[buckets.length - 1].date : "";
}

const names = {};
function addFilter(param, key, name) {
  if (!state[param].includes(key)) state[param].push(key);
  names[param + ":" + key] = name;
  renderFilters();
  search();
}

function renderFilters() {
  const bar = $("filters");
  bar.replaceChildren();
  Object.keys(FILTERS).forEach((param) => state[param].forEach((key) => {
    const chip = el("button", { type: "button", className: "chip",
      textContent: param + ": " + (names[param + ":" + key] || key) + " ×" });
    chip.addEventListener("click", () => {
      state[param] = state[param].filter((v) => v !== key);
      renderFilters();
      search();
    });
    bar.append(chip);
  }));
}

function readLocation() {
  const p = new URLSearchParams(location.search);
  ["q", "from", "to"].forEach((k) => { state[k] = p.get(k) || ""; $(k).value = state[k]; });
  Object.keys(FILTERS).forEach((k) => { state[k] = p.getAll(k); });
}

$("search").addEventListener("submit", (event) => {
  event.preventDefault();
  ["q", "from", "to"].forEach((k) => { state[k] = $(k).value.trim(); });
  search();
});
$("more").addEventListener("click", () => next && search(next));
readLocation();
renderFilters();
search();
