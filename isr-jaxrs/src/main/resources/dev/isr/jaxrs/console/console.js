/*
 * ISR admin console.
 *
 * Signs in with the admin token, then polls the node-local admin API (stats, history, entries, events),
 * draws the hit-ratio chart as hand-built SVG, explains caching decisions for a URL and sends purges.
 *
 * The token lives only in sessionStorage (key "isr-admin-token") and in memory: never in localStorage,
 * a cookie or the URL. It is sent as "Authorization: Bearer ..." on every call. All data is shown with
 * textContent, never innerHTML.
 */
"use strict";

(function () {
  const TOKEN_KEY = "isr-admin-token";
  const PAGE_SIZE = 50;
  const SVG_NS = "http://www.w3.org/2000/svg";
  const POLLS = { stats: 5000, history: 10000, events: 10000, entries: 15000 };

  const state = {
    token: null,
    session: 0,          // bumped on every login/logout, so late answers of an old session are dropped
    timers: [],
    busy: {},
    history: null,
    entries: { by: "prefix", query: "", offset: 0 },
    pendingPurge: null,
  };

  const $ = (id) => document.getElementById(id);

  /* ---------- small helpers ---------- */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c);
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") node.textContent = v;
      else node.setAttribute(k, String(v));
    }
    return node;
  }

  const num = (n) => (typeof n === "number" ? n.toLocaleString("en") : "–");

  function bytes(n) {
    if (typeof n !== "number") return "–";
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i === 0 ? n : n.toFixed(n < 10 ? 1 : 0)) + " " + units[i];
  }

  function seconds(s) {
    if (typeof s !== "number") return "–";
    s = Math.abs(Math.round(s));
    if (s < 120) return s + " s";
    if (s < 7200) return Math.round(s / 60) + " min";
    if (s < 172800) return Math.round(s / 3600) + " h";
    return Math.round(s / 86400) + " d";
  }

  const ttlText = (ttl) => (typeof ttl === "number" && ttl < 0 ? "stale " : "") + seconds(ttl);
  const percent = (part, whole) => (whole > 0 ? (100 * part / whole) : null);
  const plural = (n, one, many) => n + " " + (n === 1 ? one : many);

  function clockTime(ms) {
    const d = new Date(ms);
    const sameDay = d.toDateString() === new Date().toDateString();
    return sameDay ? d.toLocaleTimeString() : d.toLocaleString();
  }

  /* ---------- API access ---------- */
  class ApiError extends Error { constructor(status, message) { super(message); this.status = status; } }
  class Cancelled extends Error {}

  async function problemText(res) {
    const type = res.headers.get("content-type") || "";
    if (type.includes("json")) {
      try {
        const body = await res.json();
        if (body && (body.detail || body.title)) return String(body.detail || body.title);
      } catch (e) { /* fall through to the status text */ }
    }
    return res.statusText || "HTTP " + res.status;
  }

  /** Calls the admin API with the given token; resolves to parsed JSON or throws ApiError. */
  async function request(path, token, options) {
    const init = Object.assign({ method: "GET" }, options, { cache: "no-store", credentials: "omit",
      headers: { Authorization: "Bearer " + token, Accept: "application/json" } });
    if (init.body !== undefined) init.headers["Content-Type"] = "application/json";
    const res = await fetch(path, init).catch(() => { throw new ApiError(0, "could not reach the server"); });
    if (!res.ok) throw new ApiError(res.status, await problemText(res));
    return res.status === 204 ? {} : res.json();
  }

  /** Calls the API within the current session; a 401 signs out, answers of an old session are dropped. */
  async function api(path, options) {
    const session = state.session;
    try {
      const data = await request(path, state.token, options);
      if (session !== state.session) throw new Cancelled();
      return data;
    } catch (e) {
      if (session !== state.session) throw new Cancelled();
      if (e instanceof ApiError && e.status === 401) {
        logout("Signed out: " + e.message);
        throw new Cancelled();
      }
      throw e;
    }
  }

  function setPollStatus(text, isError) {
    const p = $("poll-status");
    p.textContent = text;
    p.classList.toggle("error", Boolean(isError));
  }

  /** Runs a loader unless it is still running; reports failures in the header. */
  async function run(name, loader) {
    if (state.busy[name]) return;
    state.busy[name] = true;
    try {
      await loader();
      setPollStatus("Updated " + new Date().toLocaleTimeString());
    } catch (e) {
      if (!(e instanceof Cancelled)) setPollStatus("Could not load " + name + ": " + e.message, true);
    } finally {
      state.busy[name] = false;
    }
  }

  /* ---------- sign in / out ---------- */
  async function login(token, silent) {
    const session = ++state.session;
    $("login").disabled = true;
    try {
      const stats = await request("stats", token);
      if (session !== state.session) return;
      sessionStorage.setItem(TOKEN_KEY, token);
      state.token = token;
      showConsole(true);
      renderStats(stats);
      startPolling();
    } catch (e) {
      if (session !== state.session) return;
      sessionStorage.removeItem(TOKEN_KEY);
      if (!silent) {
        const refused = e.status === 401 || e.status === 403;
        $("login-error").textContent = (refused ? "Refused: " : "Sign-in failed: ") + e.message;
        $("token").focus();
      }
    } finally {
      $("login").disabled = false;
    }
  }

  function logout(message) {
    state.session++;
    state.token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    stopPolling();
    clearData();
    showConsole(false);
    $("login-error").textContent = message || "";
    $("token").focus();
  }

  function showConsole(on) {
    $("login-section").hidden = on;
    for (const id of ["console", "logout", "node-info"]) $(id).hidden = !on;
    $("skip-link").setAttribute("href", on ? "#console" : "#login-section");
    if (on) {
      $("login-error").textContent = "";
      $("token").value = "";
    }
  }

  function clearData() {
    ["counters", "chart-node", "chart-box", "entries-body", "explain-result", "events-list"]
      .forEach((id) => $(id).replaceChildren());
    for (const id of ["node-name", "node-mode", "entries-range", "purge-result"]) $(id).textContent = "";
    for (const id of ["chart-empty", "chart-legend", "events-empty"]) $(id).hidden = true;
    $("entries-prev").disabled = $("entries-next").disabled = true;
    setPollStatus("");
    for (const id of ["entries-form", "explain-form", "purge-form"]) $(id).reset();
    state.history = null;
    state.entries = { by: "prefix", query: "", offset: 0 };
  }

  /* ---------- polling ---------- */
  function startPolling() {
    stopPolling();
    loadHistory();
    loadEntries();
    loadEvents();
    const every = (ms, fn) => state.timers.push(setInterval(() => { if (!document.hidden) fn(); }, ms));
    every(POLLS.stats, loadStats);
    every(POLLS.history, loadHistory);
    every(POLLS.events, loadEvents);
    every(POLLS.entries, loadEntries);
  }

  function stopPolling() {
    state.timers.forEach(clearInterval);
    state.timers = [];
    state.busy = {};
  }

  /* ---------- stats ---------- */
  const loadStats = () => run("stats", async () => renderStats(await api("stats")));

  function renderStats(s) {
    const served = (s.hits || 0) + (s.staleHits || 0);
    const ratio = percent(served, served + (s.misses || 0));
    const rows = [
      ["Hits", num(s.hits)],
      ["Stale hits", num(s.staleHits)],
      ["Misses", num(s.misses)],
      ["Hit ratio", ratio === null ? "–" : ratio.toFixed(1) + " %"],
      ["Stores", num(s.stores)],
      ["Bypasses", num(s.bypasses)],
      ["Revalidations ok / failed", num(s.revalidationsOk) + " / " + num(s.revalidationsFailed)],
      ["Purges", num(s.purges)],
      ["Entries", num(s.entries)],
      ["Bytes", bytes(s.bytes)],
      ["Memory used / max", bytes(s.memoryBytes) + " / " + bytes(s.memoryMaxBytes)],
      ["Store used / max", bytes(s.storeBytes) + " / " + bytes(s.storeMaxBytes)],
      ["Members", num(s.members)],
      ["Mode", s.mode || "–"],
      ["Node", s.node || "–"],
    ];
    $("counters").replaceChildren(...rows.map(([k, v]) =>
      el("div", { class: "counter" }, el("dt", { text: k }), el("dd", { text: v }))));
    $("node-name").textContent = s.node || "?";
    $("node-mode").textContent = "(" + (s.mode || "?") + ", " + plural(s.members || 0, "member", "members") + ")";
  }

  /* ---------- history chart ---------- */
  const loadHistory = () => run("history", async () => {
    state.history = await api("console/history");
    renderNodeSelect();
    renderChart();
  });

  function renderNodeSelect() {
    const select = $("chart-node");
    const nodes = (state.history.series || []).map((s) => s.node);
    const current = select.value || "cluster";
    const existing = Array.from(select.options).map((o) => o.value);
    if (existing.join("\n") !== nodes.join("\n")) {
      select.replaceChildren(...nodes.map((n) => el("option", { value: n, text: n })));
    }
    select.value = nodes.includes(current) ? current : (nodes[0] || "");
  }

  function selectedSeries() {
    const h = state.history;
    if (!h || !h.series || !h.series.length) return null;
    return h.series.find((s) => s.node === $("chart-node").value) || h.series[0];
  }

  /** Rounds up to a nice axis maximum divisible into 4 integer ticks. */
  function niceMax(max) {
    const raw = Math.max(1, Math.ceil(max / 4));
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
    return step * 4;
  }

  /** Builds an SVG path from [x, y|null] points; nulls break the line. */
  function linePath(points) {
    let d = "";
    let pen = false;
    for (const [x, y] of points) {
      if (y === null || Number.isNaN(y)) { pen = false; continue; }
      d += (pen ? "L" : "M") + x.toFixed(1) + " " + y.toFixed(1) + (pen ? "" : " l0 0") + " ";
      pen = true;
    }
    return d.trim();
  }

  function renderChart() {
    const box = $("chart-box");
    const series = selectedSeries();
    const at = (state.history && state.history.at) || [];
    const n = at.length;
    $("chart-empty").hidden = n > 0 && series !== null;
    $("chart-legend").hidden = !$("chart-empty").hidden;
    box.replaceChildren();
    if (!n || !series) return;

    const W = Math.max(300, Math.round(box.clientWidth || 720));
    const H = W < 500 ? 240 : 320;
    const m = { left: 46, right: 46, top: 14, bottom: 40 };
    const iw = W - m.left - m.right;
    const ih = H - m.top - m.bottom;
    const pick = (key) => at.map((_, i) => (series[key] || [])[i] || 0);
    const hits = pick("hits"), stale = pick("staleHits"), misses = pick("misses");
    const renders = pick("renders"), failures = pick("revalidationsFailed");
    const ratio = at.map((_, i) => percent(hits[i] + stale[i], hits[i] + stale[i] + misses[i]));
    const rightMax = niceMax(Math.max(...renders, ...failures));
    const t0 = at[0], t1 = at[n - 1];
    const x = (i) => m.left + (n === 1 ? iw / 2 : iw * (at[i] - t0) / (t1 - t0));
    const yLeft = (v) => m.top + ih * (1 - v / 100);
    const yRight = (v) => m.top + ih * (1 - v / rightMax);

    const root = svg("svg", {
      viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", class: "chart-svg",
      "aria-label": chartSummary(series.node, at[n - 1], ratio[n - 1], renders[n - 1], failures[n - 1]),
    });
    drawAxes(root, { W, H, m, iw, ih, rightMax, yLeft, yRight, x, at });
    const lines = [
      ["ratio", ratio.map((v, i) => [x(i), v === null ? null : yLeft(v)])],
      ["renders", renders.map((v, i) => [x(i), yRight(v)])],
      ["failures", failures.map((v, i) => [x(i), yRight(v)])],
    ];
    for (const [name, pts] of lines) {
      root.append(svg("path", { d: linePath(pts), class: "line line-" + name, fill: "none" }));
    }
    box.append(root);
  }

  function drawAxes(root, g) {
    const { W, H, m, iw, ih, rightMax, yLeft, yRight, x, at } = g;
    const axes = svg("g", { class: "axes", "aria-hidden": "true" });
    for (let k = 0; k <= 4; k++) {
      const y = yLeft(k * 25);
      axes.append(svg("line", { x1: m.left, x2: m.left + iw, y1: y, y2: y, class: k ? "grid" : "axis" }));
      axes.append(svg("text", { x: m.left - 6, y: y + 4, "text-anchor": "end", text: k * 25 + "%" }));
      axes.append(svg("text", { x: m.left + iw + 6, y: yRight(rightMax * k / 4) + 4, text: String(rightMax * k / 4) }));
    }
    axes.append(svg("line", { x1: m.left, x2: m.left, y1: m.top, y2: m.top + ih, class: "axis" }));
    axes.append(svg("line", { x1: m.left + iw, x2: m.left + iw, y1: m.top, y2: m.top + ih, class: "axis" }));
    const ticks = Math.min(at.length, iw < 400 ? 3 : 6);
    for (let k = 0; k < ticks; k++) {
      const i = ticks === 1 ? at.length - 1 : Math.round(k * (at.length - 1) / (ticks - 1));
      const anchor = ticks > 1 && k === 0 ? "start" : (k === ticks - 1 && ticks > 1 ? "end" : "middle");
      axes.append(svg("line", { x1: x(i), x2: x(i), y1: m.top + ih, y2: m.top + ih + 5, class: "axis" }));
      axes.append(svg("text", {
        x: x(i), y: m.top + ih + 18, "text-anchor": anchor,
        text: new Date(at[i]).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }),
      }));
    }
    const interval = (state.history && state.history.intervalSeconds) || "?";
    axes.append(svg("text", { x: m.left + iw / 2, y: H - 4, "text-anchor": "middle", class: "axis-title",
      text: `Time (one point per ${interval} s)` }));
    axes.append(svg("text", { x: 12, y: m.top + ih / 2, "text-anchor": "middle", class: "axis-title",
      transform: `rotate(-90 12 ${m.top + ih / 2})`, text: "Hit ratio %" }));
    axes.append(svg("text", { x: W - 8, y: m.top + ih / 2, "text-anchor": "middle", class: "axis-title",
      transform: `rotate(90 ${W - 8} ${m.top + ih / 2})`, text: "Per interval" }));
    root.append(axes);
  }

  function chartSummary(node, at, ratio, renders, failures) {
    const r = ratio === null ? "no requests" : "hit ratio " + ratio.toFixed(0) + "%";
    return `Last hour for ${node}. Latest interval ending ${new Date(at).toLocaleTimeString()}: ` +
      `${r}, ${plural(renders, "render", "renders")}, ${plural(failures, "revalidation failure", "revalidation failures")}.`;
  }

  /* ---------- entries ---------- */
  const loadEntries = () => run("entries", async () => {
    const q = state.entries;
    const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: String(q.offset) });
    if (q.query) params.set(q.by === "tag" ? "tag" : "prefix", q.query);  // nothing typed: every entry
    const data = await api("entries?" + params);
    const total = data.total || 0;
    if (!(data.entries || []).length && q.offset > 0 && total > 0) {
      q.offset = Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE;  // the page shrank away, e.g. after a purge
      state.busy.entries = false;
      return loadEntries();
    }
    renderEntries(data);
  });

  function renderEntries(data) {
    const list = data.entries || [];
    const total = data.total || 0;
    const offset = data.offset || 0;
    const body = $("entries-body");
    if (!list.length) {
      body.replaceChildren(el("tr", {}, el("td", { colspan: "10", class: "empty", text: "No entries" })));
    } else {
      body.replaceChildren(...list.map(entryRow));
    }
    const first = list.length ? offset + 1 : 0;
    $("entries-range").textContent = list.length
      ? `${num(first)}–${num(offset + list.length)} of ${num(total)}` : `0 of ${num(total)}`;
    $("entries-prev").disabled = offset <= 0;
    $("entries-next").disabled = offset + list.length >= total;
    const q = state.entries;
    $("entries-caption").textContent = "Cached entries on this node" +
      (q.query ? ` with ${q.by === "tag" ? "tag" : "path prefix"} “${q.query}”` : "");
  }

  function entryRow(e) {
    const tags = el("td", { class: "tags" });
    for (const t of e.tags || []) {
      tags.append(el("button", { type: "button", class: "tag", "data-tag": t, title: "Purge by this tag", text: t }));
    }
    const ttl = el("td", { class: "num" + (e.ttl < 0 ? " stale" : ""), text: ttlText(e.ttl) });
    const row = el("tr", {},
      el("td", { class: "path", text: (e.path || "") + (e.query ? "?" + e.query : "") }),
      el("td", { text: e.variant || "–" }),
      tags,
      el("td", { class: "num", text: String(e.status ?? "–") }),
      el("td", { class: "num", text: seconds(e.age) }),
      ttl,
      el("td", { text: e.durable ? "yes" : "no" }),
      el("td", { class: "num", text: bytes(e.bytes) }),
      el("td", { class: "num", text: num(e.reads) }),
      el("td", { class: "num", text: typeof e.lastRead === "number" && e.lastRead >= 0 ? seconds(e.lastRead) + " ago" : "never" }));
    row.dataset.path = e.path || "";
    row.dataset.key = e.key || "";
    return row;
  }

  function searchEntries(ev) {
    ev.preventDefault();
    state.entries = { by: $("entries-by").value, query: $("entries-query").value.trim(), offset: 0 };
    loadEntries();
  }

  function page(delta) {
    state.entries.offset = Math.max(0, state.entries.offset + delta * PAGE_SIZE);
    loadEntries();
  }

  function useTag(ev) {
    const button = ev.target.closest("button.tag");
    if (!button) return;
    $("purge-by").value = "tag";
    $("purge-value").value = button.dataset.tag;
    updatePurgePlaceholder();
    $("purge").scrollIntoView({ behavior: "smooth", block: "center" });
    $("purge-value").focus({ preventScroll: true });
  }

  /* ---------- explain ---------- */
  async function explain(ev) {
    ev.preventDefault();
    const url = $("explain-url").value.trim();
    if (!url) return;
    const out = $("explain-result");
    $("explain-submit").disabled = true;
    try {
      renderExplain(await api("console/explain?url=" + encodeURIComponent(url)));
    } catch (e) {
      if (!(e instanceof Cancelled)) out.replaceChildren(el("p", { class: "error", text: "Error: " + e.message }));
    } finally {
      $("explain-submit").disabled = false;
    }
  }

  function renderExplain(r) {
    const dl = el("dl", { class: "facts" });
    const add = (k, v) => dl.append(el("dt", { text: k }), el("dd", {}, v));
    add("URL", r.url || "");
    add("Key", r.key || "–");
    add("Decision", el("span", { class: "decision decision-" + r.decision, text: r.decision || "?" }));
    add("Cache-Status", el("code", { id: "explain-cache-status", text: r.cacheStatus || "" }));
    add("Explanation", r.explanation || "");
    if (r.entry) {
      add("Entry tags", (r.entry.tags || []).join(", ") || "none");
      add("Entry TTL left", ttlText(r.entry.ttl));
    } else {
      add("Entry", "none cached");
    }
    if (r.lastNotStored) {
      add("Not stored", `last render not stored: ${r.lastNotStored.detail}, ${seconds(r.lastNotStored.secondsAgo)} ago`);
    }
    $("explain-result").replaceChildren(dl);
  }

  /* ---------- purge ---------- */
  const PURGE_FIELDS = { tag: "tags", path: "paths", prefix: "prefixes" };
  const PURGE_WORDS = { tag: "every entry tagged", path: "the entry with path", prefix: "every entry whose path starts with" };
  const PURGE_HINTS = { tag: "book-1", path: "/books/1", prefix: "/books/" };

  function updatePurgePlaceholder() {
    $("purge-value").placeholder = PURGE_HINTS[$("purge-by").value];
  }

  function askPurge(ev) {
    ev.preventDefault();
    const by = $("purge-by").value;
    const value = $("purge-value").value.trim();
    if (!value) { $("purge-value").focus(); return; }
    const soft = $("purge-soft").checked;
    state.pendingPurge = { by, value, soft };
    $("purge-confirm-text").textContent = soft
      ? `Soft purge: mark ${PURGE_WORDS[by]} “${value}” as stale on all nodes. They are served stale while re-rendering.`
      : `Hard purge: remove ${PURGE_WORDS[by]} “${value}” from all nodes. The next request renders afresh.`;
    const dialog = $("purge-confirm");
    dialog.returnValue = "";
    dialog.showModal();
    $("purge-confirm-no").focus();
  }

  async function onConfirmClosed() {
    const job = state.pendingPurge;
    state.pendingPurge = null;
    if ($("purge-confirm").returnValue !== "yes" || !job) return;
    const body = { [PURGE_FIELDS[job.by]]: [job.value] };
    if (job.soft) body.soft = true;
    const out = $("purge-result");
    out.classList.remove("error", "ok");
    out.textContent = "Purging…";
    try {
      const r = await api("purge", { method: "POST", body: JSON.stringify(body) });
      const acks = r.acknowledged || [];
      out.textContent = `Purged ${plural(r.purged || 0, "entry", "entries")} (${job.soft ? "soft" : "hard"}); ` +
        `acknowledged by ${plural(acks.length, "node", "nodes")}` + (acks.length ? ": " + acks.join(", ") : "");
      if (typeof r.nodes === "number" && r.nodes > acks.length) {
        out.textContent += ` (${r.nodes - acks.length} of ${r.nodes} did not answer)`;
      }
      out.classList.add("ok");
      loadEntries();
      loadStats();
      loadEvents();
    } catch (e) {
      if (e instanceof Cancelled) return;
      out.textContent = "Error: " + e.message;
      out.classList.add("error");
    }
  }

  /* ---------- events ---------- */
  const loadEvents = () => run("events", async () => renderEvents(await api("console/events?limit=50")));

  function renderEvents(data) {
    const events = data.events || [];
    $("events-empty").hidden = events.length > 0;
    $("events-list").replaceChildren(...events.map(eventItem));
  }

  function eventItem(ev) {
    const details = [];
    if (typeof ev.purged === "number") details.push(plural(ev.purged, "entry", "entries") + " purged");
    if (typeof ev.nodes === "number") details.push("on " + plural(ev.nodes, "node", "nodes"));
    if (ev.soft) details.push("soft");
    if (ev.route) details.push("via " + ev.route);
    if (ev.detail) details.push(ev.detail);
    const kind = String(ev.kind || "event");
    return el("li", { class: "event event-" + kind.replace(/[^a-z0-9-]/gi, "") },
      el("time", { datetime: new Date(ev.at).toISOString(), text: clockTime(ev.at) }),
      el("span", { class: "kind", text: kind }),
      el("span", { class: "summary", text: ev.summary || "" }),
      el("span", { class: "detail", text: details.join(", ") }));
  }

  /* ---------- wiring ---------- */
  function init() {
    $("login-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const token = $("token").value.trim();
      if (token) login(token, false);
    });
    $("logout").addEventListener("click", () => logout(""));
    $("chart-node").addEventListener("change", renderChart);
    $("entries-form").addEventListener("submit", searchEntries);
    $("entries-by").addEventListener("change", () => {
      $("entries-query").placeholder = $("entries-by").value === "tag" ? "books" : "/books/";
    });
    $("entries-prev").addEventListener("click", () => page(-1));
    $("entries-next").addEventListener("click", () => page(1));
    $("entries-body").addEventListener("click", useTag);
    $("explain-form").addEventListener("submit", explain);
    $("purge-form").addEventListener("submit", askPurge);
    $("purge-by").addEventListener("change", updatePurgePlaceholder);
    $("purge-confirm-yes").addEventListener("click", () => $("purge-confirm").close("yes"));
    $("purge-confirm-no").addEventListener("click", () => $("purge-confirm").close("no"));
    $("purge-confirm").addEventListener("close", onConfirmClosed);
    let resizeTimer = 0;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => state.history && renderChart(), 150);
    });
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) login(saved, true);
  }

  init();
})();
