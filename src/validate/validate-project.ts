/**
 * Validation of the whole project, pure: parsed files in, a validated Project and every problem
 * out. Each file is checked on its own first (syntax, schema), then across files (ids, vocabulary,
 * value types, sources), so one run reports every problem in every file.
 */
import type { Finding } from "../findings/finding.js";
import { formatPath } from "../findings/path.js";
import { type PositionResolver, parseYamlFile } from "../load/yaml-file.js";
import type {
  Acknowledgement,
  Claim,
  Evidence,
  Project,
  Source,
  Vocabulary,
} from "../model/project.js";
import { suggestion } from "./did-you-mean.js";
import {
  acknowledgedFileSchema,
  type ClaimsFileData,
  claimSchema,
  claimsFileSchema,
  DATE_VALUE,
  type EvidenceData,
  type VocabularyData,
  vocabularySchema,
} from "./schema.js";
import { checkSchema, describe } from "./schema-findings.js";
import { checkSourcePath } from "./source-path.js";

export interface TextFile {
  file: string;
  text: string;
}

export interface ProjectFiles {
  vocabulary: TextFile | undefined;
  vocabularyPath: string;
  claims: TextFile[];
  acknowledged?: TextFile | undefined;
}

export interface ValidationResult {
  project: Project;
  findings: Finding[];
  /** Claims files that could not be read into claims at all (syntax or schema errors). */
  invalidFiles: Set<string>;
}

export function validateProject(files: ProjectFiles): ValidationResult {
  const findings: Finding[] = [];
  const invalidFiles = new Set<string>();

  const vocabulary = validateVocabulary(files, findings, invalidFiles);

  const sources: Source[] = [];
  for (const file of files.claims) {
    const parsed = parseYamlFile(file.file, file.text);
    findings.push(...parsed.findings);
    if (parsed.failed) {
      invalidFiles.add(file.file);
      continue;
    }
    if (parsed.data === undefined || parsed.data === null) {
      invalidFiles.add(file.file);
      findings.push({
        ruleId: "schema",
        severity: "error",
        message:
          "the file is empty: a claims file needs a header (source, outlet, published, title) and a claims list",
        location: parsed.locate([]),
        related: [],
      });
      continue;
    }
    const checked = checkSchema(claimsFileSchema, parsed.data, parsed);
    if (parsed.findings.length > 0) invalidFiles.add(file.file);
    if (checked.data) {
      sources.push(toSource(file.file, checked.data, parsed));
      continue;
    }
    findings.push(...checked.findings);
    invalidFiles.add(file.file);
    // Problems confined to some claims: keep the file's valid claims so the cross-file checks
    // (ids, subjects, properties, quotes) still report on them in this run.
    const partial = salvageValidClaims(parsed.data);
    if (partial) sources.push(toSource(file.file, partial, parsed, partial.originalIndexes));
  }

  checkClaimIds(sources, findings);
  checkSharedSources(sources, findings);
  for (const source of sources) {
    const pathProblem = checkSourcePath(source.sourcePath);
    if (pathProblem) {
      findings.push({
        ruleId: "source-outside-repo",
        severity: "error",
        message: `source: ${pathProblem}`,
        location: source.where.locate(["source"]),
        related: [],
        path: "source",
      });
    }
    if (vocabulary)
      for (const claim of source.claims)
        checkClaimAgainstVocabulary(claim, source.where, vocabulary, findings);
  }

  const acknowledged = validateAcknowledged(files.acknowledged, findings);

  return {
    project: {
      vocabulary: vocabulary ?? emptyVocabulary(files.vocabularyPath),
      sources,
      acknowledgements: acknowledged?.items ?? [],
      acknowledgementsWhere: acknowledged?.where,
    },
    findings,
    invalidFiles,
  };
}

function validateVocabulary(
  files: ProjectFiles,
  findings: Finding[],
  invalidFiles: Set<string>,
): Vocabulary | undefined {
  const file = files.vocabulary;
  if (!file) return undefined;
  const parsed = parseYamlFile(file.file, file.text);
  findings.push(...parsed.findings);
  if (parsed.failed) {
    invalidFiles.add(file.file);
    return undefined;
  }
  const checked = checkSchema(vocabularySchema, parsed.data ?? {}, parsed);
  if (!checked.data) {
    findings.push(...checked.findings);
    invalidFiles.add(file.file);
    return undefined;
  }
  return buildVocabulary(file.file, checked.data, parsed, findings);
}

