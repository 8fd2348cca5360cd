/**
 * Where `--output` writes (issue 22): through links, never over a link, a device or one of the
 * project's inputs, never two outputs to one file, and with temporary names of their own. Every
 * link and pipe is made inside a temporary folder: no test touches a system file.
 */
import { spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { BIN, copyBundled } from "../helpers/project.js";
import { runCliAsync, STACK_TRACE } from "./helpers.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function bundled(): string {
  const root = copyBundled();
  made.push(root);
  return root;
}

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "claimcheck-outputs-"));
  made.push(dir);
  return dir;
}

const report = (root: string, ...args: string[]) =>
  runCliAsync(["--root", root, "report", "--fail-on", "never", ...args], { timeoutMs: 20_000 });

/** The names in `dir` that look like temporary files. */
const temporaries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));

describe("--output through a link", () => {
  it("writes the file the link leads to, and the link stays a link", async () => {
    const dir = folder();
    writeFileSync(join(dir, "real.json"), "the previous report\n");
    symlinkSync("real.json", join(dir, "link.json"));
    const run = await report(bundled(), "-f", "json", "-o", join(dir, "link.json"));
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "real.json"), "utf8")).format).toBe(
      "claimcheck-report",
    );
    expect(temporaries(dir)).toEqual([]);
  }, 30_000);

  it("a link to a file not yet there: the file is made where the link points", async () => {
    const dir = folder();
    symlinkSync("made.json", join(dir, "link.json"));
    const run = await report(bundled(), "-f", "json", "-o", join(dir, "link.json"));
    expect(run.code).toBe(0);
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(existsSync(join(dir, "made.json"))).toBe(true);
  }, 30_000);

  it("a link to this process's standard output (as /dev/stdout is): written through, not replaced", () => {
    // /dev/stdout is a link to /proc/self/fd/1; this one sits in a temporary folder. With
    // standard output a file, following the links ends at that file: renaming a finished
    // report over the path replaced the link itself (as root, /dev/stdout).
    const dir = folder();
    const stdout = join(dir, "stdout");
    symlinkSync("/proc/self/fd/1", stdout);
    const captured = join(dir, "captured.json");
    const fd = openSync(captured, "w");
    try {
      const run = spawnSync(
        process.execPath,
        [BIN, "--root", bundled(), "report", "--fail-on", "never", "-f", "json", "-o", stdout],
        { stdio: ["ignore", fd, "pipe"], encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
      );
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(lstatSync(stdout).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(captured, "utf8")).format).toBe("claimcheck-report");
    expect(temporaries(dir)).toEqual([]);
  }, 30_000);

  it("a link to a named pipe: written in place, the pipe stays a pipe", async () => {
    const dir = folder();
    const fifo = join(dir, "pipe");
    if (spawnSync("mkfifo", [fifo]).status !== 0) return; // no mkfifo here
    symlinkSync("pipe", join(dir, "link"));
    const { createReadStream } = await import("node:fs");
    let received = "";
    const reading = new Promise<void>((resolve) => {
      createReadStream(fifo, "utf8")
        .on("data", (s) => {
          received += s;
        })
        .on("end", () => resolve());
    });
    const run = await report(bundled(), "-f", "json", "-o", join(dir, "link"));
    await reading;
    expect(run.code).toBe(0);
    expect(JSON.parse(received).format).toBe("claimcheck-report");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, "link")).isSymbolicLink()).toBe(true);
  }, 30_000);
});

describe("--output over one of the project's inputs", () => {
  const cases: [string, string[], string][] = [
    [
      "a claims file",
      ["-o", "claims/2024-02-05_trend_prosecutor-general-meets-cis-observers.yaml"],
      "claims/2024-02-05_trend_prosecutor-general-meets-cis-observers.yaml",
    ],
    [
      "an article",
      [
        "-f",
        "html",
        "-o",
        "html=sources/2024-02-05_trend_prosecutor-general-meets-cis-observers.txt",
      ],
      "sources/2024-02-05_trend_prosecutor-general-meets-cis-observers.txt",
    ],
    [
      "the vocabulary",
      ["-f", "json", "-o", "json=claims/vocabulary.yaml"],
      "claims/vocabulary.yaml",
    ],
    [
      "a new claims file, which the next run would read",
      ["-f", "json", "-o", "claims/report.yaml"],
      "claims/report.yaml",
    ],
  ];
  for (const [what, args, input] of cases) {
    it(`${what}: refused before anything is written, exit 2`, async () => {
      const root = bundled();
      const before = existsSync(join(root, input))
        ? readFileSync(join(root, input), "utf8")
        : undefined;
      const run = await runCliAsync(["--root", root, "report", ...args], {
        cwd: root,
        timeoutMs: 20_000,
      });
      expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(`that is ${input.replace(/\./g, "\\.")}, one of the project's inputs`),
      );
      const after = existsSync(join(root, input))
        ? readFileSync(join(root, input), "utf8")
        : undefined;
      expect(after).toBe(before);
      expect(run.stdout).toBe("");
    }, 30_000);
  }

  it("also through a link that leads to one", async () => {
    const root = bundled();
    const dir = folder();
    const input = join(root, "claims/vocabulary.yaml");
    const before = readFileSync(input, "utf8");
    symlinkSync(input, join(dir, "report.json"));
    const run = await report(root, "-f", "json", "-o", join(dir, "report.json"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("that is claims/vocabulary.yaml, one of the project's inputs");
    expect(readFileSync(input, "utf8")).toBe(before);
  }, 30_000);
});

describe("two outputs to one file", () => {
  it("refused before anything is written, with the reason", async () => {
    const dir = folder();
    const out = join(dir, "report.out");
    writeFileSync(out, "the previous report\n");
    symlinkSync("report.out", join(dir, "other-name"));
    for (const second of [out, join(dir, "other-name")]) {
      const run = await report(
        bundled(),
        "-f",
        "json",
        "-f",
        "sarif",
        "-o",
        `json=${out}`,
        "-o",
        `sarif=${second}`,
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `claimcheck: --output: the json and sarif outputs would both go to ${out}; give each its own file\n`,
      );
      expect(readFileSync(out, "utf8")).toBe("the previous report\n");
      expect(temporaries(dir)).toEqual([]);
    }
  }, 30_000);

  it("two runs in one process writing one file at once: each temporary file has a name of its own", async () => {
    // One process id for both: a name made of the path and the process id alone was shared, so
    // one run renamed the other's half-written file into place, or found it gone.
    const root = bundled();
    const dir = folder();
    const out = join(dir, "report.json");
    const io = () => {
      let stderr = "";
      return {
        io: {
          stdout: () => {},
          stderr: (t: string) => {
            stderr += t;
          },
          env: { NO_COLOR: "1" },
          stdoutIsTTY: false,
          stderrIsTTY: false,
          cwd: process.cwd(),
        },
        stderr: () => stderr,
      };
    };
    const runs = [io(), io(), io()];
    const codes = await Promise.all(
      runs.map((r) =>
        main(["--root", root, "report", "--fail-on", "never", "-f", "json", "-o", out], r.io),
      ),
    );
    expect(runs.map((r) => r.stderr())).toEqual(["", "", ""]);
    expect(codes).toEqual([0, 0, 0]);
    expect(JSON.parse(readFileSync(out, "utf8")).format).toBe("claimcheck-report");
    expect(temporaries(dir)).toEqual([]);
  }, 60_000);
});
