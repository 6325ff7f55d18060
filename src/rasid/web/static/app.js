/* rasid analyst workbench: map, timeline, actor network, event table, article view, corrections.
 *
 * Works offline: every library and the basemap are served by `rasid serve` from /static/vendor.
 * All filters live in the URL hash, so a view can be shared by its link.
 * Untrusted text (article text, titles, entity names) only ever enters the page as text nodes
 * (textContent / createTextNode): this file never assigns innerHTML.
 */
(function () {
  "use strict";

  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  const QUAD_COLOURS = {
    verbal_cooperation: "#5aae61", material_cooperation: "#1b7837",
    verbal_conflict: "#f1a340", material_conflict: "#b2182b", unknown: "#888888",
  };
  const FILTER_KEYS = ["country", "actor", "type", "since", "until", "q", "review", "bbox"];
  const PAGE = 25;

  const I18N = {
    subtitle: ["analyst workbench", "منصة المحلل"], country: ["Country", "الدولة"], actor: ["Actor", "الفاعل"],
    type: ["Type", "النوع"], any: ["any", "الكل"], since: ["From", "من"], until: ["To", "إلى"],
    text: ["Text", "نص"], review: ["Review", "المراجعة"], r_active: ["not rejected", "غير مرفوض"],
    r_all: ["all", "الكل"], r_corrected: ["reviewed", "مراجَع"], r_rejected: ["rejected", "مرفوض"],
    apply: ["Apply", "تطبيق"], clear: ["Clear", "مسح"], bbox: ["Only map area", "حدود الخريطة فقط"],
    map: ["Map", "الخريطة"], timeline: ["Timeline", "الخط الزمني"], day: ["day", "يوم"], week: ["week", "أسبوع"],
    month: ["month", "شهر"], year: ["year", "سنة"], brush_hint: ["drag to filter dates", "اسحب لتحديد الفترة"],
    network: ["Actor network", "شبكة الفاعلين"], min_weight: ["min. events", "أدنى عدد"],
    events: ["Events", "الأحداث"], date: ["Date", "التاريخ"], recipient: ["Recipient", "المتلقي"],
    place: ["Place", "المكان"], evidence: ["Evidence", "الدليل"], confidence: ["Conf.", "الثقة"],
    article: ["Article", "المقال"], correct: ["Correct event", "تصحيح الحدث"], enddate: ["End", "النهاية"],
    analyst: ["Analyst", "المحلل"], note: ["Note", "ملاحظة"], token: ["Token", "رمز الدخول"],
    save: ["Save", "حفظ"], reject: ["Reject", "رفض"], accept: ["Accept", "قبول"], trail: ["Audit trail", "سجل التعديلات"],
    verbal_cooperation: ["verbal cooperation", "تعاون لفظي"], material_cooperation: ["material cooperation", "تعاون مادي"],
    verbal_conflict: ["verbal conflict", "صراع لفظي"], material_conflict: ["material conflict", "صراع مادي"],
    saved: ["saved", "تم الحفظ"], loading: ["loading…", "جار التحميل…"], no_events: ["no events", "لا أحداث"],
  };

  // ------------------------------------------------------------------ helpers
  const $ = (sel) => document.querySelector(sel);
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "dataset") Object.assign(e.dataset, v);
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }
  const SVGNS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    const e = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function lang() { return state.lang === "ar" ? 1 : 0; }
  function t(key) { return (I18N[key] || [key, key])[lang()]; }
  function codes(ents) { return (ents || []).map((e) => e.code || e.entity_text || "?").join(", "); }
  function names(ents) { return (ents || []).map((e) => e.entity_text || e.code || "").join("، "); }
  function quadOf(ev) { return ev.quad || "unknown"; }
  function status(msg) { $("#status").textContent = msg || ""; }

  // ------------------------------------------------------------------ state <-> URL hash
  const state = { lang: "en", page: 0, sort: "date", interval: "month", event: null, article: null };
  function readHash() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    for (const k of FILTER_KEYS) state[k] = p.get(k) || "";
    state.lang = p.get("lang") === "ar" ? "ar" : "en";
    state.page = Math.max(0, parseInt(p.get("page") || "0", 10) || 0);
    state.sort = p.get("sort") || "date";
    state.interval = p.get("interval") || "month";
    state.event = p.get("event") || null;
    state.article = p.get("article") || null;
    state.minWeight = Math.max(1, parseInt(p.get("minw") || "1", 10) || 1);
  }
  function writeHash(changes) {
    Object.assign(state, changes || {});
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (state[k]) p.set(k, state[k]);
    if (state.lang === "ar") p.set("lang", "ar");
    if (state.page) p.set("page", state.page);
    if (state.sort !== "date") p.set("sort", state.sort);
    if (state.interval !== "month") p.set("interval", state.interval);
    if (state.minWeight > 1) p.set("minw", state.minWeight);
    if (state.article) p.set("article", state.article);
    if (state.event) p.set("event", state.event);
    const h = "#" + p.toString();
    if (location.hash !== h) location.hash = h; else render();
  }
  function filterParams(skip) {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (state[k] && !(skip || []).includes(k)) p.set(k, state[k]);
    return p;
  }
  async function api(path, params, opts) {
    const url = "/api/" + path + (params && [...params].length ? "?" + params.toString() : "");
    const r = await fetch(url, Object.assign({ headers: { Accept: "application/json" } }, opts || {}));
    if (!r.ok) {
      let detail = r.statusText;
      try { detail = JSON.stringify((await r.json()).detail); } catch (e) { /* not JSON */ }
      throw new Error(r.status + " " + detail);
    }
    return r.json();
  }

  // ------------------------------------------------------------------ filters form
  function initForm() {
    const sel = $("#f-type");
    for (const ty of TYPES) sel.append(el("option", { value: ty }, ty));
    const ed = $("#ed-type");
    for (const ty of TYPES) ed.append(el("option", { value: ty }, ty));
    $("#filters").addEventListener("submit", (e) => {
      e.preventDefault();
      const f = new FormData(e.target);
      const ch = { page: 0 };
      for (const k of ["country", "actor", "type", "since", "until", "q", "review"]) ch[k] = (f.get(k) || "").trim();
      ch.country = ch.country.toUpperCase();
      if (ch.review === "active") ch.review = "";
      writeHash(ch);
    });
    $("#f-clear").addEventListener("click", () => {
      const ch = { page: 0 };
      for (const k of FILTER_KEYS) ch[k] = "";
      writeHash(ch);
    });
    $("#f-bbox").addEventListener("click", () => {
      if (state.bbox) { writeHash({ bbox: "", page: 0 }); return; }
      const b = map.getBounds();
      const r = (x) => Math.round(x * 1000) / 1000;
      const w = Math.max(-180, b.getWest()), e = Math.min(180, b.getEast());
      const s = Math.max(-90, b.getSouth()), n = Math.min(90, b.getNorth());
      writeHash({ bbox: [r(w), r(s), r(e), r(n)].join(","), page: 0 });
    });
    $("#lang").addEventListener("click", () => writeHash({ lang: state.lang === "ar" ? "en" : "ar" }));
    $("#interval").addEventListener("change", (e) => writeHash({ interval: e.target.value }));
    $("#min-weight").addEventListener("change", (e) => writeHash({ minWeight: Math.max(1, parseInt(e.target.value, 10) || 1) }));
    $("#prev").addEventListener("click", () => { if (state.page > 0) writeHash({ page: state.page - 1 }); });
    $("#next").addEventListener("click", () => writeHash({ page: state.page + 1 }));
    $("#article-close").addEventListener("click", () => writeHash({ article: null, event: null }));
    for (const th of document.querySelectorAll("th[data-sort]")) {
      th.addEventListener("click", () => {
        const k = th.dataset.sort;
        writeHash({ sort: state.sort === k ? "-" + k : k, page: 0 });
      });
    }
    $("#ed-token").value = localStorage.getItem("rasid-token") || "";
    $("#ed-analyst").value = localStorage.getItem("rasid-analyst") || "";
    $("#correction").addEventListener("submit", (e) => { e.preventDefault(); saveCorrection(); });
    $("#ed-reject").addEventListener("click", () => review("reject"));
    $("#ed-accept").addEventListener("click", () => review("accept"));
  }
  function syncForm() {
    $("#f-country").value = state.country; $("#f-actor").value = state.actor; $("#f-type").value = state.type;
    $("#f-since").value = state.since; $("#f-until").value = state.until; $("#f-q").value = state.q;
    $("#f-review").value = state.review || "active"; $("#interval").value = state.interval;
    $("#min-weight").value = state.minWeight;
    $("#f-bbox").classList.toggle("on", !!state.bbox);
    document.documentElement.lang = state.lang;
    document.documentElement.dir = state.lang === "ar" ? "rtl" : "ltr";
    $("#lang").textContent = state.lang === "ar" ? "English" : "عربي";
    for (const n of document.querySelectorAll("[data-i18n]")) n.textContent = t(n.dataset.i18n);
  }

  // ------------------------------------------------------------------ map
  let map, cluster, countries;
  function initMap() {
    map = L.map("map", { worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: true })
      .setView([25, 20], 3);
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth (world-atlas)");
    fetch("/static/vendor/countries-110m.json").then((r) => r.json()).then((topo) => {
      const geo = topojson.feature(topo, topo.objects.countries);
      countries = L.geoJSON(geo, {
        style: { color: "#999", weight: 0.6, fillColor: "#eef0ea", fillOpacity: 1 }, interactive: false,
      }).addTo(map);
      countries.bringToBack();
    });
    cluster = L.markerClusterGroup({
      maxClusterRadius: 40,
      iconCreateFunction: (c) => {
        const n = c.getChildCount();
        const counts = {};
        for (const m of c.getAllChildMarkers()) counts[m.options.quad] = (counts[m.options.quad] || 0) + 1;
        const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
        const div = el("div", { class: "cluster", style: "background:" + QUAD_COLOURS[top] }, el("span", {}, n));
        return L.divIcon({ html: div, className: "marker-cluster rasid-cluster", iconSize: L.point(34, 34) });
      },
    });
    map.addLayer(cluster);
    const legend = $("#legend");
    for (const q of Object.keys(QUAD_COLOURS)) {
      if (q === "unknown") continue;
      legend.append(el("span", { class: "key", dataset: { i18nq: q } }, el("i", { style: "background:" + QUAD_COLOURS[q] }), " ", q));
    }
  }
  async function renderMap() {
    const pts = await api("points", filterParams(["bbox"]));
    cluster.clearLayers();
    const markers = pts.map((p) => {
      const m = L.circleMarker([p.lat, p.lon], {
        radius: 7, color: "#333", weight: 1, fillColor: QUAD_COLOURS[p.quad || "unknown"], fillOpacity: 0.9,
        quad: p.quad || "unknown", className: "event-marker",
      });
      const tip = el("div", {}, el("b", {}, p.type || "?"), " " + (p.date || "") + " ",
        el("span", { dir: "auto" }, p.place || ""), el("br"), (p.actor || "?") + " → " + (p.recipient || "?"));
      m.bindTooltip(tip);
      m.on("click", () => openEvent(p.id));
      return m;
    });
    cluster.addLayers(markers);
    for (const k of document.querySelectorAll("#legend .key")) k.lastChild.textContent = " " + t(k.dataset.i18nq);
  }

  // ------------------------------------------------------------------ timeline with brushing
  async function renderTimeline() {
    const p = filterParams(["since", "until"]);
    p.set("interval", state.interval);
    let series = await api("aggregates/time", p);
    if (series.length > 1) {  // fill empty periods so the axis is a real time axis (if not too long)
      const full = [];
      const have = Object.fromEntries(series.map((s) => [s.period, s]));
      for (let d = series[0].period; d <= series[series.length - 1].period && full.length <= 500; d = nextPeriod(d)) {
        full.push(have[d] || { period: d, count: 0, by_quad: {} });
      }
      if (full.length <= 500) series = full;
    }
    const box = $("#timeline");
    clear(box);
    const W = box.clientWidth || 500, H = 150, pad = 22;
    box.setAttribute("viewBox", `0 0 ${W} ${H}`);
    if (!series.length) { box.append(Object.assign(svg("text", { x: 10, y: 20 }), { textContent: t("no_events") })); return; }
    const max = Math.max(...series.map((s) => s.count));
    const bw = (W - 2 * pad) / series.length;
    const quads = ["material_conflict", "verbal_conflict", "material_cooperation", "verbal_cooperation", "unknown"];
    const selStart = state.since, selEnd = state.until;
    series.forEach((s, i) => {
      const x = pad + i * bw;
      let y = H - pad;
      const inSel = (!selStart || nextPeriod(s.period) > selStart) && (!selEnd || s.period <= selEnd);
      const g = svg("g", { class: "bar" + (s.count ? "" : " empty") + (inSel ? "" : " out"), "data-period": s.period, "data-count": s.count });
      for (const q of quads) {
        const n = (s.by_quad || {})[q] || 0;
        if (!n) continue;
        const h = (n / max) * (H - 2 * pad);
        y -= h;
        g.append(svg("rect", { x: x + 1, y, width: Math.max(1, bw - 2), height: h, fill: QUAD_COLOURS[q] }));
      }
      const title = svg("title", {});
      title.textContent = s.period + ": " + s.count;
      g.append(title);
      box.append(g);
    });
    const lab = (i) => { const e = svg("text", { x: pad + i * bw, y: H - 6, class: "tick" }); e.textContent = series[i].period; return e; };
    box.append(lab(0));
    if (series.length > 1) { const e = lab(series.length - 1); e.setAttribute("text-anchor", "end"); e.setAttribute("x", W - pad); box.append(e); }
    // brushing: drag over the bars to set since/until; a click without drag clears the range
    const brush = svg("rect", { class: "brush", y: pad / 2, height: H - pad * 1.5, x: 0, width: 0 });
    box.append(brush);
    let x0 = null;
    const idx = (x) => Math.min(series.length - 1, Math.max(0, Math.floor((x - pad) / bw)));
    const px = (ev) => { const r = box.getBoundingClientRect(); return (ev.clientX - r.left) * (W / r.width); };
    box.onpointerdown = (ev) => { x0 = px(ev); box.setPointerCapture(ev.pointerId); brush.setAttribute("x", x0); brush.setAttribute("width", 0); };
    box.onpointermove = (ev) => {
      if (x0 === null) return;
      const x1 = px(ev);
      brush.setAttribute("x", Math.min(x0, x1)); brush.setAttribute("width", Math.abs(x1 - x0));
    };
    box.onpointerup = (ev) => {
      if (x0 === null) return;
      const x1 = px(ev);
      const a = idx(Math.min(x0, x1)), b = idx(Math.max(x0, x1));
      x0 = null;
      if (Math.abs(x1 - (parseFloat(brush.getAttribute("x")) || 0)) < 3 && a === b && !parseFloat(brush.getAttribute("width"))) {
        writeHash({ since: "", until: "", page: 0 });
        return;
      }
      writeHash({ since: series[a].period, until: lastDay(series[b].period), page: 0 });
    };
  }
  function nextPeriod(p) {
    const d = new Date(p + "T00:00:00Z");
    if (state.interval === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (state.interval === "week") d.setUTCDate(d.getUTCDate() + 7);
    else if (state.interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCFullYear(d.getUTCFullYear() + 1);
    return d.toISOString().slice(0, 10);
  }
  function lastDay(p) {
    const d = new Date(nextPeriod(p) + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }

  // ------------------------------------------------------------------ actor network (small force layout)
  async function renderNetwork() {
    const p = filterParams();
    p.set("min_weight", state.minWeight);
    p.set("limit", 150);
    const net = await api("network", p);
    const box = $("#network");
    clear(box);
    const W = box.clientWidth || 500, H = 260;
    box.setAttribute("viewBox", `0 0 ${W} ${H}`);
    const nodes = net.nodes.map((n, i) => {
      const a = (2 * Math.PI * i) / Math.max(1, net.nodes.length);
      return { ...n, x: W / 2 + Math.cos(a) * W / 3, y: H / 2 + Math.sin(a) * H / 3, vx: 0, vy: 0 };
    });
    const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
    const edges = net.edges.filter((e) => byId[e.source] && byId[e.target]);
    const k = Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.45;  // Fruchterman-Reingold
    let temp = W / 8;
    for (let it = 0; it < 200; it++) {
      for (const n of nodes) { n.vx = 0; n.vy = 0; }
      for (let i = 0; i < nodes.length; i++) for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i], b = nodes[j];
        const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.sqrt(dx * dx + dy * dy)), f = (k * k) / d;
        a.vx += dx / d * f; a.vy += dy / d * f; b.vx -= dx / d * f; b.vy -= dy / d * f;
      }
      for (const e of edges) {
        const a = byId[e.source], b = byId[e.target];
        const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.sqrt(dx * dx + dy * dy)), f = (d * d) / k;
        a.vx -= dx / d * f; a.vy -= dy / d * f; b.vx += dx / d * f; b.vy += dy / d * f;
      }
      for (const n of nodes) {
        n.vx += (W / 2 - n.x) * 0.2; n.vy += (H / 2 - n.y) * 0.3;
        const v = Math.max(1, Math.sqrt(n.vx * n.vx + n.vy * n.vy));
        n.x = Math.min(W - 40, Math.max(20, n.x + n.vx / v * Math.min(v, temp)));
        n.y = Math.min(H - 12, Math.max(12, n.y + n.vy / v * Math.min(v, temp)));
      }
      temp *= 0.97;
    }
    const maxW = Math.max(1, ...edges.map((e) => e.weight));
    for (const e of edges) {
      const a = byId[e.source], b = byId[e.target];
      const top = Object.entries(e.by_quad).sort((x, y) => y[1] - x[1])[0][0];
      const line = svg("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: "edge", stroke: QUAD_COLOURS[top] || "#888", "stroke-width": 1 + 4 * e.weight / maxW });
      const title = svg("title", {}); title.textContent = `${e.source} → ${e.target}: ${e.weight}`;
      line.append(title);
      box.append(line);
    }
    for (const n of nodes) {
      const g = svg("g", { class: "node", "data-id": n.id, transform: `translate(${n.x},${n.y})` });
      g.append(svg("circle", { r: 4 + Math.min(10, Math.sqrt(n.weight) * 2) }));
      const label = svg("text", { x: 8, y: 4 }); label.textContent = n.id;
      const title = svg("title", {}); title.textContent = n.label;
      g.append(label, title);
      g.addEventListener("click", () => writeHash({ country: n.country || "", page: 0 }));
      box.append(g);
    }
  }

  // ------------------------------------------------------------------ table
  async function renderTable() {
    const p = filterParams();
    p.set("limit", PAGE); p.set("offset", state.page * PAGE); p.set("sort", state.sort);
    const res = await api("events", p);
    const tb = $("#events tbody");
    clear(tb);
    for (const ev of res.items) {
      const id = ev._store.event_id;
      const loc = ev.event_loc || {};
      const rv = ev._review || {};
      const tr = el("tr", { dataset: { id }, class: (rv.status === "rejected" ? "rejected " : "") + (id === state.event ? "selected" : "") },
        el("td", {}, ev.date || ""),
        el("td", {}, el("i", { class: "dot", style: "background:" + QUAD_COLOURS[quadOf(ev)] }), " ", (ev.event || []).join(", ")),
        el("td", { title: names(ev.actor), dir: "auto" }, codes(ev.actor)),
        el("td", { title: names(ev.recipient), dir: "auto" }, codes(ev.recipient)),
        el("td", { dir: "auto" }, loc.resolved_place || loc.extracted_place || ""),
        el("td", { class: "evidence-cell", dir: "rtl", lang: "ar" }, ev.event_text || ""),
        el("td", {}, ev.confidence != null ? ev.confidence.toFixed(2) : ""),
        el("td", {}, rv.status || ""));
      tr.addEventListener("click", () => openEvent(id));
      tb.append(tr);
    }
    $("#total").textContent = `(${res.total})`;
    const pages = Math.max(1, Math.ceil(res.total / PAGE));
    $("#page").textContent = `${state.page + 1} / ${pages}`;
    $("#prev").disabled = state.page <= 0; $("#next").disabled = state.page + 1 >= pages;
  }
  async function openEvent(id) {
    const d = await api("events/" + encodeURIComponent(id));
    writeHash({ event: id, article: d.event._store.article_id });
  }

  // ------------------------------------------------------------------ article view with evidence highlighting
  async function renderArticle() {
    const panel = $("#article-panel");
    if (!state.article) { panel.hidden = true; return; }
    const a = await api("articles/" + encodeURIComponent(state.article));
    panel.hidden = false;
    $("#article-title").textContent = a.title || a.doc || a.id;
    const meta = $("#article-meta"); clear(meta);
    meta.append([a.published, a.source].filter(Boolean).join(" · ") + " ");
    if (a.url) meta.append(el("span", { class: "url", dir: "ltr" }, a.url));
    // spans in code points of the ORIGINAL text (Python offsets): slice an array of code points
    const cps = Array.from(a.text || "");
    const spans = [];
    for (const ev of a.events) {
      const id = ev._store.event_id;
      ((ev.text_info || {}).evidence || []).forEach((s, j) => {
        if (s.start == null || s.end == null || s.end <= s.start) return;
        spans.push({ start: Math.max(0, s.start), end: Math.min(cps.length, s.end), key: id + ":" + j, id, quad: quadOf(ev), rejected: (ev._review || {}).status === "rejected" });
      });
    }
    const cuts = new Set([0, cps.length]);
    for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
    const pts = [...cuts].sort((x, y) => x - y);
    const box = $("#article-text"); clear(box);
    for (let i = 0; i + 1 < pts.length; i++) {
      const s0 = pts[i], s1 = pts[i + 1];
      const seg = cps.slice(s0, s1).join("");
      const cover = spans.filter((s) => s.start <= s0 && s.end >= s1);
      if (!cover.length) { box.append(document.createTextNode(seg)); continue; }
      const sel = cover.some((s) => s.id === state.event);
      const m = el("mark", {
        class: "ev q-" + cover[0].quad + (sel ? " sel" : "") + (cover.every((s) => s.rejected) ? " rej" : ""),
        dataset: { spans: cover.map((s) => s.key).join(" "), events: [...new Set(cover.map((s) => s.id))].join(" "), start: s0, end: s1 },
      }, seg);
      m.addEventListener("click", () => writeHash({ event: cover[0].id }));
      box.append(m);
    }
    const side = $("#article-events"); clear(side);
    for (const ev of a.events) {
      const id = ev._store.event_id;
      const loc = ev.event_loc || {};
      const rv = ev._review || {};
      side.append(el("div", { class: "ev-card" + (id === state.event ? " sel" : "") + (rv.status === "rejected" ? " rejected" : ""), dataset: { id } },
        el("div", { class: "ev-head" }, el("i", { class: "dot", style: "background:" + QUAD_COLOURS[quadOf(ev)] }), " ", el("b", {}, (ev.event || []).join(", ")), " ", (ev.mode || []).join(", "), rv.status ? " [" + rv.status + "]" : ""),
        el("dl", {},
          el("dt", {}, t("actor")), el("dd", { dir: "auto" }, codes(ev.actor) + " — " + names(ev.actor)),
          el("dt", {}, t("recipient")), el("dd", { dir: "auto" }, codes(ev.recipient) + " — " + names(ev.recipient)),
          el("dt", {}, t("date")), el("dd", {}, (ev.date || "?") + (ev.enddate && ev.enddate !== ev.date ? " – " + ev.enddate : "") + (ev.date_precision ? " (" + ev.date_precision + ")" : "")),
          el("dt", {}, t("place")), el("dd", { dir: "auto" }, [loc.resolved_place, loc.country_code].filter(Boolean).join(", ")),
          el("dt", {}, t("evidence")), el("dd", { dir: "rtl", lang: "ar" }, ev.event_text || "")),
        el("button", { type: "button", onclick: () => writeHash({ event: id }) }, t("correct"))));
    }
    await renderEditor();
    const first = box.querySelector("mark.sel");
    if (first) first.scrollIntoView({ block: "nearest" });
  }

  // ------------------------------------------------------------------ corrections
  let current = null;
  async function renderEditor() {
    const ed = $("#editor");
    if (!state.event) { ed.hidden = true; current = null; return; }
    const d = await api("events/" + encodeURIComponent(state.event));
    current = d;
    ed.hidden = false;
    const ev = d.event, loc = ev.event_loc || {};
    $("#ed-id").textContent = state.event;
    $("#ed-type").value = (ev.event || [])[0] || "";
    $("#ed-actor").value = ((ev.actor || [])[0] || {}).code || "";
    $("#ed-recipient").value = ((ev.recipient || [])[0] || {}).code || "";
    $("#ed-date").value = ev.date || ""; $("#ed-enddate").value = ev.enddate || "";
    $("#ed-place").value = loc.resolved_place || ""; $("#ed-lat").value = loc.lat ?? ""; $("#ed-lon").value = loc.lon ?? "";
    $("#ed-cc").value = loc.country_code || "";
    const trail = $("#trail"); clear(trail);
    for (const c of d.corrections) {
      trail.append(el("li", {}, `${c.created_at} ${c.analyst || ""}: ${c.field} `,
        el("code", {}, JSON.stringify(c.old_value)), " → ", el("code", {}, JSON.stringify(c.new_value)), c.note ? " (" + c.note + ")" : ""));
    }
  }
  function writeHeaders() {
    const tok = $("#ed-token").value.trim();
    localStorage.setItem("rasid-token", tok);
    localStorage.setItem("rasid-analyst", $("#ed-analyst").value.trim());
    const h = { "Content-Type": "application/json", Accept: "application/json" };
    if (tok) h.Authorization = "Bearer " + tok;
    return h;
  }
  function entityChange(old, code) {
    code = code.trim().toUpperCase();
    const first = (old || [])[0] || {};
    if ((first.code || "") === code) return undefined;
    if (!code) return [];
    return [{ code, sector: code.length >= 6 ? code.slice(3, 6) : null, entity_text: first.entity_text || "" }, ...(old || []).slice(1)
      .map((e) => ({ code: e.code, sector: e.sector, entity_text: e.entity_text || "", office: e.office, identifier_text: e.identifier_text }))];
  }
  async function saveCorrection() {
    if (!current) return;
    const ev = current.event, loc = ev.event_loc || {};
    const body = { analyst: $("#ed-analyst").value.trim() || "analyst" };
    const note = $("#ed-note").value.trim(); if (note) body.note = note;
    const ty = $("#ed-type").value; if (ty && ty !== (ev.event || [])[0]) body.event_type = ty;
    const a = entityChange(ev.actor, $("#ed-actor").value); if (a !== undefined) body.actor = a;
    const r = entityChange(ev.recipient, $("#ed-recipient").value); if (r !== undefined) body.recipient = r;
    const d = $("#ed-date").value; if (d !== (ev.date || "")) body.date = d || null;
    const e = $("#ed-enddate").value; if (e !== (ev.enddate || "")) body.enddate = e || null;
    const place = $("#ed-place").value.trim(), lat = $("#ed-lat").value.trim(), lon = $("#ed-lon").value.trim(), cc = $("#ed-cc").value.trim().toUpperCase();
    if (place !== (loc.resolved_place || "") || lat !== String(loc.lat ?? "") || lon !== String(loc.lon ?? "") || cc !== (loc.country_code || "")) {
      body.event_loc = (place || lat || lon || cc) ? {
        resolved_place: place || null, extracted_place: loc.extracted_place || null,
        lat: lat === "" ? null : Number(lat), lon: lon === "" ? null : Number(lon), country_code: cc || null,
        geonameid: loc.geonameid ?? null, feature_code: loc.feature_code || null, resolution: loc.resolution || null,
      } : null;
    }
    if (Object.keys(body).filter((k) => k !== "analyst" && k !== "note").length === 0) { status("nothing changed"); return; }
    try {
      await api("events/" + encodeURIComponent(state.event), null, { method: "PATCH", headers: writeHeaders(), body: JSON.stringify(body) });
      status(t("saved"));
      render();
    } catch (err) { status(String(err.message || err)); }
  }
  async function review(action) {
    if (!current) return;
    const body = { analyst: $("#ed-analyst").value.trim() || "analyst" };
    const note = $("#ed-note").value.trim(); if (note) body.note = note;
    try {
      await api(`events/${encodeURIComponent(state.event)}/${action}`, null, { method: "POST", headers: writeHeaders(), body: JSON.stringify(body) });
      status(t("saved"));
      render();
    } catch (err) { status(String(err.message || err)); }
  }

  // ------------------------------------------------------------------ main
  let renderSeq = 0;
  async function render() {
    const mine = ++renderSeq;
    readHash();
    syncForm();
    document.body.classList.add("loading");
    try {
      await Promise.all([renderMap(), renderTimeline(), renderNetwork(), renderTable(), renderArticle()]);
      if (mine === renderSeq) status("");
    } catch (err) {
      status(String(err.message || err));
    } finally {
      if (mine === renderSeq) { document.body.classList.remove("loading"); document.body.dataset.ready = String(mine); }
    }
  }
  window.addEventListener("hashchange", render);
  document.addEventListener("DOMContentLoaded", () => { readHash(); initForm(); initMap(); render(); });
})();
