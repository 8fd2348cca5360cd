/**
 * The bad-input corpus (test/fixtures/bad-inputs/, one tiny project per folder) through the real
 * CLI: every case exits 2 within its time limit, prints no stack trace, and gives the findings
 * its expected.json lists, at their lines and columns. Cases too big to commit, or that need a
 * link or a permission, are made here at run time (`setup`).
 */
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { header, makeProject, REPO } from "../helpers/project.js";
import { parseFindingsText, runCliAsync, STACK_TRACE, type TextFinding } from "./helpers.js";

const CORPUS = join(REPO, "test/fixtures/bad-inputs");
/** Per run of the CLI; a case that hangs is killed and fails instead of stalling the suite. */
const SPAWN_TIMEOUT_MS = 10_000;
/** Text the outside files hold: it must never appear in any output. */
const SECRET = "API_TOKEN=do-not-leak-5f1d0c9e";

interface ExpectedFinding {
  rule: string;
  file: string;
  /** Null where the line depends on the machine (a parser giving up at its stack limit). */
  line: number | null;
  column?: number;
  /** A fragment of the message as the terminal shows it (control characters escaped). */
  message: string;
}

interface Expected {
  about: string;
  args?: string[];
  setup?: string;
  /** A known bug: the case is expected to fail until it is fixed (then remove this). */
  knownBug?: string;
  /** Leave the vocabulary out instead of copying the bundled one. */
  noVocabulary?: boolean;
  findings: ExpectedFinding[];
}

const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => ({
    name: d.name,
    dir: join(CORPUS, d.name),
    expected: JSON.parse(readFileSync(join(CORPUS, d.name, "expected.json"), "utf8")) as Expected,
  }))
  .sort((a, b) => (a.name < b.name ? -1 : 1));

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) {
    // A case may have taken the read permission away; give it back so the folder can go.
    try {
      chmodSync(join(dir, "sources/a.txt"), 0o644);
    } catch {}
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

const ONE_CLAIM = `claims:
  - id: t-candidates
    subject: azerbaijan_presidential_election_2024
    property: registered_candidates
    value: 7
`;

/** The steps a case cannot commit; returns a reason to skip the case, if there is one. */
const SETUPS: Record<string, (root: string) => string | undefined> = {
  "source-symlink-outside": (root) => {
    const outside = join(tempDir("claimcheck-outside-"), "article.txt");
    writeFileSync(outside, `Azerbaijan has registered 7 candidates. ${SECRET}\n`);
    symlinkSync(outside, join(root, "sources/a.txt"));
    return undefined;
  },
  "claims-symlink-outside": (root) => {
    const outside = join(tempDir("claimcheck-outside-"), "secrets.env");
    writeFileSync(outside, `${SECRET}\n`);
    symlinkSync(outside, join(root, "claims/a.yaml"));
    return undefined;
  },
  "source-unreadable": (root) => {
    const path = join(root, "sources/a.txt");
    chmodSync(path, 0o000);
    try {
      readFileSync(path);
      return "running as root: chmod 000 does not stop reads here, so an unreadable source cannot be made";
    } catch {
      return undefined;
    }
  },
  "fifty-megabyte-claims-file": (root) => {
    const line = "  # padding: a comment line of exactly sixty-four bytes.......\n";
    const body = `${header("sources/a.txt")}${ONE_CLAIM}    evidence: Azerbaijan has registered 7 candidates\n`;
    writeFileSync(
      join(root, "claims/a.yaml"),
      body + line.repeat(Math.ceil((50 * 1024 * 1024 - body.length) / line.length)),
    );
    return undefined;
  },
  "one-megabyte-string": (root) => {
    writeFileSync(
      join(root, "claims/a.yaml"),
      `${header("sources/a.txt")}${ONE_CLAIM}    evidence: "${"x".repeat(1024 * 1024)}"\n`,
    );
    return undefined;
  },
};

/** A copy of the case to run on: the bundled vocabulary unless the case brings its own. */
function prepare(c: (typeof cases)[number]): { root: string; skip?: string } {
  const root = tempDir(`claimcheck-bad-${c.name}-`);
  cpSync(c.dir, root, { recursive: true });
  rmSync(join(root, "expected.json"));
  mkdirSync(join(root, "claims"), { recursive: true });
  mkdirSync(join(root, "sources"), { recursive: true });
  if (!c.expected.noVocabulary && !existsSync(join(root, "claims/vocabulary.yaml")))
    cpSync(join(REPO, "claims/vocabulary.yaml"), join(root, "claims/vocabulary.yaml"));
  const setup = c.expected.setup;
  if (setup === undefined) return { root };
  const step = SETUPS[setup];
  if (!step) throw new Error(`${c.name}: unknown setup "${setup}"`);
  return { root, skip: step(root) };
}

function matches(found: TextFinding, want: ExpectedFinding): boolean {
  return (
    found.rule === want.rule &&
    found.file === want.file &&
    (want.line === null || found.line === want.line) &&
    (want.column === undefined || found.column === want.column) &&
    found.message.includes(want.message)
  );
}

describe(`bad-input corpus (${cases.length} cases)`, () => {
  it("has at least 40 cases, each with expected findings", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(c.expected.findings.length, c.name).toBeGreaterThan(0);
  });

  for (const c of cases) {
    const title = `${c.name}: ${c.expected.about}`;
    const test = c.expected.knownBug ? it.fails : it;
    test.concurrent(title, { timeout: 30_000 }, async ({ expect, skip }) => {
      const { root, skip: why } = prepare(c);
      if (why) skip(why);
      const run = await runCliAsync(["--root", root, "validate", ...(c.expected.args ?? [])], {
        timeoutMs: SPAWN_TIMEOUT_MS,
      });
      const output = `${run.stdout}\n${run.stderr}`;
      expect(run.timedOut, `still running after ${SPAWN_TIMEOUT_MS} ms`).toBe(false);
      expect(output).not.toMatch(STACK_TRACE);
      expect(output).not.toContain("internal error");
      expect(output).not.toContain(SECRET);
      expect(run.code, output).toBe(2);

      const found = parseFindingsText(run.stdout);
      for (const want of c.expected.findings) {
        expect(
          found.some((f) => matches(f, want)),
          `expected ${JSON.stringify(want)}\nin\n${run.stdout}`,
        ).toBe(true);
      }
      // No error of a rule the case does not expect: a bad input gives the problem it has.
      const rules = new Set(found.filter((f) => f.severity === "error").map((f) => f.rule));
      expect([...rules].sort()).toEqual(
        [...new Set(c.expected.findings.map((f) => f.rule))].sort(),
      );
    });
  }
});

