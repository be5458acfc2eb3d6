// newswatch alerts page: create, edit, test and delete rules (the API's error shown next to its field), and
// the live feed of alerts (server-sent events). Everything from the API goes in as text.
"use strict";

const FIELDS = ["name", "query", "webhook", "secret", "payload", "throttle", "token", "body"];
const ruleNames = {};
let editing = null;   // the rule being edited, or null when creating

// Rule writes carry the API token when the server requires one (api.token); kept for this tab only.
function writeHeaders() {
  const token = $("token").value.trim();
  if (token) sessionStorage.setItem("newswatch-token", token);
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  return headers;
}

/** The field an API error is about: "invalid rule field 'query'" -> query; 401 -> token; else the form. */
function fieldOf(answer) {
  if (answer.status === 401) return "token";
  const error = (answer.body && answer.body.error) || "";
  const named = /^invalid (?:rule field|parameter) '([^']+)'/.exec(error);
  const field = named ? (named[1] === "q" ? "query" : named[1]) : "body";
  return FIELDS.includes(field) ? field : "body";
}

function clearErrors() {
  FIELDS.forEach((f) => {
    $(f + "-error").textContent = "";
    if ($(f)) $(f).removeAttribute("aria-invalid");
  });
}

function showError(answer) {
  const field = fieldOf(answer);
  const detail = answer.body && answer.body.detail;
  $(field + "-error").textContent = detail || answer.message;
  if ($(field)) {
    $(field).setAttribute("aria-invalid", "true");
    $(field).focus();
  }
}

function formRule() {
  return { name: $("name").value, query: $("query").value, webhook: $("webhook").value || null,
    secret: $("secret").value || null, payload: $("payload").value, throttle: $("throttle").value || null,
    enabled: $("enabled").checked };
}

function setStatus(text) {
  $("rule-status").textContent = text;
}

/** Back to creating a new rule, keeping the token. */
function resetForm() {
  const token = $("token").value;
  $("rule").reset();
  $("token").value = token;
  editing = null;
  $("form-heading").textContent = "New rule";
  $("save").textContent = "Create rule";
  $("cancel").hidden = true;
  $("secret-hint").textContent = "";
  $("dry-run-result").replaceChildren();
  clearErrors();
}

function edit(rule) {
  resetForm();
  editing = rule;
  $("form-heading").textContent = "Edit rule " + rule.name;
  $("save").textContent = "Save changes";
  $("cancel").hidden = false;
  $("name").value = rule.name;
  $("query").value = rule.query;
  $("webhook").value = rule.webhook || "";
  $("payload").value = rule.payload === "slack" || rule.payload === "SLACK" ? "slack" : "json";
  $("throttle").value = rule.throttle || "";
  $("enabled").checked = rule.enabled;
  $("secret-hint").textContent = rule.signed ? "This rule is signed: enter the secret again to keep signing "
    + "(the server never shows it); left empty, webhooks go unsigned." : "";
  $("name").focus();
}

async function save(event) {
  event.preventDefault();
  clearErrors();
  const url = editing ? "/api/rules/" + encodeURIComponent(editing.id) : "/api/rules";
  const answer = await api(url, { method: editing ? "PUT" : "POST", headers: writeHeaders(),
    body: JSON.stringify(formRule()) });
  if (!answer.ok) {
    showError(answer);
    return;
  }
  setStatus("Rule '" + answer.body.name + "' " + (editing ? "saved." : "created."));
  resetForm();
  loadRules();
}

/** A short list of archive matches: "N articles match", then the first few titles linked to the article view. */
function matchList(page, emptyText) {
  const items = page.hits.map((h) => el("li", {},
    el("a", { href: "article.html?id=" + encodeURIComponent(h.id), textContent: h.title || h.url }),
    " ", el("span", { className: "meta", textContent: [h.source, when(h.publishedAt)].join(" · ") })));
  return [el("p", { className: "match-count", textContent: page.total ? page.total + (page.total === 1
    ? " article in the archive matches" : " articles in the archive match") : emptyText }), el("ul", {}, ...items)];
}

/** Runs the query in the form over the archive without saving anything. */
async function dryRun() {
  clearErrors();
  const query = $("query").value.trim();
  if (!query) {
    $("query-error").textContent = "query is required";
    $("query").focus();
    return;
  }
  const answer = await api("/api/search?size=5&q=" + encodeURIComponent(query));
  if (!answer.ok) {
    showError(answer);
    return;
  }
  $("dry-run-result").replaceChildren(...matchList(answer.body, "No article in the archive matches."));
}

