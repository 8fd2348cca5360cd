/** Test helpers: temporary projects on disk and the real CLI as a child process. */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(REPO, "dist/claimcheck.js");
/** How many articles the project bundles (one claims file each). */
export const BUNDLED_ARTICLES = readdirSync(join(REPO, "sources")).filter((f) =>
  f.endsWith(".txt"),
).length;

/** A temporary project with the bundled vocabulary and the given files (paths relative to its root). */
export function makeProject(
  files: Record<string, string | Uint8Array>,
  options: { vocabulary?: boolean } = {},
): string {
  const root = mkdtempSync(join(tmpdir(), "claimcheck-test-"));
  mkdirSync(join(root, "claims"), { recursive: true });
  mkdirSync(join(root, "sources"), { recursive: true });
  if (options.vocabulary !== false)
    cpSync(join(REPO, "claims/vocabulary.yaml"), join(root, "claims/vocabulary.yaml"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A temporary copy of the bundled project (claims and sources). */
export function copyBundled(): string {
  const root = mkdtempSync(join(tmpdir(), "claimcheck-bundled-"));
  cpSync(join(REPO, "claims"), join(root, "claims"), { recursive: true });
  cpSync(join(REPO, "sources"), join(root, "sources"), { recursive: true });
  return root;
}

/** The five articles the project started from (../shared/seeds), by their names in sources/. */
export const SEED_ARTICLES = [
  "2018-04-12_unattributed_aliyev-receives-sco-secretary-general",
  "2024-02-05_trend_prosecutor-general-meets-cis-observers",
  "2024-02-06_azernews_bayramov-receives-cis-secretary-general",
  "2024-02-06_menafn-trend_cec-chairman-meets-cis-delegation",
  "2024-02-08_unattributed_aliyev-receives-cis-secretary-general",
] as const;

/**
 * A temporary project of the five seed articles alone, with the bundled vocabulary: for tests
 * that read what the report says of those five, whatever else the corpus grows to hold.
 */
export function seedProject(): string {
  const root = mkdtempSync(join(tmpdir(), "claimcheck-seeds-"));
  mkdirSync(join(root, "claims"));
  mkdirSync(join(root, "sources"));
  cpSync(join(REPO, "claims/vocabulary.yaml"), join(root, "claims/vocabulary.yaml"));
  for (const name of SEED_ARTICLES) {
    cpSync(join(REPO, `claims/${name}.yaml`), join(root, `claims/${name}.yaml`));
    cpSync(join(REPO, `sources/${name}.txt`), join(root, `sources/${name}.txt`));
  }
  return root;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: "utf8",
    env: {
      ...process.env,
      NO_COLOR: "1",
      FORCE_COLOR: undefined,
      GITHUB_STEP_SUMMARY: undefined,
      GITHUB_ACTIONS: undefined,
      ...options.env,
    },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A minimal valid claims file header for `source`. */
export function header(source: string, extra = ""): string {
  return `source: ${source}\noutlet: Test Outlet\nshort_name: Test\npublished: 2024-02-06\ntitle: A test article\n${extra}`;
}
