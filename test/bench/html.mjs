/**
 * The review page in a browser: how long the html report of each corpus takes to open in
 * headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core), and how long the page
 * takes to answer each filter. Not part of `npm test`; run.mjs runs it after the command-line
 * measurements, or alone:
 *
 *   node test/bench/html.mjs [--runs N] [--sizes 10000,100000]
 *
 * Times are the page's own clock (performance.now(), from the start of navigation):
 *  - drawn: the first fact card is in the page (a MutationObserver the harness adds first);
 *  - loaded: the load event has ended (the whole file read, every article's data parsed as text);
 *  - each filter: from the click (or the typed search) until two frames later, when the lists
 *    have been drawn again and the visible part filled; each on a page left 300 ms to settle.
 * Medians of N page loads (3 by default); each load in a fresh page.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generate } from "./generate.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(REPO, "dist/claimcheck.js");
const WORK = join(REPO, ".bench");
const CHROMIUM = "/usr/bin/chromium";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Waits two frames in the page after `action` and returns the milliseconds it all took. */
const TIMED = `async (action) => {
  const start = performance.now();
  await action();
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - start;
}`;

export async function measurePages(sizes, runs, progress = () => {}) {
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not found` };
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const results = {};
  try {
    for (const size of sizes) {
      const dir = join(WORK, `corpus-${size}`);
      if (!existsSync(join(dir, ".generated"))) {
        progress(`generating corpus of ${size} claims`);
        writeFileSync(join(dir, ".generated"), JSON.stringify(generate(size, dir)));
      }
      const file = join(WORK, `report-${size}.html`);
      progress(`html report of ${size} claims`);
      const made = spawnSync(
        process.execPath,
        [BIN, "--root", dir, "report", "--format", "html", "--output", `html=${file}`],
        { encoding: "utf8" },
      );
      if (made.status !== 0 && made.status !== 1) throw new Error(`report failed: ${made.stderr}`);
      const rows = [];
      for (let i = 0; i < runs; i++) {
        progress(`page of ${size} claims, ${i + 1}/${runs}`);
        rows.push(await onePage(browser, file));
      }
      const keys = Object.keys(rows[0]);
      results[size] = {
        megabytes: statSync(file).size / 1e6,
        ...Object.fromEntries(keys.map((k) => [k, median(rows.map((r) => r[k]))])),
        max: Object.fromEntries(keys.map((k) => [k, Math.max(...rows.map((r) => r[k]))])),
      };
    }
  } finally {
    await browser.close();
  }
  return results;
}

async function onePage(browser, file) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // Before the page's own script: note when the first fact card appears.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector("article.fact, #agreements tr[data-verdict]")) {
        window.__drawn = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout: 120_000 });
  await page.waitForFunction("window.__drawn !== undefined", null, { timeout: 60_000 });
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0];
    return { drawn: window.__drawn, loaded: n.loadEventEnd };
  });
  // Each action on a page that has finished drawing what the one before it asked for.
  const timed = async (body) => {
    await page.waitForTimeout(300);
    return page.evaluate(`(${TIMED})(async () => { ${body} })`);
  };
  const row = {
    drawn: nav.drawn,
    loaded: nav.loaded,
    verdictOff: await timed(
      `document.querySelector('input[name="verdict"][value="agree"]').click();`,
    ),
    verdictOn: await timed(
      `document.querySelector('input[name="verdict"][value="agree"]').click();`,
    ),
    search: await timed(
      `const s = document.getElementById("source-search"); s.value = "S12"; s.dispatchEvent(new Event("input", { bubbles: true }));`,
    ),
    only: await timed(`document.querySelector("#source-list button.only").click();`),
    none: await timed(`document.getElementById("sources-none").click();`),
    all: await timed(`document.getElementById("sources-all").click();`),
    jump: await timed(`document.querySelector("#conflicts a.claim-link").click();`),
  };
  if (errors.length > 0) throw new Error(`errors in the page: ${errors.join("; ")}`);
  await page.close();
  return row;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const sizes = opt("--sizes", "10000,100000").split(",").map(Number);
  const runs = Number(opt("--runs", "3"));
  mkdirSync(WORK, { recursive: true });
  const progress = (m) => process.stderr.isTTY && process.stderr.write(`\r\u001b[K${m}`);
  const results = await measurePages(sizes, runs, progress);
  progress("");
  console.log(JSON.stringify(results, null, 2));
}
