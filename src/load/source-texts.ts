/**
 * Reading the article behind each claims file, refusing any path (or link) that leads
 * outside the repository.
 */
import { realpathSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Finding } from "../findings/finding.js";
import type { Source } from "../model/project.js";
import { checkSourcePath } from "../validate/source-path.js";
import { DEFAULT_MAX_FILE_BYTES, readTextSync } from "./read-text.js";

export async function readSourceTexts(
  root: string,
  sources: readonly Source[],
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<{ texts: Map<string, string>; findings: Finding[] }> {
  const texts = new Map<string, string>();
  const findings: Finding[] = [];
  const realRoot = realpathSync.native(root);
  // Synchronous, like readTextSync: thousands of small files read faster without a promise each.
  for (const source of sources) {
    (() => {
      if (checkSourcePath(source.sourcePath)) return; // reported by validation
      const fail = (ruleId: string, message: string) =>
        findings.push({
          ruleId,
          severity: "error",
          message: `source: ${message}`,
          location: source.where.locate(["source"]),
          related: [],
          path: "source",
        });
      const full = join(root, source.sourcePath);
      let real: string;
      try {
        real = realpathSync.native(full);
      } catch {
        fail("source-missing", `${source.sourcePath} does not exist`);
        return;
      }
      const inside = relative(realRoot, real);
      if (
        inside === "" ||
        inside.startsWith(`..${sep}`) ||
        inside === ".." ||
        inside.startsWith(sep)
      ) {
        fail(
          "source-outside-repo",
          `${source.sourcePath} is a link that leads outside the repository`,
        );
        return;
      }
      const result = readTextSync(real, maxBytes);
      if (!result.ok) {
        fail(
          result.reason === "encoding"
            ? "encoding"
            : result.reason === "too-large"
              ? "file-too-large"
              : "source-missing",
          `${source.sourcePath} ${result.message}`,
        );
        return;
      }
      texts.set(source.claimsFile, result.text);
    })();
  }
  return { texts, findings };
}
