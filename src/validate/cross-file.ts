/**
 * The checks that need more than one file: one name per source, claim ids unique across the
 * repository, one claims file per article, sources under sources/, and every claim against the vocabulary
 * (subject, property, value type). Pure and free of zod.
 */
import { posix } from "node:path";
import { appendAll, type Finding } from "../findings/finding.js";
import type { PositionResolver } from "../load/yaml-file.js";
import type { Claim, Source, Vocabulary } from "../model/project.js";
import { describe } from "./describe.js";
import { suggestion } from "./did-you-mean.js";
import { DATE_VALUE, isRealDate } from "./formats.js";
import { nameSources } from "./source-names.js";
import { checkSourcePath } from "./source-path.js";

export function checkAcrossFiles(
  sources: readonly Source[],
  vocabulary: Vocabulary | undefined,
): Finding[] {
  const findings = checkBetweenFiles(sources);
  for (const source of sources) appendAll(findings, checkSourceAlone(source, vocabulary));
  return findings;
}

/** The checks that compare files: one name per source, unique claim ids, one file per article. */
export function checkBetweenFiles(sources: readonly Source[]): Finding[] {
  // Every source gets its one name first: the messages below use it.
  const findings: Finding[] = nameSources(sources);
  checkClaimIds(sources, findings);
  checkSharedSources(sources, findings);
  return findings;
}

/**
 * The checks of one claims file against the vocabulary and the rules for sources, which need no
 * other claims file (a worker thread can make them): the article's path, placeholders left by
 * `init`, and each claim's subject, property and value type.
 */
export function checkSourceAlone(source: Source, vocabulary: Vocabulary | undefined): Finding[] {
  const findings: Finding[] = [];
  const pathProblem = checkSourcePath(source.sourcePath);
  if (pathProblem) {
    findings.push({
      ruleId: "source-path",
      severity: "error",
      message: `source: ${pathProblem}`,
      location: source.where.locate(["source"]),
      related: [],
      path: "source",
    });
  }
  checkPlaceholders(source, findings);
  if (vocabulary) {
    for (const claim of source.claims)
      checkClaimAgainstVocabulary(claim, source.where, vocabulary, findings);
  }
  return findings;
}

/** What `claimcheck init` writes where it cannot guess, and what the user should write instead. */
const PLACEHOLDER_HELP: Record<string, string> = {
  outlet: "write the outlet or publisher, as the report should name it",
  title: "write the article's headline, or delete the line to have the report use the file name",
  author: "write the byline, or delete the line",
};

/** A header field still holding a "TODO…" placeholder: a warning saying what to fill in. */
function checkPlaceholders(source: Source, findings: Finding[]): void {
  const header: Record<string, string | undefined> = {
    outlet: source.outlet,
    title: source.titleFromFileName ? undefined : source.title,
    author: source.author,
  };
  for (const [field, value] of Object.entries(header)) {
    if (value === undefined || !/^\s*TODO\b/.test(value)) continue;
    findings.push({
      ruleId: "placeholder",
      severity: "warning",
      message: `${field}: still the placeholder ${JSON.stringify(value)}; ${PLACEHOLDER_HELP[field]}`,
      location: source.where.locate([field]),
      related: [],
      path: field,
    });
  }
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
    // sources/a.txt, ./sources/a.txt, sources/./a.txt and sources//a.txt are one article.
    const key = posix.normalize(source.sourcePath.replace(/\\/g, "/"));
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
  // `claimcheck suggest` leaves TODO where it could not guess: a note until someone accepts it.
  const todo = (field: "subject" | "property") =>
    claim.status === "suggested" && claim[field] === "TODO";
  for (const field of ["subject", "property"] as const) {
    if (!todo(field)) continue;
    findings.push({
      ruleId: "suggestion-todo",
      severity: "note",
      message: `${path(field)}: TODO in a suggested claim; choose the ${field} before accepting it`,
      location: at(field),
      related: [],
      path: path(field),
    });
  }
  if (todo("property")) return;
  if (!todo("subject") && !vocabulary.entities.has(claim.subject)) {
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
      if (typeof value === "string" && DATE_VALUE.test(value) && !isRealDate(value)) {
        return `${describe(value)} is not a day of the calendar`;
      }
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
