/**
 * Figures the README states about the bundled articles are the tool's own output: each is read
 * from the README and from the real CLI, and they must agree.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, runCli } from "../helpers/project.js";

const readme = readFileSync(join(REPO, "README.md"), "utf8");

describe("README figures on the bundled articles", () => {
  it("coverage: the covered and checkable statements, and the share", () => {
    const stated =
      /On the bundled articles: \*\*(\d+) of (\d+) statements covered\s+\(([\d.]+)%\)\*\*/.exec(
        readme,
      );
    expect(stated, "the README states the bundled coverage").not.toBeNull();
    const out = runCli(["coverage"]).stdout;
    const measured = /^total: (\d+)\/(\d+) checkable statements covered \(([\d.]+)%\)/m.exec(out);
    expect(measured).not.toBeNull();
    expect(stated!.slice(1)).toEqual(measured!.slice(1));
  });
});
