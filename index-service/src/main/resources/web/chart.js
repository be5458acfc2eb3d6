// The coverage-over-time chart: plain SVG bars from the search histogram [{date, count}].
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, String(v)));
  children.forEach((c) => node.append(c));
  return node;
}

/** An SVG bar chart of the buckets, with a text summary for screen readers and a tooltip per bar. */
function coverageChart(buckets) {
  const width = 720, height = 110, top = 14, bottom = 18;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  const peak = buckets.reduce((best, b) => (b.count > best.count ? b : best), buckets[0]);
  const chart = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", class: "chart" });
  chart.setAttribute("aria-label", `${total} articles from ${buckets[0].date} to ${buckets[buckets.length - 1].date}, `
    + `most (${peak.count}) in the period from ${peak.date}`);
  const step = width / buckets.length;
  const gap = step > 4 ? 1 : 0;
  buckets.forEach((b, i) => {
    const h = Math.round((b.count / max) * (height - top - bottom));
    chart.append(svg("rect", { x: (i * step).toFixed(2), y: height - bottom - h, width: Math.max(0.5, step - gap).toFixed(2),
      height: Math.max(h, b.count ? 1 : 0), class: "bar" }, svg("title", {}, `${b.date}: ${b.count}`)));
  });
  chart.append(svg("line", { x1: 0, x2: width, y1: height - bottom, y2: height - bottom, class: "axis" }));
  chart.append(svg("text", { x: 0, y: height - 4, class: "label" }, buckets[0].date));
  chart.append(svg("text", { x: width, y: height - 4, "text-anchor": "end", class: "label" },
    buckets[buckets.length - 1].date));
  chart.append(svg("text", { x: 0, y: 10, class: "label" }, `max ${max}`));
  return chart;
}
