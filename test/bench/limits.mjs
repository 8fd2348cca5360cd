// The cost of each case at the limits the README's Reliability section lists: generates each
// case under .bench/limits/ and runs the built CLI on it, each run in its own process, printing
// the median time and peak RSS. `npm run build` first; `node test/bench/limits.mjs --runs 3`
// (`--only TEXT` runs the cases whose label holds TEXT).
// Peak RSS comes from GNU time (/usr/bin/time), which must be installed.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");
const bin = join(repo, "dist/claimcheck.js");
const out = join(repo, ".bench/limits");
const runsAt = process.argv.indexOf("--runs");
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 3;
// `--only TEXT`: the cases whose label holds TEXT.
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;

const HEADER = "source: sources/a.txt\noutlet: T\nshort_name: T\npublished: 2024-02-06\ntitle: T\n";

/** A project under .bench/limits/NAME with the bundled vocabulary and the given files. */
function project(name, files) {
  const root = join(out, name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, "claims"), { recursive: true });
  mkdirSync(join(root, "sources"), { recursive: true });
  cpSync(join(repo, "claims/vocabulary.yaml"), join(root, "claims/vocabulary.yaml"));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
  return root;
}

/** Deterministic letters and spaces, different for each seed. */
function words(length, seed, alphabet = "abcdefgh ") {
  let x = seed;
  let s = "";
  while (s.length < length) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += alphabet[x % alphabet.length];
  }
  return s.trim();
}

function claimsOf(n, claim) {
  return `${HEADER}claims:\n${Array.from({ length: n }, (_, i) => claim(i)).join("\n")}\n`;
}

function names(count) {
  const files = {};
  for (let i = 0; i < count; i++) {
    const name = `Ilham Aliyev ${words(9980, i + 1)}`;
    files[`sources/${i}.txt`] = `President ${name} said.\n`;
    files[`claims/${i}.yaml`] =
      `${HEADER.replace("sources/a.txt", `sources/${i}.txt`).replace("short_name: T", `short_name: S${i}`)}claims:\n  - {id: s${i}, subject: ilham_aliyev, property: name, value: "${name}", evidence: "${name}"}\n`;
  }
  return files;
}

function datedLines(n) {
  const months = ["January", "March", "May", "July", "September", "November"];
  const lines = Array.from(
    { length: n },
    (_, i) =>
      `Session ${i} met on ${months[i % 6]} ${1 + (i % 28)}, ${1990 + (i % 30)} with ${i + 3} delegates.`,
  );
  return {
    "sources/a.txt": `T\n\n${lines.join("\n")}\n`,
    "claims/a.yaml": `${HEADER}claims: []\n`,
  };
}

function paragraphs(n) {
  const texts = ["2024-02-06_azernews_bayramov-receives-cis-secretary-general.txt"]
    .concat(
      "2018-04-12_unattributed_aliyev-receives-sco-secretary-general.txt 2024-02-05_trend_prosecutor-general-meets-cis-observers.txt 2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.txt 2024-02-08_unattributed_aliyev-receives-cis-secretary-general.txt".split(
        " ",
      ),
    )
    .flatMap((f) => readFileSync(join(repo, "sources", f), "utf8").split(/\n\s*\n/))
    .filter((p) => p.length > 80);
  const out = [];
  for (let i = 0; i < n; i++)
    out.push(texts[i % texts.length].replace(/\d+/g, (d) => String(+d + i)));
  return {
    "sources/a.txt": `T\n\n${out.join("\n\n")}\n`,
    "claims/a.yaml": `${HEADER}claims: []\n`,
  };
}

