/**
 * The review page: the report as one self-contained HTML file (inline CSS, one inline script, no
 * network). Overview (totals, agreement rates, the source-by-source heat map), then the conflicts
 * with their values side by side and the differing words marked, then compatible values,
 * agreements and single-source facts, then each article's text with every evidence span marked.
 *
 * Every string from claims and sources goes through `html()` (escapeHtml); the data the script
 * needs travels as JSON in a `<script type="application/json">` element with `<` escaped; links
 * are only `#…` anchors to ids this module builds. A Content-Security-Policy with the hashes of
 * the one style and the one script blocks anything else. Same report in, same bytes out.
 */
import { createHash } from "node:crypto";
import { describeKind } from "../../compare/group-findings.js";
import type { ClaimRef, GroupResult, ValueCluster, Verdict } from "../../compare/result.js";
import type { DiffPart, Finding } from "../../findings/finding.js";
import { DATELINE_KEY } from "../../ground/ground-project.js";
import type { ArticleText, ReportResult } from "../report-result.js";
import { validationLine } from "./common.js";
import { renderArticleText, type SpanClaim } from "./html/article.js";
import { PAGE_SCRIPT } from "./html/script.js";
import { PAGE_STYLE } from "./html/style.js";
import { html, IdMaker, jsonForScript } from "./html/text.js";
import type { Formatter } from "./types.js";

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
const VERDICT_ORDER: readonly Verdict[] = ["conflict", "compatible", "agree", "single-source"];

/** What the page script gets for each claim with an evidence span: the tooltip's content. */
interface ClaimData {
  id: string;
  source: string;
  fact?: string;
  value?: string;
  verdict?: Verdict;
  label?: string;
}

/** Everything the sections share: ids for sources, facts and evidence spans. */
interface Page {
  report: ReportResult;
  /** Source short name → `s0`, `s1`, … in the order of report.sources. */
  sourceIds: Map<string, string>;
  /** `claimsFile\nclaimId` → `ev-…` for claims whose evidence was found in an article. */
  evidenceIds: IdMaker;
  /** Group key → `fact-…`. */
  factIds: IdMaker;
  /** Findings about a group beyond its verdict (a source contradicting itself, a quote that
   *  does not show its value), by group key. */
  groupNotes: Map<string, Finding[]>;
}

