/**
 * Acknowledged, new and stale discrepancies, and what --fail-on and --strict make of them, through
 * the real CLI on a copy of the bundled articles.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ReportResult } from "../../src/report/report-result.js";
import { runnerCommands } from "../formats/helpers.js";
import { runCli, seedProject } from "../helpers/project.js";
import { ACK_SEEDS, ACK_STALE, setClaimValue, TREND } from "./helpers.js";

function project(ack?: string): string {
  const root = seedProject(); // the five seed articles, whose conflicts ACK_SEEDS acknowledges
  if (ack !== undefined) writeFileSync(join(root, "claims/acknowledged.yaml"), ack);
  return root;
}

function report(root: string, ...args: string[]) {
  const r = runCli(["report", "--format", "json", ...args], { cwd: root });
  return { code: r.code, report: JSON.parse(r.stdout) as ReportResult, stderr: r.stderr };
}

describe("acknowledged conflicts", { timeout: 60_000 }, () => {
  it("an unacknowledged conflict fails the run (exit 1)", () => {
    expect(report(project()).code).toBe(1);
  });

  it("acknowledged conflicts are reported as such and do not fail the run", () => {
    const { code, report: r } = report(project(ACK_SEEDS));
    expect(code).toBe(0);
    const conflicts = r.groups.filter((g) => g.verdict === "conflict");
    // One acknowledgement per conflict of the bundled articles.
    const acknowledgements = ACK_SEEDS.split("\n  - subject:").length - 1;
    expect(conflicts).toHaveLength(acknowledgements);
    expect(conflicts.every((g) => g.acknowledged)).toBe(true);
    expect(r.summary.acknowledged).toBe(acknowledgements);
    expect(r.findings.filter((f) => f.ruleId === "acknowledged-stale")).toEqual([]);
  });

  it("shows acknowledged conflicts as notices in the github format, with no error", () => {
    const r = runCli(["report", "--format", "github"], { cwd: project(ACK_SEEDS) });
    expect(r.code).toBe(0);
    const commands = runnerCommands(r.stdout);
    expect(commands.filter((c) => c.name === "error")).toEqual([]);
    const acked = commands.filter(
      (c) => c.name === "notice" && c.props.title?.startsWith("conflict (acknowledged)"),
    );
    expect(acked.length).toBeGreaterThanOrEqual(3);
  });

  it("a changed value in an acknowledged group is new again: exit 1, and the old acknowledgement is stale", () => {
    const root = project(ACK_SEEDS);
    setClaimValue(root, TREND, "trd-cis-name", "Commonwealth of Independent Nations");
    const { code, report: r } = report(root);
    expect(code).toBe(1);
    const cis = r.groups.find((g) => g.key === "cis/name")!;
    expect(cis.verdict).toBe("conflict");
    expect(cis.acknowledged).toBe(false);
    expect(
      r.findings.some((f) => f.ruleId === "conflict" && !f.acknowledged && f.severity === "error"),
    ).toBe(true);
    expect(r.findings.filter((f) => f.ruleId === "acknowledged-stale")).toHaveLength(1);
  });
});

describe("stale acknowledgements and --strict", { timeout: 60_000 }, () => {
  const stale = () => project(ACK_SEEDS + ACK_STALE);

  it("reports a stale acknowledgement as a warning at its place in acknowledged.yaml, exit 0", () => {
    const { code, report: r } = report(stale());
    expect(code).toBe(0);
    const warnings = r.findings.filter((f) => f.ruleId === "acknowledged-stale");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      severity: "warning",
      // The stale one is written after ACK_SEEDS's entries.
      location: { file: "claims/acknowledged.yaml", line: ACK_SEEDS.split("\n").length },
    });
  });

  it("--strict makes a stale acknowledgement fail the run", () => {
    expect(report(stale(), "--strict").code).toBe(1);
    expect(report(project(ACK_SEEDS), "--strict").code).toBe(0);
  });
});

describe("--fail-on", { timeout: 60_000 }, () => {
  it("never: exit 0 even with unacknowledged conflicts", () => {
    expect(report(project(), "--fail-on", "never").code).toBe(0);
  });

  it("conflict (the default) and compatible: exit 0 once every conflict is acknowledged", () => {
    expect(report(project(ACK_SEEDS), "--fail-on", "conflict").code).toBe(0);
    expect(report(project(ACK_SEEDS), "--fail-on", "compatible").code).toBe(0);
  });

  it("single-source: single-source facts fail the run even when conflicts are acknowledged", () => {
    expect(report(project(ACK_SEEDS), "--fail-on", "single-source").code).toBe(1);
  });

  it("--strict still fails on a stale acknowledgement with --fail-on never", () => {
    const root = project(ACK_SEEDS + ACK_STALE);
    expect(report(root, "--fail-on", "never").code).toBe(0);
    expect(report(root, "--fail-on", "never", "--strict").code).toBe(1);
  });

  it("refuses an unknown value with a usage error (exit 2)", () => {
    const r = runCli(["report", "--fail-on", "sometimes"], { cwd: project() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fail-on/);
  });
});
