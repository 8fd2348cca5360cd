/**
 * The html format at string level: hostile text escaped wherever data appears, the JSON for the
 * script unable to close its element, links only to ids on the page, the CSP hashes right, the
 * same bytes for the same input, and the structure a screen reader relies on.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/pipeline/report.js";
import { makeColors } from "../../src/report/colors.js";
import { escapeHtml } from "../../src/report/escape.js";
import { PAGE_SCRIPT } from "../../src/report/formats/html/script.js";
import { PAGE_STYLE } from "../../src/report/formats/html/style.js";
import { formatHtml } from "../../src/report/formats/html.js";
import type { ReportResult } from "../../src/report/report-result.js";
import { REPO } from "../helpers/project.js";
import { HOSTILE, makeHostileProject, PLACES } from "./hostile-project.js";

const ctx = { colors: makeColors(false), width: 100, token: "t", version: "0.0.0-test" };

async function reportOf(root: string): Promise<ReportResult> {
  return (await runReport({ root }, { includeArticles: true })).report();
}

/** Every start tag in the page, with its attributes. */
function tags(page: string): { name: string; attrs: [string, string][] }[] {
  const out: { name: string; attrs: [string, string][] }[] = [];
  for (const m of page.matchAll(
    /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g,
  )) {
    const attrs = [...m[2]!.matchAll(/\s+([^\s=>]+)(?:="([^"]*)")?/g)].map(
      (a) => [a[1]!.toLowerCase(), a[2] ?? ""] as [string, string],
    );
    out.push({ name: m[1]!.toLowerCase(), attrs });
  }
  return out;
}

/** The page with the two script elements' contents removed: what the HTML parser sees as markup. */
function markupOnly(page: string): string {
  return page.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, "$1</script>");
}

function jsonData(page: string): { claims: Record<string, Record<string, string>> } {
  const m = /<script type="application\/json" id="claimcheck-data">([\s\S]*?)<\/script>/.exec(page);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!);
}

