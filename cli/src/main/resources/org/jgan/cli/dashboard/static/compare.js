// Two or more runs on shared charts: one series per run, joined on the step axis. Polls each run's JSON API every
// two seconds (one stream per run would use up the browser's few connections per host).
"use strict";

const names = (new URLSearchParams(location.search).get("runs") || "").split(",").filter(Boolean);
const runs = names.map((name, i) => ({name, color: J.palette[i % J.palette.length], stats: J.cursor(),
  metrics: J.cursor(), summary: null, error: null}));
const STANDARD = ["Loss/D", "Loss/G", "D/real_score", "D/fake_score", "img/s"];
const charts = new Map();
let otherKey = null;
const otherChart = new LiveChart(document.getElementById("chart-other"), {id: "other", height: 220});

function chartFor(key) {
  if (!charts.has(key)) {
    const host = J.el("div", {class: "chart", id: "chart-" + key.replace(/[^A-Za-z0-9]/g, "_")});
    document.getElementById("charts").appendChild(J.el("section", {class: "card"}, J.el("h2", {}, J.label(key)), host));
    charts.set(key, new LiveChart(host, {id: key, yRange: key.endsWith("_score") ? [0, 1] : undefined}));
  }
  return charts.get(key);
}

/** Rows of one run for a key: stats keys from stats.jsonl, metric keys from metrics.jsonl. */
function rowsOf(run, key) {
  const fromMetrics = !run.stats.rows.some(r => key in r) && run.metrics.rows.some(r => key in r);
  return J.byStep(fromMetrics ? run.metrics.rows : run.stats.rows);
}

function drawKey(chart, key) {
  const tables = runs.map(run => {
    const rows = rowsOf(run, key).filter(r => typeof r[key] === "number" || r[key] === null);
    return [rows.map(r => r.step), rows.map(r => r[key])];
  });
  const data = tables.every(t => t[0].length === 0) ? [[], ...runs.map(() => [])] : uPlot.join(tables);
  chart.set(data[0], runs.map((run, i) => ({name: run.name, values: data[i + 1], color: run.color})));
}

function draw() {
  const metricKeys = new Set(), allKeys = new Set();
  for (const run of runs) {
    numericKeys(run.metrics.rows).forEach(k => { metricKeys.add(k); allKeys.add(k); });
    numericKeys(run.stats.rows).forEach(k => allKeys.add(k));
  }
  const keys = STANDARD.filter(k => allKeys.has(k)).concat([...metricKeys]);
  for (const k of keys) drawKey(chartFor(k), k);
  const sel = document.getElementById("other-key");
  const all = [...allKeys].sort();
  if (sel.options.length !== all.length) {
    sel.replaceChildren(...all.map(k => J.el("option", {value: k}, k)));
    if (!all.includes(otherKey)) otherKey = all.find(k => k.startsWith("lr/")) || all[0] || null;
    sel.value = otherKey || "";
  }
  if (otherKey) drawKey(otherChart, otherKey);
}

function drawChips() {
  document.getElementById("chips").replaceChildren(...runs.map(run => J.el("span", {class: "chip"},
    J.el("span", {class: "swatch", style: "background:" + run.color}),
    J.el("a", {href: J.runUrl(run.name)}, run.name),
    run.summary ? J.el("span", {class: "muted small"}, (run.summary.model || "?") + " \u00b7 " +
      J.stepText(run.summary)) : null,
    run.summary ? J.statusBadge(run.summary.status) : null,
    run.error ? J.el("span", {class: "badge alarm"}, "not found") : null)));
}

/** Each run's newest grid side by side; an image is replaced only when its step changes. */
function drawGrids() {
  const box = document.getElementById("grids");
  for (const run of runs) {
    const steps = run.summary ? run.summary.samples || [] : [];
    const step = steps.length ? steps[steps.length - 1] : null;
    let fig = box.querySelector("figure[data-run='" + CSS.escape(run.name) + "']");
    if (!fig) {
      fig = J.el("figure", {"data-run": run.name});
      box.appendChild(fig);
    }
    if (fig.dataset.step === String(step)) continue;
    fig.dataset.step = String(step);
    fig.replaceChildren(step == null ? J.el("div", {class: "muted"}, "no grids yet")
      : J.el("img", {src: J.sampleUrl(run.name, step), alt: run.name + " step " + step}),
      J.el("figcaption", {}, J.el("span", {class: "swatch", style: "background:" + run.color}), " " + run.name +
        (step == null ? "" : " \u00b7 step " + step)));
  }
}

document.getElementById("other-key").addEventListener("change", e => { otherKey = e.target.value; draw(); });

async function refresh() {
  let changed = false;
  await Promise.all(runs.map(async run => {
    try {
      const [s, m, d] = await Promise.all([J.getJson(J.apiUrl(run.name, "stats") + run.stats.query()),
        J.getJson(J.apiUrl(run.name, "metrics") + run.metrics.query()), J.getJson(J.apiUrl(run.name))]);
      changed = run.stats.apply(s) | run.metrics.apply(m) || changed;
      run.summary = d;
      run.error = null;
    } catch (e) {
      run.error = e.message;
    }
  }));
  drawChips();
  drawGrids();
  if (changed) draw();
  document.getElementById("live").textContent = runs.some(r => r.error) ? "some runs missing" : "live";
  document.getElementById("live").className = "live on";
  setTimeout(refresh, 2000);
}

if (names.length < 2) {
  document.getElementById("warnings").replaceChildren(J.el("div", {class: "warning"},
    "Pick two or more runs on the runs list, or open /compare?runs=A,B."));
}
refresh();
