import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/pipeline/check.js";
import { BUNDLED_ARTICLES, REPO } from "../helpers/project.js";

describe("the bundled articles", () => {
  it("validate and ground with no errors and no warnings", async () => {
    const { findings, project, grounding } = await checkProject({ root: REPO });
    expect(findings.filter((f) => f.severity !== "note")).toEqual([]);
    expect(project.sources).toHaveLength(BUNDLED_ARTICLES);
    const claims = project.sources.reduce((n, s) => n + s.claims.length, 0);
    expect(claims).toBeGreaterThan(100);
    expect(grounding.ungrounded.size).toBe(0);
  });
});
