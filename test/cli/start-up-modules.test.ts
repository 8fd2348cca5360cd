/**
 * What a report loads of Node's own modules. Each costs start-up time, so a report to standard
 * output loads none of these unless it needs them: node:child_process (which the argument parser
 * would load for a feature claimcheck does not use; --changed-since needs it), node:crypto and
 * node:v8 (--cache, the github format), node:fs/promises (--output files, --cache), perf_hooks
 * (the global `performance`) and net (which making process.stderr loads when it is a pipe).
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, REPO } from "../helpers/project.js";

const work = mkdtempSync(join(tmpdir(), "claimcheck-modules-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Preloaded with -r: prints, as the process exits, the built-in modules loaded after it.
const preload = join(work, "loaded-modules.cjs");
writeFileSync(
  preload,
  `const before = new Set(process.moduleLoadList);
process.on("exit", () => {
  const loaded = process.moduleLoadList.filter((m) => !before.has(m) && m.startsWith("NativeModule "));
  process.stderr.write("\\nLOADED " + JSON.stringify(loaded.map((m) => m.slice(13))) + "\\n");
});
`,
);

/** Standard output goes to a file (a pipe would need net for itself), standard error to a pipe. */
function builtinsLoaded(args: string[]): string[] {
  const out = openSync(join(work, "stdout"), "w");
  const r = spawnSync(process.execPath, ["-r", preload, BIN, ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", out, "pipe"],
    timeout: 60_000,
  });
  closeSync(out);
  expect(r.status, r.stderr).toBe(1); // the bundled articles conflict
  const line = r.stderr.split("\n").find((l) => l.startsWith("LOADED "));
  return JSON.parse(line?.slice(7) ?? "null") as string[];
}

const LAZY = ["child_process", "crypto", "v8", "internal/fs/promises", "perf_hooks", "net"];

describe("the built-in modules a report loads", () => {
  it("a report, json or table, loads none of them", () => {
    for (const format of ["json", "table"]) {
      const loaded = builtinsLoaded(["report", "--format", format]);
      expect(loaded).toContain("vm"); // the list is real: the launcher loads node:vm
      expect(
        loaded.filter((m) => LAZY.includes(m)),
        format,
      ).toEqual([]);
    }
  });

  it("the github format loads crypto for its token; --cache loads crypto, v8 and fs/promises", () => {
    expect(builtinsLoaded(["report", "--format", "github"])).toContain("crypto");
    const cache = join(work, "cache.bin");
    const loaded = builtinsLoaded(["--cache-location", cache, "report", "--format", "json"]);
    expect(loaded).toEqual(expect.arrayContaining(["crypto", "v8", "internal/fs/promises"]));
    expect(loaded).not.toContain("child_process");
  });

  it("an output file loads fs/promises", () => {
    const file = join(work, "report.json");
    expect(builtinsLoaded(["report", "--format", "json", "--output", file])).toContain(
      "internal/fs/promises",
    );
  });
});
