// Helpers shared by the dashboard pages. Everything a run folder provides is untrusted text: it only ever reaches
// the page through textContent or attribute setters, never innerHTML.
"use strict";

const J = {
  palette: ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#ca8a04", "#db2777", "#4b5563"],

  /** Friendlier names for the standard stats; anything else keeps its path-style name. */
  labels: {"D/real_score": "D(x)", "D/fake_score": "D(G(z))", "img/s": "images/s", "fid": "FID", "kid": "KID"},
  label(key) { return J.labels[key] || key; },

  /** Builds an element: el("td", {class: "num"}, "text", childNode, ...). */
  el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) {
      if (c === undefined || c === null) continue;
      e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return e;
  },

  /** Four significant digits, no exponent for everyday magnitudes; an en dash for missing values. */
  fmt(v) {
    if (v === null || v === undefined || typeof v !== "number") return "\u2013";
    if (!isFinite(v)) return String(v);
    const a = Math.abs(v);
    if (a >= 1000) return String(Math.round(v));
    if (a !== 0 && a < 1e-4) return v.toExponential(2);
    return String(Number(v.toPrecision(4)));
  },

  ago(epochSeconds) {
    if (!epochSeconds) return "never";
    const s = Math.max(0, Date.now() / 1000 - epochSeconds);
    if (s < 60) return Math.round(s) + " s ago";
    if (s < 3600) return Math.round(s / 60) + " min ago";
    if (s < 86400) return (s / 3600).toFixed(1) + " h ago";
    return new Date(epochSeconds * 1000).toISOString().slice(0, 16).replace("T", " ");
  },

  async getJson(url) {
    const r = await fetch(url, {cache: "no-store"});
    if (!r.ok) throw new Error(url + ": " + r.status);
    return r.json();
  },

  runUrl(name) { return "/run/" + encodeURIComponent(name); },
  apiUrl(name, what) { return "/api/runs/" + encodeURIComponent(name) + (what ? "/" + what : ""); },
  sampleUrl(name, step) {
    return "/runs/" + encodeURIComponent(name) + "/samples/step-" + String(step).padStart(6, "0") + ".png";
  },

  statusBadge(status) {
    return J.el("span", {class: "badge status-" + (status || "unknown"), "data-status": status}, status || "?");
  },

  /** "step 300 / 600" or "step 300" when the plan is unknown. */
  stepText(s) {
    if (s.step < 0) return "no steps yet";
    return "step " + s.step + (s.plannedSteps > 0 ? " / " + s.plannedSteps : "");
  },

  /**
   * Stats lines by step, oldest first. A resumed run logs the steps after its last checkpoint again; the later
   * line wins, so the curve shows the run as it continued.
   */
  byStep(rows) {
    const m = new Map();
    for (const r of rows) if (typeof r.step === "number") m.set(r.step, r);
    return [...m.values()].sort((a, b) => a.step - b.step);
  },

  /** Keeps a JSON API cursor (generation, next) and the rows read so far. */
  cursor() {
    return {gen: -1, next: 0, rows: [], events: [],
      apply(slice) {
        if (slice.reset) { this.rows = []; this.events = []; }
        this.rows.push(...slice.rows);
        this.events.push(...(slice.events || []));
        this.gen = slice.generation; this.next = slice.next;
        return slice.reset || slice.rows.length > 0 || (slice.events || []).length > 0;
      },
      query() { return "?gen=" + this.gen + "&from=" + this.next; }};
  },

  /** Nested JSON as rows of dotted keys and values, for config and provenance tables. */
  flatten(obj, prefix, out) {
    out = out || [];
    if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
      const flat = Array.isArray(obj) && obj.every(v => v === null || typeof v !== "object");
      out.push([prefix, flat ? obj.join(obj.every(v => typeof v === "number") ? " \u00d7 " : ", ")
        : Array.isArray(obj) ? JSON.stringify(obj) : String(obj)]);
      return out;
    }
    for (const [k, v] of Object.entries(obj)) J.flatten(v, prefix ? prefix + "." + k : k, out);
    return out;
  },

  keyValueTable(obj) {
    if (!obj) return J.el("p", {class: "muted"}, "not available");
    const body = J.flatten(obj, "").map(([k, v]) => J.el("tr", {}, J.el("th", {}, k), J.el("td", {}, v)));
    return J.el("table", {class: "kv"}, J.el("tbody", {}, ...body));
  },
};
