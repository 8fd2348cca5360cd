/**
 * The whole report, cached beside the file cache (`<cache location>.report`). A re-run with
 * nothing changed (the same YAML files, the same articles, the same settings and version) still
 * reads and hashes every input, then renders the stored report instead of validating, grounding
 * and comparing again. Any difference in any input, or in the settings, is a miss.
 */
import { realpathSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { deserialize, serialize } from "node:v8";
import { hashText } from "../load/cache.js";
import { readSourceText } from "../load/source-texts.js";
import type { ReportResult } from "../report/report-result.js";
import type { ReadFiles } from "./check.js";

/** Bump when the stored shape changes. */
const REPORT_CACHE_FORMAT = "claimcheck-report-cache-1";

export interface StoredReport {
  format: string;
  version: string;
  /** Root, filters and limits, as one string: a report is stored for one setting. */
  settings: string;
  /** The YAML files read (vocabulary, acknowledgements, claims), in order, with their hashes. */
  yaml: [string, string][];
  /** The articles read, by repository path, with their hashes. */
  articles: [string, string][];
  report: ReportResult;
}

export function reportCachePath(cacheLocation: string): string {
  return `${cacheLocation}.report`;
}

/** The hashes of the YAML files as read, in a fixed order. */
export function yamlInputs(read: ReadFiles): [string, string][] {
  const { vocabulary, acknowledged, claims } = read.files;
  return [vocabulary, acknowledged, ...claims]
    .filter((f) => f !== undefined)
    .map((f) => [f.file, hashText(f.text)]);
}

/**
 * The stored report when every input and the settings are as they were, else undefined.
 * Articles are read the way a full run reads them (links leaving the repository refused).
 */
export async function storedReport(
  cacheLocation: string,
  expected: {
    version: string;
    settings: string;
    yaml: [string, string][];
    root: string;
    maxFileBytes?: number | undefined;
  },
): Promise<ReportResult | undefined> {
  let stored: Partial<StoredReport>;
  try {
    stored = deserialize(await readFile(reportCachePath(cacheLocation))) as Partial<StoredReport>;
  } catch {
    return undefined; // none yet, or unreadable: a full run rebuilds it
  }
  if (
    stored.format !== REPORT_CACHE_FORMAT ||
    stored.version !== expected.version ||
    stored.settings !== expected.settings ||
    !stored.report ||
    !Array.isArray(stored.yaml) ||
    !Array.isArray(stored.articles) ||
    !samePairs(stored.yaml, expected.yaml)
  ) {
    return undefined;
  }
  const realRoot = realpathSync.native(expected.root);
  for (const [path, hash] of stored.articles) {
    const read = readSourceText(expected.root, realRoot, path, expected.maxFileBytes);
    if (!read.ok || hashText(read.text) !== hash) return undefined;
  }
  return stored.report;
}

export async function storeReport(
  cacheLocation: string,
  entry: Omit<StoredReport, "format">,
): Promise<void> {
  const path = reportCachePath(cacheLocation);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, serialize({ format: REPORT_CACHE_FORMAT, ...entry }));
    await rename(temp, path);
  } catch {
    // A cache that cannot be written only costs speed next time.
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

function samePairs(a: readonly [string, string][], b: readonly [string, string][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]![0] !== b[i]![0] || a[i]![1] !== b[i]![1]) return false;
  }
  return true;
}
