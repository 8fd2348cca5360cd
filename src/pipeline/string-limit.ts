/**
 * A limit on the length of every string the claims files and the vocabulary give, applied after
 * validation and before grounding and comparison. Name and text comparison (edit distances,
 * word and character diffs) and the terminal table grow faster than linearly with a value's
 * length, so a hostile 1 MB name could keep a CI run busy for hours; a string over the limit is
 * an error, and what holds it is left out of everything after validation:
 *
 *  - a claim with a string over the limit is left out (its file's other claims stay);
 *  - a claims file whose header has one is left out whole;
 *  - a vocabulary entity or property with one is left out (claims about it are not compared).
 *
 * Either way the file counts as invalid, so a report over the rest says it is partial.
 */
import { appendAll, type Finding } from "../findings/finding.js";
import { type DocPath, formatPath } from "../findings/path.js";
import type { PositionResolver } from "../load/yaml-file.js";
import type { Claim, Evidence, Project, Source, Vocabulary } from "../model/project.js";

/** Characters (UTF-16 code units): far above any real quote, title or name, far below trouble. */
export const DEFAULT_MAX_STRING_LENGTH = 10_000;

export interface StringLimitResult {
  project: Project;
  findings: Finding[];
  /** Files with a string over the limit. */
  invalidFiles: Set<string>;
}

type Field = [path: DocPath, value: unknown];

export function limitStringLengths(project: Project, max: number): StringLimitResult {
  const findings: Finding[] = [];
  const invalidFiles = new Set<string>();
  const sources: Source[] = [];
  for (const source of project.sources) {
    const limit = limitSource(source, max);
    appendAll(findings, limit.findings);
    if (limit.findings.length > 0) invalidFiles.add(source.claimsFile);
    const kept = limitedSource(source, limit);
    if (kept) sources.push(kept);
  }
  const vocabulary = limitVocabulary(project.vocabulary, max);
  appendAll(findings, vocabulary.findings);
  if (vocabulary.findings.length > 0) invalidFiles.add(project.vocabulary.file);
  if (findings.length === 0) return { project, findings, invalidFiles };
  return {
    project: { ...project, sources, vocabulary: vocabulary.vocabulary },
    findings,
    invalidFiles,
  };
}

/** What the limit leaves of one claims file: its findings, and whether its header or claims go. */
export interface SourceLimit {
  findings: Finding[];
  /** A header string is over the limit: the whole file is left out. */
  headerTooLong: boolean;
  /** The claims within the limit, when some are not; undefined when all are. */
  keptClaims: Claim[] | undefined;
}

/** The limit applied to one claims file on its own (a unit a worker thread can do). */
export function limitSource(source: Source, max: number): SourceLimit {
  const findings: Finding[] = [];
  const file = source.claimsFile;
  const headerTooLong = tooLong(findings, max, file, source.where, headerFields(source));
  const claims = source.claims.filter(
    (claim) =>
      !(
        holdsLongString(claim, max) &&
        tooLong(findings, max, file, source.where, claimFields(claim))
      ),
  );
  return {
    findings,
    headerTooLong,
    keptClaims: claims.length === source.claims.length ? undefined : claims,
  };
}

/** The source as the limit leaves it: itself, a copy with fewer claims, or nothing. */
export function limitedSource(source: Source, limit: SourceLimit): Source | undefined {
  if (limit.headerTooLong) return undefined;
  return limit.keptClaims ? { ...source, claims: limit.keptClaims } : source;
}

/** Whether any of `fields` holds a string over `max`; each that does is a finding. */
function tooLong(
  findings: Finding[],
  max: number,
  file: string,
  where: PositionResolver | undefined,
  fields: Field[],
): boolean {
  let found = false;
  for (const [path, value] of fields) {
    if (typeof value !== "string" || value.length <= max) continue;
    found = true;
    findings.push({
      ruleId: "file-too-large",
      severity: "error",
      message: `${formatPath(path)}: the string is ${value.length} characters long, over the limit of ${max} (raise it with --max-string-length)`,
      location: where ? where.locate(path) : { file, line: 1, column: 1 },
      related: [],
      path: formatPath(path),
    });
  }
  return found;
}

