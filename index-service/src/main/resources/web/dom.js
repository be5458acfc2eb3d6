// Helpers shared by the newswatch pages. Everything that comes from articles or rules goes into the
// page as text (textContent, text nodes), never as HTML: no innerHTML anywhere.
"use strict";

const $ = (id) => document.getElementById(id);

/** An element with properties and children (strings become text nodes). */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  children.forEach((c) => c !== null && c !== undefined && c !== "" && node.append(c));
  return node;
}

/** The URL if it is http(s), else null: an article's link can never be javascript:. */
function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch (e) {
    return null;
  }
}

/** A link to an outside page, opened in a new tab; plain text when the URL is not http(s). */
function externalLink(url, text, className) {
  const href = safeUrl(url);
  if (!href) return el("span", { className: className || "", textContent: text });
  return el("a", { href, target: "_blank", rel: "noopener noreferrer", className: className || "", textContent: text });
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", "#39": "'", "#x27": "'", "#x2F": "/", "#47": "/" };

/** Undoes the HTML escaping of a highlight fragment (Elasticsearch's html encoder). */
function unescapeHtml(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
    if (ENTITIES[name] !== undefined) return ENTITIES[name];
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return whole;
  });
}

/**
 * A highlight fragment ("escaped text with <mark>matches</mark>") as text nodes and <mark>
 * elements: the only markup honoured is <mark>, the rest is shown as the text it stands for.
 */
function highlighted(fragment) {
  const out = document.createDocumentFragment();
  let marked = false;
  fragment.split(/(<\/?mark>)/).forEach((part) => {
    if (part === "<mark>") marked = true;
    else if (part === "</mark>") marked = false;
    else if (part) out.append(marked ? el("mark", { textContent: unescapeHtml(part) }) : unescapeHtml(part));
  });
  return out;
}

/** "2024-08-19 16:05 UTC", or "undated". */
function when(instant) {
  return instant ? new Date(instant).toISOString().slice(0, 16).replace("T", " ") + " UTC" : "undated";
}

/** A small label for a sentiment {score, label}, or null. */
function sentimentBadge(sentiment) {
  if (!sentiment || !sentiment.label) return null;
  const score = (sentiment.score > 0 ? "+" : "") + sentiment.score.toFixed(2);
  return el("span", { className: "sentiment " + sentiment.label, title: "sentiment score " + score,
    textContent: sentiment.label + " " + score });
}

/** The knowledge-base page of an entity id: Wikidata for Q-ids, else null. */
function knowledgeBaseUrl(id) {
  return /^Q[0-9]+$/.test(id || "") ? "https://www.wikidata.org/wiki/" + id : null;
}

/** The search page filtered to one entity. */
function entitySearchUrl(id) {
  return "/?entity=" + encodeURIComponent(id);
}

/** The message of an API error body {error, detail}. */
function apiMessage(body, response) {
  if (body && body.error) return body.error + (body.detail ? ": " + body.detail : "");
  return "HTTP " + response.status + " " + response.statusText;
}

/**
 * GET or send JSON; resolves to {ok, status, body}; a network failure is {ok:false, body:{error, detail}}. Carries
 * the API token entered on the alerts page (kept for this tab), for servers with api.token-scope=all.
 */
async function api(url, options = {}) {
  const token = sessionStorage.getItem("newswatch-token");
  const headers = Object.assign({}, options.headers || {});
  if (token && !headers.Authorization) headers.Authorization = "Bearer " + token;
  try {
    const response = await fetch(url, Object.assign({}, options, { headers }));
    const text = await response.text();
    let body = null;
    try { body = text ? JSON.parse(text) : null; } catch (e) { body = { error: "not JSON", detail: text.slice(0, 200) }; }
    return { ok: response.ok, status: response.status, body, message: response.ok ? "" : apiMessage(body, response) };
  } catch (e) {
    return { ok: false, status: 0, body: null, message: "the server cannot be reached: " + e.message };
  }
}
