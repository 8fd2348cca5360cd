import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/pipeline/check.js";
import { header, makeProject, REPO, runCli } from "../helpers/project.js";

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

  it("shows a hedges override that validates and narrows the interval it names", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Hedges"));
    const override = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
    expect(override).toMatch(/^hedges:\n {2}about:/);
    // "about 100" against 108: inside the default ±10%, outside the README's ±5%.
    const claimsFile = (n: number, text: string, value: number, hedge: string) =>
      `${header(`sources/a${n}.txt`).replace("short_name: Test", `short_name: Test ${n}`)}claims:
  - id: a${n}-observers
    subject: azerbaijan_presidential_election_2024
    property: observer_count
    value: ${value}
    ${hedge ? `qualifiers: { approximate: ${hedge} }\n    ` : ""}evidence: ${text}
`;
    const files = {
      "sources/a1.txt": "The mission sent about 100 observers.\n",
      "sources/a2.txt": "The mission sent 108 observers.\n",
      "claims/a1.yaml": claimsFile(1, "sent about 100 observers", 100, "about"),
      "claims/a2.yaml": claimsFile(2, "sent 108 observers", 108, ""),
    };
    const verdict = (root: string) => {
      const r = runCli(["--root", root, "report", "--format", "json"]);
      const report = JSON.parse(r.stdout) as { groups: { key: string; verdict: string }[] };
      return report.groups.find((g) => g.key.endsWith("/observer_count"))?.verdict;
    };
    expect(verdict(makeProject(files))).toBe("compatible");
    const overridden = makeProject(files);
    const vocabulary = join(overridden, "claims/vocabulary.yaml");
    writeFileSync(vocabulary, `${readFileSync(vocabulary, "utf8")}${override}`);
    expect(runCli(["--root", overridden, "validate"]).code).toBe(0);
    expect(verdict(overridden)).toBe("conflict");
  });

  it("gives the two setup commands", () => {
    const readme = readFileSync(join(REPO, "README.md"), "utf8");
    expect(readme).toContain("npm ci && npm run report");
    expect(readme).toMatch(/^npm test\b/m);
  });
});
