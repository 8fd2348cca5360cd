/**
 * The html format at string level: hostile text escaped in the markup and carried intact in the
 * data the page's script draws from, the JSON unable to close its element, links only to ids on
 * the page, the CSP hashes right, the same bytes for the same input, the order of the sections,
 * and the structure a screen reader relies on.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { runReport } from "../../src/pipeline/report.js";
import { makeColors } from "../../src/report/colors.js";
import { escapeHtml } from "../../src/report/escape.js";
import type { Segment } from "../../src/report/formats/html/article.js";
import type { ArticleBody, PageData } from "../../src/report/formats/html/page-data.js";
import { pageModel } from "../../src/report/formats/html/page-data.js";
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

/** The page with the script elements' contents removed: what the HTML parser sees as markup. */
function markupOnly(page: string): string {
  return page.replace(/(<script[^>]*>)[\s\S]*?<\/script>/g, "$1</script>");
}

/** The raw text of each JSON data element, by id. */
function dataElements(page: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of page.matchAll(
    /<script type="application\/json" id="([^"]+)">([\s\S]*?)<\/script>/g,
  ))
    out.set(m[1]!, m[2]!);
  return out;
}

function pageData(page: string): { data: PageData; bodies: ArticleBody[] } {
  const elements = dataElements(page);
  const data = JSON.parse(elements.get("claimcheck-data")!) as PageData;
  const bodies = data.articles.map(
    (_, i) => JSON.parse(elements.get(`article-${i}`)!) as ArticleBody,
  );
  return { data, bodies };
}

function allStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) allStrings(v, out);
  else if (value && typeof value === "object")
    for (const v of Object.values(value)) allStrings(v, out);
  return out;
}

const textOf = (segments: Segment[]) =>
  segments.map((s) => (typeof s === "string" ? s : s[0])).join("");

