import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { isInteresting, watchAndRun } from "../../src/cli/watch.js";
import { BIN, BUNDLED_ARTICLES, copyBundled } from "../helpers/project.js";

const ALL_VALID = new RegExp(`${BUNDLED_ARTICLES} claims files, \\d+ claims: all valid`);

/** Polls until `condition` holds, failing at the deadline: the tests wait for events, not for time. */
async function until(
  condition: () => boolean,
  what: () => string,
  deadlineMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; output so far:\n${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

function emptyProject(): string {
  const root = mkdtempSync(join(tmpdir(), "claimcheck-watch-"));
  mkdirSync(join(root, "claims"));
  mkdirSync(join(root, "sources"));
  return root;
}

describe("validate --watch (real process)", { timeout: 60_000 }, () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  });

  it("re-runs on a change, survives a half-saved file, and exits 0 on Ctrl-C", async () => {
    const root = copyBundled();
    const child = spawn(process.execPath, [BIN, "--root", root, "validate", "--watch"], {
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    const show = () => out;

    // The first run.
    await until(() => count(out, "watching claims/ and sources/") === 1, show);
    expect(out).toMatch(/^\[\d\d:\d\d:\d\d\] starting\n/);
    expect(out).toMatch(ALL_VALID);
    expect(out).not.toContain("\x1b"); // not a terminal: no screen clearing, no colour

    // After each change, wait for a run that has finished (its output ends with "watching")
    // and shows the expected result: an editor's save can arrive as more than one event.
    const settled = (expected: RegExp) => () => {
      const last = out.slice(out.lastIndexOf("] changed: "));
      return (
        out.includes("] changed: ") &&
        expected.test(last) &&
        /watching claims\/ and sources\/[^\n]*\n$/.test(last)
      );
    };

    // A change: a misspelt subject.
    const file = "claims/2024-02-08_unattributed_aliyev-receives-cis-secretary-general.yaml";
    const original = readFileSync(join(root, file), "utf8");
    writeFileSync(
      join(root, file),
      original.replace("subject: sergey_lebedev", "subject: sergey_lebedv"),
    );
    await until(settled(/unknown subject "sergey_lebedv"; did you mean "sergey_lebedev"\?/), show);
    expect(out).toMatch(new RegExp(`\\[\\d\\d:\\d\\d:\\d\\d\\] changed: ${file}\\n`));

    // A half-saved file is reported, and the watcher keeps going.
    writeFileSync(join(root, "claims/half.yaml"), "source: sources/a.txt\nclaims:\n  - id: [x\n");
    await until(settled(/claims\/half\.yaml\n\s+\d+:\d+\s+error/), show);
    expect(out).toContain("changed: claims/half.yaml");

    // Fixed again.
    rmSync(join(root, "claims/half.yaml"));
    writeFileSync(join(root, file), original);
    await until(settled(ALL_VALID), show);

    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("keeps noticing changes after claims/ is removed and made again (issue 22)", async () => {
    const root = copyBundled();
    const child = spawn(process.execPath, [BIN, "--root", root, "validate", "--watch"], {
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d.toString();
    });
    const show = () => out;
    const runs = () => count(out, "watching claims/ and sources/");
    await until(() => runs() === 1, show);

    // A checkout that replaces the folder: removed (a run says so), then back.
    const saved = mkdtempSync(join(tmpdir(), "claimcheck-watch-saved-"));
    const { cpSync } = await import("node:fs");
    cpSync(join(root, "claims"), saved, { recursive: true });
    rmSync(join(root, "claims"), { recursive: true });
    // (Standard output and standard error are two pipes: their order is not kept.)
    await until(() => out.includes("has no claims/ folder") && runs() >= 2, show);
    const afterRemoval = runs();
    cpSync(saved, join(root, "claims"), { recursive: true });
    await until(
      () => runs() > afterRemoval && count(out, `${BUNDLED_ARTICLES} claims files`) >= 2,
      show,
    );

    // An edit in the new folder is noticed.
    const before = runs();
    const file = "claims/2024-02-08_unattributed_aliyev-receives-cis-secretary-general.yaml";
    const original = readFileSync(join(root, file), "utf8");
    writeFileSync(
      join(root, file),
      original.replace("subject: sergey_lebedev", "subject: sergey_lebedv"),
    );
    await until(
      () =>
        runs() > before &&
        out.slice(out.lastIndexOf("changed: ")).includes('unknown subject "sergey_lebedv"'),
      show,
    );
    child.kill("SIGINT");
    rmSync(saved, { recursive: true, force: true });
  });
});

describe("watchAndRun", { timeout: 60_000 }, () => {
  const io = () => {
    const lines: string[] = [];
    const value: Io = {
      stdout: (t) => lines.push(typeof t === "string" ? t : Buffer.from(t).toString("utf8")),
      stderr: (t) => lines.push(t),
      env: {},
      stdoutIsTTY: false,
      stderrIsTTY: false,
      cwd: "/",
    };
    return { io: value, text: () => lines.join("") };
  };

  it("debounces a burst of changes into one run naming every file, ignores temporary files", async () => {
    const root = emptyProject();
    const out = io();
    const controller = new AbortController();
    let runs = 0;
    const done = watchAndRun({
      root,
      io: out.io,
      run: async () => {
        runs++;
      },
      signal: controller.signal,
      handleSignals: false,
      debounceMs: 300,
    });
    await until(() => runs === 1 && out.text().includes("watching"), out.text);
    writeFileSync(join(root, "claims/.a.yaml.123.tmp"), "x");
    writeFileSync(join(root, "claims/notes.txt"), "x");
    writeFileSync(join(root, "claims/a.yaml"), "a: 1\n");
    writeFileSync(join(root, "claims/b.yaml"), "b: 1\n");
    writeFileSync(join(root, "sources/c.txt"), "c");
    await until(() => runs === 2 && count(out.text(), "watching") === 2, out.text);
    expect(out.text()).toMatch(/changed: claims\/a\.yaml, claims\/b\.yaml, sources\/c\.txt\n/);
    expect(out.text()).not.toContain(".tmp");
    expect(out.text()).not.toContain("notes.txt");
    controller.abort();
    expect(await done).toBe(0);
  });

  it("reports a run that throws and keeps watching; clears the screen only on a terminal", async () => {
    const root = emptyProject();
    const out = io();
    out.io.stdoutIsTTY = true;
    const controller = new AbortController();
    let runs = 0;
    const done = watchAndRun({
      root,
      io: out.io,
      run: async () => {
        runs++;
        if (runs === 2) throw new Error("half-saved");
      },
      signal: controller.signal,
      handleSignals: false,
      debounceMs: 100,
    });
    await until(() => runs === 1 && out.text().includes("watching"), out.text);
    writeFileSync(join(root, "claims/a.yaml"), "a: [\n");
    await until(() => out.text().includes("claimcheck: internal error: half-saved"), out.text);
    writeFileSync(join(root, "claims/a.yaml"), "a: 1\n");
    await until(() => runs >= 3 && count(out.text(), "watching") === runs, out.text);
    expect(count(out.text(), "\x1b[2J")).toBe(runs);
    controller.abort();
    expect(await done).toBe(0);
  });

  it.each([
    ["claims", "a.yaml", true],
    ["claims", "a.yml", true],
    ["claims", "a.txt", false],
    ["claims", ".a.yaml.1.tmp", false],
    ["claims", "a.yaml~", false],
    ["claims", ".a.yaml.swp", false],
    ["claims", "4913", false],
    ["sources", "a.txt", true],
    ["sources", "sub/a.txt", true],
    ["sources", "#a.txt#", false],
  ])("%s/%s is a change: %s", (dir, name, expected) => {
    expect(isInteresting(dir, name)).toBe(expected);
  });
});

describe("watchAndRun without folders to watch", () => {
  it("says so and exits 2 instead of waiting forever", async () => {
    const root = mkdtempSync(join(tmpdir(), "claimcheck-watch-"));
    let text = "";
    const io: Io = {
      stdout: (t) => {
        text += typeof t === "string" ? t : Buffer.from(t).toString("utf8");
      },
      stderr: (t) => {
        text += t;
      },
      env: {},
      stdoutIsTTY: false,
      stderrIsTTY: false,
      cwd: root,
    };
    let runs = 0;
    const code = await watchAndRun({
      root,
      io,
      run: async () => {
        runs++;
      },
      handleSignals: false,
    });
    expect(code).toBe(2);
    expect(runs).toBe(0);
    expect(text).toMatch(
      /^claimcheck: cannot watch claims\/: .*\nclaimcheck: cannot watch sources\/: .*\nclaimcheck: nothing to watch/,
    );
  });
});
