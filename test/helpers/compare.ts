/** Test helper: a project held in memory, validated, grounded and compared, as the CLI does. */
import { expect } from "vitest";
import { type CompareOutput, compareProject } from "../../src/compare/compare-project.js";
import { groundProject } from "../../src/ground/ground-project.js";
import type { TextFile } from "../../src/validate/files.js";
import { validateProject } from "../../src/validate/validate-project.js";

/**
 * Compares claims files given as text; every file must be valid (but for the rules expected) and
 * every quote found.
 */
export function compareInMemory(
  vocabulary: string,
  claims: TextFile[],
  texts: ReadonlyMap<string, string>,
  expectedRules: readonly string[] = [],
): CompareOutput {
  const { project, findings } = validateProject({
    vocabulary: { file: "claims/vocabulary.yaml", text: vocabulary },
    vocabularyPath: "claims/vocabulary.yaml",
    claims,
  });
  expect(findings.map((f) => f.ruleId)).toEqual(expectedRules);
  const grounding = groundProject(project.sources, texts);
  expect(grounding.findings).toEqual([]);
  return compareProject(project, grounding);
}
