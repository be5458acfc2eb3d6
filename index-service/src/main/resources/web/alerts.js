// newswatch alerts page: rules (create, list, delete, run over the archive), recent alerts and the
// live stream. Everything from the API is inserted as text (textContent), never as HTML.
"use strict";
// el() and safeUrl() come from dom.js.

const $ = (id) => document.getElementById(id);
const ruleNames = {};

// Rule writes carry the API token when the server requires one (api.token); kept for this tab only.
function writeHeaders() {
  const token = $("token").value.trim();
  if (token) sessionStorage.setItem("newswatch-token", token);
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  return headers;
}
$("token").value = sessionStorage.getItem("newswatch-token") || "";

function when(instant) {
  return instant ? new Date(instant).toISOString().slice(0, 16).replace("T", " ") : "undated";
}

function renderAlert(alert, fresh) {
  const link = el("a", { textContent: alert.title || alert.url });
  const href = safeUrl(alert.url);
  if (href) { link.href = href; link.target = "_blank"; link.rel = "noopener noreferrer"; }
  const delivery = alert.delivery && alert.delivery.state !== "NONE" ? "webhook " + alert.delivery.state.toLowerCase() : "";
  const meta = el("div", { className: "meta", textContent: [ruleNames[alert.ruleId] || alert.ruleName,
    alert.source, "matched " + when(alert.matchedAt), delivery].filter(Boolean).join(" · ") });
  return el("li", { className: fresh ? "new" : "", id: "alert-" + alert.id }, link, meta);
}

async function loadRules() {
  const body = await (await fetch("/api/rules")).json();
  const list = $("rules");
  list.replaceChildren();
  body.rules.forEach((rule) => {
    ruleNames[rule.id] = rule.name;
    const remove = el("button", { type: "button", textContent: "delete" });
    remove.addEventListener("click", async () => {
      if (!confirm("Delete the rule '" + rule.name + "'?")) return;
      const response = await fetch("/api/rules/" + encodeURIComponent(rule.id), { method: "DELETE", headers: writeHeaders() });
      if (!response.ok) {
        const body = await response.json();
        $("rule-status").className = "hint error";
        $("rule-status").textContent = (body.error || "error") + ": " + (body.detail || response.status);
      }
      loadRules();
    });
    const archive = el("a", { href: "/?q=" + encodeURIComponent(rule.query), textContent: "archive matches" });
    const flags = [rule.enabled ? "" : "disabled", rule.webhook ? "webhook" : "", rule.throttle ? "throttle " + rule.throttle : ""]
      .filter(Boolean).join(", ");
    list.append(el("li", {}, el("strong", { textContent: rule.name }), flags ? " (" + flags + ")" : "",
      el("code", { textContent: rule.query }), el("div", { className: "actions" }, archive, remove)));
  });
}

async function loadRecent() {
  const body = await (await fetch("/api/alerts?size=50")).json();
  $("alerts").replaceChildren(...body.alerts.map((a) => renderAlert(a, false)));
}

function listen() {
  const stream = new EventSource("/api/alerts/stream");
  stream.onopen = () => { $("live").textContent = "live"; $("live").className = "badge on"; };
  stream.onerror = () => { $("live").textContent = "reconnecting…"; $("live").className = "badge"; };
  stream.addEventListener("alert", (event) => {
    const alert = JSON.parse(event.data);
    if (document.getElementById("alert-" + alert.id)) return;
    $("alerts").prepend(renderAlert(alert, true));
  });
}

$("rule").addEventListener("submit", async (event) => {
  event.preventDefault();
  const rule = { name: $("name").value, query: $("query").value, webhook: $("webhook").value || null,
    secret: $("secret").value || null, payload: $("slack").checked ? "slack" : "json", throttle: $("throttle").value || null };
  const response = await fetch("/api/rules", { method: "POST", headers: writeHeaders(), body: JSON.stringify(rule) });
  const body = await response.json();
  const status = $("rule-status");
  if (!response.ok) {
    status.className = "hint error";
    status.textContent = (body.error || "error") + ": " + (body.detail || response.status);
    return;
  }
  status.className = "hint";
  status.textContent = "Rule '" + body.name + "' created.";
  const token = $("token").value;
  event.target.reset();
  $("token").value = token;
  loadRules();
});

loadRules().then(loadRecent);
listen();
