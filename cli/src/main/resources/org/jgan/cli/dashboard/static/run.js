// One run: curves, sample grids, metrics, alarms, config. Fed by the server-sent event stream /api/runs/NAME/live;
// if the stream cannot be opened (too many tabs, a proxy), the page polls the JSON API instead.
"use strict";

const runName = decodeURIComponent(location.pathname.split("/")[2] || "");
const $ = id => document.getElementById(id);
const stats = J.cursor();
const metrics = J.cursor();
const page = {samples: [], sampleIdx: -1, follow: true, summary: null, metricCharts: new Map(), otherKey: null};

const charts = {
  losses: new LiveChart($("chart-losses"), {id: "losses"}),
  scores: new LiveChart($("chart-scores"), {id: "scores", yRange: [0, 1]}),
  speed: new LiveChart($("chart-speed"), {id: "speed", height: 160}),
  other: new LiveChart($("chart-other"), {id: "other", height: 180}),
};

document.title = runName + " \u2013 jgan";
$("crumb-name").textContent = runName;
$("title").textContent = runName;

function drawStats() {
  const rows = J.byStep(stats.rows);
  const keys = numericKeys(rows);
  const losses = keys.filter(k => k.startsWith("Loss/"));
  const scores = keys.filter(k => k.startsWith("D/") && k.endsWith("_score"));
  const speed = keys.filter(k => k === "img/s");
  const shown = new Set([...losses, ...scores, ...speed]);
  const other = keys.filter(k => !shown.has(k));
  draw(charts.losses, rows, losses);
  draw(charts.scores, rows, scores);
  draw(charts.speed, rows, speed);
  const sel = $("other-key");
  if (sel.options.length !== other.length) {
    sel.replaceChildren(...other.map(k => J.el("option", {value: k}, k)));
    if (!other.includes(page.otherKey)) page.otherKey = other[0] || null;
    sel.value = page.otherKey || "";
  }
  draw(charts.other, rows, page.otherKey ? [page.otherKey] : []);
  drawAlarms();
}

function draw(chart, rows, keys) {
  const {x, ys} = columns(rows, keys);
  chart.host.classList.toggle("empty", keys.length === 0);
  chart.set(x, keys.map((k, i) => ({name: J.label(k), values: ys[i]})));
}

function drawMetrics() {
  const box = $("metrics");
  const rows = J.byStep(metrics.rows);
  const keys = numericKeys(rows);
  if (keys.length === 0) {
    box.replaceChildren(J.el("p", {class: "muted"}, page.summary && page.summary.hasMetrics
      ? "metrics.jsonl has no evaluations yet."
      : "No evaluations yet: metrics.jsonl appears when the run is evaluated."));
    page.metricCharts.clear();
    return;
  }
  if (page.metricCharts.size === 0) box.replaceChildren();
  for (const k of keys) {
    if (!page.metricCharts.has(k)) {
      const host = J.el("div", {class: "chart", id: "chart-metric-" + k.replace(/[^A-Za-z0-9]/g, "_")});
      box.appendChild(J.el("div", {class: "metric"}, J.el("h3", {}, J.label(k)), host));
      page.metricCharts.set(k, new LiveChart(host, {id: "metric:" + k, height: 150}));
    }
    draw(page.metricCharts.get(k), rows, [k]);
  }
}

function drawAlarms() {
  const ev = stats.events;
  $("alarm-count").textContent = ev.length ? String(ev.length) : "";
  $("alarm-count").className = ev.length ? "badge alarm" : "badge";
  if (ev.length === 0) {
    $("alarms").replaceChildren(J.el("p", {class: "muted"}, "No alarms: no rollbacks or collapse warnings logged."));
    return;
  }
  const body = ev.map(e => J.el("tr", {class: "kind-" + e.kind},
    J.el("td", {class: "num"}, e.step == null ? "" : String(e.step)),
    J.el("td", {}, J.el("span", {class: "badge alarm"}, e.kind)),
    J.el("td", {}, e.details)));
  $("alarms").replaceChildren(J.el("table", {class: "list"},
    J.el("thead", {}, J.el("tr", {}, J.el("th", {}, "step"), J.el("th", {}, "kind"), J.el("th", {}, "details"))),
    J.el("tbody", {}, ...body)));
}

