/**
 * The review page in a real browser: headless Chromium from Debian's `chromium` package, driven
 * by playwright-core, opening the page the real CLI wrote from file://. Skipped with a message
 * when /usr/bin/chromium is absent outside CI; in CI it must run (.ci/run installs chromium).
 * Saves screenshots under test/output/ (git-ignored) for reviewers.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, runCli } from "../helpers/project.js";

/** The bundled report's facts by verdict, as the page should count them. */
function counts(): { total: number; conflict: number; compatible: number; agree: number } {
  const report = JSON.parse(runCli(["report", "-f", "json"]).stdout) as {
    groups: unknown[];
    summary: { verdicts: { conflict: number; compatible: number; agree: number } };
  };
  return { total: report.groups.length, ...report.summary.verdicts };
}

import { CLOSE, COMMENT, IMG, JS_URL, makeHostileProject, SCRIPT } from "./hostile-project.js";

/** The bundled report's source names. */
function sourceNames(): string[] {
  const report = JSON.parse(runCli(["report", "-f", "json"]).stdout) as {
    sources: { shortName: string }[];
  };
  return report.sources.map((s) => s.shortName);
}

/** The page's order of sources: case aside, runs of digits by value, then the names themselves. */
function byName(a: string, b: string): number {
  const parts = (s: string) => s.toLowerCase().match(/\d+|\D+/g) ?? [];
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    const pn = /^\d/.test(p);
    const qn = /^\d/.test(q);
    if (pn && qn && Number(p) !== Number(q)) return Number(p) - Number(q);
    if (pn !== qn) return pn ? -1 : 1;
    if (!pn && p !== q) return p < q ? -1 : 1;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
const run = present || Boolean(process.env.CI);
if (!run) {
  console.warn(
    `skipping the browser test of the HTML report: ${CHROMIUM} not found. Install it with \`apt-get install chromium\` (Debian/Ubuntu); in CI (CI set) the test runs and fails without it.`,
  );
}

const OUTPUT = join(REPO, "test/output");
const VIEWPORT = { width: 1280, height: 900 };

/** Writes the html report of `root` with the real CLI and returns its path. */
function writeReport(root: string, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-html-"));
  const file = join(dir, name);
  const r = runCli(["report", "--root", root, "--format", "html", "--output", file]);
  // Both projects have conflicts: exit 1, and the page is written all the same.
  expect(r.stderr).toBe("");
  expect(r.code).toBe(1);
  expect(existsSync(file)).toBe(true);
  return file;
}

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

async function open(browser: Browser, file: string, viewport = VIEWPORT): Promise<Opened> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, errors, requests };
}

/** The element's box lies within the viewport (at least partly visible, top inside). */
async function inViewport(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const vp = page.viewportSize()!;
  return (
    box !== null && box.y >= 0 && box.y + Math.min(box.height, 10) <= vp.height && box.x < vp.width
  );
}

/**
 * Runs `body` in the page with `el` (or `els`) bound to the located element(s). The code is a
 * string because this project's TypeScript has no DOM types; Playwright sends its source.
 */
function onElement<T>(locator: Locator, body: string): Promise<T> {
  return locator.evaluate(new Function("el", body) as (el: unknown) => T);
}
function onElements<T>(locator: Locator, body: string): Promise<T> {
  return locator.evaluateAll(new Function("els", body) as (els: unknown[]) => T);
}

/**
 * Opens every collapsed section and scrolls through the whole page, so that every list the page
 * draws as it comes into view is drawn (in the sections the filters leave shown).
 */
async function drawAll(page: Page): Promise<void> {
  await page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })");
  for (let i = 0; i < 200; i++) {
    const left = (await page.evaluate(
      "(() => { const p = [...document.querySelectorAll('main .pending')].find((e) => e.getClientRects().length > 0); if (p) p.scrollIntoView(); return p !== undefined; })()",
    )) as boolean;
    if (!left) return;
    await page.waitForTimeout(50);
  }
  throw new Error("the page still has lists to draw");
}

/** The element's text as seen on screen: without the screen-reader-only labels. */
async function visibleText(locator: Locator): Promise<string> {
  return onElement<string>(
    locator,
    "const c = el.cloneNode(true); for (const n of c.querySelectorAll('.sr-only')) n.remove(); return c.textContent;",
  );
}

