/**
 * A check shared with worker threads gives the same bytes as one thread: on a generated corpus,
 * and on one project holding every case of the bad-input corpus side by side (syntax and schema
 * errors, partial files, strings over the limit, unreadable and misplaced articles, duplicate
 * ids and names, near misses). So does fmt, on both together: the same files written, the same
 * messages. The real CLI, with CLAIMCHECK_THREADS set: 1 (the main thread alone), 2 and 3 (two
 * workers, on whatever cores there are).
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, REPO } from "../helpers/project.js";

const work = mkdtempSync(join(tmpdir(), "claimcheck-parallel-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(root: string, threads: number, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, "--root", root, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CLAIMCHECK_THREADS: String(threads) },
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
  });
  expect(r.stderr).not.toContain("internal error");
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.replaceAll(root, "<root>") };
}

/** Every file under a folder, by its path there, as bytes. */
function filesOf(dir: string, under = ""): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of readdirSync(join(dir, under), { withFileTypes: true })) {
    const path = join(under, entry.name);
    if (entry.isDirectory()) for (const [p, b] of filesOf(dir, path)) out.set(p, b);
    else if (entry.isFile()) out.set(path, readFileSync(join(dir, path)));
  }
  return out;
}

/** Every bad-input case that needs no setup and brings no vocabulary, in one project. */
function badInputProject(): string {
  const root = join(work, "bad");
  const corpus = join(REPO, "test/fixtures/bad-inputs");
  mkdirSync(join(root, "claims"), { recursive: true });
  mkdirSync(join(root, "sources"), { recursive: true });
  cpSync(join(REPO, "claims/vocabulary.yaml"), join(root, "claims/vocabulary.yaml"));
  for (const name of readdirSync(corpus).sort()) {
    const dir = join(corpus, name);
    if (!existsSync(join(dir, "expected.json"))) continue;
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
    if (expected.setup || expected.noVocabulary || existsSync(join(dir, "claims/vocabulary.yaml")))
      continue;
    if (existsSync(join(dir, "sources")))
      cpSync(join(dir, "sources"), join(root, "sources", name), { recursive: true });
    if (!existsSync(join(dir, "claims"))) continue;
    for (const file of readdirSync(join(dir, "claims"))) {
      const text = readFileSync(join(dir, "claims", file));
      // Each case's articles under a folder of its own; bytes that are not UTF-8 stay as they are.
      const moved = Buffer.from(
        text.toString("latin1").replaceAll("sources/", `sources/${name}/`),
        "latin1",
      );
      writeFileSync(join(root, "claims", `${name}--${file}`), moved);
    }
  }
  return root;
}

