import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/pipeline/check.js";
import { makeProject, REPO } from "../helpers/project.js";

describe("the README", () => {
  it("shows a claims file example that validates and grounds against its article", async () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## The claims file format"));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example).toBeDefined();
    const source = "sources/2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation.txt";
    const root = makeProject({
      "claims/example.yaml": example!,
      [source]: readFileSync(join(REPO, source)),
    });
    const { findings, project } = await checkProject({ root });
    expect(findings.filter((f) => f.severity !== "note")).toEqual([]);
    expect(project.sources[0]?.claims).toHaveLength(4);
  });

  it("gives the two setup commands", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    expect(readme).toContain("npm ci && npm run report");
    expect(readme).toMatch(/^npm test\b/m);
  });
});
