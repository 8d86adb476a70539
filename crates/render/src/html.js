// tempograph `render --format html`: lays the event cards (written in display order by
// src/render/html.rs) out on a zoomable time axis, in lanes, and filters them.
// No libraries, no network. The cards stay in the DOM in display order; only their
// position changes.
(function () {
  "use strict";

  var PAD = 24; // px before the first day and after the last card
  var GAP = 8; // px between cards
  var CARD = 230; // px, the least card width (matches --card-width)
  var MAX_CARD = 520; // px, the widest card (a long interval)
  var AXIS = 28; // px, the axis height
  var LANE_TOP = 20; // px above a lane's first row, for its name
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  var scroll = document.getElementById("scroll");
  var axis = document.getElementById("axis");
  var lanesEl = document.getElementById("lanes");
  var list = document.getElementById("events");
  var controls = document.getElementById("controls");
  if (!scroll || !list) return;

  // A day as a number of days since 1970-01-01 (UTC, no time zone involved).
  function dayNumber(s) {
    var m = /^([+-]?\d+)-(\d\d)-(\d\d)$/.exec(s || "");
    if (!m) return null;
    var d = new Date(0);
    d.setUTCFullYear(+m[1], +m[2] - 1, +m[3]);
    return Math.round(d.getTime() / 86400000);
  }
  function dateOf(n) {
    return new Date(n * 86400000);
  }
  function pad2(n) {
    return (n < 10 ? "0" : "") + n;
  }

  // The documents: id -> {short, title}.
  var documents = {};
  var docOrder = [];
  Array.prototype.forEach.call(document.querySelectorAll("#documents li[data-doc]"), function (li) {
    var id = li.getAttribute("data-doc");
    var b = li.querySelector("b");
    var short = b ? b.textContent : id;
    documents[id] = { short: short, title: short + " \u00b7 " + (li.getAttribute("data-title") || id) };
    docOrder.push(id);
  });

  // The events, read from their cards.
  var events = Array.prototype.map.call(list.querySelectorAll("li.tg-event"), function (el) {
    var start = dayNumber(el.getAttribute("data-start"));
    var end = dayNumber(el.getAttribute("data-end"));
    var ev = {
      el: el,
      start: start,
      end: end === null ? start : end,
      open: el.getAttribute("data-open"),
      salience: +(el.getAttribute("data-salience") || 0),
      story: el.getAttribute("data-lane") || "",
      cls: el.getAttribute("data-class") || "",
      docs: (el.getAttribute("data-docs") || "").split(" ").filter(Boolean),
      unlisted: el.hasAttribute("data-unlisted"),
      text: el.textContent.toLowerCase()
    };
    if (start !== null) {
      var bar = document.createElement("div");
      bar.className = "tg-bar";
      if (ev.open) bar.setAttribute("data-open", ev.open);
      el.insertBefore(bar, el.firstChild);
      ev.bar = bar;
    }
    el.addEventListener("click", function (e) {
      if (e.target.tagName !== "A") el.classList.toggle("tg-open");
    });
    return ev;
  });
  var dated = events.filter(function (e) { return e.start !== null; });
  var first = dated.length ? Math.min.apply(null, dated.map(function (e) { return e.start; })) : 0;
  var last = dated.length ? Math.max.apply(null, dated.map(function (e) { return e.end; })) : 0;

  var state = {
    ppd: 1, // pixels per day
    lanes: "story",
    minSalience: 0,
    query: "",
    docs: {},
    unlisted: false
  };
  docOrder.forEach(function (d) { state.docs[d] = true; });

  function x(day) {
    return PAD + (day - first) * state.ppd;
  }

  function shown(e) {
    if (e.unlisted && !state.unlisted) return false;
    if (e.salience < state.minSalience) return false;
    if (state.query && e.text.indexOf(state.query) < 0) return false;
    if (e.docs.length && docOrder.length && !e.docs.some(function (d) { return state.docs[d] !== false; })) return false;
    return true;
  }

  function laneOf(e) {
    if (e.start === null) return { key: "\u0000undated", name: "Undated" };
    if (state.lanes === "class") return { key: e.cls, name: e.cls || "No class" };
    if (state.lanes === "one") return { key: "", name: "" };
    var d = documents[e.story];
    return { key: e.story, name: d ? d.title : e.story || "No source" };
  }

  // Ticks for the axis: the finest unit at least 70 px wide.
  function ticks(from, to) {
    var out = [];
    var d = dateOf(from);
    var y = d.getUTCFullYear();
    var m = d.getUTCMonth();
    var step;
    if (state.ppd >= 70) step = "day";
    else if (state.ppd * 7 >= 70) step = "week";
    else if (state.ppd * 30 >= 70) step = "month";
    else if (state.ppd * 91 >= 70) step = "quarter";
    else if (state.ppd * 365 >= 70) step = "year";
    else step = "decade";
    var n;
    if (step === "day" || step === "week") {
      for (n = from; n <= to; n++) {
        var dd = dateOf(n);
        var monthStart = dd.getUTCDate() === 1;
        if (step === "week" && dd.getUTCDay() !== 1 && !monthStart) continue;
        out.push({
          day: n,
          major: monthStart,
          label: monthStart ? dd.getUTCFullYear() + "-" + pad2(dd.getUTCMonth() + 1) : MONTHS[dd.getUTCMonth()] + " " + dd.getUTCDate()
        });
      }
      return out;
    }
    var months = { month: 1, quarter: 3, year: 12, decade: 120 }[step];
    m = m - (m % months);
    if (step === "decade") y = y - (y % 10);
    for (;;) {
      var t = new Date(0);
      t.setUTCFullYear(y, m, 1);
      var k = Math.round(t.getTime() / 86400000);
      if (k > to) break;
      if (k >= from - 400) {
        out.push({
          day: k,
          major: m === 0,
          label: months >= 12 ? String(y) : m === 0 ? y + "-" + pad2(m + 1) : MONTHS[m]
        });
      }
      m += months;
      y += Math.floor(m / 12);
      m %= 12;
    }
    return out;
  }

  function layout() {
    var visible = events.filter(shown);
    events.forEach(function (e) { e.el.hidden = !shown(e); });
    // Group into lanes in order of first appearance; undated events last.
    var lanes = [];
    var byKey = {};
    visible.forEach(function (e) {
      var l = laneOf(e);
      if (!(l.key in byKey)) {
        byKey[l.key] = { key: l.key, name: l.name, events: [] };
        lanes.push(byKey[l.key]);
      }
      byKey[l.key].events.push(e);
    });
    lanes.sort(function (a, b) { return (a.key === "\u0000undated") - (b.key === "\u0000undated"); });

    var width = x(last) + CARD + PAD;
    var top = 0;
    lanesEl.textContent = "";
    lanes.forEach(function (lane) {
      // Pack cards into rows: a card goes in the first row whose last card ends before it.
      var rows = [];
      var undatedLeft = PAD;
      lane.events.forEach(function (e) {
        var left, w;
        if (e.start === null) {
          left = undatedLeft;
          w = CARD;
          undatedLeft += CARD + GAP;
        } else {
          left = x(e.start);
          // The bar is as long as the interval; a card grows with it up to MAX_CARD, and
          // a longer bar fades out at the card's edge.
          var span = Math.max(3, (e.end - e.start + 1) * state.ppd);
          w = Math.max(CARD, Math.min(span, MAX_CARD));
          e.bar.style.width = Math.min(span, w - 14) + "px";
          e.bar.classList.toggle("tg-clipped", span > w - 14);
        }
        e.el.style.left = Math.round(left) + "px";
        e.el.style.width = Math.round(w) + "px";
        var r = 0;
        if (e.start !== null) {
          while (r < rows.length && rows[r].right + GAP > left) r++;
        }
        if (!rows[r]) rows[r] = { right: -Infinity, cards: [], height: 0 };
        rows[r].right = left + w;
        rows[r].cards.push(e);
        width = Math.max(width, left + w + PAD);
      });
      var y = top + LANE_TOP;
      rows.forEach(function (row) {
        row.cards.forEach(function (e) {
          e.el.style.top = Math.round(y) + "px";
          row.height = Math.max(row.height, e.el.offsetHeight);
        });
        y += row.height + GAP;
      });
      var band = document.createElement("div");
      band.className = "tg-lane";
      band.style.top = top + "px";
      band.style.height = y - top + "px";
      var name = document.createElement("span");
      name.className = "tg-lane-name";
      name.textContent = lane.name;
      name.title = lane.name;
      band.appendChild(name);
      lanesEl.appendChild(band);
      top = y;
    });
    Array.prototype.forEach.call(lanesEl.children, function (b) { b.style.width = width + "px"; });
    list.style.width = width + "px";
    list.style.height = top + "px";
    axis.style.width = width + "px";

    axis.textContent = "";
    if (dated.length) {
      var from = first - Math.ceil(PAD / state.ppd);
      var to = first + Math.ceil((width - PAD) / state.ppd);
      ticks(from, to).forEach(function (t) {
        var tick = document.createElement("div");
        tick.className = "tg-tick" + (t.major ? " tg-major" : "");
        tick.style.left = Math.round(x(t.day)) + "px";
        tick.textContent = t.label;
        axis.appendChild(tick);
      });
    }
    count.textContent = "showing " + visible.length + " of " + events.length + " events";
  }

  // Zoom so that the days from..to fill the visible width.
  function fit(from, to) {
    var w = Math.max(200, scroll.clientWidth - 2 * PAD - CARD);
    state.ppd = Math.min(200, Math.max(0.01, w / Math.max(1, to - from + 1)));
    layout();
    scroll.scrollLeft = Math.max(0, x(from) - PAD);
  }
  // The bulk of the events: the shortest stretch of days where 90% of the shown events
  // start (a story's background, "last year", does not squeeze the weeks it is about).
  function fitBulk() {
    if (!dated.length) return layout();
    var days = dated.filter(shown).map(function (e) { return e.start; }).sort(function (a, b) { return a - b; });
    if (!days.length) return fit(first, last);
    var k = Math.max(1, Math.ceil(days.length * 0.9));
    var lo = days[0];
    var hi = days[k - 1];
    for (var i = 1; i + k - 1 < days.length; i++) {
      if (days[i + k - 1] - days[i] < hi - lo) {
        lo = days[i];
        hi = days[i + k - 1];
      }
    }
    fit(lo, Math.max(hi, lo + 6));
  }
  function zoom(factor, clientX) {
    var rect = scroll.getBoundingClientRect();
    var at = clientX === undefined ? scroll.clientWidth / 2 : clientX - rect.left;
    var day = first + (scroll.scrollLeft + at - PAD) / state.ppd;
    state.ppd = Math.min(400, Math.max(0.01, state.ppd * factor));
    layout();
    scroll.scrollLeft = Math.max(0, x(day) - at);
  }

  // The controls.
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function labelled(text, input) {
    var l = el("label", {}, text + " ");
    l.appendChild(input);
    return l;
  }
  function button(text, title, f) {
    var b = el("button", { type: "button", title: title }, text);
    b.addEventListener("click", f);
    return b;
  }
  var zoomBox = el("span", { "class": "tg-zoom" }, "Zoom ");
  zoomBox.appendChild(button("\u2212", "zoom out", function () { zoom(1 / 1.6); }));
  zoomBox.appendChild(button("+", "zoom in (or Ctrl + wheel)", function () { zoom(1.6); }));
  zoomBox.appendChild(button("bulk", "fit the bulk of the events", fitBulk));
  zoomBox.appendChild(button("all", "fit every event", function () { fit(first, last); }));
  controls.appendChild(zoomBox);

  var laneSel = el("select", { id: "tg-lanes" });
  [["story", "by story"], ["class", "by class"], ["one", "one lane"]].forEach(function (o) {
    laneSel.appendChild(el("option", { value: o[0] }, o[1]));
  });
  laneSel.addEventListener("change", function () { state.lanes = laneSel.value; layout(); });
  controls.appendChild(labelled("Lanes", laneSel));

  var sal = el("input", { type: "range", min: "0", max: "100", step: "5", value: "0", id: "tg-salience" });
  var salOut = el("output", {}, "0");
  sal.addEventListener("input", function () {
    state.minSalience = +sal.value;
    salOut.textContent = sal.value;
    layout();
  });
  var salLabel = labelled("Salience \u2265", sal);
  salLabel.appendChild(salOut);
  controls.appendChild(salLabel);

  var find = el("input", { type: "search", placeholder: "name or word", id: "tg-find" });
  find.addEventListener("input", function () { state.query = find.value.trim().toLowerCase(); layout(); });
  controls.appendChild(labelled("Find", find));

  if (docOrder.length > 1) {
    var docBox = el("span", { "class": "tg-doc-filter" }, "Documents ");
    docOrder.forEach(function (d) {
      var c = el("input", { type: "checkbox", "data-doc": d });
      c.checked = true;
      c.addEventListener("change", function () { state.docs[d] = c.checked; layout(); });
      var l = labelled(documents[d].short, c);
      l.title = documents[d].title;
      docBox.appendChild(l);
    });
    controls.appendChild(docBox);
  }
  var unBox = null;
  if (events.some(function (e) { return e.unlisted; })) {
    unBox = el("input", { type: "checkbox", id: "tg-unlisted" });
    unBox.addEventListener("change", function () { state.unlisted = unBox.checked; layout(); });
    controls.appendChild(labelled("Unlisted events", unBox));
  }
  // The filters in the address (`page.html#salience=50&find=sony&lanes=class&docs=000,004
  // &unlisted=1`), so that a filtered view can be shared as a link. A plain `#ev-id` (the
  // conflict links) is left alone.
  function readHash() {
    var h = location.hash.slice(1);
    if (h.indexOf("=") < 0) return;
    var p = new URLSearchParams(h);
    if (p.has("lanes") && /^(story|class|one)$/.test(p.get("lanes"))) {
      state.lanes = laneSel.value = p.get("lanes");
    }
    if (p.has("salience")) {
      var v = Math.max(0, Math.min(100, parseInt(p.get("salience"), 10) || 0));
      state.minSalience = v;
      sal.value = String(v);
      salOut.textContent = String(v);
    }
    if (p.has("find")) {
      find.value = p.get("find");
      state.query = find.value.trim().toLowerCase();
    }
    if (p.has("docs")) {
      var wanted = p.get("docs").split(",");
      docOrder.forEach(function (d) {
        state.docs[d] = wanted.indexOf(d) >= 0 || wanted.indexOf(documents[d].short) >= 0;
        var box = controls.querySelector('input[data-doc="' + CSS.escape(d) + '"]');
        if (box) box.checked = state.docs[d];
      });
    }
    if (p.get("unlisted") === "1" && unBox) {
      state.unlisted = unBox.checked = true;
    }
  }
  function writeHash() {
    var p = new URLSearchParams();
    if (state.lanes !== "story") p.set("lanes", state.lanes);
    if (state.minSalience > 0) p.set("salience", String(state.minSalience));
    if (state.query) p.set("find", state.query);
    var off = docOrder.filter(function (d) { return !state.docs[d]; });
    if (off.length) {
      p.set("docs", docOrder.filter(function (d) { return state.docs[d]; }).map(function (d) { return documents[d].short; }).join(","));
    }
    if (state.unlisted) p.set("unlisted", "1");
    var q = p.toString();
    try {
      history.replaceState(null, "", q ? "#" + q : location.pathname + location.search);
    } catch (e) {
      // Some browsers refuse replaceState on file: pages; the view still works.
    }
  }
  controls.addEventListener("change", writeHash);
  controls.addEventListener("input", writeHash);

  var count = el("span", { "class": "tg-count" });
  controls.appendChild(count);
  controls.hidden = false;

  scroll.addEventListener("wheel", function (e) {
    if (!e.ctrlKey) return;
    e.preventDefault();
    zoom(e.deltaY < 0 ? 1.25 : 0.8, e.clientX);
  }, { passive: false });
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });

  document.body.classList.add("tg-js");
  readHash();
  fitBulk();
  document.body.setAttribute("data-ready", String(events.length));
})();
