/**
 * The benchmark: `npm run bench` (not part of `npm test`). Every measurement runs in its own
 * process, several times, and the table shows medians; ratios are computed within this one run,
 * from measurements taken in turn (cold, table, floors; node -e 0 and the start-ups), so they
 * compare like with like even on a machine whose speed drifts.
 *
 *   node test/bench/run.mjs [--runs N] [--sizes 1000,10000,100000] [--huge] [--no-html]
 *
 * --huge adds the 1,000,000-claim corpus (about 600 MB of files; its cold report and js-yaml floor
 * are taken in turn, up to 3 times each, with their peak RSS). --no-html leaves out the review
 * page in Chromium (test/bench/html.mjs), which also runs without /usr/bin/chromium.
 * Besides the report: start-up, `fmt --check` at 10,000 claims against reading and parsing the
 * same files, and `coverage` (text and json) at the largest size up to 100,000 claims.
 */
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./generate.mjs";
import { measurePages } from "./html.mjs";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = join(REPO, "dist/claimcheck.js");
const WORK = join(REPO, ".bench");
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(opt("--runs", "5"));
const SIZES = opt("--sizes", "1000,10000,100000").split(",").map(Number);
if (args.includes("--huge")) SIZES.push(1_000_000);
const HAS_TIME = existsSync("/usr/bin/time");

const progress = (msg) => {
  if (process.stderr.isTTY) process.stderr.write(`\r\u001b[K${msg}`);
};

/**
 * Runs a command once; wall time in ms and peak RSS in MiB (from GNU time when present). The
 * command's output goes to a file, not a pipe: reading tens of megabytes from a pipe would make
 * this process compete with the measured one for the machine's cores.
 */
function measure(cmd, cmdArgs, { cwd = REPO, env = process.env } = {}) {
  const full = HAS_TIME ? ["/usr/bin/time", ["-f", "%M", cmd, ...cmdArgs]] : [cmd, cmdArgs];
  const outFile = join(WORK, "stdout.tmp");
  const out = openSync(outFile, "w");
  const start = process.hrtime.bigint();
  let r;
  try {
    r = spawnSync(full[0], full[1], { cwd, env, encoding: "utf8", stdio: ["ignore", out, "pipe"] });
  } finally {
    closeSync(out);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`${cmd} ${cmdArgs.join(" ")} failed (${r.status}): ${r.stderr.slice(-500)}`);
  // GNU time's last line is the peak RSS; it also reports a non-zero exit status, which for a
  // report with conflicts (exit 1) is expected.
  const lines = r.stderr
    .trim()
    .split("\n")
    .filter((l) => !l.startsWith("Command exited with non-zero status"));
  const rssKb = HAS_TIME ? Number(lines.pop()) : Number.NaN;
  return {
    ms,
    rssMiB: rssKb / 1024,
    stderr: lines.join("\n"),
    stdout: () => readFileSync(outFile, "utf8"),
    summary: () => reportSummary(outFile),
  };
}

/**
 * The summary of a JSON report in a file. At 1,000,000 claims the report is larger than the
 * longest string V8 makes (512 MiB), so it is read as bytes and only the summary object, which
 * comes after the long arrays, is parsed.
 */
function reportSummary(file) {
  const bytes = readFileSync(file);
  const start = bytes.lastIndexOf('"summary":{') + '"summary":'.length;
  if (start < '"summary":'.length) throw new Error(`no summary in ${file}`);
  let depth = 0;
  let inString = false;
  for (let i = start; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */) depth++;
    else if (c === 0x7d /* } */ && --depth === 0)
      return JSON.parse(bytes.subarray(start, i + 1).toString("utf8"));
  }
  throw new Error(`the summary in ${file} does not end`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function repeat(label, fn, runs = RUNS) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    progress(`${label} ${i + 1}/${runs}`);
    results.push(fn());
  }
  // Peak RSS of each run: the table shows the median of those peaks, and the largest.
  const rss = results.map((r) => r.rssMiB);
  return {
    ms: median(results.map((r) => r.ms)),
    rssMiB: median(rss),
    rssMaxMiB: Math.max(...rss),
    last: results[results.length - 1],
  };
}