describe("html format: hostile text from claims, vocabulary and articles", () => {
  let page: string;
  beforeAll(async () => {
    page = formatHtml(await reportOf(makeHostileProject()), ctx);
  });

  it("has exactly the page's own two script elements and no other active element", () => {
    expect(page.match(/<script\b/gi)).toHaveLength(2);
    expect(page.match(/<\/script/gi)).toHaveLength(2);
    const names = new Set(tags(markupOnly(page)).map((t) => t.name));
    for (const bad of ["img", "iframe", "object", "embed", "svg", "form", "base", "link"]) {
      expect(names.has(bad), `<${bad}> in the page`).toBe(false);
    }
    expect(markupOnly(page)).not.toContain("<!--");
  });

  it("has no event-handler attributes and no link other than #anchors", () => {
    for (const t of tags(markupOnly(page))) {
      for (const [name, value] of t.attrs) {
        expect(name.startsWith("on"), `<${t.name} ${name}>`).toBe(false);
        if (name === "href") expect(value).toMatch(/^#[A-Za-z0-9_-]+$/);
        for (const url of ["src", "srcset", "action", "formaction", "xlink:href", "poster", "data"])
          expect(name, `<${t.name} ${name}="${value}">`).not.toBe(url);
      }
    }
  });

  it.each(Object.entries(PLACES))("shows the %s as escaped text", (_place, text) => {
    expect(page).toContain(escapeHtml(text));
  });

  it("never lets a hostile string through unescaped", () => {
    const markup = markupOnly(page);
    for (const s of HOSTILE) {
      if (s.includes("<") || s.includes('"')) expect(markup).not.toContain(s);
    }
  });

  it("marks the differing parts of a hostile value with ins and del, escaped inside", () => {
    expect(page).toContain(
      `<ins><span class="sr-only">[only in this value: </span>${escapeHtml('"><img src=x onerror="')}`,
    );
    expect(page).toMatch(/<del><span class="sr-only">\[majority has: <\/span>&lt;script&gt;/);
  });

  it("passes data to the script as JSON that cannot close its element and parses back intact", () => {
    const raw = /id="claimcheck-data">([\s\S]*?)<\/script>/.exec(page)![1]!;
    expect(raw).not.toMatch(/[<>&]/);
    const data = jsonData(page);
    expect(data.claims["ev-a-org-name"]).toMatchObject({
      id: "a-org-name",
      value: HOSTILE[0],
      fact: `${PLACES["entity name"]} — ${PLACES["property label"]}`,
      verdict: "conflict",
    });
  });

  it("gives every #link a target on the page", () => {
    const ids = new Set(
      tags(page).flatMap((t) => t.attrs.filter(([n]) => n === "id").map(([, v]) => v)),
    );
    const hrefs = tags(page).flatMap((t) =>
      t.attrs.filter(([n]) => n === "href").map(([, v]) => v),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(ids.has(h.slice(1)), h).toBe(true);
    const all = tags(page).flatMap((t) => t.attrs.filter(([n]) => n === "id").map(([, v]) => v));
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("html format on the bundled articles", () => {
  let report: ReportResult;
  let page: string;
  beforeAll(async () => {
    report = await reportOf(REPO);
    page = formatHtml(report, ctx);
  });

  it("is the same bytes every time, whatever the order the report was built in", async () => {
    expect(formatHtml(report, ctx)).toBe(page);
    expect(formatHtml(await reportOf(REPO), ctx)).toBe(page);
  });

  it("allows only its own style and script through the Content-Security-Policy", () => {
    const hash = (s: string) => `sha256-${createHash("sha256").update(s).digest("base64")}`;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page)?.[1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src '${hash(PAGE_SCRIPT)}'`);
    expect(csp).toContain(`style-src '${hash(PAGE_STYLE)}'`);
    expect(page).toContain(`<script>${PAGE_SCRIPT}</script>`);
    expect(page).toContain(`<style>${PAGE_STYLE}</style>`);
    expect(page).not.toMatch(/ style="/);
    expect(page).not.toMatch(/https?:\/\//);
  });

  it("shows the Union / Commonwealth conflict first, with the differing word marked", () => {
    const conflicts = page.slice(page.indexOf('id="conflicts"'), page.indexOf('id="compatible"'));
    expect(conflicts.indexOf("Commonwealth of Independent States <span")).toBeGreaterThan(0);
    expect(conflicts).toContain(
      '<ins><span class="sr-only">[only in this value: </span>Union<span class="sr-only">]</span></ins> of Independent States',
    );
    expect(conflicts).toContain('<del><span class="sr-only">[majority has: </span>Commonwealth');
    expect(conflicts).toContain('href="#ev-mtr-cis-name"');
    expect(page).toMatch(/<mark class="ev ev-conflict[^"]*" id="ev-mtr-cis-acronym"/);
    expect(page).toContain('<span class="ev-anchor" id="ev-mtr-cis-name"');
  });

  it("marks every grounded evidence quote in the articles", () => {
    const spans = (report.articles ?? []).flatMap((a) => a.spans);
    expect(spans.length).toBeGreaterThan(50);
    const marked = new Set(
      [...page.matchAll(/data-claims="([^"]*)"/g)].flatMap((m) => m[1]!.split(" ")),
    );
    for (const s of spans) {
      const id = s.claimId === "#dateline" ? "ev-dateline-" : `ev-${s.claimId}`;
      expect(
        [...marked].some((m) => m === id || m.startsWith(id)),
        id,
      ).toBe(true);
    }
    expect(marked.size).toBe(spans.length);
  });

  it("has a heading hierarchy without gaps and header cells with a scope", () => {
    const levels = [...page.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    const ths = tags(page).filter((t) => t.name === "th");
    expect(ths.length).toBeGreaterThan(20);
    for (const th of ths) expect(th.attrs.map(([n]) => n)).toContain("scope");
  });

  it("draws the matrix with the number in each cell and a text legend", () => {
    const matrix = page.slice(
      page.indexOf('<table class="matrix"'),
      page.indexOf("</table>", page.indexOf('<table class="matrix"')),
    );
    expect(matrix).toContain(
      // (Azernews contradicts itself on the election's status, which MENAFN-Trend states too.)
      '<td class="heat heat-5" title="Azernews and MENAFN-Trend: 4 of 7 shared facts agree"><span class="cell-n">4/7</span><span class="cell-pct">57%</span></td>',
    );
    expect(page).toContain("from red (few agree) through white to blue (all agree)");
  });

  it("puts agreements and single-source facts in collapsible sections", () => {
    const { agree, "single-source": single } = report.summary.verdicts;
    expect(page).toMatch(
      new RegExp(
        `<section id="agreements"[\\s\\S]*?<details open>\\n<summary>The ${agree} facts the sources agree on</summary>`,
      ),
    );
    expect(page).toMatch(
      new RegExp(
        `<section id="single-source"[\\s\\S]*?<details>\\n<summary>All ${single} single-source facts</summary>`,
      ),
    );
  });

  it("leaves the sources out, and links none, when the report carries no articles", async () => {
    const bare = formatHtml({ ...report, articles: undefined }, ctx);
    expect(bare).not.toContain('id="sources"');
    expect(bare).not.toContain('href="#ev-');
    expect(bare).toContain('<span class="claim-id">mtr-cis-name</span>');
    expect(bare).not.toContain("evidence not found");
  });
});
