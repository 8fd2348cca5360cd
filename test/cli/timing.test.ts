import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/project.js";

describe("CLAIMCHECK_TIMING", () => {
  it("prints each stage's time on stderr, and leaves stdout as it was", () => {
    const plain = runCli(["report", "--format", "json"]);
    const timed = runCli(["report", "--format", "json"], { env: { CLAIMCHECK_TIMING: "1" } });
    expect(timed.stdout).toBe(plain.stdout);
    expect(timed.code).toBe(plain.code);
    const stages = timed.stderr
      .trim()
      .split("\n")
      .map((l) => /^(.+?)\s+(\d+) ms$/.exec(l)?.[1]);
    expect(stages).toEqual([
      // The build's code cache is one V8 accepts: the run loaded its bytecode, compiled nothing.
      "load code (cache used)",
      "read YAML files",
      "parse and validate YAML",
      "checks across files",
      "string length limits",
      "read articles",
      "ground quotes",
      "check values against quotes",
      "compare",
      "sort findings",
      "render and write",
      "total (since node started)",
    ]);
  });

  it("is silent without the variable", () => {
    expect(runCli(["report", "--format", "json"]).stderr).toBe("");
  });
});
