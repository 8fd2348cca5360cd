/**
 * The review page's one script: filters, jumping from a claim to its evidence in the article,
 * and the tooltip on evidence spans. Plain ES2017, no modules, no network, works from file://.
 * It reads data only from the JSON element and from data-* attributes, and writes only with
 * textContent, classList and the hidden property: never HTML strings. Its hash goes in the page's
 * Content-Security-Policy, so it must stay a constant (no `${…}` or backticks inside).
 */
export const PAGE_SCRIPT = `
(function () {
  "use strict";
  var doc = document;
  var dataEl = doc.getElementById("claimcheck-data");
  var claims = {};
  try {
    claims = (JSON.parse(dataEl ? dataEl.textContent || "{}" : "{}").claims) || {};
  } catch (e) {
    claims = {};
  }
  function all(selector, root) {
    return Array.prototype.slice.call((root || doc).querySelectorAll(selector));
  }
  function idsOf(el) {
    return (el.getAttribute("data-claims") || "").split(" ").filter(Boolean);
  }

  // ---- Tooltip on evidence spans --------------------------------------------------------
  var tip = doc.createElement("div");
  tip.className = "tip";
  tip.id = "claim-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  doc.body.appendChild(tip);
  var marks = all("mark[data-claims]");
  marks.forEach(function (m) { m.removeAttribute("title"); });
  var current = null;
  function line(cls, text) {
    var span = doc.createElement("span");
    span.className = cls;
    span.textContent = text;
    return span;
  }
  function showTip(mark, only) {
    if (current === mark && !only) return;
    current = mark;
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    idsOf(mark).filter(function (id) { return !only || id === only; }).forEach(function (id) {
      var c = Object.prototype.hasOwnProperty.call(claims, id) ? claims[id] : null;
      if (!c) return;
      var row = doc.createElement("div");
      row.className = "tip-claim";
      if (c.fact) row.appendChild(line("tip-fact", c.fact));
      if (c.value !== undefined) row.appendChild(line("tip-value", String(c.value)));
      row.appendChild(line("tip-meta", (c.label ? c.label + " \\u00b7 " : "") + c.id + " (" + c.source + ")"));
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
  // ---- Filters --------------------------------------------------------------------------
  var filters = doc.getElementById("filters");
  var status = doc.getElementById("filter-status");
  function checked(name) {
    return all("input[type=checkbox]", filters).filter(function (i) {
      return i.name === name && i.checked;
    }).map(function (i) { return i.value; });
  }
  function applyFilters() {
    if (!filters) return;
    var verdicts = checked("verdict");
    var sources = checked("source");
    var shown = 0;
    var facts = all("[data-verdict]");
    facts.forEach(function (el) {
      var own = (el.getAttribute("data-sources") || "").split(" ").filter(Boolean);
      var ok = verdicts.indexOf(el.getAttribute("data-verdict")) >= 0 &&
        own.some(function (s) { return sources.indexOf(s) >= 0; });
      el.hidden = !ok;
      if (ok) shown++;
    });
    all("[data-verdict-section]").forEach(function (section) {
      section.hidden = verdicts.indexOf(section.getAttribute("data-verdict-section")) < 0;
      var empty = section.querySelector(".filter-empty");
      if (!empty) return;
      var items = all("[data-verdict]", section);
      empty.hidden = items.length === 0 || items.some(function (el) { return !el.hidden; });
    });
    all("[data-source]").forEach(function (el) {
      el.hidden = sources.indexOf(el.getAttribute("data-source")) < 0;
    });
    if (status) {
      status.textContent = "Showing " + shown + " of " + facts.length + " facts" +
        (sources.length < all("input[name=source]", filters).length ? " and the texts of the chosen sources." : ".");
    }
  }
  if (filters) {
    filters.hidden = false;
    filters.addEventListener("change", applyFilters);
    applyFilters();
  }

  // ---- From a claim to its evidence --------------------------------------------------------
  var back = doc.getElementById("back-link");
  var active = [];
  var origin = null;
  function jump(id, from) {
    // Ids of evidence spans are built from letters, digits, _ and - only (the hash may be anything).
    if (!/^ev-[A-Za-z0-9_-]+$/.test(id)) return false;
    var target = doc.getElementById(id);
    if (!target || !target.hasAttribute("data-claims")) return false;
    var article = target.closest("[data-source]");
    if (article && article.hidden && filters) {
      // The source is filtered out: bring its text back rather than jump nowhere.
      all("input[name=source]", filters).forEach(function (box) {
        if (box.value === article.getAttribute("data-source")) box.checked = true;
      });
      applyFilters();
    }
    active.forEach(function (el) { el.classList.remove("ev-active"); });
    var text = target.closest(".article-text");
    active = text ? all('[data-claims~="' + id + '"]', text) : [target];
    active.forEach(function (el) { el.classList.add("ev-active"); });
    // An empty anchor stands before the mark when several quotes start at the same place.
    var first = active.filter(function (el) { return el.tagName === "MARK"; })[0] || target;
    first.scrollIntoView({ block: "center", inline: "nearest" });
    first.focus({ preventScroll: true });
    if (first.tagName === "MARK") showTip(first, id);
    origin = from || null;
    if (back) {
      back.hidden = !origin;
      back.textContent = "\\u21a9 Back to the claim";
    }
    return true;
  }
  doc.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a.claim-link") : null;
    if (!link) return;
    if (jump(link.getAttribute("data-ev") || "", link)) event.preventDefault();
  });
  if (back) {
    back.addEventListener("click", function () {
      var to = origin;
      back.hidden = true;
      origin = null;
      if (to) {
        to.scrollIntoView({ block: "center", inline: "nearest" });
        to.focus({ preventScroll: true });
      }
    });
  }
  if (location.hash.indexOf("#ev-") === 0) jump(decodeURIComponent(location.hash.slice(1)), null);

})();
`;