export const formatHtml: Formatter = (report, ctx) => {
  const page: Page = {
    report,
    sourceIds: new Map(report.sources.map((s, i) => [s.shortName, `s${i}`])),
    evidenceIds: new IdMaker("ev-"),
    factIds: new IdMaker("fact-"),
    groupNotes: new Map(),
  };
  for (const f of report.findings) {
    if (!f.group || f.ruleId === "conflict" || f.ruleId === "single-source") continue;
    const notes = page.groupNotes.get(f.group);
    if (notes) notes.push(f);
    else page.groupNotes.set(f.group, [f]);
  }
  const articles = report.articles ?? [];
  // Evidence ids first, in article order, so that they do not depend on the groups' order.
  for (const a of articles) {
    for (const s of a.spans) {
      const name = s.claimId === DATELINE_KEY ? `dateline-${a.shortName}` : s.claimId;
      page.evidenceIds.id(claimKey(a.claimsFile, s.claimId), name);
    }
  }
  for (const [i, g] of report.groups.entries()) page.factIds.id(g.key, String(i + 1));

  const claimData = collectClaimData(page, articles);
  const script = PAGE_SCRIPT;
  const style = PAGE_STYLE;
  const csp = [
    "default-src 'none'",
    `script-src '${sha256(script)}'`,
    `style-src '${sha256(style)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const v = report.summary.verdicts;
  const title = `claimcheck report: ${v.conflict} in conflict, ${report.groups.length} facts, ${report.sources.length} sources`;

  const body = [
    header(page, ctx.version),
    nav(page, articles.length > 0),
    filters(page),
    '<main id="main">',
    overview(page),
    groupSection(page, "conflict", "conflicts", "Conflicts"),
    groupSection(page, "compatible", "compatible", "Compatible values"),
    collapsedSection(page, "agree", "agreements", "Agreements"),
    collapsedSection(page, "single-source", "single-source", "Single-source facts"),
    fileNotes(page),
    sourcesSection(page, articles, claimData),
    "</main>",
    `<footer><p>Made by claimcheck ${html(ctx.version)}. Same claims and sources, same page: nothing here depends on the time or the machine.</p></footer>`,
    '<button type="button" id="back-link" class="back-link" hidden></button>',
    `<script type="application/json" id="claimcheck-data">${jsonForScript({ claims: Object.fromEntries(claimData) })}</script>`,
    `<script>${script}</script>`,
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="claimcheck ${html(ctx.version)}">
<title>${html(title)}</title>
<style>${style}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to the report</a>
${body.filter((s) => s !== "").join("\n")}
</body>
</html>
`;
};

function sha256(text: string): string {
  return `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}`;
}

function claimKey(claimsFile: string, claimId: string): string {
  return `${claimsFile}\n${claimId}`;
}

function factLabel(g: GroupResult): string {
  return `${g.subjectLabel} — ${g.propertyLabel}${g.asOf ? ` (as of ${g.asOf})` : ""}`;
}

function verdictBadge(verdict: Verdict): string {
  return `<span class="badge badge-${verdict}"><span aria-hidden="true">${VERDICT_ICON[verdict]}</span> ${VERDICT_WORD[verdict]}</span>`;
}

function sourcesAttr(page: Page, sources: readonly string[]): string {
  const ids = [
    ...new Set(sources.map((s) => page.sourceIds.get(s)).filter((s) => s !== undefined)),
  ];
  return ids.join(" ");
}

function groupSources(g: GroupResult): string[] {
  return [...new Set(g.values.flatMap((v) => v.sources))].sort();
}

// ---------------------------------------------------------------------------------------------
// Header, navigation, filters

function header(page: Page, version: string): string {
  const { report } = page;
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

function nav(page: Page, hasArticles: boolean): string {
  const v = page.report.summary.verdicts;
  const items: [string, string][] = [
    ["overview", "Overview"],
    ["conflicts", `Conflicts (${v.conflict})`],
    ["compatible", `Compatible (${v.compatible})`],
    ["agreements", `Agreements (${v.agree})`],
    ["single-source", `Single-source (${v["single-source"]})`],
  ];
  if (fileFindings(page.report).length > 0) items.push(["notes", "Notes on the files"]);
  if (hasArticles) items.push(["sources", "The sources"]);
  return `<nav class="toc" aria-label="On this page"><ul>${items.map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`).join("")}</ul></nav>`;
}

function filters(page: Page): string {
  const { report } = page;
  const v = report.summary.verdicts;
  const verdictBoxes = VERDICT_ORDER.map(
    (verdict) =>
      `<label class="check"><input type="checkbox" name="verdict" value="${verdict}" checked> <span aria-hidden="true">${VERDICT_ICON[verdict]}</span> ${VERDICT_WORD[verdict]} (${v[verdict]})</label>`,
  ).join("\n");
  const sourceBoxes = report.sources
    .map(
      (s) =>
        `<label class="check"><input type="checkbox" name="source" value="${page.sourceIds.get(s.shortName)}" checked> ${html(s.shortName)}</label>`,
    )
    .join("\n");
  // Hidden until the script runs: without it the filters could not work.
  return `<div class="filters" id="filters" hidden>
<h2 class="sr-only">Filters</h2>
<fieldset><legend>Show verdicts</legend>
${verdictBoxes}
</fieldset>
<fieldset><legend>Show sources</legend>
${sourceBoxes}
</fieldset>
<p class="filter-status" id="filter-status" role="status" aria-live="polite"></p>
</div>`;
}

// ---------------------------------------------------------------------------------------------
// Overview: totals, agreement by source, the matrix

function overview(page: Page): string {
  const { report } = page;
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
${agreementTable(page)}
${matrix(page)}
</section>`;
}

