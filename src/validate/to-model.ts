/**
 * From validated data to the model the later stages use. Free of zod, so that data read back
 * from the cache becomes a model without loading the schema.
 */
import type { Finding } from "../findings/finding.js";
import { formatPath } from "../findings/path.js";
import type { PositionResolver } from "../load/yaml-file.js";
import type { Claim, Evidence, Source, Vocabulary } from "../model/project.js";
import type { ClaimsFileData, EvidenceData, VocabularyData } from "./schema.js";

export function buildVocabulary(
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

  const firstEntity = firstOccurrence("entities", "entity", duplicate);
  const nameOwner = new Map<string, { id: string; path: (string | number)[] }>();
  data.entities.forEach((entity, i) => {
    if (!firstEntity(entity.id, i)) return;
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
  const firstProperty = firstOccurrence("properties", "property", duplicate);
  data.properties.forEach((property, i) => {
    if (!firstProperty(property.id, i)) return;
    properties.set(property.id, property);
  });
  return { file, entities, properties, hedges: data.hedges ?? {}, where };
}

/**
 * A check that each id in a top-level list is defined once: true for the first definition,
 * false (with a finding pointing back at the first) for any later one.
 */
function firstOccurrence(
  list: string,
  kind: string,
  duplicate: (path: (string | number)[], message: string, firstPath: (string | number)[]) => void,
): (id: string, index: number) => boolean {
  const seen = new Map<string, number>();
  return (id, index) => {
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, index);
      return true;
    }
    duplicate([list, index, "id"], `${kind} id "${id}" is defined twice`, [list, first, "id"]);
    return false;
  };
}

export function emptyVocabulary(file: string): Vocabulary {
  return { file, entities: new Map(), properties: new Map(), hedges: {} };
}

export function toEvidence(e: EvidenceData): Evidence {
  return typeof e === "string"
    ? { quote: e }
    : { quote: e.quote, prefix: e.prefix, suffix: e.suffix };
}

export function toSource(
  file: string,
  data: ClaimsFileData,
  where: PositionResolver,
  indexes?: number[],
): Source {
  const claims: Claim[] = data.claims.map((c, i) =>
    makeClaim(
      indexes?.[i] ?? i,
      c.id,
      c.subject,
      c.property,
      c.value,
      c.qualifiers ?? {},
      toEvidence(c.evidence),
      c.status ?? "accepted",
      file,
    ),
  );
  return makeSource(
    {
      claimsFile: file,
      sourcePath: data.source,
      outlet: data.outlet,
      // Until names are made unique across the project (source-names.ts).
      shortName: data.short_name ?? shortNameFromFile(file),
      shortNameGiven: data.short_name !== undefined,
      published: data.published,
      dateline: data.dateline && {
        place: data.dateline.place,
        date: data.dateline.date,
        evidence:
          data.dateline.evidence === undefined ? undefined : toEvidence(data.dateline.evidence),
      },
      title: data.title ?? titleFromFileName(data.source),
      ...(data.title === undefined ? { titleFromFileName: true } : {}),
      url: data.url,
      author: data.author,
    },
    claims,
    where,
  );
}

/** A source's fields besides its claims and positions. */
export type SourceHeader = Omit<Source, "claims" | "where">;

/**
 * A source, its fields always in one order, so that every source has the same shape in V8
 * whether made here or made again from what a worker thread sent (see outcome-transfer.ts):
 * code that reads many sources then meets one shape, not two.
 */
export function makeSource(header: SourceHeader, claims: Claim[], where: PositionResolver): Source {
  return {
    claimsFile: header.claimsFile,
    sourcePath: header.sourcePath,
    outlet: header.outlet,
    shortName: header.shortName,
    shortNameGiven: header.shortNameGiven,
    published: header.published,
    dateline: header.dateline,
    title: header.title,
    ...(header.titleFromFileName ? { titleFromFileName: true } : {}),
    url: header.url,
    author: header.author,
    claims,
    where,
  };
}

/** A claim, its fields always in one order (see makeSource). */
export function makeClaim(
  index: number,
  id: string,
  subject: string,
  property: string,
  value: Claim["value"],
  qualifiers: Claim["qualifiers"],
  evidence: Evidence,
  status: Claim["status"],
  file: string,
): Claim {
  return { index, id, subject, property, value, qualifiers, evidence, status, file };
}

/**
 * A title for an article whose claims file gives none, from its file name as the README names
 * articles (DATE_OUTLET_TITLE.txt): `2024-01-12_trend_asanov-named-coordinator.txt` → "Asanov
 * named coordinator".
 */
export function titleFromFileName(sourcePath: string): string {
  const stem = sourcePath.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const words = stem
    .replace(/^\d{4}-\d{2}-\d{2}_[^_]*_(?=.)/, "")
    .replace(/[-_\s]+/g, " ")
    .trim();
  const title = words === "" ? stem : words;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

function shortNameFromFile(file: string): string {
  const base = file.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
  return base.length > 16 ? base.slice(0, 16) : base;
}
