/**
 * What a report loads of Node's own modules: node:child_process (which the argument parser would
 * load for a feature claimcheck does not use), node:crypto and node:v8 are loaded only by the runs
 * that need them (--cache, the github format, --changed-since), since each costs start-up time.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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

function builtinsLoaded(args: string[]): string[] {
  const r = spawnSync(process.execPath, ["-r", preload, BIN, ...args], {
    cwd: REPO,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(1); // the bundled articles conflict
  const line = r.stderr.split("\n").find((l) => l.startsWith("LOADED "));
  return JSON.parse(line?.slice(7) ?? "null") as string[];
}

const LAZY = ["child_process", "crypto", "v8"];

describe("the built-in modules a report loads", () => {
  it("a report, json or table, loads none of child_process, crypto and v8", () => {
    for (const format of ["json", "table"]) {
      const loaded = builtinsLoaded(["report", "--format", format]);
      expect(loaded).toContain("vm"); // the list is real: the launcher loads node:vm
      expect(
        loaded.filter((m) => LAZY.includes(m)),
        format,
      ).toEqual([]);
    }
  });

  it("the github format loads crypto for its token; --cache loads crypto and v8", () => {
    expect(builtinsLoaded(["report", "--format", "github"])).toContain("crypto");
    const cache = join(work, "cache.bin");
    const loaded = builtinsLoaded(["--cache-location", cache, "report", "--format", "json"]);
    expect(loaded).toEqual(expect.arrayContaining(["crypto", "v8"]));
    expect(loaded).not.toContain("child_process");
  });
});