function agreementTable(page: Page): string {
  const rows = page.report.agreement.map((a) => {
    const rate = a.rate === null ? "—" : `${Math.round(a.rate * 100)}%`;
    const meter =
      a.rate === null
        ? ""
        : `<meter min="0" max="1" low="0.5" high="0.9" optimum="1" value="${a.rate.toFixed(4)}" aria-hidden="true"></meter> `;
    return `<tr><th scope="row">${html(a.source)}</th><td>${html(a.outlet)}</td><td class="num">${a.shared}</td><td class="num">${a.agreeing}</td><td class="rate">${meter}${rate}</td></tr>`;
  });
  return `<h3 id="rates-h">Agreement by source</h3>
<p class="hint">Of the facts a source shares with at least one other source, how many agree with the majority.</p>
<div class="scroll" role="region" aria-labelledby="rates-h" tabindex="0">
<table class="rates">
<thead><tr><th scope="col">Source</th><th scope="col">Outlet</th><th scope="col">Shared facts</th><th scope="col">Agreeing</th><th scope="col">Rate</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>
</div>`;
}

function heatClass(rate: number): string {
  return `heat heat-${Math.min(10, Math.max(0, Math.floor(rate * 10)))}`;
}

function matrix(page: Page): string {
  const { report } = page;
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

// ---------------------------------------------------------------------------------------------
// Conflicts and compatible values: one card per fact, the values side by side

function groupSection(page: Page, verdict: Verdict, id: string, title: string): string {
  const groups = page.report.groups.filter((g) => g.verdict === verdict);
  const cards = groups.map((g) => groupCard(page, g));
  const empty =
    groups.length === 0
      ? `<p class="none">No ${verdict === "conflict" ? "conflicts" : "compatible values"}.</p>`
      : "";
  return `<section id="${id}" aria-labelledby="${id}-h" data-verdict-section="${verdict}">
<h2 id="${id}-h"><span aria-hidden="true">${VERDICT_ICON[verdict]}</span> ${title} <span class="count">(${groups.length})</span></h2>
${verdict === "conflict" ? '<p class="hint">Facts on which a source says something that cannot be true at the same time as what the majority says. Differences from the majority value are marked; each claim links to its evidence in the article.</p>' : '<p class="hint">Values that differ but can both be true (a less precise date, an overlapping range, a hedged number).</p>'}
${empty}${cards.join("\n")}
<p class="none filter-empty" hidden>No facts here match the filters.</p>
</section>`;
}

function groupCard(page: Page, g: GroupResult): string {
  const id = page.factIds.get(g.key)!;
  const sources = groupSources(g);
  const notes = page.groupNotes.get(g.key) ?? [];
  const meta = [
    verdictBadge(g.verdict),
    g.kind ? `<span>${html(describeKind(g.kind))}</span>` : "",
    `<span>${g.sourceCount} source${g.sourceCount === 1 ? "" : "s"}</span>`,
    g.standApart.length > 0
      ? `<span>standing apart: <strong>${g.standApart.map(html).join(", ")}</strong></span>`
      : "",
    g.tie ? "<span>a tie: no value has a majority</span>" : "",
    g.selfContradicting.length > 0
      ? `<span>contradicts itself: <strong>${g.selfContradicting.map(html).join(", ")}</strong></span>`
      : "",
    g.acknowledged ? '<span class="badge badge-ack">acknowledged by a reviewer</span>' : "",
  ].filter((s) => s !== "");
  const values = g.values.map((v, i) => valueColumn(page, g, v, i === 0));
  return `<article class="fact card" id="${id}" aria-labelledby="${id}-h" data-verdict="${g.verdict}" data-sources="${sourcesAttr(page, sources)}">
<h3 id="${id}-h">${html(g.subjectLabel)} <span class="prop">— ${html(g.propertyLabel)}${g.asOf ? ` (as of ${html(g.asOf)})` : ""}</span></h3>
<p class="meta">${meta.join('<span class="sep" aria-hidden="true"> · </span>')}</p>
<div class="values">
${values.join("\n")}
</div>
${notes.length > 0 ? `<ul class="fact-notes">${notes.map((f) => `<li>${severityLabel(f)} ${html(f.message)}</li>`).join("")}</ul>` : ""}
</article>`;
}

function relationHeading(g: GroupResult, v: ValueCluster, isReference: boolean): string {
  if (isReference) {
    return g.tie
      ? '<span aria-hidden="true">=</span> One of the tied values'
      : '<span aria-hidden="true">✓</span> Majority value';
  }
  const against = g.tie ? "the first value" : "the majority";
  switch (v.relation) {
    case "conflict":
      return `<span aria-hidden="true">✗</span> Conflicts with ${against}`;
    case "agree":
      return `<span aria-hidden="true">✓</span> Agrees with ${against}`;
    default:
      return `<span aria-hidden="true">≈</span> ${v.relation === "variant" ? "A variant of" : "Compatible with"} ${against}`;
  }
}

function valueColumn(page: Page, g: GroupResult, v: ValueCluster, isReference: boolean): string {
  const relation = isReference ? "reference" : v.relation;
  const parts = !isReference && v.relation !== "agree" ? (v.charDiff ?? v.wordDiff) : undefined;
  const shown = parts ? valueWithInsertions(parts) : html(v.display);
  const change = parts?.some((p) => p.op === -1)
    ? `<p class="change"><span class="change-label">Against the ${g.tie ? "first" : "majority"} value:</span> ${inlineDiff(parts)}</p>`
    : "";
  const detail = !isReference && v.detail ? `<p class="detail">${html(v.detail)}</p>` : "";
  const n = v.sources.length;
  return `<section class="value value-${relation}">
<h4 class="value-h">${relationHeading(g, v, isReference)}</h4>
<p class="value-text">${shown}</p>
${change}${detail}<p class="said-by"><span class="said-by-label">Said by ${n} source${n === 1 ? "" : "s"}:</span> ${v.sources.map((s) => `<span class="source-name">${html(s)}</span>${yearTag(v, s)}`).join(", ")}</p>
${formsLine(v)}
<ul class="claims">
${v.claims.map((c) => claimItem(page, c)).join("\n")}
</ul>
</section>`;
}

/** The tag for a source whose own text does not give the date's year, or "". */
function yearTag(v: ValueCluster, source: string): string {
  const from = v.claims.find((c) => c.source === source && c.yearSource)?.yearSource;
  if (!from) return "";
  return ` <span class="tag">year from ${from === "annotator" ? "the annotator" : "the publication date"}</span>`;
}

/** How each source writes a value merged from several forms, or "". */
function formsLine(v: ValueCluster): string {
  if (!v.forms) return "";
  const forms = v.forms.map((f) => `<q>${html(f.text)}</q> (${f.sources.map(html).join(", ")})`);
  return `<p class="forms">Written as ${forms.join("; ")}</p>`;
}

/** The value as it reads, with the parts the majority value does not have marked. */
function valueWithInsertions(parts: readonly DiffPart[]): string {
  return parts
    .filter((p) => p.op !== -1)
    .map((p) =>
      p.op === 0
        ? html(p.text)
        : `<ins><span class="sr-only">[only in this value: </span>${html(p.text)}<span class="sr-only">]</span></ins>`,
    )
    .join("");
}

/** The majority value turned into this one: removed parts struck through, added parts marked. */
function inlineDiff(parts: readonly DiffPart[]): string {
  return parts
    .map((p) =>
      p.op === 0
        ? html(p.text)
        : p.op === -1
          ? `<del><span class="sr-only">[majority has: </span>${html(p.text)}<span class="sr-only">]</span></del>`
          : `<ins><span class="sr-only">[this value has: </span>${html(p.text)}<span class="sr-only">]</span></ins>`,
    )
    .join("");
}

function claimItem(page: Page, c: ClaimRef): string {
  const evId = page.evidenceIds.get(claimKey(c.claimsFile, c.claimId));
  const link = evId
    ? `<a class="claim-link" href="#${evId}" data-ev="${evId}"><span aria-hidden="true">↧</span> ${html(c.claimId)}<span class="sr-only">: show the evidence in ${html(c.source)}'s text</span></a>`
    : `<span class="claim-id">${html(c.claimId)}</span>${page.report.articles ? ' <span class="hint">(evidence not found in the article)</span>' : ""}`;
  const year = c.yearSource
    ? ` <span class="tag">year from ${c.yearSource === "annotator" ? "the annotator" : "the publication date"}</span>`
    : "";
  const note = c.note ? `<p class="claim-note">Annotator's note: ${html(c.note)}</p>` : "";
  return `<li class="claim">${link} <span class="claim-source">${html(c.source)}</span>${year}
<blockquote class="evidence"><p>${html(c.evidence)}</p></blockquote>
${note}<p class="loc"><code>${html(`${c.claimsFile}:${c.line}:${c.column}`)}</code></p></li>`;
}

// ---------------------------------------------------------------------------------------------
// Agreements and single-source facts: tables in collapsible sections

function collapsedSection(page: Page, verdict: Verdict, id: string, title: string): string {
  const groups = page.report.groups.filter((g) => g.verdict === verdict);
  const hint =
    verdict === "agree"
      ? "Facts two or more sources state, all with the same value (written the same way or not)."
      : "Facts only one source states: nothing to compare them with.";
  if (groups.length === 0) {
    return `<section id="${id}" aria-labelledby="${id}-h" data-verdict-section="${verdict}">
<h2 id="${id}-h"><span aria-hidden="true">${VERDICT_ICON[verdict]}</span> ${title} <span class="count">(0)</span></h2>
<p class="none">None.</p>
</section>`;
  }
  const rows = groups.map((g) => tableRow(page, g));
  const sourceHead = verdict === "agree" ? "Sources" : "Source";
  return `<section id="${id}" aria-labelledby="${id}-h" data-verdict-section="${verdict}">
<h2 id="${id}-h"><span aria-hidden="true">${VERDICT_ICON[verdict]}</span> ${title} <span class="count">(${groups.length})</span></h2>
<p class="hint">${hint}</p>
<details${verdict === "agree" ? " open" : ""}>
<summary>${summaryText(verdict, groups.length)}</summary>
<div class="scroll" role="region" aria-labelledby="${id}-h" tabindex="0">
<table class="facts">
<thead><tr><th scope="col">Fact</th><th scope="col">Value</th><th scope="col">${sourceHead}</th><th scope="col">Evidence</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
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

function tableRow(page: Page, g: GroupResult): string {
  const id = page.factIds.get(g.key)!;
  const sources = groupSources(g);
  const values = g.values
    .map((v) => {
      const undated = v.sources.filter((s) => yearTag(v, s) !== "");
      const tag =
        undated.length > 0
          ? ` <span class="tag">year not in the text of ${undated.map(html).join(", ")}</span>`
          : "";
      return `<span class="value-text">${html(v.display)}</span>${tag}${formsLine(v)}`;
    })
    .join("<br>");
  const notes = page.groupNotes.get(g.key) ?? [];
  const evidence = g.values
    .flatMap((v) => v.claims)
    .map((c) => {
      const evId = page.evidenceIds.get(claimKey(c.claimsFile, c.claimId));
      const link = evId
        ? `<a class="claim-link" href="#${evId}" data-ev="${evId}"><span aria-hidden="true">↧</span> ${html(c.claimId)}<span class="sr-only">: show the evidence in ${html(c.source)}'s text</span></a>`
        : `<span class="claim-id">${html(c.claimId)}</span>`;
      return `<li>${link}<q>${html(c.evidence)}</q></li>`;
    })
    .join("");
  return `<tr id="${id}" data-verdict="${g.verdict}" data-sources="${sourcesAttr(page, sources)}"><th scope="row">${html(g.subjectLabel)} <span class="prop">— ${html(g.propertyLabel)}${g.asOf ? ` (as of ${html(g.asOf)})` : ""}</span>${notes.map((f) => `<p class="fact-note">${severityLabel(f)} ${html(f.message)}</p>`).join("")}</th><td>${values}</td><td>${sources.map(html).join(", ")}</td><td><ul class="evidence-list">${evidence}</ul></td></tr>`;
}

