/**
 * The review page's stylesheet, inlined in one `<style>` element (its hash goes in the page's
 * Content-Security-Policy, so it must stay a constant). No style attributes in the markup: the
 * heat map uses classes heat-0 … heat-10 for 0–9 %, 10–19 %, …, 100 %; the script sets only the
 * heights of the placeholders it draws lists into, and the tooltip's position.
 */
export const PAGE_STYLE = `
:root {
  color-scheme: light;
  --ink: #1c1f24; --muted: #59606b; --line: #d5d9e0; --panel: #f6f7f9; --page: #ffffff;
  --accent: #1a56db; --focus: #1a56db;
  --conflict: #b3261e; --conflict-bg: #fdecea; --compatible: #8a5a00; --compatible-bg: #fff4d6;
  --agree: #1e6b34; --agree-bg: #e6f4ea; --single: #4b5563; --single-bg: #eef0f3;
  --ins-bg: #ffd7a8; --ins-ink: #5c2a00; --del-bg: #e7e9ee;
  --ev-bg: #fff1a8; --ev-conflict-bg: #ffd1cc; --ev-active: #1a56db;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; scroll-padding-top: 1rem; }
body {
  margin: 0; background: var(--page); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
main, .page-header, .toc, .filters, footer { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 0; }
h1 { font-size: 1.9rem; margin-top: 1.75rem; }
h2 { font-size: 1.45rem; margin: 2.5rem 0 .5rem; padding-top: .75rem; border-top: 2px solid var(--ink); }
h3 { font-size: 1.12rem; margin: 1.5rem 0 .4rem; }
h4 { font-size: .82rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
p { margin: .4rem 0; }
code { font: .85em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: .5rem; top: -3rem; background: var(--ink); color: #fff; padding: .5rem .75rem; z-index: 10; }
.skip-link:focus { top: .5rem; }
.lead { font-size: 1.1rem; max-width: 48rem; }
.tool, .hint, .none { color: var(--muted); font-size: .92rem; }
.notice { background: var(--compatible-bg); border-left: 4px solid var(--compatible); padding: .5rem .75rem; }
.notice-error { background: var(--conflict-bg); border-left-color: var(--conflict); }
.count { color: var(--muted); font-weight: normal; }
.prop { color: var(--muted); font-weight: normal; }
.sep { color: var(--muted); }

.toc ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: .6rem 0; margin: 1rem 0 0; border-block: 1px solid var(--line); }
.toc a { text-decoration: none; font-weight: 600; }
.toc a:hover { text-decoration: underline; }

.filters { display: flex; flex-wrap: wrap; gap: .75rem 2rem; align-items: flex-start; padding-top: .75rem; padding-bottom: .75rem; }
.filters[hidden] { display: none; }
.filters fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .35rem .75rem .5rem; margin: 0; display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
.filters legend { font-weight: 600; font-size: .85rem; padding: 0 .25rem; }
.check { white-space: nowrap; font-size: .95rem; cursor: pointer; }
.check input { width: 1.05rem; height: 1.05rem; vertical-align: -2px; accent-color: var(--accent); }
.filter-status { flex-basis: 100%; margin: 0; color: var(--muted); font-size: .9rem; }
.source-filter { flex: 1 1 22rem; flex-direction: column; flex-wrap: nowrap !important; min-width: 0; }
.source-tools { display: flex; gap: .4rem; align-items: center; }
.source-tools input { flex: 1 1 auto; min-width: 0; font: inherit; font-size: .92rem; padding: .2rem .45rem; border: 1px solid var(--line); border-radius: 4px; }
.filters button, .more-button { font: inherit; font-size: .85rem; padding: .15rem .6rem; border: 1px solid var(--line); border-radius: 4px; background: var(--panel); color: var(--ink); cursor: pointer; }
.source-list { max-height: 10.5rem; overflow-y: auto; border: 1px solid var(--line); border-radius: 4px; padding: .15rem .5rem; }
.source-row { display: flex; justify-content: space-between; align-items: center; gap: .5rem; min-height: 28px; }
.source-row .check { overflow: hidden; text-overflow: ellipsis; }
.filters .source-row .only { font-size: .75rem; padding: 0 .45rem; color: var(--muted); }
.source-found { margin: 0; font-size: .85rem; color: var(--muted); }
.source-found:empty { display: none; }
.pending { visibility: hidden; }
tr.pending td { padding: 0; border: 0; }
.more { list-style: none; margin-top: .5rem; }

.totals { list-style: none; display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr)); gap: .75rem; padding: 0; margin: 1rem 0; }
.total { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: .6rem .9rem; display: flex; align-items: baseline; gap: .5rem; }
.total-icon { font-size: 1.3rem; font-weight: 700; }
.total-n { font-size: 1.8rem; font-weight: 700; }
.total-conflict { border-left-color: var(--conflict); background: var(--conflict-bg); }
.total-conflict .total-icon, .total-conflict .total-n { color: var(--conflict); }
.total-compatible { border-left-color: var(--compatible); background: var(--compatible-bg); }
.total-compatible .total-icon { color: var(--compatible); }
.total-agree { border-left-color: var(--agree); background: var(--agree-bg); }
.total-agree .total-icon { color: var(--agree); }
.total-single-source { border-left-color: var(--single); background: var(--single-bg); }

.scroll { overflow-x: auto; max-width: 100%; position: relative; }
table { border-collapse: collapse; font-size: .93rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.rate { white-space: nowrap; font-variant-numeric: tabular-nums; }
meter { width: 6rem; height: .9rem; vertical-align: middle; }

.matrix th, .matrix td { border: 1px solid #fff; }
.matrix thead th { border-bottom: 2px solid var(--ink); text-align: center; }
.matrix tbody th { white-space: nowrap; vertical-align: middle; border-bottom: 1px solid var(--line); position: sticky; left: 0; background: var(--page); z-index: 1; }
.matrix td { text-align: center; min-width: 5.5rem; padding: .45rem .5rem; font-variant-numeric: tabular-nums; }
.cell-n { display: block; font-weight: 700; font-size: 1.05rem; }
.cell-pct { display: block; font-size: .8rem; }
.heat-0 { background: #67001f; color: #fff; } .heat-1 { background: #b2182b; color: #fff; }
.heat-2 { background: #d6604d; color: #1c1f24; } .heat-3 { background: #f4a582; color: #1c1f24; }
.heat-4 { background: #fddbc7; color: #1c1f24; } .heat-5 { background: #f7f7f7; color: #1c1f24; }
.heat-6 { background: #d1e5f0; color: #1c1f24; } .heat-7 { background: #92c5de; color: #1c1f24; }
.heat-8 { background: #4393c3; color: #0b1a26; } .heat-9 { background: #2166ac; color: #fff; }
.heat-10 { background: #053061; color: #fff; }
.heat-self { background: #eceef1; color: var(--muted); }
.heat-none { background: #fafafa; color: var(--muted); }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem 1.1rem; padding: 0; margin: .6rem 0 0; font-size: .85rem; color: var(--muted); }
.legend li { display: flex; align-items: center; gap: .35rem; }
.legend-scale { gap: 0 !important; }
.legend-scale .swatch { border-radius: 0; border-width: 1px 0; width: 1.25rem; }
.legend-scale .swatch:first-of-type { margin-left: .4rem; border-left-width: 1px; border-radius: 3px 0 0 3px; }
.legend-scale .swatch:last-of-type { margin-right: .4rem; border-right-width: 1px; border-radius: 0 3px 3px 0; }
.swatch { display: inline-flex; align-items: center; justify-content: center; width: 1.4rem; height: 1.1rem; border: 1px solid var(--line); border-radius: 3px; font-size: .75rem; }

.badge { display: inline-block; font-size: .82rem; font-weight: 700; padding: .05rem .5rem; border-radius: 999px; border: 1px solid currentColor; }
.badge-conflict { color: var(--conflict); background: var(--conflict-bg); }
.badge-compatible { color: var(--compatible); background: var(--compatible-bg); }
.badge-agree { color: var(--agree); background: var(--agree-bg); }
.badge-single-source { color: var(--single); background: var(--single-bg); }
.badge-ack { color: var(--agree); background: var(--agree-bg); }
.tag { display: inline-block; font-size: .75rem; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 .35rem; }

.card { border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.1rem; margin: 1rem 0; background: #fff; box-shadow: 0 1px 2px rgba(0,0,0,.04); }
.fact[data-verdict="conflict"] { border-top: 4px solid var(--conflict); }
.fact[data-verdict="compatible"] { border-top: 4px solid var(--compatible); }
.card h3 { margin-top: 0; }
.meta { color: var(--muted); font-size: .9rem; }
.values { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 19rem), 1fr)); gap: .75rem; margin-top: .75rem; }
.value { border: 1px solid var(--line); border-radius: 6px; padding: .7rem .85rem; background: var(--panel); min-width: 0; }
.value-reference { background: var(--agree-bg); border-color: #b9dcc3; }
.value-reference .value-h { color: var(--agree); }
.value-conflict { background: var(--conflict-bg); border-color: #f1b7b1; }
.value-conflict .value-h { color: var(--conflict); }
.value-compatible, .value-variant { background: var(--compatible-bg); border-color: #ecd38f; }
.value-compatible .value-h, .value-variant .value-h { color: var(--compatible); }
.value-text { font-size: 1.15rem; font-weight: 600; overflow-wrap: anywhere; }
td .value-text { font-size: inherit; }
ins { text-decoration: underline 2px; text-underline-offset: 3px; background: var(--ins-bg); color: var(--ins-ink); padding: 0 .12em; border-radius: 3px; }
del { text-decoration: line-through 2px; background: var(--del-bg); color: var(--muted); padding: 0 .12em; border-radius: 3px; }
.change, .detail { font-size: .9rem; }
.change-label, .said-by-label { color: var(--muted); }
.said-by { font-size: .92rem; }
.source-name { font-weight: 600; }
.claims { list-style: none; padding: 0; margin: .6rem 0 0; }
.claim { border-top: 1px dashed var(--line); padding-top: .5rem; margin-top: .5rem; }
.claim-link { font-weight: 600; font-size: .9rem; text-decoration: none; border-bottom: 1px solid currentColor; overflow-wrap: anywhere; }
.claim-link:hover { border-bottom-width: 2px; }
.claim-source { font-size: .85rem; color: var(--muted); }
.evidence { margin: .35rem 0; padding: .1rem .7rem; border-left: 3px solid var(--line); font-style: italic; background: #fff; overflow-wrap: anywhere; }
.evidence p { margin: .25rem 0; }
.claim-note { font-size: .85rem; color: var(--muted); }
.loc { font-size: .8rem; color: var(--muted); margin: 0; }
.rule { font-size: .8rem; }
.fact-notes { list-style: none; padding: 0; margin: .75rem 0 0; font-size: .92rem; }
.file-notes { padding-left: 1.1rem; font-size: .92rem; }
.fact-note { font-size: .85rem; font-weight: normal; color: var(--muted); }
.sev { font-weight: 700; font-size: .8rem; text-transform: uppercase; }
.sev-error { color: var(--conflict); } .sev-warning { color: var(--compatible); } .sev-note { color: var(--muted); }

details { margin: .5rem 0 1rem; }
summary { cursor: pointer; font-weight: 600; padding: .4rem 0; }
.facts { width: 100%; min-width: 40rem; }
.facts th[scope="row"] { font-weight: 600; min-width: 12rem; }
.evidence-list { list-style: none; padding: 0; margin: 0; }
.evidence-list li { margin-bottom: .3rem; }
.evidence-list q { display: block; font-style: italic; color: var(--muted); font-size: .88rem; overflow-wrap: anywhere; }

.article { border-top: 1px solid var(--line); margin-top: 1.5rem; }
.article-title { font-weight: normal; }
.article-text { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 46rem; font: 1.02rem/1.7 Georgia, "Times New Roman", "DejaVu Serif", serif; background: var(--panel); border-radius: 6px; padding: .85rem 1.1rem; }
mark.ev { background: var(--ev-bg); color: inherit; padding: .05em 0; border-radius: 2px; scroll-margin: 5rem; }
mark.ev-conflict { background: var(--ev-conflict-bg); text-decoration: underline wavy var(--conflict) 1px; text-underline-offset: 4px; }
mark.ev-multi { background: #ffe27a; }
mark.ev-conflict.ev-multi { background: #ffb8ae; }
mark.ev-sample { padding: 0 .2em; }
.ev-anchor { scroll-margin: 5rem; }
mark.ev.ev-active, .ev-anchor.ev-active { outline: 3px solid var(--ev-active); outline-offset: 1px; background: #cfe0ff; }
mark.ev:focus { outline: 3px solid var(--ev-active); }

.tip { position: absolute; z-index: 20; max-width: min(26rem, calc(100vw - 1rem)); background: var(--ink); color: #fff; border-radius: 6px; padding: .5rem .7rem; font-size: .85rem; line-height: 1.4; box-shadow: 0 4px 14px rgba(0,0,0,.25); pointer-events: none; }
.tip[hidden] { display: none; }
.tip-claim + .tip-claim { border-top: 1px solid #555; margin-top: .4rem; padding-top: .4rem; }
.tip-fact { font-weight: 700; display: block; }
.tip-meta { color: #c9ced6; display: block; }
.back-link { position: fixed; right: 1rem; bottom: 1rem; z-index: 15; font: inherit; font-size: .9rem; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: 999px; padding: .55rem 1rem; cursor: pointer; box-shadow: 0 3px 10px rgba(0,0,0,.2); }
.back-link[hidden] { display: none; }
.back-link:focus-visible { outline-color: var(--ink); }

footer { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); margin-top: 3rem; padding-top: .75rem; padding-bottom: 2rem; }
[hidden] { display: none !important; }

@media (max-width: 40rem) {
  body { font-size: 15px; }
  main, .page-header, .toc, .filters, footer { padding: 0 .75rem; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.25rem; }
  .card { padding: .75rem; }
  .article-text { padding: .6rem .7rem; }
}
@media (prefers-reduced-motion: no-preference) {
  mark.ev { transition: background-color .2s; }
}
@media print {
  .filters, .toc, .back-link, .skip-link { display: none !important; }
  details > * { display: block; }
}
`;
