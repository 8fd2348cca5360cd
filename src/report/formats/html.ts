/**
 * The review page: the report as one self-contained HTML file (inline CSS, one inline script, no
 * network). The header, totals, filters, section headings and the source-by-source matrix are
 * written here; the facts, the agreement by source, the notes and the articles travel as compact
 * JSON (html/page-data.ts) that the page's script turns into elements as they come into view, so
 * a report of 100,000 claims opens in seconds. Conflicts come first, then compatible values, the
 * agreement by source, agreements, single-source facts, notes on files, and each article's text
 * with every evidence span marked.
 *
 * Every string from claims and sources is escaped: in markup by `html()` (escapeHtml), in the
 * data by jsonForScript (no `<`, `>` or `&`, hidden characters made visible, no CI log command);
 * the script writes text only with textContent. Links are only `#…` anchors to ids made here. A
 * Content-Security-Policy with the hashes of the one style and the one script blocks anything
 * else. Same report in, same bytes out.
 */
import { createHash } from "node:crypto";
import type { Verdict } from "../../compare/result.js";
import type { ReportResult } from "../report-result.js";
import { validationLine } from "./common.js";
import { pageModel, VERDICT_ORDER } from "./html/page-data.js";
import { PAGE_SCRIPT } from "./html/script.js";
import { PAGE_STYLE } from "./html/style.js";
import { html, jsonForScript } from "./html/text.js";
import type { Formatter, PiecewiseFormatter } from "./types.js";

const VERDICT_ICON: Record<Verdict, string> = {
  conflict: "✗",
  compatible: "≈",
  agree: "✓",
  "single-source": "·",
};
const VERDICT_WORD: Record<Verdict, string> = {
  conflict: "conflict",
  compatible: "compatible",
  agree: "agree",
  "single-source": "single source",
};

export const formatHtml: Formatter = (report, ctx) => [...htmlPieces(report, ctx.version)].join("");

/** The page in pieces: the articles' data alone can run to tens of megabytes. */
export const formatHtmlPieces: PiecewiseFormatter = (report, ctx) =>
  htmlPieces(report, ctx.version);