// ---------------------------------------------------------------------------------------------
// Notes on single files, and the articles with their evidence marked

function fileFindings(report: ReportResult): Finding[] {
  return report.findings.filter((f) => !f.group);
}

function severityLabel(f: Finding): string {
  const icon = f.severity === "error" ? "✗" : f.severity === "warning" ? "!" : "ℹ";
  return `<span class="sev sev-${f.severity}"><span aria-hidden="true">${icon}</span> ${f.severity}</span>`;
}

function fileNotes(page: Page): string {
  const findings = fileFindings(page.report);
  if (findings.length === 0) return "";
  const items = findings.map(
    (f) =>
      `<li>${severityLabel(f)} ${html(f.message)} <span class="loc"><code>${html(`${f.location.file}:${f.location.line}:${f.location.column}`)}</code> <span class="rule">${html(f.ruleId)}</span></span></li>`,
  );
  return `<section id="notes" aria-labelledby="notes-h">
<h2 id="notes-h">Notes on the files</h2>
<ul class="file-notes">
${items.join("\n")}
</ul>
</section>`;
}

function collectClaimData(page: Page, articles: readonly ArticleText[]): Map<string, ClaimData> {
  const byKey = new Map<string, ClaimData>();
  for (const g of page.report.groups) {
    for (const v of g.values) {
      for (const c of v.claims) {
        byKey.set(claimKey(c.claimsFile, c.claimId), {
          id: c.claimId,
          source: c.source,
          fact: factLabel(g),
          value: v.display,
          verdict: g.verdict,
          label: `${VERDICT_ICON[g.verdict]} ${VERDICT_WORD[g.verdict]}`,
        });
      }
    }
  }
  const data = new Map<string, ClaimData>();
  for (const a of articles) {
    for (const s of a.spans) {
      const key = claimKey(a.claimsFile, s.claimId);
      const htmlId = page.evidenceIds.get(key)!;
      if (data.has(htmlId)) continue;
      const known = byKey.get(key);
      if (known) data.set(htmlId, known);
      else if (s.claimId === DATELINE_KEY)
        data.set(htmlId, { id: "dateline", source: a.shortName, fact: "The article's dateline" });
      else data.set(htmlId, { id: s.claimId, source: a.shortName });
    }
  }
  return data;
}