describe("html format: hostile text from claims, vocabulary and articles", () => {
  let page: string;
  let data: PageData;
  let bodies: ArticleBody[];
  beforeAll(async () => {
    page = formatHtml(await reportOf(makeHostileProject()), ctx);
    ({ data, bodies } = pageData(page));
  });

  it("has one script of its own, data only in JSON elements, and no other active element", () => {
    const scripts = tags(page).filter((t) => t.name === "script");
    expect(scripts.filter((t) => t.attrs.length === 0)).toHaveLength(1);
    for (const t of scripts.filter((s) => s.attrs.length > 0))
      expect(t.attrs).toContainEqual(["type", "application/json"]);
    expect(page.match(/<\/script/gi)).toHaveLength(scripts.length);
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

  it.each(Object.entries(PLACES))(
    "carries the %s intact in the data, never as markup",
    (place, text) => {
      const strings = [...allStrings(data), ...bodies.map((b) => textOf(b.t))];
      expect(
        strings.some((s) => s.includes(text)),
        place,
      ).toBe(true);
      expect(markupOnly(page)).not.toContain(text);
    },
  );

  it("never lets a hostile string through unescaped", () => {
    const markup = markupOnly(page);
    for (const s of HOSTILE) {
      if (s.includes("<") || s.includes('"')) expect(markup).not.toContain(s);
    }
    // Where the markup does name a source, the name is escaped.
    expect(page).toContain(escapeHtml("Alpha"));
  });

  it("gives the differing parts of a hostile value, the majority's and this one's", () => {
    const fact = data.facts.find((f) => f.p === PLACES["property label"] && f.s.startsWith("Org"));
    const odd = fact?.vals.find((v) => v.r === "conflict");
    expect(odd?.x).toContainEqual([1, expect.stringContaining('"><img src=x onerror="')]);
    expect(odd?.x).toContainEqual([-1, expect.stringContaining("<script>")]);
  });

  it("writes data that cannot close its element and parses back intact", () => {
    for (const [id, raw] of dataElements(page)) expect(raw, id).not.toMatch(/[<>&]|##\[/);
    expect(bodies[0]!.c.map((c) => c[1])).toContain("a-org-name");
  });

  it("gives every #link a target: in the markup, or an evidence span of an article", () => {
    const ids = new Set(
      tags(page).flatMap((t) => t.attrs.filter(([n]) => n === "id").map(([, v]) => v)),
    );
    const hrefs = tags(page).flatMap((t) =>
      t.attrs.filter(([n]) => n === "href").map(([, v]) => v),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(ids.has(h.slice(1)), h).toBe(true);
    const spans = new Set(bodies.flatMap((b) => b.c.map((c) => c[0])));
    const links = data.facts.flatMap((f) =>
      f.vals.flatMap((v) => v.c.map((c) => (c[2] === 1 ? `ev-${c[0]}` : c[2]))),
    );
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) if (link !== 0) expect(spans.has(link), link).toBe(true);
    for (const id of spans) expect(id).toMatch(/^ev-[A-Za-z0-9_-]+$/);
  });
});

describe("html format on the bundled articles", () => {
  let report: ReportResult;
  let page: string;
  let data: PageData;
  let bodies: ArticleBody[];
  beforeAll(async () => {
    report = await reportOf(REPO);
    page = formatHtml(report, ctx);
    ({ data, bodies } = pageData(page));
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

  it("puts the conflicts first, then compatible values, then the agreement by source", () => {
    const at = (id: string) => page.indexOf(`<section id="${id}"`);
    expect(at("overview")).toBeGreaterThan(0);
    expect(at("overview")).toBeLessThan(at("conflicts"));
    expect(at("conflicts")).toBeLessThan(at("compatible"));
    expect(at("compatible")).toBeLessThan(at("rates"));
    expect(at("rates")).toBeLessThan(at("agreements"));
    expect(at("agreements")).toBeLessThan(at("single-source"));
    expect(at("single-source")).toBeLessThan(at("sources"));
  });

  it("has the Union / Commonwealth conflict, with the differing word and its evidence", () => {
    const i = data.facts.findIndex(
      (f) => f.s === "Commonwealth of Independent States" && f.p === "name",
    );
    const fact = data.facts[i]!;
    expect(fact.v).toBe(0); // conflict
    expect(fact.vals[0]!.d).toBe("Commonwealth of Independent States");
    const odd = fact.vals.find((v) => v.r === "conflict")!;
    expect(odd.x).toContainEqual([1, "Union"]);
    expect(odd.x).toContainEqual([-1, "Commonwealth"]);
    expect(odd.c.map((c) => [c[0], c[2]])).toContainEqual(["mtr-cis-name", 1]);
    // In MENAFN-Trend's article: the name's span starts with the acronym's, so it gets an anchor.
    const menafn = data.articles.findIndex((a) => data.sources[a.s]!.n === "MENAFN-Trend");
    const body = bodies[menafn]!;
    const claim = (id: string) => body.c.findIndex((c) => c[0] === id);
    const owned = body.t.find(
      (s) => typeof s !== "string" && s[2] === claim("ev-mtr-cis-acronym"),
    ) as Exclude<Segment, string>;
    expect(owned[1].map((k) => body.c[k]![2])).toContain(0);
    expect(
      body.t.some((s) => typeof s !== "string" && s[3].includes(claim("ev-mtr-cis-name"))),
    ).toBe(true);
  });

  it("marks every grounded evidence quote in the articles", () => {
    const spans = (report.articles ?? []).flatMap((a) => a.spans);
    expect(spans.length).toBeGreaterThan(50);
    let marked = 0;
    for (const body of bodies) {
      const used = new Set<number>();
      for (const s of body.t)
        if (typeof s !== "string") for (const k of [...s[1], ...s[3]]) used.add(k);
      expect(used.size).toBe(body.c.length);
      marked += body.c.length;
    }
    expect(marked).toBe(spans.length);
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

  it("leaves the sources out, and links none, when the report carries no articles", () => {
    const bare = formatHtml({ ...report, articles: undefined }, ctx);
    expect(bare).not.toContain('id="sources"');
    expect(bare).not.toContain('id="article-0"');
    const bareData = pageData(bare).data;
    expect(bareData.withArticles).toBe(false);
    expect(bareData.facts.flatMap((f) => f.vals.flatMap((v) => v.c.map((c) => c[2])))).toEqual(
      expect.arrayContaining([0]),
    );
    expect(bareData.facts.every((f) => f.vals.every((v) => v.c.every((c) => c[2] === 0)))).toBe(
      true,
    );
  });

  it("lists the sources by name, numbers in names by their value", () => {
    const names = ["S10", "S2", "s1", "Beta", "alpha", "S1"];
    const sources = names.map((shortName, i) => ({
      ...report.sources[0]!,
      shortName,
      claimsFile: `claims/${i}.yaml`,
    }));
    const { data: model } = pageModel({ ...report, sources, groups: [], articles: [] });
    expect(model.order.map((i) => model.sources[i]!.n)).toEqual([
      "alpha",
      "Beta",
      "S1",
      "s1",
      "S2",
      "S10",
    ]);
  });
});
