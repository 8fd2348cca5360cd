import { checkProject } from "../../pipeline/check.js";
import { validationReport } from "../../pipeline/report.js";
import { cacheLocationFor } from "../cache-option.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import type { OutputTarget } from "../outputs.js";
import { projectRoot } from "../project-root.js";
import { planOutput, renderOutputs } from "../render-outputs.js";
import { VERSION } from "../version.js";

export interface ValidateOptions {
  root: string;
  color?: boolean;
  maxFileSize?: number;
  maxStringLength?: number;
  cache?: boolean;
  cacheLocation?: string;
  /** Where each format goes; the table on stdout by default. */
  outputs?: OutputTarget[];
}

/**
 * Validate every file and ground every quote; nothing is compared. The result is a report that
 * holds only what validation found, so every format can carry it (annotations, SARIF, the job
 * summary, JUnit, JSON). Exit 2 on any error, else 0.
 */
export async function runValidate(options: ValidateOptions, io: Io): Promise<number> {
  const root = await projectRoot(io.cwd, options.root);
  const outputs = options.outputs ?? [{ format: "table" }];
  const check = await checkProject({
    root,
    maxFileBytes: options.maxFileSize,
    maxStringLength: options.maxStringLength,
    cacheLocation: cacheLocationFor(options, root, io.cwd),
    version: VERSION,
  });
  const report = validationReport(check, {
    includeArticles: outputs.some((o) => o.format === "html"),
  });
  const plans = outputs.map((target) => planOutput(target, options.color, io));
  await renderOutputs(() => report, plans, io);
  return report.summary.severities.error > 0 ? EXIT.invalid : EXIT.ok;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
