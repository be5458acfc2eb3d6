// newswatch article view: the clean text with every entity mention marked and linked (its knowledge-base
// entry, or the articles about it), the entities found, and similar articles. Article data goes in as
// text only; mention offsets (UTF-16 indices, as JavaScript strings count) come from /api/articles/{id}.
"use strict";

const articleId = new URLSearchParams(location.search).get("id") || "";

/** Where a mention links: the knowledge-base entry when there is one, else the articles about the entity. */
function mentionHref(id) {
  return knowledgeBaseUrl(id) || entitySearchUrl(id);
}

/** Mentions of `field` inside the text, in order, overlapping ones dropped. */
function mentionsOf(text, mentions, field) {
  let end = 0;
  return mentions.filter((m) => m.field === field && m.start >= 0 && m.end <= text.length && m.start < m.end)
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((m) => (m.start >= end ? ((end = m.end), true) : false));
}

/** text[from, to) with the mentions inside it as links. */
function markedRange(text, mentions, from, to) {
  const out = document.createDocumentFragment();
  let at = from;
  mentions.filter((m) => m.start >= from && m.end <= to).forEach((m) => {
    out.append(text.slice(at, m.start), mentionNode(text.slice(m.start, m.end), m));
    at = m.end;
  });
  out.append(text.slice(at, to));
  return out;
}

/** The text as paragraphs (split at line breaks, offsets kept), mentions marked. */
function markedParagraphs(text, mentions) {
  const marked = mentionsOf(text, mentions, "text");
  const paragraphs = [];
  const breaks = /\n+/g;
  let from = 0;
  for (let m = breaks.exec(text); ; m = breaks.exec(text)) {
    const to = m ? m.index : text.length;
    if (to > from) paragraphs.push(el("p", {}, markedRange(text, marked, from, to)));
    if (!m) return paragraphs;
    from = m.index + m[0].length;
  }
}

function mentionNode(written, m) {
  const type = (m.type || "entity").toLowerCase();
  const tone = m.sentiment && m.sentiment.label ? ", " + m.sentiment.label + " here" : "";
  const describe = (m.canonicalName || written) + " (" + type + (m.canonicalId ? ", " + m.canonicalId : "") + tone + ")";
  if (!m.canonicalId) return el("mark", { className: "mention " + type, title: describe, textContent: written });
  const link = el("a", { className: "mention " + type, href: mentionHref(m.canonicalId), title: describe,
    textContent: written });
  link.dataset.entity = m.canonicalId;
  if (knowledgeBaseUrl(m.canonicalId)) { link.target = "_blank"; link.rel = "noopener noreferrer"; }
  return link;
}

function renderArticle(a) {
  document.title = (a.title || "article") + " · newswatch";
  const meta = el("p", { className: "meta" }, [a.source, when(a.publishedAt), a.language,
    (a.authors || []).join(", ")].filter(Boolean).join(" · "), " ", sentimentBadge(a.sentiment), " ",
    externalLink(a.url, "original ↗", "original"));
  const tags = [...(a.topics || []).map((t) => "topic: " + t), ...(a.countries || []).map((c) => "country: " + c)];
  const article = $("article");
  article.replaceChildren(
    el("h1", { className: "article-title" }, a.title ? markedRange(a.title, mentionsOf(a.title, a.mentions || [], "title"),
      0, a.title.length) : a.url),
    meta,
    tags.length ? el("p", { className: "tags", textContent: tags.join(" · ") }) : "",
    a.leadImage && a.leadImage.caption ? el("p", { className: "caption", textContent: a.leadImage.caption }) : "",
    el("div", { className: "article-text", id: "text" }, ...markedParagraphs(a.text || "", a.mentions || [])));
  article.setAttribute("aria-busy", "false");
  renderEntities(a.entities || []);
}

function renderEntities(entities) {
  const linked = entities.filter((e) => e.canonicalId);
  $("entities-heading").hidden = !linked.length;
  $("entities").replaceChildren(...linked.map((e) => {
    const kb = knowledgeBaseUrl(e.canonicalId);
    return el("li", {}, el("span", { className: "mention " + (e.type || "").toLowerCase(),
      textContent: e.canonicalName || e.text }), " ",
      el("span", { className: "count", textContent: (e.type || "").toLowerCase() + " · " + e.mentions + "×" }), " ",
      entitySentiment(e.sentiment),
      el("div", { className: "links" }, kb ? externalLink(kb, "Wikidata " + e.canonicalId) : e.canonicalId, " · ",
        el("a", { href: entitySearchUrl(e.canonicalId), textContent: "articles about it" })));
  }));
}

/** The sentiment toward an entity over its mentions: its badge, and how the mentions read; null if none has one. */
function entitySentiment(s) {
  if (!s) return null;
  const counts = [[s.negative, "negative"], [s.neutral, "neutral"], [s.positive, "positive"]]
    .filter(([n]) => n > 0).map(([n, label]) => n + " " + label).join(", ");
  const badge = sentimentBadge(s);
  badge.classList.add("entity-sentiment");
  badge.title = "sentiment toward it: " + counts + " (mean " + (s.score > 0 ? "+" : "") + s.score.toFixed(2) + ")";
  return badge;
}

async function loadSimilar() {
  const answer = await api("/api/articles/" + encodeURIComponent(articleId) + "/similar?size=5");
  if (!answer.ok || !answer.body.hits.length) return;
  $("similar-heading").hidden = false;
  $("similar").replaceChildren(...answer.body.hits.map((h) => el("li", {},
    el("a", { href: "article.html?id=" + encodeURIComponent(h.id), textContent: h.title || h.url }),
    el("div", { className: "meta", textContent: [h.source, when(h.publishedAt)].filter(Boolean).join(" · ") }))));
}

async function load() {
  if (!articleId) {
    $("status").textContent = "No article given: open one from the search page.";
    return;
  }
  const answer = await api("/api/articles/" + encodeURIComponent(articleId));
  if (!answer.ok) {
    $("status").className = "error";
    $("status").textContent = answer.message;
    $("article").setAttribute("aria-busy", "false");
    return;
  }
  renderArticle(answer.body);
  loadSimilar();
}

load();