function buildVocabulary(
  file: string,
  data: VocabularyData,
  where: PositionResolver,
  findings: Finding[],
): Vocabulary {
  const entities = new Map<string, VocabularyData["entities"][number]>();
  const properties = new Map<string, VocabularyData["properties"][number]>();
  const duplicate = (path: (string | number)[], message: string, firstPath: (string | number)[]) =>
    findings.push({
      ruleId: "vocabulary-duplicate",
      severity: "error",
      message: `${formatPath(path)}: ${message}`,
      location: where.locate(path),
      related: [{ ...where.locate(firstPath), message: "first defined here" }],
      path: formatPath(path),
    });

  const entityIndex = new Map<string, number>();
  const nameOwner = new Map<string, { id: string; path: (string | number)[] }>();
  data.entities.forEach((entity, i) => {
    const first = entityIndex.get(entity.id);
    if (first !== undefined) {
      duplicate(["entities", i, "id"], `entity id "${entity.id}" is defined twice`, [
        "entities",
        first,
        "id",
      ]);
      return;
    }
    entityIndex.set(entity.id, i);
    entities.set(entity.id, entity);
    const names: [string, (string | number)[]][] = [
      [entity.name, ["entities", i, "name"]],
      ...(entity.aliases ?? []).map((a, j): [string, (string | number)[]] => [
        a,
        ["entities", i, "aliases", j],
      ]),
    ];
    for (const [name, path] of names) {
      const key = name.normalize("NFC").toLowerCase().trim();
      const owner = nameOwner.get(key);
      if (owner && owner.id !== entity.id) {
        duplicate(path, `"${name}" already names entity "${owner.id}"`, owner.path);
      } else if (!owner) nameOwner.set(key, { id: entity.id, path });
    }
  });
  const propertyIndex = new Map<string, number>();
  data.properties.forEach((property, i) => {
    const first = propertyIndex.get(property.id);
    if (first !== undefined) {
      duplicate(["properties", i, "id"], `property id "${property.id}" is defined twice`, [
        "properties",
        first,
        "id",
      ]);
      return;
    }
    propertyIndex.set(property.id, i);
    properties.set(property.id, property);
  });
  return { file, entities, properties, hedges: data.hedges ?? {}, where };
}

function emptyVocabulary(file: string): Vocabulary {
  return { file, entities: new Map(), properties: new Map(), hedges: {} };
}

