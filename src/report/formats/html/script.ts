/**
 * The review page's one script. It draws the facts, the agreement by source, the notes and the
 * articles from the page's JSON (page-data.ts) as they come near the screen: each list starts as
 * placeholders of about the right height, and a placeholder is replaced by its elements when an
 * IntersectionObserver sees it close to the viewport, so a page of 100,000 claims builds only
 * what is looked at. An article's text is read from its own JSON element only then.
 *
 * Also: the filters (verdicts; sources sorted by name, with a search box, "only" and all/none),
 * jumping from a claim to its evidence in the article (drawing that article first), and the
 * tooltip on evidence spans. Plain ES2017, no modules, no network, works from file://. It writes
 * only with textContent, classList, attributes and the hidden property: never HTML strings. Its
 * hash goes in the page's Content-Security-Policy, so it must stay a constant (no backticks or
 * template substitutions inside).
 */
export const PAGE_SCRIPT = `
(function () {
  "use strict";
  var doc = document;
  var data = null;
  try {
    var dataEl = doc.getElementById("claimcheck-data");
    data = JSON.parse(dataEl ? dataEl.textContent || "null" : "null");
  } catch (e) {
    data = null;
  }
  if (!data) return;
  var VERDICTS = ["conflict", "compatible", "agree", "single-source"];
  var ICON = { conflict: "✗", compatible: "≈", agree: "✓", "single-source": "·" };
  var WORD = { conflict: "conflict", compatible: "compatible", agree: "agree", "single-source": "single source" };
  var SEVERITY_ICON = { error: "✗", warning: "!", note: "ℹ" };
  var sources = data.sources;
  var facts = data.facts;
  var articles = data.articles;

  // ---- Building elements -------------------------------------------------------------------
  function el(tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === "") continue;
      parent.appendChild(typeof c === "string" ? doc.createTextNode(c) : c);
    }
    return parent;
  }
  function srOnly(text) { return el("span", "sr-only", text); }
  function ariaHidden(text) {
    var s = el("span", null, text);
    s.setAttribute("aria-hidden", "true");
    return s;
  }
  function sep() {
    var s = el("span", "sep", " · ");
    s.setAttribute("aria-hidden", "true");
    return s;
  }
  function nameOf(i) { var s = sources[i]; return s ? s.n : ""; }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function factLabel(f) { return f.s + " — " + f.p + (f.a ? " (as of " + f.a + ")" : ""); }
  function evidenceId(c) { return c[2] === 1 ? "ev-" + c[0] : c[2] === 0 ? "" : c[2]; }
  function yearWords(year) { return year === 1 ? "the annotator" : "the publication date"; }
  function severityLabel(severity) {
    var s = el("span", "sev sev-" + severity);
    add(s, ariaHidden(SEVERITY_ICON[severity] || ""), " " + severity);
    return s;
  }
  function badge(verdict) {
    return add(el("span", "badge badge-" + verdict), ariaHidden(ICON[verdict]), " " + WORD[verdict]);
  }
  function strongNames(label, list) {
    return add(el("span", null, label), el("strong", null, list.map(nameOf).join(", ")));
  }
  function sourceIds(list) { return list.map(function (i) { return "s" + i; }).join(" "); }

  // ---- Lists drawn as they come into view ----------------------------------------------------
  var pending = new Map();
  var observer = "IntersectionObserver" in window
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) { if (entry.isIntersecting) fill(entry.target); });
      }, { rootMargin: "1500px 0px" })
    : null;
  function fill(holder) {
    var make = pending.get(holder);
    if (!make) return;
    pending.delete(holder);
    if (holder.__observer) holder.__observer.unobserve(holder);
    var frag = doc.createDocumentFragment();
    make(frag);
    if (holder.parentNode) holder.parentNode.replaceChild(frag, holder);
  }
  function holder(container, height, make, watcher) {
    var tag = container.tagName === "TBODY" ? "tr" : container.tagName === "UL" ? "li" : "div";
    var h = el(tag, "pending");
    h.setAttribute("aria-hidden", "true");
    var box = h;
    if (tag === "tr") {
      box = el("td");
      box.colSpan = 5;
      h.appendChild(box);
    }
    box.style.height = Math.max(1, Math.round(height)) + "px";
    pending.set(h, make);
    container.appendChild(h);
    var watch = watcher || observer;
    if (watch) {
      h.__observer = watch;
      watch.observe(h);
    } else fill(h);
    return h;
  }
  function clearList(container) {
    for (var c = container.firstChild; c; c = c.nextSibling) {
      if (!pending.has(c)) continue;
      pending.delete(c);
      if (c.__observer) c.__observer.unobserve(c);
    }
    container.textContent = "";
  }
  /** Items in runs of a few, each run a placeholder until it is near the screen. */
  function lazyList(container, items, per, heightOf, render, watcher, onHolder) {
    clearList(container);
    for (var i = 0; i < items.length; i += per) {
      (function (part) {
        var height = 0;
        part.forEach(function (x) { height += heightOf(x); });
        var h = holder(container, height, function (frag) {
          part.forEach(function (x) { frag.appendChild(render(x)); });
        }, watcher);
        if (onHolder) part.forEach(function (x) { onHolder(x, h); });
      })(items.slice(i, i + per));
    }
  }
  function list(name) { return doc.querySelector('[data-list="' + name + '"]'); }

  // ---- Facts: cards for conflicts and compatible values, table rows for the rest -------------
  var MANY = 20;
  /** The first MANY items, and a button that adds the others. */
  function capped(container, items, render) {
    var shown = items.length > MANY + 5 ? MANY : items.length;
    for (var i = 0; i < shown; i++) container.appendChild(render(items[i]));
    if (shown === items.length) return container;
    var more = el(container.tagName === "UL" ? "li" : "p", "more");
    var button = el("button", "more-button", "Show the other " + (items.length - shown) + " claims");
    button.type = "button";
    button.addEventListener("click", function () {
      var frag = doc.createDocumentFragment();
      for (var k = shown; k < items.length; k++) frag.appendChild(render(items[k]));
      container.replaceChild(frag, more);
    });
    more.appendChild(button);
    container.appendChild(more);
    return container;
  }
  function claimLink(c) {
    var id = evidenceId(c);
    if (!id) return null;
    var a = el("a", "claim-link");
    a.href = "#" + id;
    a.setAttribute("data-ev", id);
    a.setAttribute("data-source", "s" + c[1]);
    return add(a, ariaHidden("↧"), " " + c[0], srOnly(": show the evidence in " + nameOf(c[1]) + "'s text"));
  }
  function yearTag(v, source) {
    for (var i = 0; i < v.c.length; i++) {
      if (v.c[i][1] === source && v.c[i][6]) return el("span", "tag", "year from " + yearWords(v.c[i][6]));
    }
    return null;
  }
  function formsLine(v) {
    if (!v.f) return null;
    var p = el("p", "forms", "Written as ");
    v.f.forEach(function (form, k) {
      if (k) add(p, "; ");
      add(p, el("q", null, form[0]), " (" + form[1].map(nameOf).join(", ") + ")");
    });
    return p;
  }
  function relationHeading(f, v, reference) {
    var h = el("h4", "value-h");
    if (reference) {
      return f.tie ? add(h, ariaHidden("="), " One of the tied values") : add(h, ariaHidden("✓"), " Majority value");
    }
    var against = f.tie ? "the first value" : "the majority";
    if (v.r === "conflict") return add(h, ariaHidden("✗"), " Conflicts with " + against);
    if (v.r === "agree") return add(h, ariaHidden("✓"), " Agrees with " + against);
    return add(h, ariaHidden("≈"), " " + (v.r === "variant" ? "A variant of" : "Compatible with") + " " + against);
  }
  function diffPart(tag, label, text) {
    return add(el(tag), srOnly("[" + label), text, srOnly("]"));
  }
  function claimItem(c) {
    var li = el("li", "claim");
    var link = claimLink(c);
    if (link) li.appendChild(link);
    else {
      add(li, el("span", "claim-id", c[0]));
      if (data.withArticles) add(li, " ", el("span", "hint", "(evidence not found in the article)"));
    }
    add(li, " ", el("span", "claim-source", nameOf(c[1])));
    if (c[6]) add(li, " ", el("span", "tag", "year from " + yearWords(c[6])));
    add(li, add(el("blockquote", "evidence"), el("p", null, c[3])));
    if (c[7]) add(li, el("p", "claim-note", "Annotator's note: " + c[7]));
    var file = sources[c[1]] ? sources[c[1]].f : "";
    add(li, add(el("p", "loc"), el("code", null, file + ":" + c[4] + ":" + c[5])));
    return li;
  }
  function valueColumn(f, v, reference) {
    var box = el("section", "value value-" + (reference ? "reference" : v.r));
    var text = el("p", "value-text");
    var parts = v.x;
    if (parts) {
      parts.forEach(function (p) {
        if (p[0] === 0) add(text, p[1]);
        else if (p[0] === 1) add(text, diffPart("ins", "only in this value: ", p[1]));
      });
    } else text.textContent = v.d;
    add(box, relationHeading(f, v, reference), text);
    if (parts && parts.some(function (p) { return p[0] === -1; })) {
      var change = add(el("p", "change"), el("span", "change-label", "Against the " + (f.tie ? "first" : "majority") + " value:"), " ");
      parts.forEach(function (p) {
        if (p[0] === 0) add(change, p[1]);
        else add(change, p[0] === -1 ? diffPart("del", "majority has: ", p[1]) : diffPart("ins", "this value has: ", p[1]));
      });
      box.appendChild(change);
    }
    if (v.t) box.appendChild(el("p", "detail", v.t));
    var said = add(el("p", "said-by"), el("span", "said-by-label", "Said by " + plural(v.s.length, "source") + ":"), " ");
    v.s.forEach(function (s, k) {
      if (k) add(said, ", ");
      add(said, el("span", "source-name", nameOf(s)));
      var tag = yearTag(v, s);
      if (tag) add(said, " ", tag);
    });
    add(box, said, formsLine(v), capped(el("ul", "claims"), v.c, claimItem));
    return box;
  }
  function factCard(i) {
    var f = facts[i];
    var verdict = VERDICTS[f.v];
    var id = "fact-" + (i + 1);
    var card = el("article", "fact card");
    card.id = id;
    card.setAttribute("aria-labelledby", id + "-h");
    card.setAttribute("data-verdict", verdict);
    card.setAttribute("data-sources", sourceIds(f.src));
    var h = el("h3");
    h.id = id + "-h";
    add(h, f.s + " ", el("span", "prop", "— " + f.p + (f.a ? " (as of " + f.a + ")" : "")));
    var meta = [badge(verdict)];
    if (f.k) meta.push(el("span", null, f.k));
    meta.push(el("span", null, plural(f.n, "source")));
    if (f.apart) meta.push(strongNames("standing apart: ", f.apart));
    if (f.tie) meta.push(el("span", null, "a tie: no value has a majority"));
    if (f.self) meta.push(strongNames("contradicts itself: ", f.self));
    if (f.ack) meta.push(el("span", "badge badge-ack", "acknowledged by a reviewer"));
    var p = el("p", "meta");
    meta.forEach(function (m, k) { if (k) p.appendChild(sep()); p.appendChild(m); });
    var values = el("div", "values");
    f.vals.forEach(function (v, k) { values.appendChild(valueColumn(f, v, k === 0)); });
    add(card, h, p, values);
    if (f.notes) {
      var notes = el("ul", "fact-notes");
      f.notes.forEach(function (n) { add(notes, add(el("li"), severityLabel(n[0]), " " + n[1])); });
      card.appendChild(notes);
    }
    return card;
  }
  function factRow(i) {
    var f = facts[i];
    var tr = el("tr");
    tr.id = "fact-" + (i + 1);
    tr.setAttribute("data-verdict", VERDICTS[f.v]);
    tr.setAttribute("data-sources", sourceIds(f.src));
    var th = add(el("th"), f.s + " ", el("span", "prop", "— " + f.p + (f.a ? " (as of " + f.a + ")" : "")));
    th.scope = "row";
    (f.notes || []).forEach(function (n) { add(th, add(el("p", "fact-note"), severityLabel(n[0]), " " + n[1])); });
    var values = el("td");
    f.vals.forEach(function (v, k) {
      if (k) values.appendChild(el("br"));
      add(values, el("span", "value-text", v.d));
      var undated = v.s.filter(function (s) { return yearTag(v, s) !== null; });
      if (undated.length) add(values, " ", el("span", "tag", "year not in the text of " + undated.map(nameOf).join(", ")));
      add(values, formsLine(v));
    });
    var claims = [];
    f.vals.forEach(function (v) { claims = claims.concat(v.c); });
    var evidence = capped(el("ul", "evidence-list"), claims, function (c) {
      var li = el("li");
      add(li, claimLink(c) || el("span", "claim-id", c[0]), el("q", null, c[3]));
      return li;
    });
    return add(tr, th, values, el("td", null, f.src.map(nameOf).join(", ")), add(el("td"), evidence));
  }
  function cardHeight(i) {
    var f = facts[i];
    var most = 0;
    f.vals.forEach(function (v) { most = Math.max(most, Math.min(v.c.length, MANY + 1)); });
    return 150 + Math.ceil(f.vals.length / 3) * (120 + 105 * most);
  }
  function rowHeight(i) {
    var f = facts[i];
    var claims = 0;
    f.vals.forEach(function (v) { claims += v.c.length; });
    return 30 + 48 * Math.min(claims, MANY + 1);
  }

  // ---- Agreement by source, notes on files -----------------------------------------------------
  function rateRow(r) {
    var tr = el("tr");
    var th = el("th", null, r[0]);
    th.scope = "row";
    var rate = el("td", "rate");
    if (r[4] === null) rate.textContent = "—";
    else {
      var meter = el("meter");
      meter.min = 0;
      meter.max = 1;
      meter.low = 0.5;
      meter.high = 0.9;
      meter.optimum = 1;
      meter.value = Number(r[4].toFixed(4));
      meter.setAttribute("aria-hidden", "true");
      add(rate, meter, " " + Math.round(r[4] * 100) + "%");
    }
    return add(tr, th, el("td", null, r[1]), el("td", "num", r[2]), el("td", "num", r[3]), rate);
  }
  function noteItem(n) {
    var loc = add(el("span", "loc"), el("code", null, n[2]), " ", el("span", "rule", n[3]));
    return add(el("li"), severityLabel(n[0]), " " + n[1] + " ", loc);
  }

  // ---- Articles ----------------------------------------------------------------------------
  var bodies = {};
  /** Tooltip data by evidence id, from the articles drawn so far. */
  var tips = {};
  function bodyOf(k) {
    if (Object.prototype.hasOwnProperty.call(bodies, k)) return bodies[k];
    var node = doc.getElementById("article-" + k);
    var body = null;
    try { body = node ? JSON.parse(node.textContent || "null") : null; } catch (e) { body = null; }
    bodies[k] = body;
    if (body) {
      body.c.forEach(function (c) {
        tips[c[0]] = { claim: c[1], verdict: c[2], fact: c[3], value: c[4], source: articles[k].s };
      });
    }
    return body;
  }
  function worstClass(body, covering) {
    var worst = -1;
    covering.forEach(function (i) {
      var v = body.c[i][2];
      if (v >= 0 && (worst < 0 || v < worst)) worst = v;
    });
    return worst < 0 ? "other" : VERDICTS[worst];
  }
  function articleText(body) {
    var box = el("div", "article-text");
    body.t.forEach(function (seg) {
      if (typeof seg === "string") {
        box.appendChild(doc.createTextNode(seg));
        return;
      }
      seg[3].forEach(function (i) {
        var anchor = el("span", "ev-anchor");
        anchor.id = body.c[i][0];
        anchor.tabIndex = -1;
        anchor.setAttribute("data-claims", body.c[i][0]);
        box.appendChild(anchor);
      });
      if (seg[1].length === 0) {
        if (seg[0]) box.appendChild(doc.createTextNode(seg[0]));
        return;
      }
      var mark = el("mark", "ev ev-" + worstClass(body, seg[1]) + (seg[1].length > 1 ? " ev-multi" : ""), seg[0]);
      if (seg[2] >= 0) mark.id = body.c[seg[2]][0];
      mark.tabIndex = -1;
      mark.setAttribute("data-claims", seg[1].map(function (i) { return body.c[i][0]; }).join(" "));
      box.appendChild(mark);
    });
    return box;
  }
  function articleBlock(k) {
    var a = articles[k];
    var s = sources[a.s] || { n: "", f: "" };
    var id = "source-s" + a.s;
    var block = el("article", "article");
    block.id = id;
    block.setAttribute("data-source", "s" + a.s);
    block.setAttribute("aria-labelledby", id + "-h");
    var h = el("h3", null, s.n);
    h.id = id + "-h";
    if (s.f) {
      add(h, ": ", el("span", "article-title", s.t));
      if (s.tf) add(h, " ", el("span", "hint", "(title from the file name)"));
    }
    var p = el("p", "meta");
    var parts = 0;
    function part() {
      if (parts++) p.appendChild(sep());
      for (var i = 0; i < arguments.length; i++) add(p, arguments[i]);
    }
    if (s.f) {
      if (s.o) part(s.o);
      var time = el("time", null, s.d);
      time.setAttribute("datetime", s.d);
      part("published ", time);
    }
    part(el("code", null, a.path));
    part("claims in ", el("code", null, a.claims));
    part(plural(a.spans, "evidence span") + " marked");
    add(block, h, p);
    var body = bodyOf(k);
    block.appendChild(body ? articleText(body) : el("p", "none", "The article's text is missing from this page."));
    return block;
  }
  function articleHeight(k) {
    var a = articles[k];
    return 150 + 29 * (a.lines + a.chars / 70);
  }
  var articleHolders = {};

  // ---- Filters -----------------------------------------------------------------------------
  var filters = doc.getElementById("filters");
  var status = doc.getElementById("filter-status");
  var sourceList = doc.getElementById("source-list");
  var search = doc.getElementById("source-search");
  var found = doc.getElementById("source-found");
  var selected = new Uint8Array(sources.length);
  selected.fill(1);
  var verdictOn = { conflict: true, compatible: true, agree: true, "single-source": true };
  var byVerdict = [[], [], [], []];
  facts.forEach(function (f, i) { byVerdict[f.v].push(i); });
  var articlesReady = doc.readyState !== "loading";
  /** Each fact's placeholder while it has one: to draw a fact that is needed before it is seen. */
  var factHolders = {};

  function selectedCount() {
    var n = 0;
    for (var i = 0; i < selected.length; i++) n += selected[i];
    return n;
  }
  function factShown(i) {
    var src = facts[i].src;
    for (var k = 0; k < src.length; k++) if (selected[src[k]]) return true;
    return false;
  }
  /** What each list shows now, to draw a list again only when that changes. */
  var drawn = {};
  function same(a, b) {
    if (!a || a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  function drawArticles() {
    var container = list("articles");
    if (!container || !articlesReady) return;
    var shown = [];
    articles.forEach(function (a, k) { if (selected[a.s]) shown.push(k); });
    if (same(drawn.articles, shown)) return;
    drawn.articles = shown;
    articleHolders = {};
    lazyList(container, shown, 2, articleHeight, articleBlock, null, function (k, h) { articleHolders[k] = h; });
  }
  function applyFilters() {
    var shownFacts = 0;
    VERDICTS.forEach(function (verdict, v) {
      var section = doc.querySelector('[data-verdict-section="' + verdict + '"]');
      if (section) section.hidden = !verdictOn[verdict];
      // A verdict switched off hides its section; its list stays as it is for when it comes back.
      var items = byVerdict[v].filter(factShown);
      if (verdictOn[verdict]) shownFacts += items.length;
      var container = list(verdict);
      var empty = section ? section.querySelector(".filter-empty") : null;
      if (empty) empty.hidden = byVerdict[v].length === 0 || items.length > 0;
      if (!container || same(drawn[verdict], items)) return;
      drawn[verdict] = items;
      var table = container.tagName === "TBODY";
      lazyList(container, items, table ? 50 : 20, table ? rowHeight : cardHeight, table ? factRow : factCard, null,
        function (i, h) { factHolders[i] = h; });
    });
    drawArticles();
    if (status) {
      status.textContent = "Showing " + shownFacts + " of " + facts.length + " facts" +
        (selectedCount() < sources.length ? " and the texts of the chosen sources." : ".");
    }
  }

  // The source list: sorted by name, drawn in runs as the list box scrolls.
  var listObserver = sourceList && "IntersectionObserver" in window
    ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) { if (entry.isIntersecting) fill(entry.target); });
      }, { root: sourceList, rootMargin: "300px 0px" })
    : null;
  function sourceRow(i) {
    var row = el("div", "source-row");
    var label = el("label", "check");
    var box = el("input");
    box.type = "checkbox";
    box.name = "source";
    box.value = "s" + i;
    box.checked = selected[i] === 1;
    add(label, box, " " + nameOf(i));
    var only = el("button", "only", "only");
    only.type = "button";
    only.setAttribute("data-only", String(i));
    only.setAttribute("aria-label", "Show only " + nameOf(i));
    return add(row, label, " ", only);
  }
  function drawSources() {
    if (!sourceList) return;
    var term = search ? search.value.trim().toLowerCase() : "";
    var rows = data.order.filter(function (i) { return !term || nameOf(i).toLowerCase().indexOf(term) >= 0; });
    lazyList(sourceList, rows, 50, function () { return 28; }, sourceRow, listObserver);
    if (found) found.textContent = term ? rows.length + " of " + sources.length + " sources match" : "";
  }
  function syncBoxes() {
    if (!sourceList) return;
    Array.prototype.forEach.call(sourceList.querySelectorAll("input[name=source]"), function (box) {
      box.checked = selected[Number(box.value.slice(1))] === 1;
    });
  }
  if (filters) {
    filters.hidden = false;
    filters.addEventListener("change", function (event) {
      var t = event.target;
      if (!t || t.type !== "checkbox") return;
      if (t.name === "verdict") verdictOn[t.value] = t.checked;
      else if (t.name === "source") selected[Number(t.value.slice(1))] = t.checked ? 1 : 0;
      applyFilters();
    });
    filters.addEventListener("click", function (event) {
      var t = event.target;
      if (!t || t.tagName !== "BUTTON") return;
      if (t.id === "sources-all" || t.id === "sources-none") selected.fill(t.id === "sources-all" ? 1 : 0);
      else if (t.hasAttribute("data-only")) {
        selected.fill(0);
        selected[Number(t.getAttribute("data-only"))] = 1;
      } else return;
      syncBoxes();
      applyFilters();
    });
    if (search) search.addEventListener("input", drawSources);
    drawSources();
  }
  applyFilters();
  var rates = list("rates");
  if (rates) lazyList(rates, data.rates, 50, function () { return 38; }, rateRow);
  var notes = list("notes");
  if (notes) lazyList(notes, data.notes, 50, function () { return 50; }, noteItem);

  // ---- Tooltip on evidence spans --------------------------------------------------------
  var tip = el("div", "tip");
  tip.id = "claim-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  doc.body.appendChild(tip);
  var current = null;
  function idsOf(mark) { return (mark.getAttribute("data-claims") || "").split(" ").filter(Boolean); }
  function showTip(mark, only) {
    if (current === mark && !only) return;
    current = mark;
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    idsOf(mark).filter(function (id) { return !only || id === only; }).forEach(function (id) {
      var t = Object.prototype.hasOwnProperty.call(tips, id) ? tips[id] : null;
      if (!t) return;
      var row = el("div", "tip-claim");
      var f = t.fact >= 0 ? facts[t.fact] : null;
      if (f) {
        var verdict = VERDICTS[f.v];
        add(row, el("span", "tip-fact", factLabel(f)));
        var v = f.vals[t.value];
        if (v) add(row, el("span", "tip-value", v.d));
        add(row, el("span", "tip-meta", ICON[verdict] + " " + WORD[verdict] + " · " + t.claim + " (" + nameOf(t.source) + ")"));
      } else {
        if (t.fact === -2) add(row, el("span", "tip-fact", "The article's dateline"));
        add(row, el("span", "tip-meta", t.claim + " (" + nameOf(t.source) + ")"));
      }
      tip.appendChild(row);
    });
    if (!tip.firstChild) return hideTip();
    tip.hidden = false;
    mark.setAttribute("aria-describedby", "claim-tip");
    var rect = mark.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.max(8, Math.min(rect.left, doc.documentElement.clientWidth - width - 8));
    var top = rect.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight && rect.top > tip.offsetHeight + 6) {
      top = rect.top - tip.offsetHeight - 6;
    }
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (top + window.scrollY) + "px";
  }
  function hideTip() {
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    tip.hidden = true;
  }
  function markOf(event) {
    var t = event.target;
    return t && t.closest ? t.closest("mark[data-claims]") : null;
  }
  doc.addEventListener("mouseover", function (event) {
    var m = markOf(event);
    if (m) showTip(m); else if (current && doc.activeElement !== current) hideTip();
  });
  doc.addEventListener("focusin", function (event) {
    var m = markOf(event);
    if (m) showTip(m); else hideTip();
  });
  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hideTip();
  });
  window.addEventListener("scroll", function () {
    if (current && doc.activeElement !== current) hideTip();
  }, { passive: true });

  // ---- From a claim to its evidence --------------------------------------------------------
  var back = doc.getElementById("back-link");
  var active = [];
  var origin = null;
  var evidenceSource = null;
  /** The source whose article holds the evidence span with this id, or -1. */
  function sourceOfEvidence(id) {
    if (!evidenceSource) {
      evidenceSource = new Map();
      facts.forEach(function (f) {
        f.vals.forEach(function (v) {
          v.c.forEach(function (c) { var e = evidenceId(c); if (e) evidenceSource.set(e, c[1]); });
        });
      });
    }
    if (evidenceSource.has(id)) return evidenceSource.get(id);
    // Datelines, and claims that are in no fact: the articles' own lists.
    for (var k = 0; k < articles.length; k++) {
      var body = bodyOf(k);
      if (body && body.c.some(function (c) { return c[0] === id; })) return articles[k].s;
    }
    return -1;
  }
  function drawArticleOf(source) {
    for (var k = 0; k < articles.length; k++) {
      if (articles[k].s === source && articleHolders[k]) fill(articleHolders[k]);
    }
  }
  function jump(id, from) {
    // Ids of evidence spans are built from letters, digits, _ and - only (the hash may be anything).
    if (!/^ev-[A-Za-z0-9_-]+$/.test(id)) return false;
    var target = doc.getElementById(id);
    if (!target) {
      var given = from ? from.getAttribute("data-source") : null;
      var source = given ? Number(given.slice(1)) : sourceOfEvidence(id);
      if (source < 0) return false;
      if (!selected[source]) {
        // The source is filtered out: bring its text back rather than jump nowhere.
        selected[source] = 1;
        syncBoxes();
        applyFilters();
      }
      drawArticleOf(source);
      target = doc.getElementById(id);
    }
    if (!target || !target.hasAttribute("data-claims")) return false;
    active.forEach(function (e) { e.classList.remove("ev-active"); });
    var text = target.closest(".article-text");
    active = text ? Array.prototype.slice.call(text.querySelectorAll('[data-claims~="' + id + '"]')) : [target];
    active.forEach(function (e) { e.classList.add("ev-active"); });
    // An empty anchor stands before the mark when several quotes start at the same place.
    var first = active.filter(function (e) { return e.tagName === "MARK"; })[0] || target;
    first.scrollIntoView({ block: "center", inline: "nearest" });
    first.focus({ preventScroll: true });
    if (first.tagName === "MARK") showTip(first, id);
    if (from) {
      var factEl = from.closest("[id^=fact-]");
      var fact = factEl ? Number(factEl.id.slice(5)) - 1 : -1;
      origin = { link: from, fact: fact, id: id };
    } else origin = null;
    if (back) {
      back.hidden = !origin;
      back.textContent = "↩ Back to the claim";
    }
    return true;
  }
  doc.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a.claim-link") : null;
    if (!link) return;
    if (jump(link.getAttribute("data-ev") || "", link)) event.preventDefault();
  });
  /** The link a jump came from; drawn again if the filters have redrawn its fact since. */
  function originLink() {
    if (!origin) return null;
    if (origin.link.isConnected) return origin.link;
    if (origin.fact < 0) return null;
    var fact = doc.getElementById("fact-" + (origin.fact + 1));
    if (!fact && factHolders[origin.fact]) {
      fill(factHolders[origin.fact]);
      fact = doc.getElementById("fact-" + (origin.fact + 1));
    }
    if (!fact) return null;
    return fact.querySelector('a.claim-link[data-ev="' + origin.id + '"]') || fact;
  }
  if (back) {
    back.addEventListener("click", function () {
      var to = originLink();
      back.hidden = true;
      origin = null;
      if (to) {
        to.scrollIntoView({ block: "center", inline: "nearest" });
        to.focus({ preventScroll: true });
      }
    });
  }
  function whenRead() {
    articlesReady = true;
    drawArticles();
    if (location.hash.indexOf("#ev-") === 0) jump(decodeURIComponent(location.hash.slice(1)), null);
  }
  // The articles' data follows this script in the page: it is read once the page is.
  if (articlesReady) whenRead();
  else doc.addEventListener("DOMContentLoaded", whenRead);
})();
`;
