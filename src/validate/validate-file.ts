/**
 * Validation of one file on its own: YAML syntax, then the schema. The only part of validation
 * that needs zod, so a run that finds every file in its cache never loads it.
 */
import { appendAll, type Finding } from "../findings/finding.js";
import { type ParsedYaml, type PositionResolver, parseYamlFile } from "../load/yaml-file.js";
import type { Acknowledgement, Source, Vocabulary } from "../model/project.js";
import type { TextFile } from "./files.js";
import {
  acknowledgedFileSchema,
  type ClaimsFileData,
  claimSchema,
  claimsFileSchema,
  type VocabularyData,
  vocabularySchema,
} from "./schema.js";
import { checkSchema } from "./schema-findings.js";
import { buildVocabulary, toSource } from "./to-model.js";

export { carefulParse } from "../load/yaml-file.js";
export { emptyVocabulary } from "./to-model.js";

export interface ClaimsFileResult {
  /** The file's claims: all of them, or the valid ones when only some claims are invalid. */
  source?: Source | undefined;
  /** The validated data, when the whole file is valid (what a cache may keep). */
  data?: ClaimsFileData | undefined;
  parsed: ParsedYaml;
  findings: Finding[];
  invalid: boolean;
}

export function validateClaimsFile(file: TextFile): ClaimsFileResult {
  const parsed = parseYamlFile(file.file, file.text);
  const findings = [...parsed.findings];
  if (parsed.failed) return { parsed, findings, invalid: true };
  if (parsed.data === undefined || parsed.data === null) {
    findings.push({
      ruleId: "schema",
      severity: "error",
      message:
        "the file is empty: a claims file needs a header (source, outlet, published) and a claims list",
      location: parsed.locate([]),
      related: [],
    });
    return { parsed, findings, invalid: true };
  }
  const checked = checkSchema(claimsFileSchema, parsed.data, parsed);
  if (checked.data) {
    return {
      source: toSource(file.file, checked.data, positionsOf(parsed)),
      data: parsed.findings.length === 0 ? checked.data : undefined,
      parsed,
      findings,
      invalid: parsed.findings.length > 0,
    };
  }
  appendAll(findings, checked.findings);
  // Problems confined to some claims: keep the file's valid claims so the cross-file checks
  // (ids, subjects, properties, quotes) still report on them in this run.
  const partial = salvageValidClaims(parsed.data);
  return {
    source: partial
      ? toSource(file.file, partial, positionsOf(parsed), partial.originalIndexes)
      : undefined,
    parsed,
    findings,
    invalid: true,
  };
}

export interface VocabularyResult {
  vocabulary?: Vocabulary | undefined;
  data?: VocabularyData | undefined;
  parsed: ParsedYaml;
  findings: Finding[];
}

export function validateVocabularyFile(file: TextFile): VocabularyResult {
  const parsed = parseYamlFile(file.file, file.text);
  const findings = [...parsed.findings];
  if (parsed.failed) return { parsed, findings };
  const checked = checkSchema(vocabularySchema, parsed.data ?? {}, parsed);
  if (!checked.data) return { parsed, findings: [...findings, ...checked.findings] };
  const vocabulary = buildVocabulary(file.file, checked.data, positionsOf(parsed), findings);
  return { vocabulary, data: findings.length === 0 ? checked.data : undefined, parsed, findings };
}

export interface AcknowledgedResult {
  items?: Acknowledgement[] | undefined;
  parsed: ParsedYaml;
  findings: Finding[];
}

export function validateAcknowledgedFile(file: TextFile): AcknowledgedResult {
  const parsed = parseYamlFile(file.file, file.text);
  const findings = [...parsed.findings];
  if (parsed.failed) return { parsed, findings };
  const checked = checkSchema(acknowledgedFileSchema, parsed.data ?? { acknowledged: [] }, parsed);
  if (!checked.data) return { parsed, findings: [...findings, ...checked.findings] };
  return {
    items: checked.data.acknowledged.map((a, index) => ({ ...a, index, file: file.file })),
    parsed,
    findings,
  };
}

/**
 * What the model keeps of a parse: how to find a node, not the parsed data. A source that held
 * the whole parse would keep the parser's copy of every claim alive beside the model's for the
 * whole run, and each such copy is moved once more by the garbage collector.
 */
function positionsOf(parsed: ParsedYaml): PositionResolver {
  return { locate: parsed.locate };
}

/** The file with only its schema-valid claims, if its header is valid; indexes keep their places. */
function salvageValidClaims(
  data: unknown,
): (ClaimsFileData & { originalIndexes: number[] }) | undefined {
  if (!data || typeof data !== "object" || !Array.isArray((data as { claims?: unknown }).claims))
    return undefined;
  const all = (data as { claims: unknown[] }).claims;
  const header = claimsFileSchema.safeParse({ ...data, claims: [] });
  if (!header.success) return undefined;
  const claims: ClaimsFileData["claims"] = [];
  const originalIndexes: number[] = [];
  all.forEach((claim, i) => {
    const ok = claimSchema.safeParse(claim);
    if (ok.success) {
      claims.push(ok.data);
      originalIndexes.push(i);
    }
  });
  return { ...header.data, claims, originalIndexes };
}
