/**
 * Faults outside the input: an article that changes between validation and grounding, files that
 * cannot be read, and output locations that cannot be written. Each gives a clear error (no
 * stack trace), exit code 2, and no partial output file. (A full disk: faults-disk-full.test.ts.)
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { groundProject } from "../../src/ground/ground-project.js";
import { readProjectFiles } from "../../src/load/project-files.js";
import { readSourceTexts } from "../../src/load/source-texts.js";
import { validateProject } from "../../src/validate/validate-project.js";
import { copyBundled, header, makeProject } from "../helpers/project.js";
import { runCliAsync, STACK_TRACE } from "./helpers.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) {
    try {
      chmodSync(dir, 0o755);
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  }
});

const ARTICLE = "Azerbaijan has registered 7 candidates to run in the election.\n";
const CLAIMS = `${header("sources/a.txt")}claims:
  - id: t-candidates
    subject: azerbaijan_presidential_election_2024
    property: registered_candidates
    value: 7
    evidence: Azerbaijan has registered 7 candidates
`;

function project(files: Record<string, string | Uint8Array> = {}): string {
  const root = makeProject({ "claims/a.yaml": CLAIMS, "sources/a.txt": ARTICLE, ...files });
  made.push(root);
  return root;
}

// ---------------------------------------------------------------------------------------------

describe("the article changes between validation and grounding", () => {
  /** Validation on the files as they were; then `change`; then the articles are read and grounded. */
  async function changeAfterValidation(change: (root: string) => void) {
    const root = project();
    const { files, findings: readFindings } = await readProjectFiles({ root });
    const validation = validateProject(files);
    expect([...readFindings, ...validation.findings]).toEqual([]);
    change(root);
    const { texts, findings } = await readSourceTexts(root, validation.project.sources);
    const grounding = groundProject(validation.project.sources, texts);
    return { findings, grounding };
  }

  it("deleted: a located source-missing error, and its claims are left out of the comparison", async () => {
    const { findings, grounding } = await changeAfterValidation((root) =>
      rmSync(join(root, "sources/a.txt")),
    );
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: "source-missing",
        severity: "error",
        message: "source: sources/a.txt does not exist",
        location: expect.objectContaining({ file: "claims/a.yaml", line: 1, column: 9 }),
      }),
    ]);
    expect(grounding.ungrounded).toEqual(new Set(["t-candidates"]));
    expect(grounding.grounded).toEqual([]);
  });

  it("replaced by bytes that are not UTF-8: an encoding error", async () => {
    const { findings } = await changeAfterValidation((root) =>
      writeFileSync(join(root, "sources/a.txt"), Uint8Array.from([0x41, 0xff, 0xfe, 0x42])),
    );
    expect(findings.map((f) => [f.ruleId, f.location.line])).toEqual([["encoding", 1]]);
    expect(findings[0]?.message).toMatch(/is not valid UTF-8/);
  });

  it("replaced by a directory: a clear error", async () => {
    const { findings } = await changeAfterValidation((root) => {
      rmSync(join(root, "sources/a.txt"));
      mkdirSync(join(root, "sources/a.txt"));
    });
    expect(findings.map((f) => f.message)).toEqual(["source: sources/a.txt is not a regular file"]);
  });

  it("replaced by a link that leads outside the repository: refused, not read", async () => {
    const outside = join(tmpdir(), `claimcheck-outside-${process.pid}.txt`);
    writeFileSync(outside, ARTICLE);
    try {
      const { findings } = await changeAfterValidation((root) => {
        rmSync(join(root, "sources/a.txt"));
        symlinkSync(outside, join(root, "sources/a.txt"));
      });
      expect(findings.map((f) => f.ruleId)).toEqual(["source-path"]);
    } finally {
      rmSync(outside, { force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------

async function expectCleanFailure(args: string[], message: string | RegExp): Promise<void> {
  const run = await runCliAsync(args, { timeoutMs: 20_000 });
  const output = `${run.stdout}${run.stderr}`;
  expect(run.timedOut).toBe(false);
  expect(output).not.toMatch(STACK_TRACE);
  expect(output).not.toContain("internal error");
  expect(run.code, output).toBe(2);
  if (typeof message === "string") expect(output).toContain(message);
  else expect(output).toMatch(message);
}

describe("files that cannot be read", () => {
  it("a vocabulary that is a directory", async () => {
    const root = project();
    rmSync(join(root, "claims/vocabulary.yaml"));
    mkdirSync(join(root, "claims/vocabulary.yaml"));
    await expectCleanFailure(
      ["--root", root, "validate"],
      "claims/vocabulary.yaml is not a regular file",
    );
  });

  it("a source that is a link to itself (a loop)", async () => {
    const root = project();
    rmSync(join(root, "sources/a.txt"));
    symlinkSync("a.txt", join(root, "sources/a.txt"));
    await expectCleanFailure(["--root", root, "validate"], /1:9 +error +source: sources\/a\.txt/);
  });

  it("a source without read permission", async ({ skip }) => {
    const root = project();
    chmodSync(join(root, "sources/a.txt"), 0o000);
    try {
      readFileSync(join(root, "sources/a.txt"));
      skip("running as root: chmod 000 does not stop reads, so this fault cannot be made here");
    } catch {}
    await expectCleanFailure(["--root", root, "validate"], "sources/a.txt cannot be read (EACCES)");
  });

  it("no claims folder at all", async () => {
    const root = project();
    rmSync(join(root, "claims"), { recursive: true });
    await expectCleanFailure(["--root", root, "validate"], "has no claims/ folder");
  });
});

// ---------------------------------------------------------------------------------------------

describe("output locations that cannot be written", () => {
  let bundled = "";
  const root = () => {
    if (!bundled) {
      bundled = copyBundled();
      made.push(bundled);
    }
    return bundled;
  };
  const report = (out: string, ...more: string[]) => [
    "--root",
    root(),
    "report",
    "--fail-on",
    "never",
    "-f",
    "json",
    "-o",
    out,
    ...more,
  ];
  const noTemporaryFiles = (dir: string) => {
    if (existsSync(dir)) expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  };

  it("a directory that does not exist", async () => {
    const out = join(tmpdir(), `claimcheck-no-such-dir-${process.pid}`, "report.json");
    await expectCleanFailure(
      report(out),
      `cannot write json output to ${out}: the directory ${join(tmpdir(), `claimcheck-no-such-dir-${process.pid}`)} does not exist`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("a path through a file, where a directory is expected", async () => {
    const dir = project();
    const out = join(dir, "sources/a.txt/report.json");
    await expectCleanFailure(report(out), "a part of the path is a file, not a directory");
    expect(readFileSync(join(dir, "sources/a.txt"), "utf8")).toBe(ARTICLE);
    noTemporaryFiles(join(dir, "sources"));
  });

  it("a directory where the file should go", async () => {
    const dir = project();
    await expectCleanFailure(report(join(dir, "sources")), "it is a directory");
    noTemporaryFiles(dir);
  });

  it("a read-only location (/sys, or a 0555 folder when not root)", async () => {
    let out = "/sys/claimcheck-report.json";
    const dir = project();
    const locked = join(dir, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    let writable = true;
    try {
      writeFileSync(join(locked, "probe"), "x");
    } catch {
      writable = false;
    }
    if (!writable) out = join(locked, "report.json"); // not root: the folder is read-only
    await expectCleanFailure(report(out), /the location is not writable|cannot be created/);
    expect(existsSync(out)).toBe(false);
  });

  it("a location where no file can be created (/proc)", async () => {
    await expectCleanFailure(
      report("/proc/claimcheck-report.json"),
      "a file cannot be created in /proc",
    );
  });

  it("several outputs, one of them unwritable: none is written (all or none)", async () => {
    const dir = project();
    const good = join(dir, "report.json");
    writeFileSync(good, "the previous report\n");
    const bad = join(dir, "no-such-dir/report.sarif");
    await expectCleanFailure(
      [
        "--root",
        root(),
        "report",
        "--fail-on",
        "never",
        "-f",
        "json",
        "-f",
        "sarif",
        "-o",
        `json=${good}`,
        "-o",
        `sarif=${bad}`,
      ],
      "cannot write sarif output",
    );
    expect(readFileSync(good, "utf8")).toBe("the previous report\n");
    expect(existsSync(bad)).toBe(false);
    noTemporaryFiles(dir);
  });

  it("a pipe is written as it is, and stays a pipe", async () => {
    const { spawnSync } = await import("node:child_process");
    const dir = project();
    const fifo = join(dir, "pipe");
    if (spawnSync("mkfifo", [fifo]).status !== 0) return; // no mkfifo here
    const { createReadStream, statSync } = await import("node:fs");
    let received = "";
    const reading = new Promise<void>((resolve) => {
      createReadStream(fifo, "utf8")
        .on("data", (s) => {
          received += s;
        })
        .on("end", () => resolve());
    });
    const run = await runCliAsync(report(fifo), { timeoutMs: 20_000 });
    await reading;
    expect(run.code).toBe(0);
    expect(JSON.parse(received)).toMatchObject({ format: "claimcheck-report" });
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

describe("a claims file that is a link leading out of the repository", () => {
  it("fmt refuses it and never writes through it", async () => {
    const root = project();
    const outsideDir = join(tmpdir(), `claimcheck-fmt-outside-${process.pid}`);
    mkdirSync(outsideDir, { recursive: true });
    made.push(outsideDir);
    const outside = join(outsideDir, "victim.yaml");
    const text = "title:   not formatted\nsource:    sources/a.txt\n";
    writeFileSync(outside, text);
    symlinkSync(outside, join(root, "claims/evil.yaml"));
    await expectCleanFailure(["--root", root, "fmt"], "claims/evil.yaml is outside the repository");
    expect(readFileSync(outside, "utf8")).toBe(text);
  });
});
