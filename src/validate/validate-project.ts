/**
 * Validation of the whole project, pure: files in, a validated Project and every problem out.
 * Each file is checked on its own first (validate-file: syntax, schema), then across files
 * (cross-file: ids, vocabulary, value types, sources), so one run reports every problem in every file.
 */
import { appendAll, type Finding } from "../findings/finding.js";
import type { Project, Source } from "../model/project.js";
import { checkAcrossFiles } from "./cross-file.js";
import type { ProjectFiles } from "./files.js";
import {
  emptyVocabulary,
  validateAcknowledgedFile,
  validateClaimsFile,
  validateVocabularyFile,
} from "./validate-file.js";

export { valueTypeProblem } from "./cross-file.js";
export type { ProjectFiles, TextFile } from "./files.js";

export interface ValidationResult {
  project: Project;
  findings: Finding[];
  /** Files that could not be read whole (syntax or schema errors): a report over the rest is partial. */
  invalidFiles: Set<string>;
}

export function validateProject(files: ProjectFiles): ValidationResult {
  const findings: Finding[] = [];
  const invalidFiles = new Set<string>();
  const vocabularyResult = files.vocabulary ? validateVocabularyFile(files.vocabulary) : undefined;
  if (vocabularyResult) {
    appendAll(findings, vocabularyResult.findings);
    if (!vocabularyResult.vocabulary) invalidFiles.add(files.vocabularyPath);
  }
  const vocabulary = vocabularyResult?.vocabulary;
  const sources: Source[] = [];
  for (const file of files.claims) {
    const result = validateClaimsFile(file);
    appendAll(findings, result.findings);
    if (result.invalid) invalidFiles.add(file.file);
    if (result.source) sources.push(result.source);
  }
  appendAll(findings, checkAcrossFiles(sources, vocabulary));
  const acknowledged = files.acknowledged
    ? validateAcknowledgedFile(files.acknowledged)
    : undefined;
  if (acknowledged) appendAll(findings, acknowledged.findings);
  return {
    project: {
      vocabulary: vocabulary ?? emptyVocabulary(files.vocabularyPath),
      sources,
      acknowledgements: acknowledged?.items ?? [],
      acknowledgementsWhere: acknowledged?.parsed,
    },
    findings,
    invalidFiles,
  };
}