/**
 * Whether plain data (objects and arrays) holds any string over `max`. It allocates nothing, so a
 * claim or vocabulary entry pays for the located check, which builds a document path for each of
 * its fields, only when it holds a long string (at 100,000 claims that check cost about 90 ms).
 * It looks at every string, a superset of the fields the located check names, so it never hides
 * one of them.
 */
function holdsLongString(value: unknown, max: number, depth = 0): boolean {
  if (typeof value === "string") return value.length > max;
  if (typeof value !== "object" || value === null) return false;
  if (depth > 8) return true; // deeper than any claim: the located check decides
  if (Array.isArray(value)) return value.some((v) => holdsLongString(v, max, depth + 1));
  for (const key in value) {
    if (holdsLongString((value as Record<string, unknown>)[key], max, depth + 1)) return true;
  }
  return false;
}

/** The vocabulary without its entities and properties that hold a string over `max`. */
export function limitVocabulary(
  vocabulary: Vocabulary,
  max: number,
): { vocabulary: Vocabulary; findings: Finding[] } {
  const findings: Finding[] = [];
  const over = (fields: Field[]) =>
    tooLong(findings, max, vocabulary.file, vocabulary.where, fields);
  // Indexes follow the map's order, which is the file's order unless an id is defined twice
  // (an error of its own); then a position may point at a neighbouring entry.
  const entities = new Map(vocabulary.entities);
  [...vocabulary.entities.values()].forEach((e, i) => {
    if (!holdsLongString(e, max)) return;
    const at = (...rest: (string | number)[]): DocPath => ["entities", i, ...rest];
    const fields: Field[] = [
      [at("id"), e.id],
      [at("name"), e.name],
      [at("acronym"), e.acronym],
      [at("description"), e.description],
      ...(e.aliases ?? []).map((a, j): Field => [at("aliases", j), a]),
      ...(e.variants ?? []).map((v, j): Field => [at("variants", j), v]),
    ];
    if (over(fields)) entities.delete(e.id);
  });
  const properties = new Map(vocabulary.properties);
  [...vocabulary.properties.values()].forEach((p, i) => {
    if (!holdsLongString(p, max)) return;
    const at = (field: string): DocPath => ["properties", i, field];
    const fields: Field[] = [
      [at("id"), p.id],
      [at("label"), p.label],
      [at("unit"), p.unit],
      [at("description"), p.description],
    ];
    if (over(fields)) properties.delete(p.id);
  });
  if (entities.size === vocabulary.entities.size && properties.size === vocabulary.properties.size)
    return { vocabulary, findings };
  return { vocabulary: { ...vocabulary, entities, properties }, findings };
}

function evidenceFields(path: DocPath, evidence: Evidence | undefined): Field[] {
  if (!evidence) return [];
  // A plain-string evidence has its position at `evidence` itself, a mapping at its fields.
  const simple = evidence.prefix === undefined && evidence.suffix === undefined;
  return [
    [simple ? path : [...path, "quote"], evidence.quote],
    [[...path, "prefix"], evidence.prefix],
    [[...path, "suffix"], evidence.suffix],
  ];
}

function headerFields(s: Source): Field[] {
  return [
    [["source"], s.sourcePath],
    [["outlet"], s.outlet],
    [["title"], s.title],
    [["author"], s.author],
    [["url"], s.url],
    [["dateline", "place"], s.dateline?.place],
    ...evidenceFields(["dateline", "evidence"], s.dateline?.evidence),
  ];
}

function claimFields(c: Claim): Field[] {
  const at = (...rest: (string | number)[]): DocPath => ["claims", c.index, ...rest];
  return [
    [at("id"), c.id],
    [at("subject"), c.subject],
    [at("property"), c.property],
    [at("value"), c.value],
    [at("qualifiers", "unit"), c.qualifiers.unit],
    [at("qualifiers", "note"), c.qualifiers.note],
    ...evidenceFields(at("evidence"), c.evidence),
  ];
}
