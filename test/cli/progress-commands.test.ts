/**
 * Every command that can take more than a second on a large project shows the progress line:
 * main() runs in-process on the bundled articles with a clock that moves 1.5 s at each reading,
 * so each stage is past the quiet second, and stderr claims to be a terminal.
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { copyBundled } from "../helpers/project.js";

vi.mock("../../src/cli/progress.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/cli/progress.js")>();
  let now = 0;
  return {
    ...real,
    withProgress: <T>(io: Io, run: (io: Io) => Promise<T>) =>
      real.withProgress(io, run, () => (now += 1500)),
  };
});

const root = copyBundled();
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (t) => out.push(String(t)),
    stderr: (t) => err.push(t),
    env: { NO_COLOR: "1" },
    stdoutIsTTY: false,
    stderrIsTTY: true,
    cwd: root,
  };
  const code = await main(args, io);
  const stages = err
    .filter((e) => e.startsWith("\r\u001b[Kclaimcheck: "))
    .map((e) => e.slice("\r\u001b[Kclaimcheck: ".length).replace(/ [\d,]* ?\(.*$/, ""));
  return { code, stages: [...new Set(stages)], out: out.join(""), err };
}

const CLEAR = "\r\u001b[K";
const ARTICLE = "claims/2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.yaml";

describe("the progress line in each long command", () => {
  it.each([
    [["validate"], ["read YAML files", "parse and validate YAML", "ground quotes"]],
    [
      ["report", "--format", "json"],
      ["parse and validate YAML", "compare", "render and write"],
    ],
    [["coverage"], ["parse and validate YAML", "analyse articles"]],
    [
      ["suggest", ARTICLE],
      ["parse and validate YAML", "analyse articles", "suggest claims"],
    ],
    [["fmt", "--check"], ["format files"]],
  ])("claimcheck %j shows its stages", async (args, expected) => {
    const result = await run(args);
    expect(result.code).not.toBe(2);
    expect(result.stages).toEqual(expect.arrayContaining(expected));
    // The command's own messages never start on the progress line's row, and the run ends
    // with the line cleared.
    let drawn = false;
    for (const write of result.err) {
      if (write.startsWith(`${CLEAR}claimcheck: `)) drawn = true;
      else if (write === CLEAR) drawn = false;
      else expect(drawn, `"${write}" written over the progress line`).toBe(false);
    }
    expect(drawn).toBe(false);
  });
});
