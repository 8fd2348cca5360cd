/**
 * Rendering a report in each requested format and writing each to its place: shared by `report`
 * and `validate`, whose result is a report in which nothing was compared.
 */
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

export function planOutput(target: OutputTarget, color: boolean | undefined, io: Io): OutputPlan {
  const toTerminal = target.path === undefined;
  const colors =
    toTerminal && target.format === "table" ? shouldColor(color, io.env, io.stdoutIsTTY) : false;
  const width = toTerminal
    ? Number(io.env.COLUMNS) || (io.stdoutIsTTY ? process.stdout.columns : 0) || 100
    : 100;
  // The github format carries a fresh random token each run, so its output is never reused.
  const key =
    target.format === "github" ? undefined : JSON.stringify([target.format, colors, width]);
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
    const result = report();
    // A format that builds its text whole (the table) does its work here, not while writing.
    const text = await timedAsync("render and write", async () =>
      (await loadPiecewiseFormatter(target.format as FormatName, result))(result, {
        colors: makeColors(colors),
        width,
        token,
        version: VERSION,
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
