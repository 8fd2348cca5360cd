/**
 * Reading the article behind each claims file, refusing any path (or link) that leads out of
 * the repository's sources/ folder.
 */
import { realpathSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import type { Finding } from "../findings/finding.js";
import type { Source } from "../model/project.js";
import { checkSourcePath, isUnderSources, SOURCES_DIR } from "../validate/source-path.js";
import { DEFAULT_MAX_FILE_BYTES, readFailureRule, readTextSync } from "./read-text.js";
import { RealPaths } from "./real-paths.js";

export type SourceTextResult =
  | { ok: true; text: string }
  | { ok: false; ruleId: string; message: string };

export async function readSourceTexts(
  root: string,
  sources: readonly Source[],
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<{ texts: Map<string, string>; findings: Finding[] }> {
  const texts = new Map<string, string>();
  const findings: Finding[] = [];
  const realRoot = realpathSync.native(root);
  const realPaths = new RealPaths();
  // Synchronous, like readTextSync: thousands of small files read faster without a promise each.
  for (const source of sources) {
    if (checkSourcePath(source.sourcePath)) continue; // reported by validation
    const result = readSourceText(root, realRoot, source.sourcePath, maxBytes, realPaths);
    if (result.ok) {
      texts.set(source.claimsFile, result.text);
      continue;
    }
    findings.push({
      ruleId: result.ruleId,
      severity: "error",
      message: `source: ${result.message}`,
      location: source.where.locate(["source"]),
      related: [],
      path: "source",
    });
  }
  return { texts, findings };
}

/** One article, by its repository path; `realRoot` is the repository with links resolved. */
export function readSourceText(
  root: string,
  realRoot: string,
  sourcePath: string,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
  realPaths = new RealPaths(),
): SourceTextResult {
  let real: string;
  try {
    real = realPaths.of(join(root, sourcePath));
  } catch {
    return { ok: false, ruleId: "source-missing", message: `${sourcePath} does not exist` };
  }
  // A link may only lead to another plain file under sources/ of this repository.
  const inside = relative(realRoot, real).split(sep).join("/");
  if (!isUnderSources(inside)) {
    const where = inside === ".." || inside.startsWith("../") || isAbsolute(inside);
    return {
      ok: false,
      ruleId: "source-path",
      message: `${sourcePath} is a link that leads ${where ? "outside the repository" : `out of ${SOURCES_DIR}/`}`,
    };
  }
  const result = readTextSync(real, maxBytes);
  if (result.ok) return result;
  return {
    ok: false,
    ruleId: readFailureRule(result.reason),
    message: `${sourcePath} ${result.message}`,
  };
}
