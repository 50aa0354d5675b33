// Live line charts on uPlot (vendored in the jar). A chart is rebuilt only when its set of series changes; new
// points go through setData, which keeps the cursor, zoom and legend where the user left them.
"use strict";

/** Tick spacings for the step axis: whole steps only (1, 2, 5, 10, 20, 50, ...). */
const STEP_INCRS = [].concat(...Array.from({length: 10}, (_, e) => [1, 2, 5].map(m => m * 10 ** e)));

/** Every chart on the page by id, so the browser tests can read exactly what is drawn. */
window.jganCharts = window.jganCharts || {};

class LiveChart {
  /**
   * @param host  the element to draw into (its width is followed)
   * @param opts  {id, height, yRange: [min, max] or undefined, xLabel}
   */
  constructor(host, opts) {
    this.host = host;
    this.opts = Object.assign({height: 220, xLabel: "step"}, opts);
    this.names = null;
    this.plot = null;
    new ResizeObserver(() => this.resize()).observe(host);
  }

  /** Shows x against each series ({name, values, color?}); values may hold nulls (gaps). */
  set(x, series) {
    const names = series.map(s => s.name).join("\u0000");
    const data = [x, ...series.map(s => s.values)];
    if (names !== this.names || !this.plot) {
      this.build(series, data);
      this.names = names;
    } else {
      this.plot.setData(data);
      // Refresh the legend's "newest value" unless the user is reading values under the cursor.
      if (this.plot.cursor.idx == null) this.plot.setLegend({idx: null});
    }
    this.host.dataset.points = String(x.length);
    this.host.dataset.lastStep = x.length ? String(x[x.length - 1]) : "";
  }

  build(series, data) {
    if (this.plot) this.plot.destroy();
    const o = this.opts;
    const opts = {
      width: Math.max(200, this.host.clientWidth),
      height: o.height,
      legend: {live: true},
      cursor: {drag: {x: true, y: false}},
      scales: {x: {time: false}, y: o.yRange ? {range: () => o.yRange} : {}},
      axes: [
        {label: o.xLabel, labelSize: 18, size: 36, grid: {stroke: "#eef0f3"}, incrs: STEP_INCRS},
        {size: 56, grid: {stroke: "#eef0f3"}, values: (u, ticks) => ticks.map(J.fmt)},
      ],
      series: [{label: o.xLabel, value: (u, v, si, idx) => J.fmt(idx == null ? lastValue(u.data[0]) : v)}]
        .concat(series.map((s, i) => ({
          label: s.name,
          stroke: s.color || J.palette[i % J.palette.length],
          width: 1.6,
          spanGaps: true,
          // Without a cursor on the chart, the legend shows the newest value rather than a dash.
          value: (u, v, si, idx) => J.fmt(idx == null ? lastValue(u.data[si]) : v),
        }))),
    };
    this.plot = new uPlot(opts, data, this.host);
    if (o.id) window.jganCharts[o.id] = this.plot;
  }

  resize() {
    if (this.plot) this.plot.setSize({width: Math.max(200, this.host.clientWidth), height: this.opts.height});
  }
}

/** Columns for uPlot from rows sorted by step: [steps, values of key 1, values of key 2, ...]. */
function columns(rows, keys) {
  const x = rows.map(r => r.step);
  const ys = keys.map(k => rows.map(r => (typeof r[k] === "number" ? r[k] : null)));
  return {x, ys};
}

/** The numeric keys present in any row, except the bookkeeping ones, in first-seen order. */
function numericKeys(rows) {
  const seen = new Set();
  for (const r of rows) {
    for (const k of Object.keys(r)) if (k !== "step" && k !== "time" && k !== "epoch") seen.add(k);
  }
  return [...seen];
}

function lastValue(arr) {
  for (let i = arr.length - 1; i >= 0; i--) if (arr[i] != null) return arr[i];
  return null;
}