/** GET /api/rules/{id}/matches: the saved rule over the archive, shown under the rule. */
async function testRule(rule, target) {
  const answer = await api("/api/rules/" + encodeURIComponent(rule.id) + "/matches?size=5");
  target.replaceChildren(...(answer.ok ? matchList(answer.body, "No article in the archive matches.")
    : [el("p", { className: "field-error", textContent: answer.message })]));
}

async function remove(rule) {
  if (!confirm("Delete the rule '" + rule.name + "'?")) return;
  const answer = await api("/api/rules/" + encodeURIComponent(rule.id), { method: "DELETE", headers: writeHeaders() });
  if (!answer.ok) {
    showError(answer);
    return;
  }
  if (editing && editing.id === rule.id) resetForm();
  setStatus("Rule '" + rule.name + "' deleted.");
  loadRules();
}

function button(text, label, onClick) {
  const b = el("button", { type: "button", className: "link", textContent: text, ariaLabel: label });
  b.addEventListener("click", onClick);
  return b;
}

function renderRule(rule) {
  ruleNames[rule.id] = rule.name;
  const flags = [rule.enabled ? "" : "disabled", rule.webhook ? "webhook" + (rule.signed ? ", signed" : "") : "",
    rule.throttle ? "throttle " + rule.throttle : ""].filter(Boolean).join(", ");
  const matches = el("div", { className: "matches", ariaLive: "polite" });
  const item = el("li", { className: "rule" }, el("strong", { textContent: rule.name }), flags ? " (" + flags + ")" : "",
    el("code", { textContent: rule.query }),
    el("div", { className: "actions" },
      button("test", "Test rule " + rule.name + " over the archive", () => testRule(rule, matches)),
      button("edit", "Edit rule " + rule.name, () => edit(rule)),
      el("a", { href: "/?q=" + encodeURIComponent(rule.query), textContent: "search" }),
      button("delete", "Delete rule " + rule.name, () => remove(rule))),
    matches);
  item.dataset.ruleId = rule.id;
  return item;
}

async function loadRules() {
  const answer = await api("/api/rules");
  if (!answer.ok) {
    $("rules").replaceChildren(el("li", { className: "field-error", textContent: answer.message }));
    return;
  }
  const rules = answer.body.rules.slice().sort((a, b) => (b.createdAt || "").localeCompare(a.createdAt || ""));
  $("rules").replaceChildren(...rules.map(renderRule));
  if (!rules.length) $("rules").append(el("li", { className: "hint", textContent: "No rules yet." }));
}

function renderAlert(alert, fresh) {
  const title = alert.articleId
    ? el("a", { href: "article.html?id=" + encodeURIComponent(alert.articleId), textContent: alert.title || alert.url })
    : externalLink(alert.url, alert.title || alert.url);
  const delivery = alert.delivery && alert.delivery.state !== "NONE" ? "webhook " + alert.delivery.state.toLowerCase() : "";
  const meta = el("div", { className: "meta", textContent: [ruleNames[alert.ruleId] || alert.ruleName,
    alert.source, "matched " + when(alert.matchedAt), delivery].filter(Boolean).join(" · ") });
  const item = el("li", { className: fresh ? "alert new" : "alert" }, title, meta);
  item.id = "alert-" + alert.id;
  item.dataset.ruleId = alert.ruleId;
  return item;
}

async function loadRecent() {
  const answer = await api("/api/alerts?size=50");
  if (!answer.ok) return;
  const known = answer.body.alerts.filter((a) => !document.getElementById("alert-" + a.id));
  $("alerts").append(...known.map((a) => renderAlert(a, false)));
}

function listen() {
  const stream = new EventSource("/api/alerts/stream");
  const live = (on, text) => { $("live").textContent = text; $("live").className = on ? "badge on" : "badge"; };
  stream.onopen = () => live(true, "live");
  stream.onerror = () => live(false, "reconnecting…");
  stream.addEventListener("alert", (event) => {
    const alert = JSON.parse(event.data);
    if (document.getElementById("alert-" + alert.id)) return;
    $("alerts").prepend(renderAlert(alert, true));
  });
}

$("token").value = sessionStorage.getItem("newswatch-token") || "";
$("rule").addEventListener("submit", save);
$("dry-run").addEventListener("click", dryRun);
$("cancel").addEventListener("click", resetForm);
listen();
loadRules().then(loadRecent);
