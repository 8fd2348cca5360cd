/**
 * The fact table loads string-width only for a report with text outside the narrow class, and
 * with it, wide text lines up. Its own file: whether string-width is loaded is module state.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { prepareTable } from "../../src/report/formats/table.js";
import { displayWidth } from "../../src/report/formats/text-grid.js";
import type { ReportResult } from "../../src/report/report-result.js";
import { copyBundled, runCli } from "../helpers/project.js";
import { bundledReport } from "./helpers.js";

describe("measuring the table's text", () => {
  it("does not load string-width for the bundled report, and loads it for wide text", async () => {
    const report = await bundledReport();
    await prepareTable(report);
    // Not loaded: the guard counts code points.
    expect(displayWidth("選挙")).toBe(2);
    const wide: ReportResult = {
      ...report,
      groups: report.groups.map((g, i) => (i === 0 ? { ...g, subjectLabel: "選挙管理委員会" } : g)),
    };
    await prepareTable(wide);
    expect(displayWidth("選挙")).toBe(4);
  });

  it("lines up a table with wide characters, through the real CLI", () => {
    const root = copyBundled();
    const vocabulary = join(root, "claims/vocabulary.yaml");
    writeFileSync(
      vocabulary,
      readFileSync(vocabulary, "utf8").replace(
        "    name: Ilham Aliyev\n",
        "    name: イルハム・アリエフ Ilham Aliyev 👍🏽\n",
      ),
    );
    const r = runCli(["--root", root, "report"], { env: { COLUMNS: "80" } });
    expect(r.stdout).toContain("イルハム");
    const lines = r.stdout.split("\n").filter((l) => /^[│┌├└]/.test(l));
    const grid = lines.slice(0, lines.findIndex((l) => l.startsWith("└")) + 1);
    expect(grid.length).toBeGreaterThan(50);
    expect(new Set(grid.map((l) => stringWidth(l)))).toEqual(new Set([80]));
  });

  it("lines up the agreement table when a source's name is wide, through the real CLI", () => {
    // Without short_name, a source is named after its outlet, which may be in any script.
    // The filter keeps that source out of the fact table: only the agreement table names it.
    const root = copyBundled();
    const path = join(
      root,
      "claims/2018-04-12_unattributed_aliyev-receives-sco-secretary-general.yaml",
    );
    writeFileSync(
      path,
      readFileSync(path, "utf8")
        .replace(/^short_name: .*\n/m, "")
        .replace(/^outlet: .*$/m, "outlet: 東京 2018"),
    );
    const r = runCli(["--root", root, "report", "--subject", "cis", "--property", "name"], {
      env: { COLUMNS: "80" },
    });
    const start = r.stdout.indexOf("Agreement by source");
    expect(start).toBeGreaterThan(0);
    expect(r.stdout.slice(0, start)).not.toContain("東京");
    const lines = r.stdout.slice(start).split("\n");
    const table = lines.slice(1, lines.findIndex((l) => l.startsWith("└")) + 1);
    expect(table.some((l) => l.includes("東京 2018"))).toBe(true);
    expect(new Set(table.map((l) => stringWidth(l))).size).toBe(1);
  });
});