/**
 * Several measurements taken in turn, round after round (a, b, c, a, b, c, ...), so that a
 * machine that slows down or speeds up during the benchmark moves them all alike and the ratios
 * between them hold. Each function gets the round's index.
 */
function interleave(label, fns, runs = RUNS) {
  const results = Object.fromEntries(Object.keys(fns).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of Object.entries(fns)) {
      progress(`${label}: ${name} ${i + 1}/${runs}`);
      results[name].push(fn(i));
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([name, rs]) => {
      const rss = rs.map((r) => r.rssMiB);
      return [
        name,
        {
          ms: median(rs.map((r) => r.ms)),
          rssMiB: median(rss),
          rssMaxMiB: Math.max(...rss),
          last: rs[rs.length - 1],
        },
      ];
    }),
  );
}

/** The floor: read every file of the corpus and parse the YAML ones, nothing else. */
const floorScript = (parser) => `
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
const parser = ${parser === "js-yaml" ? `(await import("js-yaml")).default; const parse = (t) => parser.load(t, { schema: parser.CORE_SCHEMA });` : `await import("yaml"); const parse = (t) => parser.parse(t, { version: "1.2", schema: "core" });`}
const dir = process.argv[1];
let n = 0;
for (const f of readdirSync(join(dir, "claims"))) { parse(readFileSync(join(dir, "claims", f), "utf8")); n++; }
for (const f of readdirSync(join(dir, "sources"))) { readFileSync(join(dir, "sources", f), "utf8"); n++; }
if (n === 0) process.exit(3);
`;

/** Reading and parsing the claims files alone (what `fmt` reads), with either parser. */
const claimsFloorScript = (parser) => `
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
${parser === "js-yaml" ? `const parser = (await import("js-yaml")).default; const parse = (t) => parser.load(t, { schema: parser.CORE_SCHEMA });` : `const parser = await import("yaml"); const parse = (t) => parser.parseDocument(t, { version: "1.2", schema: "core" });`}
const dir = join(process.argv[1], "claims");
for (const f of readdirSync(dir)) parse(readFileSync(join(dir, f), "utf8"));
`;

function corpus(size, hot = false) {
  const dir = join(WORK, `${hot ? "hot" : "corpus"}-${size}`);
  const stamp = join(dir, ".generated");
  if (!existsSync(stamp)) {
    progress(`generating ${hot ? "hot fact" : "corpus"} of ${size} claims`);
    const info = generate(size, dir, { hot });
    writeFileSync(stamp, JSON.stringify(info));
  }
  return dir;
}

const report = (dir, extra = []) => ["--root", dir, ...extra, "report", "--format", "json"];