describe("a check shared with worker threads", () => {
  let generated: string;
  let bad: string;
  beforeAll(() => {
    generated = join(work, "generated");
    const made = spawnSync(process.execPath, ["test/bench/generate.mjs", "2000", generated], {
      cwd: REPO,
      encoding: "utf8",
    });
    expect(made.status, made.stderr).toBe(0);
    bad = badInputProject();
  });

  it("gives a generated corpus's report byte for byte (json and table)", () => {
    for (const format of ["json", "table"]) {
      const one = run(generated, 1, ["report", "--format", format]);
      expect(one.code).toBe(1); // the corpus has conflicts
      for (const threads of [2, 3]) {
        const many = run(generated, threads, ["report", "--format", format]);
        expect(many.code).toBe(one.code);
        expect(many.stdout === one.stdout, `${format}, ${threads} threads`).toBe(true);
      }
    }
  }, 120_000);

  it("gives the same findings for every kind of bad input (validate, report --keep-going, html)", () => {
    const claimsFiles = readdirSync(join(bad, "claims")).length;
    expect(claimsFiles).toBeGreaterThan(50);
    for (const args of [
      ["validate", "--format", "json"],
      ["report", "--keep-going", "--format", "json"],
      ["report", "--keep-going", "--format", "html"],
    ]) {
      const one = run(bad, 1, args);
      expect(one.code).toBe(2);
      expect(JSON.parse(args[args.length - 1] === "json" ? one.stdout : "{}")).toBeTypeOf("object");
      for (const threads of [2, 3]) {
        const many = run(bad, threads, args);
        expect(many.code).toBe(one.code);
        expect(many.stdout === one.stdout, `${args.join(" ")}, ${threads} threads`).toBe(true);
      }
    }
  }, 120_000);

  it("gives the same findings whatever the vocabulary: valid, with a duplicate, invalid, missing", () => {
    // The workers get the vocabulary the main thread validated: its data when it has no findings;
    // else they validate it themselves (a duplicate) or check without one (invalid, missing).
    const text = readFileSync(join(generated, "claims/vocabulary.yaml"), "utf8");
    const variants: [string, string | undefined][] = [
      // event_1, renamed, is the subject of claims in 64 of the 80 claims files: each is an
      // unknown subject, which a thread without the vocabulary would not report.
      ["a renamed entity", text.replace("{id: event_1,", "{id: event_1_renamed,")],
      [
        "a duplicate entity",
        text
          .replace("entities:\n", 'entities:\n  - {id: event_0, type: event, name: "Event 0"}\n')
          .replace("{id: event_1,", "{id: event_1_renamed,"),
      ],
      ["an invalid type", text.replace("type: event", "type: evnet")],
      ["no vocabulary", undefined],
    ];
    for (const [label, vocabulary] of variants) {
      const root = join(work, `vocabulary-${label.replaceAll(" ", "-")}`);
      cpSync(generated, root, { recursive: true });
      if (vocabulary === undefined) rmSync(join(root, "claims/vocabulary.yaml"));
      else writeFileSync(join(root, "claims/vocabulary.yaml"), vocabulary);
      for (const args of [
        ["validate", "--format", "json"],
        ["report", "--keep-going", "--format", "json"],
      ]) {
        const one = run(root, 1, args);
        expect(one.code, label).toBe(2);
        const many = run(root, 2, args);
        expect(many.code, label).toBe(one.code);
        expect(many.stdout === one.stdout, `${label}: ${args.join(" ")}`).toBe(true);
      }
    }
  }, 120_000);

  it("fmt writes the same files and says the same things, bad inputs and all", () => {
    // The bad inputs (syntax errors, a byte-order mark, CRLF, files too deep, too large or not
    // UTF-8) and the generated claims files, which all need formatting, in one project.
    const base = join(work, "fmt-base");
    cpSync(bad, base, { recursive: true });
    for (const file of readdirSync(join(generated, "claims")))
      if (file !== "vocabulary.yaml")
        cpSync(join(generated, "claims", file), join(base, "claims", file));
    const before = filesOf(join(base, "claims"));
    const results = [1, 2, 3].map((threads) => {
      const root = join(work, `fmt-${threads}`);
      cpSync(base, root, { recursive: true });
      return { threads, run: run(root, threads, ["fmt"]), files: filesOf(join(root, "claims")) };
    });
    const [one, ...many] = results;
    expect(one!.run.code).toBe(2); // some files do not parse
    expect(one!.run.stdout).toContain("formatted claims/article-1.yaml");
    expect(one!.run.stderr).toContain("does not parse; not formatted");
    const rewritten = [...one!.files].filter(([path, bytes]) => !before.get(path)?.equals(bytes));
    expect(rewritten.length).toBeGreaterThan(50);
    for (const other of many) {
      const label = `${other.threads} threads`;
      expect(other.run.code, label).toBe(one!.run.code);
      expect(other.run.stdout === one!.run.stdout, `stdout, ${label}`).toBe(true);
      expect(other.run.stderr === one!.run.stderr, `stderr, ${label}`).toBe(true);
      expect([...other.files.keys()].sort()).toEqual([...one!.files.keys()].sort());
      for (const [path, bytes] of one!.files)
        expect(other.files.get(path)?.equals(bytes), `${path}, ${label}`).toBe(true);
    }
  }, 120_000);
});
