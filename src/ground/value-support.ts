/** Placeholder until the value-in-quote checks land. */
import type { Finding } from "../findings/finding.js";
import type { Project } from "../model/project.js";
import type { GroundingResult } from "./ground-project.js";

export function checkValueSupport(_project: Project, _grounding: GroundingResult): Finding[] {
  return [];
}
