// The recruiter's page: a search that answers as you type, a batch table
// with a CSV download and a CV upload. Plain JavaScript, no dependencies; everything
// is written with textContent, never parsed as HTML.
"use strict";

(function () {
  const DEBOUNCE_MS = 200;
  // Titles per batch request. The server takes up to --max-batch (1000 by
  // default); a server set lower answers too_many_items and the page
  // halves the chunk and asks again.
  let batchChunk = 100;

  const $ = (sel) => document.querySelector(sel);
  const q = $("#q");
  const desc = $("#desc");
  const results = $("#results");
  let scopeName = "the target occupations";
  const MAX_LISTED_TARGETS = 8;
  const MAX_LISTED_UNITS = 3;
  const occupationCache = new Map();
  let detailSeq = 0;

  // el builds an element: el("a", {href: "/x", class: "y"}, "text", child).
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) {
      if (c === undefined || c === null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function pct(x) {
    return Math.round((x || 0) * 100) + "%";
  }

  // bar is a confidence bar with its value in words for screen readers;
  // caption, when given, says what the confidence is in ("sure it is
  // outside").
  function bar(confidence, label, caption) {
    const fill = el("span", { class: "bar-fill" });
    fill.style.width = pct(confidence);
    const what = caption ? pct(confidence) + " " + caption : pct(confidence);
    return el("span", { class: "confidence" },
      el("span", { class: "bar", role: "img", "aria-label": caption ? what : label + " confidence " + what }, fill),
      el("span", { class: "pct", "aria-hidden": "true" }, what));
  }

  async function getJSON(url, opts) {
    const res = await fetch(url, opts);
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      throw new Error("the server answered " + res.status + " without JSON");
    }
    if (!res.ok) {
      const err = new Error(body && body.error ? body.error.message : "HTTP " + res.status);
      err.code = body && body.error ? body.error.code : "";
      throw err;
    }
    return body;
  }

  // ---- corpus --------------------------------------------------------

  async function loadCorpus() {
    try {
      const list = await getJSON("/v1/occupations");
      const c = list.corpus;
      const units = new Set();
      for (const o of list.occupations) {
        occupationCache.set(o.code, o);
        if (o.scope !== "target") continue;
        for (const g of o.hierarchy || []) {
          if (g.level === "unit") units.add(g.code);
        }
      }
      // A short scope line: the targets themselves when they are few, a
      // count when the corpus is the whole classification.
      if (units.size > 0 && units.size <= MAX_LISTED_UNITS) scopeName = [...units].join(", ");
      else if (units.size > 0) scopeName = "any occupation";
      $("#corpus").textContent = c.targets.length <= MAX_LISTED_TARGETS
        ? "Corpus " + c.version + ": " + c.name + ". Targets: " +
          c.targets.map((code) => code + " " + (occupationCache.get(code) || {}).title).join("; ") + "."
        : "Corpus " + c.version + ": " + c.targets.length + " target occupations in " + units.size +
          " unit groups. " + (c.source || "");
    } catch (e) {
      $("#corpus").textContent = "Could not load the corpus: " + e.message;
    }
  }

  // ---- search as you type --------------------------------------------

  let timer = 0;
  let inflight = null;

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  }

  // The page's URL carries the query (/?q=...), so that a result can be
  // shared and bookmarked and the back button returns to the query before.
  // The first search after the page loads, after Enter or after going back
  // starts a history entry; the searches made while typing on replace it.
  let pushNext = false;

  function queryURL(text) {
    return location.pathname + (text ? "?" + new URLSearchParams({ q: text }).toString() : "");
  }

  function syncURL(text) {
    const url = queryURL(text);
    if (url === location.pathname + location.search) return;
    if (pushNext) history.pushState({ q: text }, "", url);
    else history.replaceState({ q: text }, "", url);
    pushNext = false;
  }

  function queryFromURL() {
    return new URLSearchParams(location.search).get("q") || "";
  }

  async function search(fromHistory) {
    const text = q.value.trim();
    if (fromHistory !== true) syncURL(text);
    if (inflight) inflight.abort();
    if (text === "") {
      results.replaceChildren();
      results.setAttribute("aria-busy", "false");
      return;
    }
    const ctl = new AbortController();
    inflight = ctl;
    const params = new URLSearchParams({ q: text, explain: "1" });
    if (desc.value.trim() !== "") params.set("description", desc.value.trim());
    results.setAttribute("aria-busy", "true");
    try {
      const res = await getJSON("/v1/classify?" + params.toString(), { signal: ctl.signal });
      if (inflight === ctl) renderResult(res);
    } catch (e) {
      if (e.name === "AbortError") return;
      results.replaceChildren(el("p", { class: "error", role: "alert" }, e.message));
    } finally {
      if (inflight === ctl) {
        inflight = null;
        results.setAttribute("aria-busy", "false");
      }
    }
  }

  // termsFor lists the words of the query that matched an occupation, as
  // they were written ("Centre", not the stem "centr").
  function termsFor(res, code) {
    const ex = res.explanation;
    if (!ex) return [];
    const words = new Set();
    for (const c of ex.candidates || []) {
      if (c.code !== code) continue;
      for (const f of c.fields || []) {
        for (const t of f.terms || []) {
          const written = (ex.words || {})[t];
          if (written && written.length) written.forEach((w) => words.add(w));
          else words.add(t);
        }
      }
    }
    return [...words];
  }

  function termList(terms) {
    if (terms.length === 0) return el("span", { class: "terms muted" }, "no matched terms");
    return el("span", { class: "terms" }, "matched: ",
      ...terms.map((t) => el("mark", {}, t)));
  }

  function detailsLink(code, title) {
    const id = "details-" + code + "-" + (++detailSeq);
    const panel = el("div", { id: id, class: "details", hidden: true });
    const link = el("a", {
      href: recordPath(code),
      class: "details-link",
      "aria-expanded": "false",
      "aria-controls": id,
      onclick: (ev) => {
        ev.preventDefault();
        toggleDetails(link, panel, code);
      },
    }, "Details", el("span", { class: "visually-hidden" }, " of " + code + " " + title));
    return [link, panel];
  }

  // recordPath is where the record of a code is: an occupation's six
  // digits, or a group's one to four (a result backed off to its group).
  function recordPath(code) {
    return (code.length === 6 ? "/v1/occupations/" : "/v1/groups/") + encodeURIComponent(code);
  }

  async function toggleDetails(link, panel, code) {
    const open = link.getAttribute("aria-expanded") === "true";
    link.setAttribute("aria-expanded", String(!open));
    panel.hidden = open;
    if (open || panel.dataset.loaded) return;
    panel.replaceChildren(el("p", { class: "muted" }, "Loading…"));
    try {
      let o = occupationCache.get(code);
      if (!o) {
        o = await getJSON(recordPath(code));
        occupationCache.set(code, o);
      }
      panel.replaceChildren(...(code.length === 6 ? renderOccupation(o) : renderGroup(o)));
      panel.dataset.loaded = "1";
    } catch (e) {
      panel.replaceChildren(el("p", { class: "error" }, e.message));
    }
  }

  function list(items) {
    return el("ul", {}, ...items.map((t) => el("li", {}, t)));
  }

  function renderOccupation(o) {
    const out = [];
    const dl = el("dl");
    const row = (k, v) => {
      if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) return;
      dl.append(el("dt", {}, k), el("dd", {}, v));
    };
    row("Skill level", o.skill_level ? String(o.skill_level) + " of 5" : "");
    row("Group", (o.hierarchy || []).map((g) => g.code + " " + g.title).join(" › "));
    const en = (o.text || []).find((t) => t.lang === "en") || (o.text || [])[0] || {};
    row("Alternative titles", en.alternative_titles && en.alternative_titles.join("; "));
    row("Specialisations", en.specialisations && en.specialisations.join("; "));
    if (en.qualifications) {
      const qu = en.qualifications;
      const parts = [];
      if (qu.au) parts.push("Australia: " + qu.au);
      if (qu.nz) parts.push("New Zealand: " + qu.nz);
      if (qu.experience_years) parts.push("or " + qu.experience_years + " years of relevant experience");
      row("Qualifications", parts.length ? list(parts) : "");
    }
    const corr = (xs) => (xs || []).map((x) => x.code + " " + x.title + (x.partial ? " (partial)" : "")).join("; ");
    row("ISCO-08", corr(o.isco08));
    row("OSCA", corr(o.osca));
    out.push(dl);
    if (en.description) out.push(el("p", {}, en.description));
    if (en.tasks && en.tasks.length) {
      out.push(el("h4", {}, "Tasks"), list(en.tasks));
    }
    return out;
  }

  // renderGroup shows a group of the classification: its parents, its
  // occupations and the titles given to the whole group.
  function renderGroup(g) {
    const dl = el("dl");
    const row = (k, v) => {
      if (v) dl.append(el("dt", {}, k), el("dd", {}, v));
    };
    row("Within", (g.parents || []).map((p) => p.code + " " + p.title).join(" › "));
    row("Titles of the group", (g.titles || []).map((t) => t.title + " (" + t.lang + ")").join("; "));
    const occs = g.occupations || [];
    return [dl, el("h4", {}, occs.length === 1 ? "1 occupation" : occs.length + " occupations"),
      list(occs.map((o) => o.code + " " + o.title))];
  }

  function renderResult(res) {
    const nodes = [];
    const verdict = el("div", { class: "verdict", "data-code": res.code || "outside" });
    if (res.code) {
      const line = el("p", { class: "code-line" }, el("strong", { class: "code" }, res.code), " ", res.title);
      if (res.level && res.level !== "occupation") {
        line.append(" (" + res.level.replace("_", " ") + ": the words fit the group, not one occupation)");
      }
      verdict.append(line, bar(res.confidence, res.code));
      if (res.level && res.level !== "occupation") {
        verdict.append(...detailsLink(res.code, res.title));
      }
    } else {
      // The bar is the confidence that the title lies outside, beside the
      // verdict; the nearest occupation outside comes below it, on its own.
      const n = res.nearest_outside;
      verdict.append(el("p", { class: "code-line outside" }, "Outside " + scopeName),
        bar(res.confidence, "outside", "sure it is outside"));
      if (n) {
        verdict.append(el("p", { class: "nearest" }, "Nearest occupation outside: ",
          el("strong", { class: "code" }, n.code), " " + n.title), ...detailsLink(n.code, n.title));
      }
    }
    nodes.push(verdict);
    if (res.matches && res.matches.length) {
      nodes.push(el("h3", {}, "Ranked matches"));
      const ol = el("ol", { class: "matches" });
      for (const m of res.matches) {
        const [link, panel] = detailsLink(m.code, m.title);
        ol.append(el("li", { "data-code": m.code },
          el("div", { class: "match-head" }, el("strong", { class: "code" }, m.code), " ", m.title),
          bar(m.confidence, m.code),
          termList(termsFor(res, m.code)),
          link, panel));
      }
      nodes.push(ol);
    }
    if (res.explanation && res.explanation.decision) {
      nodes.push(el("p", { class: "muted decision" }, res.explanation.decision));
    }
    for (const w of res.warnings || []) {
      nodes.push(el("p", { class: "warning" }, w));
    }
    results.replaceChildren(...nodes);
  }

  // ---- batch -----------------------------------------------------------

  let batchRows = [];

  async function runBatch(ev) {
    ev.preventDefault();
    const status = $("#batch-status");
    const lines = $("#titles").value.split(/\r?\n/)
      .map((t, i) => ({ id: String(i + 1), text: t.trim() }))
      .filter((it) => it.text !== "");
    if (lines.length === 0) {
      status.textContent = "Paste some job titles first, one per line.";
      return;
    }
    const run = $("#batch-run");
    run.disabled = true;
    $("#batch-csv").disabled = true;
    batchRows = [];
    const tbody = $("#batch-table tbody");
    tbody.replaceChildren();
    $("#batch-table").hidden = false;
    try {
      for (let i = 0; i < lines.length;) {
        const chunk = lines.slice(i, i + batchChunk);
        status.textContent = "Classifying " + (i + 1) + "–" + (i + chunk.length) + " of " + lines.length + "…";
        let body;
        try {
          body = await getJSON("/v1/classify/batch", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ items: chunk }),
          });
        } catch (e) {
          if (e.code === "too_many_items" && batchChunk > 1) {
            batchChunk = Math.max(1, Math.floor(batchChunk / 2));
            continue;
          }
          throw e;
        }
        body.results.forEach((r, k) => {
          const row = { line: r.id, text: chunk[k].text, result: r };
          batchRows.push(row);
          tbody.append(batchRow(row));
        });
        i += chunk.length;
      }
      const outside = batchRows.filter((r) => !r.result.error && !r.result.code).length;
      const errors = batchRows.filter((r) => r.result.error).length;
      status.textContent = "Classified " + batchRows.length + " titles: " + outside + " outside " + scopeName +
        (errors ? ", " + errors + " with errors" : "") + ".";
      $("#batch-csv").disabled = false;
    } catch (e) {
      status.textContent = "The batch failed: " + e.message;
    } finally {
      run.disabled = false;
    }
  }

  function batchRow(row) {
    const r = row.result;
    if (r.error) {
      return el("tr", { class: "row-error" }, el("td", {}, row.line), el("td", {}, row.text),
        el("td", { colspan: "4" }, r.error.message));
    }
    const n = r.nearest_outside;
    return el("tr", { "data-code": r.code || "outside" },
      el("td", {}, row.line),
      el("td", {}, row.text),
      el("td", {}, r.code || "—"),
      el("td", {}, r.code ? r.title : "Outside " + scopeName),
      el("td", {}, bar(r.confidence, r.code || "outside", r.code ? "" : "sure it is outside")),
      el("td", {}, n ? n.code + " " + n.title : ""));
  }

  // csvCell quotes a cell and keeps spreadsheets from running a cell that
  // starts like a formula.
  function csvCell(v) {
    let s = v === undefined || v === null ? "" : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function downloadCSV() {
    const header = ["line", "title", "code", "occupation", "confidence", "nearest_outside_code", "nearest_outside_title", "error"];
    const lines = [header.join(",")];
    for (const row of batchRows) {
      const r = row.result;
      const n = r.nearest_outside || {};
      lines.push([row.line, row.text, r.code || "", r.title || "", r.error ? "" : r.confidence,
        n.code || "", n.title || "", r.error ? r.error.message : ""].map(csvCell).join(","));
    }
    const blob = new Blob([lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: "anzsco-results.csv" });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---- CV upload -------------------------------------------------------

  async function runCV(ev) {
    ev.preventDefault();
    const status = $("#cv-status");
    const file = $("#cv-file").files[0];
    if (!file) {
      status.textContent = "Choose a CV file first.";
      return;
    }
    const run = $("#cv-run");
    run.disabled = true;
    $("#cv-verdict").replaceChildren();
    $("#cv-wrap").hidden = true;
    status.textContent = "Reading " + file.name + "…";
    try {
      const form = new FormData();
      form.append("file", file);
      const rep = await getJSON("/v1/cv", { method: "POST", body: form });
      renderCV(rep);
      const n = rep.positions.length;
      status.textContent = "Read " + n + " dated position" + (n === 1 ? "" : "s") + " from " + rep.source + ".";
    } catch (e) {
      status.textContent = "The CV could not be read: " + e.message;
    } finally {
      run.disabled = false;
    }
  }

  function renderCV(rep) {
    const verdict = el("div", { class: "verdict", "data-code": rep.code || "outside" });
    verdict.append(rep.code
      ? el("p", { class: "code-line" }, el("strong", { class: "code" }, rep.code), " ", rep.title)
      : el("p", { class: "code-line outside" }, "No position is coded to " + scopeName));
    const exp = el("ul", { class: "experience" });
    for (const code of Object.keys(rep.required_months || {}).sort()) {
      const have = (rep.months_by_code || {})[code] || 0;
      exp.append(el("li", {}, code + ": " + have + " months of experience, " + rep.required_months[code] +
        " accepted in place of the qualifications: " + (rep.experience_meets[code] ? "met" : "not met")));
    }
    verdict.append(exp);
    for (const w of rep.warnings || []) verdict.append(el("p", { class: "warning" }, w));
    $("#cv-verdict").replaceChildren(verdict);
    $("#cv-table tbody").replaceChildren(...rep.positions.map((p) => el("tr", { "data-code": p.code || "outside" },
      el("td", {}, p.start + " – " + p.end + (p.approximate ? " (approx.)" : "")),
      el("td", {}, p.months),
      el("td", {}, p.title),
      el("td", {}, p.employer),
      el("td", {}, p.code ? p.code + " " + p.code_title
        : "Outside" + (p.nearest_outside ? ", nearest " + p.nearest_outside.code + " " + p.nearest_outside.title : "")),
      el("td", {}, bar(p.confidence, p.code || "outside", p.code ? "" : "sure it is outside")))));
    $("#cv-wrap").hidden = rep.positions.length === 0;
  }

  // ---- wiring ----------------------------------------------------------

  q.addEventListener("input", schedule);
  desc.addEventListener("input", schedule);
  $("#search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    clearTimeout(timer);
    search();
    pushNext = true;
  });
  window.addEventListener("popstate", () => {
    q.value = queryFromURL();
    clearTimeout(timer);
    search(true);
    pushNext = true;
  });
  $("#batch-form").addEventListener("submit", runBatch);
  $("#batch-csv").addEventListener("click", downloadCSV);
  $("#cv-form").addEventListener("submit", runCV);
  loadCorpus();
  const shared = queryFromURL();
  if (shared !== "") {
    q.value = shared;
    search(true);
    pushNext = true;
  } else if (q.value.trim() !== "") {
    schedule();
  }
})();