describe.skipIf(!run)("the HTML report in headless Chromium", { timeout: 30_000 }, () => {
  let browser: Browser;
  let bundled: string;
  let hostile: string;

  beforeAll(async () => {
    expect(existsSync(join(REPO, "dist/claimcheck.js")), "run `npm run build` first").toBe(true);
    mkdirSync(OUTPUT, { recursive: true });
    bundled = writeReport(REPO, "report.html");
    hostile = writeReport(makeHostileProject(), "hostile.html");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("opens from file:// with no console errors and no request but the file itself", async () => {
    const { page, errors, requests } = await open(browser, bundled);
    expect(await page.title()).toMatch(
      new RegExp(`^claimcheck report: ${counts().conflict} in conflict`),
    );
    // The script ran (it reveals the filters) under the page's own CSP: no violation reported.
    await expect.poll(() => page.locator("#filters").isVisible()).toBe(true);
    const { total } = counts();
    expect(await page.locator("#filter-status").textContent()).toBe(
      `Showing ${total} of ${total} facts.`,
    );
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith("file://"))).toBe(true);
    await page.screenshot({ path: join(OUTPUT, "report.png"), fullPage: true });
    await page.close();
  });

  it("shows the Union / Commonwealth conflict with the differing words highlighted", async () => {
    const { page } = await open(browser, bundled);
    const card = page.locator("article.fact", {
      has: page.locator("h3", { hasText: /^Commonwealth of Independent States — name$/ }),
    });
    await expect.poll(() => card.isVisible()).toBe(true);
    const majority = card.locator(".value-reference .value-text");
    expect(await majority.textContent()).toBe("Commonwealth of Independent States");
    const odd = card.locator(".value-conflict");
    expect(await visibleText(odd.locator(".value-text ins"))).toBe("Union");
    expect(await visibleText(odd.locator(".change del"))).toBe("Commonwealth");
    expect(await odd.locator(".value-text ins").textContent()).toBe("[only in this value: Union]");
    expect(await odd.locator(".said-by").textContent()).toContain("MENAFN-Trend");
    expect(await odd.locator("blockquote.evidence").textContent()).toBe(
      "Union of Independent States (CIS)",
    );
    // The highlight is visible: a background that is not the value box's own.
    const colours = await onElement<string[]>(
      odd.locator(".value-text ins"),
      "return [getComputedStyle(el).backgroundColor, getComputedStyle(el.closest('.value')).backgroundColor];",
    );
    expect(colours[0]).not.toBe(colours[1]);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, "report-conflict.png") });
    await page.close();
  });

  it("jumps from a claim in the conflict to its evidence span, marks it and shows the claim", async () => {
    const { page, errors } = await open(browser, bundled);
    const link = page.locator('a.claim-link[data-ev="ev-mtr-cis-name"]');
    // The article is not drawn until it is needed, or at least not in view.
    if ((await page.locator("#ev-mtr-cis-name").count()) > 0)
      expect(await inViewport(page, "#ev-mtr-cis-name")).toBe(false);
    await link.click();
    // The focused element is a mark covering the claim's quote, in view and marked active.
    const focused = (await page.evaluate(
      "[document.activeElement.tagName, document.activeElement.getAttribute('data-claims'), document.activeElement.className]",
    )) as string[];
    expect(focused[0]).toBe("MARK");
    expect(focused[1]!.split(" ")).toContain("ev-mtr-cis-name");
    expect(focused[2]).toContain("ev-active");
    expect(await inViewport(page, "mark.ev-active")).toBe(true);
    const active = await page.locator("mark.ev-active").allInnerTexts();
    expect(active.join("")).toBe("Union of Independent States (CIS)");
    const tip = page.locator("#claim-tip");
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain("mtr-cis-name (MENAFN-Trend)");
    await page.screenshot({ path: join(OUTPUT, "report-evidence.png") });
    // Back to the claim.
    await page.locator("#back-link").click();
    expect(await page.evaluate("document.activeElement.getAttribute('data-ev')")).toBe(
      "ev-mtr-cis-name",
    );
    expect(await inViewport(page, 'a.claim-link[data-ev="ev-mtr-cis-name"]')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("jumps from the keyboard too: Tab to a claim, Enter", async () => {
    const { page } = await open(browser, bundled);
    await page.locator('a.claim-link[data-ev="ev-u18-aliyev-name-llham"]').focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate("document.activeElement.getAttribute('data-claims')")).toContain(
      "ev-u18-aliyev-name-llham",
    );
    expect(await inViewport(page, "mark.ev-active")).toBe(true);
    await page.close();
  });

  it("follows an evidence link in the URL, and ignores a malformed one", async () => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${pathToFileURL(bundled).href}#ev-trd-cis-name`);
    expect(await page.evaluate("document.activeElement.getAttribute('data-claims')")).toContain(
      "ev-trd-cis-name",
    );
    expect(await inViewport(page, "mark.ev-active")).toBe(true);
    await page.goto(`${pathToFileURL(bundled).href}#ev-x"],<img src=x onerror=1>`);
    await page.reload();
    expect(await page.locator("mark.ev-active").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows the claim when the pointer rests on an evidence span", async () => {
    const { page } = await open(browser, bundled);
    await drawAll(page);
    const mark = page.locator('mark[data-claims~="ev-trd-election-date"]').first();
    await mark.scrollIntoViewIfNeeded();
    await mark.hover();
    const tip = page.locator("#claim-tip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain("2024-02-07");
    expect(await mark.getAttribute("title")).toBeNull(); // the script's tooltip replaced it
    await page.close();
  });

  it("filters by verdict and by source", async () => {
    const { page } = await open(browser, bundled);
    const agreements = page.locator("#agreements");
    expect(await agreements.isVisible()).toBe(true);
    await page.locator('input[name="verdict"][value="agree"]').uncheck();
    expect(await agreements.isVisible()).toBe(false);
    expect(await page.locator("#conflicts").isVisible()).toBe(true);
    const { total, agree, conflict, compatible } = counts();
    expect(await page.locator("#filter-status").textContent()).toBe(
      `Showing ${total - agree} of ${total} facts.`,
    );

    // Unattrib. 2018 alone stands behind one conflict (llham) and its single-source facts.
    const source = (await page
      .locator("label.check", { hasText: "Unattrib. 2018" })
      .locator("input")
      .getAttribute("value"))!;
    const llham = page.locator("article.fact", { hasText: "llham Aliyev" });
    const u18Only = page.locator(`#single-source tr[data-sources="${source}"]`);
    await drawAll(page);
    expect(await u18Only.count()).toBeGreaterThan(5);
    await page.locator(`input[name="source"][value="${source}"]`).uncheck();
    expect(await page.locator(`#source-${source}`).isVisible()).toBe(false);
    await drawAll(page);
    expect(await u18Only.count()).toBe(0);
    // The llham conflict is shared with other sources, so it stays.
    await llham.scrollIntoViewIfNeeded();
    expect(await llham.isVisible()).toBe(true);
    // Only conflicts: the single-source section goes too.
    await page.locator('input[name="verdict"][value="single-source"]').uncheck();
    expect(await page.locator("#single-source").isVisible()).toBe(false);
    expect(await page.locator("#filter-status").textContent()).toMatch(
      new RegExp(`^Showing ${conflict + compatible} of ${total} facts`),
    );
    // A jump to a filtered-out source's text brings that source back.
    await page.locator('a.claim-link[data-ev="ev-u18-aliyev-name-llham"]').click();
    expect(await page.locator(`#source-${source}`).isVisible()).toBe(true);
    expect(await page.locator(`input[name="source"][value="${source}"]`).isChecked()).toBe(true);
    // And back to the claim, though the conflicts were drawn again meanwhile.
    await page.locator("#back-link").click();
    expect(await page.evaluate("document.activeElement.getAttribute('data-ev')")).toBe(
      "ev-u18-aliyev-name-llham",
    );
    await page.close();
  });

  it("lists the sources by name, finds them, and shows only one, none or all", async () => {
    const { page, errors } = await open(browser, bundled);
    const names = () =>
      onElements<string[]>(
        page.locator("#source-list label.check"),
        "return els.map((e) => e.textContent.trim());",
      );
    const all = sourceNames();
    expect(all.length).toBeGreaterThan(2);
    await expect.poll(names).toEqual([...all].sort(byName));
    const term = "unattrib";
    const found = all.filter((n) => n.toLowerCase().includes(term)).sort(byName);
    expect(found.length).toBeGreaterThan(1);
    await page.locator("#source-search").fill(term);
    await expect.poll(names).toEqual(found);
    expect(await page.locator("#source-found").textContent()).toBe(
      `${found.length} of ${all.length} sources match`,
    );
    const { total } = counts();
    // Only one source: its facts, and the texts of the chosen sources.
    await page.getByRole("button", { name: "Show only Unattrib. 2018" }).click();
    const status = page.locator("#filter-status");
    const only = await status.textContent();
    expect(only).toMatch(/^Showing \d+ of \d+ facts and the texts of the chosen sources\.$/);
    expect(Number(/Showing (\d+)/.exec(only!)![1])).toBeLessThan(total);
    expect(await page.locator("#sources article.article").count()).toBeLessThanOrEqual(1);
    await page.locator("#sources-none").click();
    expect(await status.textContent()).toBe(
      `Showing 0 of ${total} facts and the texts of the chosen sources.`,
    );
    expect(await page.locator("article.fact").count()).toBe(0);
    await page.locator("#sources-all").click();
    expect(await status.textContent()).toBe(`Showing ${total} of ${total} facts.`);
    await page.locator("#source-search").fill("");
    await expect.poll(async () => (await names()).length).toBe(all.length);
    expect(await page.locator('#source-list input[name="source"]:checked').count()).toBe(
      all.length,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fits a narrow screen: no page-wide horizontal scroll, the matrix scrolls in its box", async () => {
    const { page, errors } = await open(browser, bundled, { width: 375, height: 740 });
    const widths = (await page.evaluate(
      "[document.documentElement.scrollWidth, document.documentElement.clientWidth]",
    )) as number[];
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    const matrixBox = await onElement<number[]>(
      page.locator("table.matrix"),
      "return [el.parentElement.scrollWidth, el.parentElement.clientWidth];",
    );
    expect(matrixBox[0]).toBeGreaterThan(matrixBox[1]!);
    await page.locator("#conflicts").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, "report-narrow.png") });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("renders hostile claims, vocabulary and article text as inert text", async () => {
    const { page, errors, requests } = await open(browser, hostile);
    await expect.poll(() => page.locator("#filters").isVisible()).toBe(true);
    await drawAll(page);
    // Hover and jump too, so the tooltip is built from the hostile data.
    await page.locator('mark[data-claims~="ev-a-org-name"]').first().hover();
    await page.locator('a.claim-link[data-ev="ev-b-org-name"]').click();
    expect(await page.evaluate("typeof window.__pwned")).toBe("undefined");
    expect(await page.locator("img, iframe, svg, object, embed").count()).toBe(0);
    // The page's own script, and data elements that never run.
    expect(await page.locator("script:not([type])").count()).toBe(1);
    expect(await page.locator('script:not([type="application/json"])').count()).toBe(1);
    const text = await page.locator("body").innerText();
    for (const s of [SCRIPT, IMG, JS_URL, CLOSE, COMMENT]) expect(text).toContain(s);
    expect(await page.locator("#claim-tip").textContent()).toContain(IMG);
    const tipTags = await onElements<string[]>(
      page.locator("#claim-tip *"),
      "return els.map((e) => e.tagName);",
    );
    expect(tipTags.length).toBeGreaterThan(0);
    expect(new Set(tipTags)).toEqual(new Set(["DIV", "SPAN"]));
    const hrefs = await onElements<string[]>(
      page.locator("[href]"),
      "return els.map((e) => e.getAttribute('href'));",
    );
    for (const h of hrefs) expect(h).toMatch(/^#[A-Za-z0-9_-]+$/);
    expect(errors).toEqual([]);
    expect(requests.every((u) => u.startsWith("file://"))).toBe(true);
    await page.screenshot({ path: join(OUTPUT, "report-hostile.png"), fullPage: true });
    await page.close();
  });

  it("draws a large report's facts and articles only as they come into view", async () => {
    const root = mkdtempSync(join(tmpdir(), "claimcheck-html-large-"));
    const made = spawnSync(process.execPath, ["test/bench/generate.mjs", "3000", root], {
      cwd: REPO,
      encoding: "utf8",
    });
    expect(made.status, made.stderr).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), "claimcheck-html-")), "large.html");
    const r = runCli(["report", "--root", root, "--format", "html", "--output", file]);
    expect(r.code).toBe(1);
    const { page, errors } = await open(browser, file);
    await expect.poll(() => page.locator("#conflicts article.fact").count()).toBeGreaterThan(0);
    const data = (await page.evaluate(
      "(() => { const d = JSON.parse(document.getElementById('claimcheck-data').textContent); return [d.facts.length, d.articles.length]; })()",
    )) as number[];
    const [facts, articles] = data as [number, number];
    expect(articles).toBeGreaterThan(100);
    const drawn = await page.locator("article.fact, tr[data-verdict]").count();
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(facts / 4);
    expect(await page.locator("#sources article.article").count()).toBeLessThan(articles / 10);
    expect(await page.locator("#source-list label.check").count()).toBeLessThan(articles);
    // The sources are listed by name with numbers by value: S0, S1, S2, … (not S0, S1, S10).
    const first = await onElements<string[]>(
      page.locator("#source-list label.check"),
      "return els.slice(0, 12).map((e) => e.textContent.trim());",
    );
    expect(first).toEqual(Array.from({ length: 12 }, (_, i) => `S${i}`));
    // A jump draws the article it needs.
    const link = page.locator("#conflicts a.claim-link").first();
    const target = (await link.getAttribute("data-ev"))!;
    await link.click();
    expect(await page.evaluate("document.activeElement.getAttribute('data-claims')")).toContain(
      target,
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("writes the same bytes on a second run", () => {
    expect(readFileSync(writeReport(REPO, "again.html"), "utf8")).toBe(
      readFileSync(bundled, "utf8"),
    );
  });
});