function toEvidence(e: EvidenceData): Evidence {
  return typeof e === "string"
    ? { quote: e }
    : { quote: e.quote, prefix: e.prefix, suffix: e.suffix };
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

function toSource(
  file: string,
  data: ClaimsFileData,
  where: PositionResolver,
  indexes?: number[],
): Source {
  const claims: Claim[] = data.claims.map((c, i) => ({
    index: indexes?.[i] ?? i,
    id: c.id,
    subject: c.subject,
    property: c.property,
    value: c.value,
    qualifiers: c.qualifiers ?? {},
    evidence: toEvidence(c.evidence),
    status: c.status ?? "accepted",
    file,
  }));
  return {
    claimsFile: file,
    sourcePath: data.source,
    outlet: data.outlet,
    shortName: data.short_name ?? shortNameFromFile(file),
    published: data.published,
    dateline: data.dateline && {
      place: data.dateline.place,
      date: data.dateline.date,
      evidence:
        data.dateline.evidence === undefined ? undefined : toEvidence(data.dateline.evidence),
    },
    title: data.title,
    url: data.url,
    author: data.author,
    claims,
    where,
  };
}

function shortNameFromFile(file: string): string {
  const base = file.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
  return base.length > 16 ? base.slice(0, 16) : base;
}

function checkClaimIds(sources: readonly Source[], findings: Finding[]): void {
  const first = new Map<string, { source: Source; claim: Claim }>();
  for (const source of sources) {
    for (const claim of source.claims) {
      const seen = first.get(claim.id);
      if (!seen) {
        first.set(claim.id, { source, claim });
        continue;
      }
      findings.push({
        ruleId: "duplicate-claim-id",
        severity: "error",
        message: `claims[${claim.index}].id: claim id "${claim.id}" is already used in ${seen.claim.file}`,
        location: source.where.locate(["claims", claim.index, "id"]),
        related: [
          {
            ...seen.source.where.locate(["claims", seen.claim.index, "id"]),
            message: "first used here",
          },
        ],
        path: `claims[${claim.index}].id`,
      });
    }
  }
}

function checkSharedSources(sources: readonly Source[], findings: Finding[]): void {
  const owner = new Map<string, Source>();
  for (const source of sources) {
    const key = source.sourcePath.replace(/^\.\//, "");
    const first = owner.get(key);
    if (!first) {
      owner.set(key, source);
      continue;
    }
    findings.push({
      ruleId: "source-shared",
      severity: "error",
      message: `source: ${source.sourcePath} is already annotated by ${first.claimsFile}; keep one claims file per article`,
      location: source.where.locate(["source"]),
      related: [{ ...first.where.locate(["source"]), message: "the other claims file" }],
      path: "source",
    });
  }
}

function checkClaimAgainstVocabulary(
  claim: Claim,
  where: PositionResolver,
  vocabulary: Vocabulary,
  findings: Finding[],
): void {
  const at = (field: string) => where.locate(["claims", claim.index, field]);
  const path = (field: string) => `claims[${claim.index}].${field}`;
  if (!vocabulary.entities.has(claim.subject)) {
    findings.push({
      ruleId: "unknown-subject",
      severity: "error",
      message: `${path("subject")}: unknown subject "${claim.subject}"${suggestion(claim.subject, vocabulary.entities.keys())}`,
      location: at("subject"),
      related: [],
      path: path("subject"),
    });
  }
  const property = vocabulary.properties.get(claim.property);
  if (!property) {
    findings.push({
      ruleId: "unknown-property",
      severity: "error",
      message: `${path("property")}: unknown property "${claim.property}"${suggestion(claim.property, vocabulary.properties.keys())}`,
      location: at("property"),
      related: [],
      path: path("property"),
    });
    return;
  }
  const problem = valueTypeProblem(claim.value, property.type, vocabulary);
  if (problem) {
    findings.push({
      ruleId: "value-type",
      severity: "error",
      message: `${path("value")}: ${problem} (property "${property.id}" is of type ${property.type})`,
      location: at("value"),
      related: [],
      path: path("value"),
    });
  }
}

export function valueTypeProblem(
  value: string | number | boolean,
  type: string,
  vocabulary: Vocabulary,
): string | undefined {
  switch (type) {
    case "date":
      return typeof value === "string" && DATE_VALUE.test(value)
        ? undefined
        : `expected a date like 2024-02-07, 2024-02, 2024 or --12-19, got ${describe(value)}`;
    case "quantity":
      if (typeof value === "number" && Number.isFinite(value)) return undefined;
      return typeof value === "string"
        ? `expected a number like 7, got ${describe(value)} (write the number as digits; the words stay in the evidence)`
        : `expected a number like 7, got ${describe(value)}`;
    case "boolean":
      return typeof value === "boolean"
        ? undefined
        : `expected true or false, got ${describe(value)}`;
    case "entity":
      if (typeof value === "string" && vocabulary.entities.has(value)) return undefined;
      return `expected an entity id from the vocabulary, got ${describe(value)}${
        typeof value === "string" ? suggestion(value, vocabulary.entities.keys()) : ""
      }`;
    default:
      return typeof value === "string" && value.trim() !== ""
        ? undefined
        : `expected ${type === "name" ? "a name" : "text"}, got ${describe(value)}`;
  }
}

function validateAcknowledged(
  file: TextFile | undefined,
  findings: Finding[],
): { items: Acknowledgement[]; where: PositionResolver } | undefined {
  if (!file) return undefined;
  const parsed = parseYamlFile(file.file, file.text);
  findings.push(...parsed.findings);
  if (parsed.failed) return undefined;
  const checked = checkSchema(acknowledgedFileSchema, parsed.data ?? { acknowledged: [] }, parsed);
  if (!checked.data) {
    findings.push(...checked.findings);
    return undefined;
  }
  return {
    items: checked.data.acknowledged.map((a, index) => ({ ...a, index, file: file.file })),
    where: parsed,
  };
}