function drawSummary(s) {
  page.summary = Object.assign(page.summary || {}, s);
  $("status").replaceChildren(J.statusBadge(s.status));
  const parts = [(s.model || "?") + " on " + (s.data || "?"), J.stepText(s)];
  if (typeof s.epoch === "number") parts.push("epoch " + J.fmt(s.epoch));
  parts.push("updated " + J.ago(s.updated));
  $("subtitle").textContent = parts.join(" \u00b7 ");
  const warn = [];
  for (const [file, n] of Object.entries(s.skippedLines || {})) {
    if (n > 0) warn.push(n + (n === 1 ? " line" : " lines") + " of " + file + " could not be read and " +
      (n === 1 ? "was" : "were") + " skipped.");
  }
  if (s.configError) warn.push(s.configError + ".");
  const nodes = warn.map(w => J.el("div", {class: "warning"}, w));
  const ev = stats.events;
  if (ev.length) {
    const e = ev[ev.length - 1];
    nodes.unshift(J.el("div", {class: "warning alarm-banner"}, J.el("a", {href: "#alarms-card"},
      ev.length + (ev.length === 1 ? " alarm" : " alarms")), " \u2013 latest at step " + e.step + ": " + e.kind +
      (e.details ? " (" + e.details + ")" : "")));
  }
  $("warnings").replaceChildren(...nodes);
  const l = s.latest || {};
  const tiles = [["Loss/D", l["Loss/D"]], ["Loss/G", l["Loss/G"]], ["D/real_score", l["D/real_score"]],
    ["D/fake_score", l["D/fake_score"]], ["img/s", l["img/s"]]];
  const t = tiles.filter(([k, v]) => v !== undefined).map(([k, v]) =>
    J.el("div", {class: "tile", "data-key": k}, J.el("div", {class: "tile-label"}, J.label(k)),
      J.el("div", {class: "tile-value"}, J.fmt(v))));
  t.push(J.el("div", {class: "tile", "data-key": "bestFid"}, J.el("div", {class: "tile-label"}, "best FID"),
    J.el("div", {class: "tile-value"}, J.fmt(s.bestFid)),
    s.bestFid != null ? J.el("div", {class: "tile-note"}, "step " + s.bestFidStep) : null));
  $("tiles").replaceChildren(...t);
}

function drawSamples(steps) {
  const wasLatest = page.sampleIdx === page.samples.length - 1;
  page.samples = steps;
  const slider = $("sample-slider");
  slider.max = String(Math.max(0, steps.length - 1));
  slider.disabled = steps.length < 2;
  $("sample-count").textContent = steps.length ? "(" + steps.length + (steps.length === 1 ? " grid)" : " grids)") : "";
  if (page.follow || wasLatest || page.sampleIdx >= steps.length) page.sampleIdx = steps.length - 1;
  showSample();
}

/** Up to six grids from first to newest, so progress (or collapse) is visible at a glance. */
function drawStrip() {
  const n = page.samples.length;
  $("strip-title").hidden = n < 2;
  $("sample-strip").hidden = n < 2;
  const picks = [...new Set(Array.from({length: Math.min(6, n)}, (_, i) => Math.round(i * (n - 1) / Math.max(1,
    Math.min(6, n) - 1))))];
  $("sample-strip").replaceChildren(...picks.map(i => {
    const step = page.samples[i];
    const img = J.el("img", {src: J.sampleUrl(runName, step), alt: "step " + step, loading: "lazy"});
    const fig = J.el("figure", {class: i === page.sampleIdx ? "current" : "", "data-step": step,
      onclick: () => selectSample(i)}, img, J.el("figcaption", {}, String(step)));
    img.addEventListener("error", () => img.replaceWith(J.el("div", {class: "gone"}, "missing")));
    return fig;
  }));
}

function selectSample(i) {
  page.sampleIdx = i;
  page.follow = i === page.samples.length - 1;
  $("follow").checked = page.follow;
  showSample();
}

