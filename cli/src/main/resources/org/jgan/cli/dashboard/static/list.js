// The runs list, refreshed every two seconds from /api/runs (a handful of stat calls per run on the server).
"use strict";

const picked = new Set();
const tbody = document.querySelector("#runs tbody");
const compareBtn = document.getElementById("compare");

function row(r) {
  const box = J.el("input", {type: "checkbox", "aria-label": "compare " + r.name, checked: picked.has(r.name),
    onchange: e => { e.target.checked ? picked.add(r.name) : picked.delete(r.name); updateButton(); }});
  const fid = r.bestFid == null ? J.el("span", {class: "muted"}, "\u2013")
    : J.el("span", {title: "at step " + r.bestFidStep}, J.fmt(r.bestFid));
  return J.el("tr", {"data-run": r.name},
    J.el("td", {}, box),
    J.el("td", {}, J.el("a", {href: J.runUrl(r.name)}, r.name)),
    J.el("td", {}, r.model || "?"),
    J.el("td", {}, r.data || "?"),
    J.el("td", {class: "num step"}, r.step < 0 ? "\u2013" : String(r.step) +
      (r.plannedSteps > 0 ? " / " + r.plannedSteps : "")),
    J.el("td", {class: "num fid"}, fid),
    J.el("td", {}, J.statusBadge(r.status)),
    J.el("td", {class: "num"}, r.alarms ? J.el("span", {class: "badge alarm"}, String(r.alarms)) : "0"),
    J.el("td", {class: "muted"}, J.ago(r.updated)));
}

function updateButton() {
  compareBtn.disabled = picked.size < 2;
}

compareBtn.addEventListener("click", () => {
  location.href = "/compare?runs=" + [...picked].map(encodeURIComponent).join(",");
});

async function refresh() {
  try {
    const runs = await J.getJson("/api/runs");
    for (const name of [...picked]) if (!runs.some(r => r.name === name)) picked.delete(name);
    tbody.replaceChildren(...runs.map(row));
    document.getElementById("empty").hidden = runs.length > 0;
    document.getElementById("live").textContent = "live";
    document.getElementById("live").className = "live on";
    updateButton();
  } catch (e) {
    document.getElementById("live").textContent = "offline";
    document.getElementById("live").className = "live off";
  }
  setTimeout(refresh, 2000);
}

refresh();