describe("report --keep-going on a project with good and bad files", () => {
  const ARTICLE = "Azerbaijan has registered 7 candidates to run in the election.\n";
  const good = (name: string, source: string) =>
    `${header(source).replace("short_name: Test", `short_name: ${name}`)}${ONE_CLAIM.replace(
      "t-candidates",
      `${name.toLowerCase()}-candidates`,
    )}    evidence: Azerbaijan has registered 7 candidates\n`;
  const files = {
    "claims/a.yaml": good("A", "sources/a.txt"),
    "claims/b.yaml": good("B", "sources/b.txt"),
    "claims/bad-syntax.yaml": `${header("sources/c.txt")}claims: [oops\n`,
    "claims/bad-schema.yaml": `${header("sources/d.txt").replace("outlet: Test Outlet\n", "")}claims: []\n`,
    "sources/a.txt": ARTICLE,
    "sources/b.txt": ARTICLE,
    "sources/c.txt": ARTICLE,
    "sources/d.txt": ARTICLE,
  };

  it("without it: the problems only, exit 2, and a pointer to --keep-going", async () => {
    const root = makeProject(files);
    temporary.push(root);
    const run = await runCliAsync(["--root", root, "report"], { timeoutMs: SPAWN_TIMEOUT_MS });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("--keep-going");
    expect(run.stdout).not.toContain("facts compared");
  });

  it("with it: still reports on the good files, says the report is partial, exits 2", async () => {
    const root = makeProject(files);
    temporary.push(root);
    const run = await runCliAsync(["--root", root, "report", "--keep-going"], {
      timeoutMs: SPAWN_TIMEOUT_MS,
    });
    expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_TRACE);
    expect(run.code).toBe(2);
    // The good files are compared: both give 7 registered candidates.
    expect(run.stdout).toMatch(/registered candidates/);
    expect(run.stdout).toMatch(/1 facts? compared across 2 sources/);
    expect(run.stdout).toMatch(/1 agree/);
    expect(run.stdout).toContain(
      "partial report: 2 file(s) could not be read (claims/bad-schema.yaml, claims/bad-syntax.yaml)",
    );
    // And the bad ones are still listed with their problems.
    expect(run.stdout).toContain("claims/bad-syntax.yaml");
    expect(run.stdout).toMatch(/outlet: missing required field "outlet"/);
  });

  it("with it, as JSON: partial is true and the invalid files are named", async () => {
    const root = makeProject(files);
    temporary.push(root);
    const run = await runCliAsync(["--root", root, "report", "--keep-going", "-f", "json"], {
      timeoutMs: SPAWN_TIMEOUT_MS,
    });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as {
      partial: boolean;
      invalidFiles: string[];
      sources: unknown[];
    };
    expect(report.partial).toBe(true);
    expect(report.invalidFiles).toEqual(["claims/bad-schema.yaml", "claims/bad-syntax.yaml"]);
    expect(report.sources).toHaveLength(2);
  });
});
