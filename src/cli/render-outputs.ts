/**
 * Rendering a report in each requested format and writing each to its place: shared by `report`
 * and `validate`, whose result is a report in which nothing was compared.
 */
import { existsSync, realpathSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { nodeCrypto } from "../load/lazy-node-modules.js";
import type { CachedReport } from "../pipeline/report-cache.js";
import { timedAsync } from "../pipeline/timing.js";
import { makeColors, shouldColor } from "../report/colors.js";
import { type FormatName, loadPiecewiseFormatter } from "../report/formats/index.js";
import type { ReportResult } from "../report/report-result.js";
import type { Io } from "./io.js";
import { type OutputTarget, type RenderedOutput, writeOutputs } from "./outputs.js";
import { VERSION } from "./version.js";

/** How one output is rendered, and its key in the report cache (none for the github format). */
export interface OutputPlan {
  target: OutputTarget;
  colors: boolean;
  width: number;
  key: string | undefined;
}

/** What every output of a run shares besides the report: where files are, what SARIF holds. */
export interface OutputSettings {
  repoPrefix: string;
  linkBase: string | undefined;
  sarifNotes: boolean;
  /** `--quiet`: errors only, as ESLint's option does; facts are still shown. */
  quiet: boolean;
}

export function outputSettings(
  root: string,
  targets: readonly OutputTarget[],
  io: Io,
  options: { sarifNotes?: boolean | undefined; quiet?: boolean | undefined },
): OutputSettings {
  // Only the formats that name files for a CI system need to know where the repository starts.
  const forCi = targets.some((t) => ["github", "sarif", "markdown"].includes(t.format));
  return {
    repoPrefix: forCi ? repositoryPrefix(root, io.env) : "",
    linkBase: forCi ? lineLinkBase(io.env) : undefined,
    sarifNotes: options.sarifNotes === true,
    quiet: options.quiet === true,
  };
}

export function planOutput(
  target: OutputTarget,
  color: boolean | undefined,
  io: Io,
  settings: OutputSettings,
): OutputPlan {
  const toTerminal = target.path === undefined;
  const colors =
    toTerminal && target.format === "table" ? shouldColor(color, io.env, io.stdoutIsTTY) : false;
  const width = toTerminal
    ? Number(io.env.COLUMNS) || (io.stdoutIsTTY ? process.stdout.columns : 0) || 100
    : 100;
  // The github format carries a fresh random token each run, so its output is never reused.
  const key =
    target.format === "github"
      ? undefined
      : JSON.stringify([target.format, colors, width, settings]);
  return { target, colors, width, key };
}

/**
 * Renders `report` for every plan and writes them all (files all or none). With a cached run,
 * an output the cache holds is written as it was, and new outputs are kept for next time.
 */
export async function renderOutputs(
  report: () => ReportResult,
  plans: readonly OutputPlan[],
  io: Io,
  settings: OutputSettings,
  cache?: CachedReport,
): Promise<void> {
  const token = plans.some((p) => p.target.format === "github")
    ? nodeCrypto().randomBytes(16).toString("hex")
    : "";
  const rendered: RenderedOutput[] = [];
  for (const { target, colors, width, key } of plans) {
    const stored = key === undefined ? undefined : cache?.output(key);
    if (stored) {
      rendered.push({ target, chunks: stored });
      continue;
    }
    const result = settings.quiet ? errorsOnly(report()) : report();
    // A format that builds its text whole (the table) does its work here, not while writing.
    const text = await timedAsync("render and write", async () =>
      (await loadPiecewiseFormatter(target.format as FormatName, result, width))(result, {
        colors: makeColors(colors),
        width,
        token,
        version: VERSION,
        repoPrefix: settings.repoPrefix,
        linkBase: settings.linkBase,
        sarifNotes: settings.sarifNotes,
      }),
    );
    rendered.push(
      key === undefined || !cache?.cached
        ? { target, pieces: text }
        : { target, pieces: text, keep: (all) => cache.keepOutput(key, all) },
    );
  }
  await timedAsync("render and write", () => writeOutputs(rendered, io));
}

/**
 * The project root's place in the repository, as `dir/` or "": from GITHUB_WORKSPACE (the
 * checkout) when set, else from the nearest folder above the root that holds `.git`. A root
 * outside either gets "" (paths stay relative to it).
 */
export function repositoryPrefix(root: string, env: NodeJS.ProcessEnv): string {
  let top: string | undefined = env.GITHUB_WORKSPACE;
  if (!top) {
    for (let dir = resolve(root); ; dir = dirname(dir)) {
      if (existsSync(join(dir, ".git"))) {
        top = dir;
        break;
      }
      if (dirname(dir) === dir) break;
    }
  }
  if (!top) return "";
  const real = (p: string) => {
    try {
      return realpathSync.native(p);
    } catch {
      return resolve(p);
    }
  };
  const inside = relative(real(top), real(root));
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) return "";
  return `${inside.split(sep).join("/")}/`;
}

/** `https://github.com/OWNER/REPO/blob/SHA/` in GitHub Actions, else undefined. */
export function lineLinkBase(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = env;
  if (!server || !repo || !sha || !/^[0-9a-f]{7,64}$/i.test(sha)) return undefined;
  if (!/^https?:\/\/[^\s()<>]+$/.test(server) || !/^[\w.-]+\/[\w.-]+$/.test(repo)) return undefined;
  return `${server.replace(/\/$/, "")}/${repo}/blob/${sha}/`;
}

/** The report with its warnings and notes left out (`--quiet`). */
function errorsOnly(report: ReportResult): ReportResult {
  const findings = report.findings.filter((f) => f.severity === "error");
  return {
    ...report,
    findings,
    summary: { ...report.summary, severities: { error: findings.length, warning: 0, note: 0 } },
  };
}