function* htmlPieces(report: ReportResult, version: string): Generator<string> {
  const { data, bodies } = pageModel(report);
  const csp = [
    "default-src 'none'",
    `script-src '${sha256(PAGE_SCRIPT)}'`,
    `style-src '${sha256(PAGE_STYLE)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const v = report.summary.verdicts;
  const title = `claimcheck report: ${v.conflict} in conflict, ${report.groups.length} facts, ${report.sources.length} sources`;
  const hasArticles = bodies.length > 0;
  const hasNotes = data.notes.length > 0;

  yield `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="claimcheck ${html(version)}">
<title>${html(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to the report</a>
`;
  yield [
    header(report, version),
    nav(report, hasNotes, hasArticles),
    filters(report),
    '<noscript><p class="notice notice-error">This page shows its facts and articles with JavaScript, which is off. The same report is in <code>claimcheck report --format json</code>.</p></noscript>',
    '<main id="main">',
    overview(report),
    factSection("conflict", "conflicts", "Conflicts", v.conflict),
    factSection("compatible", "compatible", "Compatible values", v.compatible),
    ratesSection(report),
    tableSection("agree", "agreements", "Agreements", v.agree),
    tableSection("single-source", "single-source", "Single-source facts", v["single-source"]),
    hasNotes
      ? `<section id="notes" aria-labelledby="notes-h">
<h2 id="notes-h">Notes on the files</h2>
<ul class="file-notes" data-list="notes"></ul>
</section>`
      : "",
    hasArticles
      ? `<section id="sources" aria-labelledby="sources-h">
<h2 id="sources-h">The sources</h2>
<p class="hint">Each article as claimcheck read it, with every evidence quote <mark class="ev ev-sample">marked</mark>; quotes behind a conflict are <mark class="ev ev-conflict ev-sample">marked and underlined</mark>. Hover over or focus a marked quote to see its claim.</p>
<div class="articles" data-list="articles"></div>
</section>`
      : "",
    "</main>",
    `<footer><p>Made by claimcheck ${html(version)}. Same claims and sources, same page: nothing here depends on the time or the machine.</p></footer>`,
    '<button type="button" id="back-link" class="back-link" hidden></button>',
  ]
    .filter((s) => s !== "")
    .join("\n");
  yield `\n<script type="application/json" id="claimcheck-data">${jsonForScript(data)}</script>\n`;
  yield `<script>${PAGE_SCRIPT}</script>\n`;
  // The articles come last: the page is drawn while the browser still reads them.
  for (const [i, body] of bodies.entries())
    yield `<script type="application/json" id="article-${i}">${jsonForScript(body)}</script>\n`;
  yield "</body>\n</html>\n";
}

function sha256(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

// ---------------------------------------------------------------------------------------------
// Header, navigation, filters

function header(report: ReportResult, version: string): string {
  const v = report.summary.verdicts;
  const ack = report.summary.acknowledged;
  const lines = [
    '<header class="page-header">',
    "<h1>Do the sources agree?</h1>",
    `<p class="lead">${report.groups.length} facts compared across ${report.sources.length} sources: <strong>${v.conflict} in conflict</strong>${ack ? ` (${ack} acknowledged)` : ""}, ${v.compatible} compatible, ${v.agree} agree, ${v["single-source"]} stated by one source only.</p>`,
    `<p class="tool">claimcheck ${html(version)} review page. claimcheck never declares a value true: it shows what most sources say and who stands apart.</p>`,
  ];
  if (report.summary.leftOut > 0) {
    lines.push(
      `<p class="notice">${report.summary.leftOut} fact${report.summary.leftOut === 1 ? " was" : "s were"} left out by the command's filters and are not on this page.</p>`,
    );
  }
  if (report.validationOnly) {
    const errors = report.summary.severities.error > 0;
    lines.push(
      `<p class="notice${errors ? " notice-error" : ""}"${errors ? ' role="alert"' : ""}><strong>${errors ? "Invalid input" : "Validation"}:</strong> ${html(validationLine(report) ?? "")}. The problems are listed under <a href="#notes">Notes on the files</a>.</p>`,
    );
  }
  if (report.partial) {
    lines.push(
      `<p class="notice notice-error" role="alert"><strong>Partial report:</strong> ${report.invalidFiles.length} file(s) could not be read: ${report.invalidFiles.map((f) => `<code>${html(f)}</code>`).join(", ")}.</p>`,
    );
  }
  lines.push("</header>");
  return lines.join("\n");
}

function nav(report: ReportResult, hasNotes: boolean, hasArticles: boolean): string {
  const v = report.summary.verdicts;
  const items: [string, string][] = [
    ["overview", "Overview"],
    ["conflicts", `Conflicts (${v.conflict})`],
    ["compatible", `Compatible (${v.compatible})`],
    ["rates", "Agreement by source"],
    ["agreements", `Agreements (${v.agree})`],
    ["single-source", `Single-source (${v["single-source"]})`],
  ];
  if (hasNotes) items.push(["notes", "Notes on the files"]);
  if (hasArticles) items.push(["sources", "The sources"]);
  return `<nav class="toc" aria-label="On this page"><ul>${items.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join("")}</ul></nav>`;
}

function filters(report: ReportResult): string {
  const v = report.summary.verdicts;
  const verdictBoxes = VERDICT_ORDER.map(
    (verdict) =>
      `<label class="check"><input type="checkbox" name="verdict" value="${verdict}" checked> <span aria-hidden="true">${VERDICT_ICON[verdict]}</span> ${VERDICT_WORD[verdict]} (${v[verdict]})</label>`,
  ).join("\n");
  // The source list is drawn by the script (there may be thousands), sorted by name, with a
  // search box. Hidden until the script runs: without it the filters could not work.
  return `<div class="filters" id="filters" hidden>
<h2 class="sr-only">Filters</h2>
<fieldset><legend>Show verdicts</legend>
${verdictBoxes}
</fieldset>
<fieldset class="source-filter"><legend>Show sources (${report.sources.length})</legend>
<div class="source-tools"><input type="search" id="source-search" placeholder="Find a source" aria-label="Find a source by name" aria-controls="source-list" autocomplete="off"> <button type="button" id="sources-all">All</button> <button type="button" id="sources-none">None</button></div>
<div class="source-list" id="source-list" role="group" aria-label="Sources" tabindex="-1"></div>
<p class="source-found" id="source-found" aria-live="polite"></p>
</fieldset>
<p class="filter-status" id="filter-status" role="status" aria-live="polite"></p>
</div>`;
}

// ---------------------------------------------------------------------------------------------
// Sections: their headings are here, their contents come from the data

function overview(report: ReportResult): string {
  const v = report.summary.verdicts;
  const totals = VERDICT_ORDER.map(
    (verdict) =>
      `<li class="total total-${verdict}"><span class="total-icon" aria-hidden="true">${VERDICT_ICON[verdict]}</span><span class="total-n">${v[verdict]}</span> <span class="total-label">${verdict === "conflict" ? "in conflict" : verdict === "single-source" ? "single-source" : VERDICT_WORD[verdict]}</span></li>`,
  ).join("\n");
  return `<section id="overview" aria-labelledby="overview-h">
<h2 id="overview-h">Overview</h2>
<ul class="totals" aria-label="Facts by verdict">
${totals}
</ul>
${report.summary.acknowledged ? `<p>${report.summary.acknowledged} of the conflicts were acknowledged by a reviewer.</p>` : ""}
</section>`;
}

function factSection(verdict: Verdict, id: string, title: string, count: number): string {
  const hint =
    verdict === "conflict"
      ? "Facts on which a source says something that cannot be true at the same time as what the majority says. Differences from the majority value are marked; each claim links to its evidence in the article."
      : "Values that differ but can both be true (a less precise date, an overlapping range, a hedged number).";
  const empty =
    count === 0
      ? `<p class="none">No ${verdict === "conflict" ? "conflicts" : "compatible values"}.</p>\n`
      : "";
  return `<section id="${id}" aria-labelledby="${id}-h" data-verdict-section="${verdict}">
<h2 id="${id}-h"><span aria-hidden="true">${VERDICT_ICON[verdict]}</span> ${title} <span class="count">(${count})</span></h2>
<p class="hint">${hint}</p>
${empty}<div class="fact-list" data-list="${verdict}"></div>
<p class="none filter-empty" hidden>No facts here match the filters.</p>
</section>`;
}

function ratesSection(report: ReportResult): string {
  return `<section id="rates" aria-labelledby="rates-h">
<h2 id="rates-h">Agreement by source</h2>
<p class="hint">Of the facts a source shares with at least one other source, how many agree with the majority.</p>
<div class="scroll" role="region" aria-labelledby="rates-h" tabindex="0">
<table class="rates">
<thead><tr><th scope="col">Source</th><th scope="col">Outlet</th><th scope="col">Shared facts</th><th scope="col">Agreeing</th><th scope="col">Rate</th></tr></thead>
<tbody data-list="rates"></tbody>
</table>
</div>
${matrix(report)}
</section>`;
}

function tableSection(verdict: Verdict, id: string, title: string, count: number): string {
  const hint =
    verdict === "agree"
      ? "Facts two or more sources state, all with the same value (written the same way or not)."
      : "Facts only one source states: nothing to compare them with.";
  if (count === 0) {
    return `<section id="${id}" aria-labelledby="${id}-h" data-verdict-section="${verdict}">
<h2 id="${id}-h"><span aria-hidden="true">${VERDICT_ICON[verdict]}</span> ${title} <span class="count">(0)</span></h2>
<p class="none">None.</p>
</section>`;
  }
  const sourceHead = verdict === "agree" ? "Sources" : "Source";
  return `<section id="${id}" aria-labelledby="${id}-h" data-verdict-section="${verdict}">
<h2 id="${id}-h"><span aria-hidden="true">${VERDICT_ICON[verdict]}</span> ${title} <span class="count">(${count})</span></h2>
<p class="hint">${hint}</p>
<details${verdict === "agree" ? " open" : ""}>
<summary>${summaryText(verdict, count)}</summary>
<div class="scroll" role="region" aria-labelledby="${id}-h" tabindex="0">
<table class="facts">
<thead><tr><th scope="col">Fact</th><th scope="col">Value</th><th scope="col">${sourceHead}</th><th scope="col">Evidence</th></tr></thead>
<tbody data-list="${verdict}"></tbody>
</table>
</div>
<p class="none filter-empty" hidden>No facts here match the filters.</p>
</details>
</section>`;
}

function summaryText(verdict: Verdict, n: number): string {
  if (verdict === "agree")
    return n === 1 ? "The fact the sources agree on" : `The ${n} facts the sources agree on`;
  return n === 1 ? "The single-source fact" : `All ${n} single-source facts`;
}

function heatClass(rate: number): string {
  return `heat heat-${Math.min(10, Math.max(0, Math.floor(rate * 10)))}`;
}

/** The source-by-source matrix: written here, since it is left out past 100 sources. */
function matrix(report: ReportResult): string {
  const m = report.matrix;
  if (!m || report.agreement.length < 2) {
    return report.agreement.length >= 2
      ? '<p class="hint">The source-by-source matrix is left out for this many sources.</p>'
      : "";
  }
  const names = report.agreement.map((a) => a.source);
  const head = names.map((n) => `<th scope="col">${html(n)}</th>`).join("");
  const rows = m.map((row, i) => {
    const cells = row.map((cell, j) => {
      if (i === j)
        return '<td class="heat heat-self"><span aria-hidden="true">—</span><span class="sr-only">same source</span></td>';
      if (cell.shared === 0)
        return '<td class="heat heat-none"><span aria-hidden="true">·</span><span class="sr-only">no shared facts</span></td>';
      const rate = cell.agreeing / cell.shared;
      const label = `${names[i]} and ${names[j]}: ${cell.agreeing} of ${cell.shared} shared facts agree`;
      return `<td class="${heatClass(rate)}" title="${html(label)}"><span class="cell-n">${cell.agreeing}/${cell.shared}</span><span class="cell-pct">${Math.round(rate * 100)}%</span></td>`;
    });
    return `<tr><th scope="row">${html(names[i] ?? "")}</th>${cells.join("")}</tr>`;
  });
  // The whole scale, 0–9 % … 100 %, each step named for screen readers and on hover.
  const scale = Array.from({ length: 11 }, (_, b) => {
    const range = b === 10 ? "100%" : `${b * 10}–${b * 10 + 9}%`;
    return `<span class="swatch heat heat-${b}" title="${range}"><span class="sr-only">${range}</span></span>`;
  }).join("");
  return `<h3 id="matrix-h">Source by source</h3>
<p class="hint" id="matrix-legend-text">Each cell: the facts both sources state on which they agree, out of all the facts both state (<strong>agreeing/shared</strong>), and that share as a percentage. The colour repeats the percentage: from red (few agree) through white to blue (all agree).</p>
<div class="scroll" role="region" aria-labelledby="matrix-h" tabindex="0">
<table class="matrix" aria-describedby="matrix-legend-text">
<thead><tr><th scope="col"><span class="sr-only">Source</span></th>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</div>
<ul class="legend" aria-label="Colour legend"><li class="legend-scale">0%${scale}100% agree</li><li><span class="swatch heat heat-self" aria-hidden="true">—</span>the source itself</li><li><span class="swatch heat heat-none" aria-hidden="true">·</span>no shared facts</li></ul>`;
}