const cases = [
  [
    "1,000,000 lines 'ab', 40 claims quoting 'ab': validate",
    "quote",
    () => ({
      "sources/a.txt": "ab\n".repeat(1_000_000),
      "claims/a.yaml": claimsOf(
        40,
        (i) => `  - {id: c${i}, subject: cis, property: name, value: ab, evidence: ab}`,
      ),
    }),
    ["validate"],
  ],
  ["the same: report -f sarif", "quote", undefined, ["report", "-f", "sarif"]],
  [
    "200,000 unknown keys, no header: validate",
    "keys",
    () => ({
      "sources/a.txt": "x\n",
      "claims/a.yaml": Array.from({ length: 200_000 }, (_, i) => `k${i}: ${i}\n`).join(""),
    }),
    ["validate"],
  ],
  [
    "200,000 unknown keys after a header: validate",
    "keys-header",
    () => ({
      "sources/a.txt": "x\n",
      "claims/a.yaml": `${HEADER}claims: []\n${Array.from({ length: 200_000 }, (_, i) => `k${i}: ${i}\n`).join("")}`,
    }),
    ["validate"],
  ],
  [
    "6,000,000 '[': validate",
    "brackets",
    () => ({
      "sources/a.txt": "x\n",
      "claims/a.yaml": `value: ${"[".repeat(6_000_000)}\n`,
    }),
    ["validate"],
  ],
  ["the same: fmt", "brackets", undefined, ["fmt", "claims/a.yaml"]],
  [
    "3,000,000 '- ' on one line: validate",
    "dashes",
    () => ({
      "sources/a.txt": "x\n",
      "claims/a.yaml": `${"- ".repeat(3_000_000)}x\n`,
    }),
    ["validate"],
  ],
  [
    "20 names of about 10,000 characters: report -f json",
    "names-20",
    () => names(20),
    ["report", "-f", "json"],
  ],
  [
    "100 names of about 10,000 characters: report -f json",
    "names-100",
    () => names(100),
    ["report", "-f", "json"],
  ],
  [
    "8.7 MB article, 1,600 quotes not found: validate",
    "near-miss",
    () => ({
      "sources/a.txt": words(8_700_000, 3, "abcdefghijklmnopqrstuvwxyz     "),
      "claims/a.yaml": claimsOf(
        1600,
        (i) =>
          `  - {id: c${i}, subject: cis, property: name, value: ab, evidence: "${words(40, i + 10, "abcdefghijklmnopqrstuvwxyz     ")}"}`,
      ),
    }),
    ["validate"],
  ],
  [
    "200,000 numbers past 2^53: validate",
    "numbers",
    () => ({
      "sources/a.txt": "x\n",
      "claims/a.yaml": `${HEADER}claims: []\n${Array.from({ length: 200_000 }, (_, i) => `k${i}: 9007199254${String(740993 + i * 2).padStart(6, "0")}\n`).join("")}`,
    }),
    ["validate"],
  ],
  [
    "one sentence 20,000 times, with a date: suggest",
    "repeated",
    () => ({
      "sources/a.txt": `T\n\n${"The commission met on February 7, 2024 in Baku.\n".repeat(20_000)}`,
      "claims/a.yaml": `${HEADER}claims: []\n`,
    }),
    ["suggest", "sources/a.txt"],
  ],
  [
    "2,000 dated lines: suggest",
    "lines-2000",
    () => datedLines(2000),
    ["suggest", "sources/a.txt"],
  ],
  [
    "4,000 dated lines: suggest",
    "lines-4000",
    () => datedLines(4000),
    ["suggest", "sources/a.txt"],
  ],
  ["2,000 paragraphs: suggest", "paragraphs", () => paragraphs(2000), ["suggest", "sources/a.txt"]],
  ["the same: coverage", "paragraphs", undefined, ["coverage"]],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
for (const [label, name, make, args] of cases) {
  if (only !== undefined && !label.includes(only)) continue;
  const root = make ? project(name, make()) : join(out, name);
  if (!existsSync(root)) throw new Error(`${name} was not generated`);
  const times = [];
  const peaks = [];
  for (let r = 0; r < runs; r++) {
    const run = spawnSync(
      "/usr/bin/time",
      ["-f", "%e %M", process.execPath, bin, "--root", root, ...args],
      {
        encoding: "utf8",
        stdio: ["ignore", "ignore", "pipe"],
        maxBuffer: 1 << 30,
      },
    );
    const [t, m] = run.stderr.trim().split("\n").pop().split(" ").map(Number);
    times.push(t);
    peaks.push(m / 1024);
  }
  console.log(
    `${label}: ${median(times).toFixed(2)} s, ${median(peaks).toFixed(0)} MB (runs: ${times.join(", ")} s)`,
  );
}