function showSample() {
  const img = $("sample-img"), missing = $("sample-missing");
  if (page.samples.length === 0) {
    img.hidden = true;
    missing.hidden = false;
    missing.textContent = "No sample grids yet.";
    $("sample-caption").textContent = "";
    return;
  }
  const step = page.samples[page.sampleIdx];
  $("sample-slider").value = String(page.sampleIdx);
  const latest = page.sampleIdx === page.samples.length - 1;
  $("sample-caption").textContent = "step " + step + (latest ? " (latest)" : "") +
    "  \u00b7  " + (page.sampleIdx + 1) + " of " + page.samples.length;
  const url = J.sampleUrl(runName, step);
  for (const f of $("sample-strip").children) f.classList.toggle("current", f.dataset.step === String(step));
  if (img.dataset.step !== String(step)) {
    img.dataset.step = String(step);
    img.dataset.retried = "";
    img.src = url;
  }
}

$("sample-img").addEventListener("load", e => { e.target.hidden = false; $("sample-missing").hidden = true; });
$("sample-img").addEventListener("error", e => {
  const img = e.target;
  // A grid deleted with its run, or pruned: say so instead of showing a broken image; look once more later.
  img.hidden = true;
  $("sample-missing").hidden = false;
  $("sample-missing").textContent = "The grid for step " + img.dataset.step + " is missing.";
  if (!img.dataset.retried) {
    img.dataset.retried = "1";
    setTimeout(() => { if (img.hidden) img.src = J.sampleUrl(runName, img.dataset.step) + "?retry=1"; }, 1500);
  }
});
$("sample-slider").addEventListener("input", e => selectSample(Number(e.target.value)));
$("follow").addEventListener("change", e => {
  page.follow = e.target.checked;
  if (page.follow) { page.sampleIdx = page.samples.length - 1; showSample(); }
});
$("other-key").addEventListener("change", e => { page.otherKey = e.target.value; drawStats(); });

function apply(update) {
  if (update.stats && stats.apply(update.stats)) drawStats();
  if (update.summary) drawSummary(update.summary);
  if (update.metrics && metrics.apply(update.metrics) || update.summary && metrics.rows.length === 0) drawMetrics();
  if (update.samples) { drawSamples(update.samples); drawStrip(); }
  document.body.dataset.lastStep = page.summary ? String(page.summary.step) : "";
}

function setLive(text, on) {
  $("live").textContent = text;
  $("live").className = "live " + (on ? "on" : "off");
}

async function loadDetails() {
  try {
    const d = await J.getJson(J.apiUrl(runName));
    page.summary = d;
    $("config").replaceChildren(J.keyValueTable(d.config));
    $("provenance").replaceChildren(J.keyValueTable(d.provenance));
    $("checkpoints").textContent = d.checkpoints.length
      ? "checkpoints: " + d.checkpoints.join(", ") : "no checkpoints yet";
  } catch (e) {
    $("warnings").replaceChildren(J.el("div", {class: "warning"}, "This run is not available: " + e.message));
  }
}

function stream() {
  const es = new EventSource(J.apiUrl(runName, "live"));
  es.addEventListener("update", e => { apply(JSON.parse(e.data)); setLive("live", true); });
  es.addEventListener("open", () => setLive("live", true));
  es.addEventListener("error", () => {
    if (es.readyState === EventSource.CLOSED) { setLive("polling", true); poll(); }
    else setLive("reconnecting\u2026", false);
  });
}

async function poll() {
  try {
    const [s, m, d] = await Promise.all([J.getJson(J.apiUrl(runName, "stats") + stats.query()),
      J.getJson(J.apiUrl(runName, "metrics") + metrics.query()), J.getJson(J.apiUrl(runName))]);
    apply({stats: s, metrics: m, summary: d, samples: d.samples});
  } catch (e) {
    setLive("offline", false);
  }
  setTimeout(poll, 2000);
}

loadDetails().then(stream);
setInterval(() => { if (page.summary) $("subtitle").textContent = $("subtitle").textContent
  .replace(/updated .*$/, "updated " + J.ago(page.summary.updated)); }, 1000);
