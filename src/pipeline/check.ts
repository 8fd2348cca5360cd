/**
 * The front half of every command: read the project, validate it, read the articles and
 * ground every quote. I/O happens here and in load/; validate/ and ground/ stay pure.
 */
import type { Finding } from "../findings/finding.js";
import { type GroundingResult, groundProject } from "../ground/ground-project.js";
import { checkValueSupport } from "../ground/value-support.js";
import { readProjectFiles } from "../load/project-files.js";
import { readSourceTexts } from "../load/source-texts.js";
import type { Project } from "../model/project.js";
import { validateProject } from "../validate/validate-project.js";

export interface CheckOptions {
  root: string;
  maxFileBytes?: number;
}

export interface CheckResult {
  project: Project;
  grounding: GroundingResult;
  findings: Finding[];
  /** Files that could not be read into claims: a report over the rest is partial. */
  invalidFiles: Set<string>;
}

export async function checkProject(options: CheckOptions): Promise<CheckResult> {
  const { files, findings: readFindings } = await readProjectFiles(options);
  const validation = validateProject(files);
  const { project } = validation;
  const { texts, findings: sourceFindings } = await readSourceTexts(
    options.root,
    project.sources,
    options.maxFileBytes,
  );
  const grounding = groundProject(project.sources, texts);
  const support = checkValueSupport(project, grounding);
  return {
    project,
    grounding,
    findings: [
      ...readFindings,
      ...validation.findings,
      ...sourceFindings,
      ...grounding.findings,
      ...support,
    ],
    invalidFiles: validation.invalidFiles,
  };
}