async function main() {
  if (!existsSync(BIN)) throw new Error("build first: npm run build");
  mkdirSync(WORK, { recursive: true });
  const rows = [];
  const bySize = {};
  for (const size of SIZES) {
    const dir = corpus(size);
    const runs = size >= 1_000_000 ? Math.min(RUNS, 3) : RUNS;
    // The cold runs, in JSON and in the default table format (no colour: it goes to a file),
    // and the floors, taken in turn. The summary is read as soon as the last JSON run ends,
    // since every later measurement overwrites the output file.
    let summary;
    const floor = (parser) => () =>
      measure(process.execPath, ["--input-type=module", "-e", floorScript(parser), dir]);
    const measured = interleave(
      `${size} claims`,
      {
        cold: (round) => {
          const r = measure(process.execPath, [BIN, ...report(dir)]);
          if (round === runs - 1) summary = r.summary();
          return r;
        },
        ...(size < 1_000_000
          ? {
              table: () =>
                measure(process.execPath, [BIN, "--root", dir, "report", "--format", "table"]),
            }
          : {}),
        floorJs: floor("js-yaml"),
        ...(size <= 100_000 ? { floorYaml: floor("yaml") } : {}),
      },
      runs,
    );
    const { cold, table, floorJs, floorYaml } = measured;
    if (size >= 1_000_000) {
      // The huge corpus: the cold report and its floor only.
      bySize[size] = { cold, floorJs };
      rows.push([
        size.toLocaleString("en-US"),
        `${cold.ms.toFixed(0)} ms`,
        "—",
        "—",
        `${floorJs.ms.toFixed(0)} ms`,
        "—",
        "—",
        "—",
        `${cold.rssMiB.toFixed(0)} (max ${cold.rssMaxMiB.toFixed(0)}) MiB`,
        "—",
        String(summary.comparisons),
      ]);
      continue;
    }
    const cacheLocation = join(WORK, `cache-${size}.bin`);
    rmSync(cacheLocation, { force: true });
    measure(process.execPath, [BIN, ...report(dir, ["--cache-location", cacheLocation])]); // prime
    const warm = repeat(
      `warm report, ${size}`,
      () => measure(process.execPath, [BIN, ...report(dir, ["--cache-location", cacheLocation])]),
      runs,
    );
    // One claims file edited before each run (a comment added, different each time): the
    // per-file cache still serves the others, the report cache misses.
    const edited = join(dir, "claims", "article-1.yaml");
    const original = readFileSync(edited, "utf8");
    let edits = 0;
    let afterEdit;
    try {
      afterEdit = repeat(
        `warm after one edit, ${size}`,
        () => {
          writeFileSync(edited, `${original}# edit ${++edits}\n`);
          return measure(process.execPath, [
            BIN,
            ...report(dir, ["--cache-location", cacheLocation]),
          ]);
        },
        runs,
      );
    } finally {
      writeFileSync(edited, original);
    }
    // The first run with a cache: the full work, then both caches written.
    const prime = repeat(
      `first run with --cache, ${size}`,
      () => {
        rmSync(cacheLocation, { force: true });
        rmSync(`${cacheLocation}.report`, { force: true });
        return measure(process.execPath, [
          BIN,
          ...report(dir, ["--cache-location", cacheLocation]),
        ]);
      },
      runs,
    );
    bySize[size] = { cold, table, floorJs, floorYaml, warm, afterEdit, prime };
    rows.push([
      size.toLocaleString("en-US"),
      `${cold.ms.toFixed(0)} ms`,
      `${table.ms.toFixed(0)} ms`,
      `${warm.ms.toFixed(0)} ms`,
      `${floorJs.ms.toFixed(0)} ms`,
      floorYaml ? `${floorYaml.ms.toFixed(0)} ms` : "—",
      `${afterEdit.ms.toFixed(0)} ms`,
      `${prime.ms.toFixed(0)} ms`,
      `${cold.rssMiB.toFixed(0)} (max ${cold.rssMaxMiB.toFixed(0)}) MiB`,
      `${warm.rssMiB.toFixed(0)} (max ${warm.rssMaxMiB.toFixed(0)}) MiB`,
      String(summary.comparisons),
    ]);
  }

  // One fact stated by many sources in varied surface forms.
  const hot = {};
  for (const n of [1000, 10000]) {
    const dir = corpus(n, true);
    const r = repeat(
      `hot fact, ${n} sources`,
      () => measure(process.execPath, [BIN, ...report(dir)]),
      Math.min(RUNS, 3),
    );
    const summary = r.last.summary();
    hot[n] = { ms: r.ms, comparisons: summary.comparisons, rssMiB: r.rssMiB };
  }

  // fmt at 10,000 claims (or the nearest size), --check so that the files stay as they are,
  // against reading and parsing the same files with each parser, in turn.
  const fmtSize = SIZES.includes(10_000) ? 10_000 : Math.min(...SIZES);
  const fmtDir = corpus(fmtSize);
  const fmt = interleave(
    `fmt, ${fmtSize}`,
    {
      fmt: () => measure(process.execPath, [BIN, "--root", fmtDir, "fmt", "--check"]),
      parseYaml: () =>
        measure(process.execPath, ["--input-type=module", "-e", claimsFloorScript("yaml"), fmtDir]),
      parseJs: () =>
        measure(process.execPath, [
          "--input-type=module",
          "-e",
          claimsFloorScript("js-yaml"),
          fmtDir,
        ]),
    },
    RUNS,
  );
  // coverage at the largest size up to 100,000 claims: time and peak RSS, each format once.
  const coverageSize = Math.max(...SIZES.filter((n) => n <= 100_000));
  const coverageDir = corpus(coverageSize);
  const coverage = interleave(
    `coverage, ${coverageSize}`,
    {
      text: () => measure(process.execPath, [BIN, "--root", coverageDir, "coverage"]),
      json: () =>
        measure(process.execPath, [BIN, "--root", coverageDir, "coverage", "--format", "json"]),
    },
    1,
  );

  // Start-up: the bundled articles against an empty node, in turn. Each takes a few tenths of a
  // second and this machine's speed drifts, so they get six times the rounds of the rest.
  const startUp = interleave(
    "start-up",
    {
      nodeEmpty: () => measure(process.execPath, ["-e", "0"]),
      bundled: () => measure(process.execPath, [BIN, "report", "--format", "json"]),
      bundledTable: () => measure(process.execPath, [BIN, "report"]),
    },
    RUNS * 6,
  );
  const { nodeEmpty, bundled, bundledTable } = startUp;
  const bundledCache = join(WORK, "cache-bundled.bin");
  rmSync(bundledCache, { force: true });
  rmSync(`${bundledCache}.report`, { force: true });
  measure(process.execPath, [BIN, "--cache-location", bundledCache, "report", "--format", "json"]);
  const bundledWarm = repeat(
    "report on the bundled articles, --cache",
    () =>
      measure(process.execPath, [
        BIN,
        "--cache-location",
        bundledCache,
        "report",
        "--format",
        "json",
      ]),
    RUNS * 2,
  );
  // Where the time goes at the largest size: one run with the stage timings on.
  const largest = Math.max(...SIZES);
  progress(`stage timings, ${largest}`);
  const stages = measure(process.execPath, [BIN, ...report(corpus(largest))], {
    env: { ...process.env, CLAIMCHECK_TIMING: "1" },
  }).stderr;
  // The review page in Chromium, at 10,000 and 100,000 claims (those of the sizes run).
  const pageSizes = SIZES.filter((n) => n === 10_000 || n === 100_000);
  const pages =
    args.includes("--no-html") || pageSizes.length === 0
      ? { skipped: "--no-html" }
      : await measurePages(pageSizes, 3, progress);
  progress("");

  const big = bySize[100_000] ?? bySize[Math.max(...SIZES)];
  const largestPage = pages[100_000] ?? pages[10_000];
  const filterKeys = ["verdictOff", "verdictOn", "search", "only", "none", "all", "jump"];
  const ratios = [
    ["cold report / js-yaml floor (100k)", big.cold.ms / big.floorJs.ms, 1.5],
    [
      "cold report / yaml floor (100k)",
      big.floorYaml ? big.cold.ms / big.floorYaml.ms : Number.NaN,
      undefined,
    ],
    [
      "scaling: 100k / 10k",
      bySize[100_000] && bySize[10_000]
        ? bySize[100_000].cold.ms / bySize[10_000].cold.ms
        : Number.NaN,
      10.5,
    ],
    [
      "hot fact: comparisons 10k / 1k sources",
      hot[10000].comparisons / Math.max(1, hot[1000].comparisons),
      10,
    ],
    ["hot fact: time 10k / 1k sources", hot[10000].ms / hot[1000].ms, 10.5],
    ["start-up: bundled report / node -e 0", bundled.ms / nodeEmpty.ms, 2],
    ["start-up, table (the default) / node -e 0", bundledTable.ms / nodeEmpty.ms, 2],
    ["warm / cold (100k)", big.warm.ms / big.cold.ms, 0.25],
    ["start-up with --cache / node -e 0", bundledWarm.ms / nodeEmpty.ms, undefined],
    ["warm after one edit / cold (100k)", big.afterEdit.ms / big.cold.ms, undefined],
    ["first run with --cache / cold (100k)", big.prime.ms / big.cold.ms, undefined],
    [`fmt / yaml parse (${fmtSize / 1000}k)`, fmt.fmt.ms / fmt.parseYaml.ms, 2],
    [`fmt / js-yaml parse (${fmtSize / 1000}k)`, fmt.fmt.ms / fmt.parseJs.ms, undefined],
    ["coverage json / text peak RSS", coverage.json.rssMiB / coverage.text.rssMiB, undefined],
    [
      "page drawn, largest, seconds",
      largestPage ? largestPage.drawn / 1000 : Number.NaN,
      undefined,
    ],
    ["page loaded, largest, seconds", largestPage ? largestPage.loaded / 1000 : Number.NaN, 3],
    [
      "slowest filter (median), largest, seconds",
      largestPage ? Math.max(...filterKeys.map((k) => largestPage[k])) / 1000 : Number.NaN,
      0.1,
    ],
  ];

  const line = (cells, widths) => cells.map((c, i) => String(c).padEnd(widths[i])).join("  ");
  const head = [
    "claims",
    "cold",
    "cold table",
    "warm",
    "js-yaml floor",
    "yaml floor",
    "one edit",
    "first --cache",
    "cold peak RSS",
    "warm peak RSS",
    "comparisons",
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const out = [];
  out.push(
    `claimcheck benchmark — ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}; medians of ${RUNS} runs; load average at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(", ")}`,
  );
  out.push(
    "",
    line(head, widths),
    line(
      widths.map((w) => "-".repeat(w)),
      widths,
    ),
  );
  for (const r of rows) out.push(line(r, widths));
  out.push(
    "",
    `hot fact: 1,000 sources ${hot[1000].ms.toFixed(0)} ms / ${hot[1000].comparisons} comparisons; 10,000 sources ${hot[10000].ms.toFixed(0)} ms / ${hot[10000].comparisons} comparisons`,
  );
  out.push(
    `start-up (medians of ${RUNS * 6}): node -e 0 ${nodeEmpty.ms.toFixed(0)} ms; report on the bundled articles ${bundled.ms.toFixed(0)} ms (json), ${bundledTable.ms.toFixed(0)} ms (table), with a warm --cache ${bundledWarm.ms.toFixed(0)} ms`,
  );
  out.push(
    `fmt --check at ${fmtSize.toLocaleString("en-US")} claims ${fmt.fmt.ms.toFixed(0)} ms; reading and parsing its claims files: yaml ${fmt.parseYaml.ms.toFixed(0)} ms, js-yaml ${fmt.parseJs.ms.toFixed(0)} ms`,
    `coverage at ${coverageSize.toLocaleString("en-US")} claims: text ${coverage.text.ms.toFixed(0)} ms, ${coverage.text.rssMiB.toFixed(0)} MiB peak; json ${coverage.json.ms.toFixed(0)} ms, ${coverage.json.rssMiB.toFixed(0)} MiB peak`,
  );
  for (const [size, p] of Object.entries(pages)) {
    if (typeof p !== "object") {
      out.push(`review page: ${p}`);
      continue;
    }
    out.push(
      `review page, ${Number(size).toLocaleString("en-US")} claims (${p.megabytes.toFixed(1)} MB, medians of 3): first fact drawn ${p.drawn.toFixed(0)} ms, loaded ${p.loaded.toFixed(0)} ms; filters: ${filterKeys.map((k) => `${k} ${p[k].toFixed(0)}`).join(", ")} ms`,
    );
  }
  out.push(
    "",
    `stages of one cold run at ${largest.toLocaleString("en-US")} claims (CLAIMCHECK_TIMING=1):`,
  );
  out.push(
    ...stages
      .trimEnd()
      .split("\n")
      .map((l) => `  ${l}`),
  );
  out.push("", "ratio                                      measured  target");
  for (const [name, value, target] of ratios) {
    const verdict =
      target === undefined || Number.isNaN(value)
        ? ""
        : (name.startsWith("hot fact: comparisons") ? value <= target : value <= target)
          ? "ok"
          : "MISSED";
    out.push(
      `${name.padEnd(42)} ${Number.isNaN(value) ? "—".padStart(8) : value.toFixed(2).padStart(8)}  ${target === undefined ? "" : `≤ ${target}`} ${verdict}`,
    );
  }
  console.log(out.join("\n"));
  writeFileSync(
    join(WORK, "results.json"),
    JSON.stringify(
      {
        bySize,
        hot,
        nodeEmpty,
        bundled,
        bundledTable,
        bundledWarm,
        fmt,
        coverage,
        pages,
        stages,
        ratios,
        machine: { cpus: cpus().length, model: cpus()[0]?.model, load: loadavg() },
      },
      null,
      2,
    ),
  );
}

await main();