function tooltipText(c: ClaimData): string {
  return c.fact
    ? `${c.fact}: ${c.value}\n${c.label} · ${c.id} (${c.source})`
    : `${c.id} (${c.source})`;
}

function sourcesSection(
  page: Page,
  articles: readonly ArticleText[],
  claimData: ReadonlyMap<string, ClaimData>,
): string {
  if (articles.length === 0) return "";
  const info = new Map(page.report.sources.map((s) => [s.claimsFile, s]));
  const parts = articles.map((a) => {
    const s = info.get(a.claimsFile);
    const srcId = page.sourceIds.get(a.shortName) ?? "";
    const claimFor = (claimId: string): SpanClaim => {
      const htmlId = page.evidenceIds.get(claimKey(a.claimsFile, claimId))!;
      const c = claimData.get(htmlId) ?? { id: claimId, source: a.shortName };
      return { htmlId, title: tooltipText(c), verdict: c.verdict };
    };
    const meta = [
      s ? html(s.outlet) : "",
      s ? `published <time datetime="${html(s.published)}">${html(s.published)}</time>` : "",
      `<code>${html(a.sourcePath)}</code>`,
      `claims in <code>${html(a.claimsFile)}</code>`,
      `${a.spans.length} evidence span${a.spans.length === 1 ? "" : "s"} marked`,
    ].filter((x) => x !== "");
    return `<article class="article" id="source-${srcId}" data-source="${srcId}" aria-labelledby="source-${srcId}-h">
<h3 id="source-${srcId}-h">${html(a.shortName)}${s ? `: <span class="article-title">${html(s.title)}</span>${s.titleFromFileName ? ' <span class="hint">(title from the file name)</span>' : ""}` : ""}</h3>
<p class="meta">${meta.join('<span class="sep" aria-hidden="true"> · </span>')}</p>
<div class="article-text">${renderArticleText(a, claimFor)}</div>
</article>`;
  });
  return `<section id="sources" aria-labelledby="sources-h">
<h2 id="sources-h">The sources</h2>
<p class="hint">Each article as claimcheck read it, with every evidence quote <mark class="ev ev-sample">marked</mark>; quotes behind a conflict are <mark class="ev ev-conflict ev-sample">marked and underlined</mark>. Hover over or focus a marked quote to see its claim.</p>
${parts.join("\n")}
</section>`;
}
