import { countBySeverity } from "../../findings/finding.js";
import { checkProject } from "../../pipeline/check.js";
import { makeColors, shouldColor } from "../../report/colors.js";
import { renderFindingsText } from "../../report/formats/findings-text.js";
import { cacheLocationFor } from "../cache-option.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { projectRoot } from "../project-root.js";
import { VERSION } from "../version.js";

export interface ValidateOptions {
  /** --root; without it, the nearest folder holding claims/ (see project-root.ts). */
  root?: string | undefined;
  color?: boolean;
  maxFileSize?: number;
  maxStringLength?: number;
  cache?: boolean;
  cacheLocation?: string;
}

export async function runValidate(options: ValidateOptions, io: Io): Promise<number> {
  const root = await projectRoot(io.cwd, options.root);
  const result = await checkProject({
    root,
    maxFileBytes: options.maxFileSize,
    maxStringLength: options.maxStringLength,
    cacheLocation: cacheLocationFor(options, root, io.cwd),
    version: VERSION,
  });
  const c = makeColors(shouldColor(options.color, io.env, io.stdoutIsTTY));
  const counts = countBySeverity(result.findings);
  if (result.findings.length > 0) io.stdout(renderFindingsText(result.findings, c));
  const files = new Set(
    result.findings.filter((f) => f.severity === "error").map((f) => f.location.file),
  );
  const claims = result.project.sources.reduce((n, s) => n + s.claims.length, 0);
  if (counts.error > 0) {
    io.stdout(
      `${c.red(`${plural(counts.error, "error")} in ${plural(files.size, "file")}`)}${
        counts.warning ? `, ${plural(counts.warning, "warning")}` : ""
      }\n`,
    );
    return EXIT.invalid;
  }
  io.stdout(
    `${c.green("✓")} ${plural(result.project.sources.length, "claims file")}, ${plural(claims, "claim")}: all valid, every quote found${
      counts.warning ? ` (${plural(counts.warning, "warning")})` : ""
    }\n`,
  );
  return EXIT.ok;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
