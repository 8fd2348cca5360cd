/** Helpers for the CI tests: acknowledgements for the bundled conflicts, edits to claims, git. */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The conflicts in the bundled articles, reviewed. */
/** Acknowledges every conflict of the five seed articles (seedProject). */
export const ACK_SEEDS = `acknowledged:
  - subject: cis
    property: name
    values: [Commonwealth of Independent States, Union of Independent States]
    reason: MENAFN's syndicated copy misnames the CIS; the acronym it gives is still CIS.
    reviewer: test
    date: 2024-03-01
  - subject: ilham_aliyev
    property: name
    values: [Ilham Aliyev, llham Aliyev]
    reason: The 2018 article types a lower-case L for the capital I once.
    reviewer: test
    date: 2024-03-01
  - subject: sergey_lebedev
    property: position
    values:
      - Secretary General of the Commonwealth of Independent States
      - Secretary General of the Union of Independent States
      - CIS Secretary General
      - Secretary General
    reason: The same misnaming as for the CIS itself.
    reviewer: test
    date: 2024-03-01
  - subject: azerbaijan_presidential_election_2024
    property: status
    as_of: 2024-02-06
    values: [scheduled, held]
    reason: Azernews writes "were held" the day before the election, beside "to be held".
    reviewer: test
    date: 2024-03-01
`;

/** An acknowledgement that matches no discrepancy: the party's name is not in conflict. */
export const ACK_STALE = `  - subject: new_azerbaijan_party
    property: name
    values: [New Azerbaijan Party, Yeni Azerbaijan Party]
    reason: Written for a discrepancy that has since been fixed.
    reviewer: test
    date: 2024-03-01
`;

export const TREND = "claims/2024-02-05_trend_prosecutor-general-meets-cis-observers.yaml";
export const AZERNEWS = "claims/2024-02-06_azernews_bayramov-receives-cis-secretary-general.yaml";

/** Replace the value of one claim (by id) in a claims file; returns the value's 1-based line. */
export function setClaimValue(root: string, file: string, claimId: string, value: string): number {
  const path = join(root, file);
  const lines = readFileSync(path, "utf8").split("\n");
  const start = lines.findIndex((l) => l.trim() === `- id: ${claimId}`);
  if (start < 0) throw new Error(`no claim ${claimId} in ${file}`);
  const at = lines.findIndex((l, i) => i > start && /^\s+value:/.test(l));
  lines[at] = lines[at]!.replace(/value:.*$/, `value: ${value}`);
  writeFileSync(path, lines.join("\n"));
  return at + 1;
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "test",
      GIT_AUTHOR_EMAIL: "test@example.invalid",
      GIT_COMMITTER_NAME: "test",
      GIT_COMMITTER_EMAIL: "test@example.invalid",
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
    },
  });
}

/** Make `root` a git repository with everything committed on branch main. */
export function initRepo(root: string): void {
  git(root, "init", "-q", "-b", "main");
  git(root, "add", "-A");
  git(root, "commit", "-q", "-m", "base");
}
