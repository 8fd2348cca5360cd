/** Markdown and $GITHUB_STEP_SUMMARY: appended there unless the Markdown has a file of its own. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyBundled, runCli } from "../helpers/project.js";

function summaryFile(content = ""): string {
  const file = join(mkdtempSync(join(tmpdir(), "claimcheck-summary-")), "summary.md");
  writeFileSync(file, content);
  return file;
}

describe("the job summary", { timeout: 60_000 }, () => {
  it("appends markdown to $GITHUB_STEP_SUMMARY, after what earlier steps wrote", () => {
    const summary = summaryFile("## Earlier step\n");
    const r = runCli(["report", "--format", "markdown", "--format", "json"], {
      cwd: copyBundled(),
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.code).toBe(1);
    JSON.parse(r.stdout); // only the JSON went to stdout
    const md = readFileSync(summary, "utf8");
    expect(md.startsWith("## Earlier step\n## claimcheck: do the sources agree?")).toBe(true);
    expect(md).toMatch(/### Conflicts \(\d+\)/);
  });

  it("writes markdown to its own file when --output names one, leaving the summary alone", () => {
    const summary = summaryFile();
    const root = copyBundled();
    const r = runCli(["report", "--format", "markdown", "--output", "markdown=out.md"], {
      cwd: root,
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.code).toBe(1);
    expect(readFileSync(summary, "utf8")).toBe("");
    expect(readFileSync(join(root, "out.md"), "utf8")).toMatch(/### Conflicts \(\d+\)/);
  });

  it("prints markdown to stdout outside GitHub Actions", () => {
    const r = runCli(["report", "--format", "markdown"], { cwd: copyBundled() });
    expect(r.stdout).toContain("## claimcheck: do the sources agree?");
  });
});
