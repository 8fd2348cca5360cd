/**
 * Cross-source comparison. Claims are grouped by subject + property (+ as-of date, + value for
 * multi-valued properties); within a group only distinct values are compared, each against the
 * majority value, so a fact stated by n sources costs about n key lookups and one comparison
 * per distinct value, never n² comparisons.
 */
import { appendAll, type Finding } from "../findings/finding.js";
import type { GroundingResult, Span } from "../ground/ground-project.js";
import type { Claim, Project, Source } from "../model/project.js";
import { valueTypeProblem } from "../validate/cross-file.js";
import type { PropertyData } from "../validate/schema.js";
import { compareValues, nameContextFor, valueKey } from "./compare-values.js";
import { groupFindings } from "./group-findings.js";
import type {
  ClaimRef,
  ComparisonResult,
  GroupResult,
  MatrixCell,
  SourceAgreement,
  ValueCluster,
  Verdict,
} from "./result.js";
import { displayValue, toTypedValue } from "./typed-value.js";
import type { Comparison, NameContext, Relation, TypedValue } from "./types.js";

/** Above this many sources the matrix is left out: it grows with the square of the sources. */
export const MATRIX_SOURCE_LIMIT = 100;

interface Entry {
  claim: Claim;
  source: Source;
  value: TypedValue;
  key: string;
}

interface Bucket {
  property: PropertyData;
  subject: string;
  asOf?: string;
  entries: Entry[];
}

interface Cluster {
  key: string;
  value: TypedValue;
  entries: Entry[];
  sources: Set<string>;
  comparison?: Comparison;
}

type SpansBySource = ReadonlyMap<Source, ReadonlyMap<string, Span>>;

export interface CompareOutput {
  result: ComparisonResult;
  findings: Finding[];
}

export function compareProject(project: Project, grounding: GroundingResult): CompareOutput {
  const { vocabulary } = project;
  // Each article's spans by claim id, found through its source: no key built per claim.
  const spans: SpansBySource = new Map(grounding.grounded.map((g) => [g.source, g.spans]));

  const buckets = new Map<string, Bucket>();
  const contexts = new Map<string, NameContext>();
  for (const source of project.sources) {
    for (const claim of source.claims) {
      if (claim.status !== "accepted" || grounding.ungrounded.has(claim.id)) continue;
      const property = vocabulary.properties.get(claim.property);
      if (!property || !vocabulary.entities.has(claim.subject)) continue;
      if (valueTypeProblem(claim.value, property.type, vocabulary)) continue;
      const value = toTypedValue(claim, property, source, vocabulary);
      if (!value) continue;
      let ctx = contexts.get(claim.subject);
      if (!ctx) {
        ctx = nameContextFor(claim.subject, vocabulary);
        contexts.set(claim.subject, ctx);
      }
      const key = valueKey(value, ctx);
      const asOf = claim.qualifiers.as_of;
      const groupKey = `${claim.subject}/${claim.property}${asOf ? `@${asOf}` : ""}`;
      let bucket = buckets.get(groupKey);
      if (!bucket) {
        bucket = { property, subject: claim.subject, entries: [], ...(asOf ? { asOf } : {}) };
        buckets.set(groupKey, bucket);
      }
      bucket.entries.push({ claim, source, value, key });
    }
  }

  let comparisons = 0;
  const groups: GroupResult[] = [];
  const findings: Finding[] = [];
  const clustersByGroup = new Map<string, Cluster[]>();
  const facts: { key: string; bucket: Bucket; entries: Entry[] }[] = [];
  for (const [baseKey, bucket] of buckets) {
    if (bucket.property.cardinality === "single") {
      facts.push({ key: baseKey, bucket, entries: bucket.entries });
      continue;
    }
    const ctx = contexts.get(bucket.subject)!;
    const split = splitMultiValued(bucket.entries, ctx, () => comparisons++);
    for (const part of split)
      facts.push({ key: `${baseKey}=${part[0]!.key}`, bucket, entries: part });
  }
  for (const { key: groupKey, bucket, entries } of facts) {
    const ctx = contexts.get(bucket.subject)!;
    const clusters = clusterEntries(entries);
    const reference = clusters[0]!;
    const sourceCount = new Set(entries.map((e) => e.source.claimsFile)).size;
    for (const cluster of clusters.slice(1)) {
      // The majority goes first so that diffs read -1 = majority only, +1 = this value only.
      cluster.comparison = compareValues(reference.value, cluster.value, ctx);
      comparisons++;
    }
    const verdict = groupVerdict(clusters, sourceCount);
    const entity = vocabulary.entities.get(bucket.subject);
    const group: GroupResult = {
      key: groupKey,
      subject: bucket.subject,
      subjectLabel: entity?.name ?? bucket.subject,
      property: bucket.property.id,
      propertyLabel: bucket.property.label,
      asOf: bucket.asOf,
      valueType: bucket.property.type,
      cardinality: bucket.property.cardinality,
      verdict,
      kind: mainKind(clusters, verdict),
      values: clusters.map((c, i) => toValueCluster(c, i === 0, spans)),
      standApart: [],
      tie: clusters.length > 1 && clusters[1]!.sources.size === reference.sources.size,
      sourceCount,
      acknowledged: false,
    };
    group.standApart = standApart(group);
    groups.push(group);
    clustersByGroup.set(groupKey, clusters);
    appendAll(findings, groupFindings(group));
  }

  groups.sort(compareGroups);
  const { agreement, matrix } = agreementStats(
    project,
    groups,
    clustersByGroup,
    (a, b, ctx) => {
      comparisons++;
      return compareValues(a, b, ctx);
    },
    contexts,
  );
  return { result: { groups, agreement, matrix, comparisons }, findings };
}

/** Above this many distinct values of a multi-valued property, near-duplicates are not merged. */
const MERGE_LIMIT = 200;

/** Kinds of difference that mean "the same value, written differently" rather than another value. */
const SAME_VALUE_KINDS = new Set([
  "look-alike",
  "acronym-mismatch",
  "spelling",
  "transliteration",
  "case-or-spacing",
  "alias",
  "identical",
]);

/**
 * A multi-valued property (a person's titles) holds several values, so differing values are not
 * a conflict; but two spellings of one title are one value, and are compared as one fact.
 */
function splitMultiValued(
  entries: readonly Entry[],
  ctx: NameContext,
  counted: () => void,
): Entry[][] {
  const byKey = new Map<string, Entry[]>();
  for (const e of entries) pushTo(byKey, e.key, e);
  const keys = [...byKey.keys()];
  if (keys.length > MERGE_LIMIT) return [...byKey.values()];
  const parent = keys.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    return root;
  };
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      if (find(i) === find(j)) continue;
      counted();
      const c = compareValues(byKey.get(keys[i]!)![0]!.value, byKey.get(keys[j]!)![0]!.value, ctx);
      if (c.relation !== "conflict" || SAME_VALUE_KINDS.has(c.kind)) parent[find(j)] = find(i);
    }
  }
  const parts = new Map<number, Entry[]>();
  keys.forEach((k, i) => {
    for (const e of byKey.get(k)!) pushTo(parts, find(i), e);
  });
  return [...parts.values()];
}

/** Appends to the list under `key`, in place: copying it on every append is quadratic. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Distinct values, the one most sources state first; ties go to the value stated first. */
function clusterEntries(entries: readonly Entry[]): Cluster[] {
  const byKey = new Map<string, Cluster>();
  for (const entry of entries) {
    let cluster = byKey.get(entry.key);
    if (!cluster) {
      cluster = { key: entry.key, value: entry.value, entries: [], sources: new Set() };
      byKey.set(entry.key, cluster);
    }
    cluster.entries.push(entry);
    cluster.sources.add(entry.source.shortName);
  }
  // Map iteration keeps first-seen order, and sort is stable: ties keep the order of appearance.
  return [...byKey.values()].sort((a, b) => b.sources.size - a.sources.size);
}

const relationRank: Record<Relation, number> = { agree: 0, variant: 1, compatible: 2, conflict: 3 };

function groupVerdict(clusters: readonly Cluster[], sourceCount: number): Verdict {
  if (sourceCount < 2) return "single-source";
  let worst: Relation = "agree";
  for (const c of clusters.slice(1)) {
    const r = c.comparison?.relation ?? "agree";
    if (relationRank[r] > relationRank[worst]) worst = r;
  }
  if (worst === "conflict") return "conflict";
  if (worst === "agree") return "agree";
  // Each value fits the majority, but dates and ranges must also fit each other.
  return rangesIntersect(clusters) ? "compatible" : "conflict";
}

function rangesIntersect(clusters: readonly Cluster[]): boolean {
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  for (const { value } of clusters) {
    if (value.type === "date") {
      low = Math.max(low, value.firstDay);
      high = Math.min(high, value.lastDay);
    } else if (value.type === "quantity") {
      low = Math.max(low, value.low);
      high = Math.min(high, value.high);
    } else return true;
  }
  return low <= high;
}

function mainKind(clusters: readonly Cluster[], verdict: Verdict): Comparison["kind"] | undefined {
  if (verdict === "agree" || verdict === "single-source") return undefined;
  const wanted: Relation[] = verdict === "conflict" ? ["conflict"] : ["compatible", "variant"];
  for (const c of clusters)
    if (c.comparison && wanted.includes(c.comparison.relation)) return c.comparison.kind;
  return clusters[1]?.comparison?.kind;
}

function toValueCluster(
  cluster: Cluster,
  isReference: boolean,
  spans: SpansBySource,
): ValueCluster {
  const cmp = cluster.comparison;
  return {
    display: displayValue(cluster.value),
    relation: isReference ? "reference" : (cmp?.relation ?? "agree"),
    kind: cmp?.kind,
    detail: cmp?.detail,
    wordDiff: cmp?.wordDiff,
    charDiff: cmp?.charDiff,
    sources: [...cluster.sources].sort(),
    claims: cluster.entries.map((e) => claimRef(e, spans)),
  };
}

function claimRef(entry: Entry, spans: SpansBySource): ClaimRef {
  const { claim, source, value } = entry;
  const at = source.where.locate(["claims", claim.index, "value"]);
  const span = spans.get(source)?.get(claim.id);
  return {
    claimId: claim.id,
    source: source.shortName,
    claimsFile: source.claimsFile,
    line: at.line,
    column: at.column,
    endLine: at.endLine,
    endColumn: at.endColumn,
    sourcePath: source.sourcePath,
    evidence: claim.evidence.quote,
    evidenceLine: span?.line,
    raw: claim.value,
    yearSource:
      value.type === "date" && value.yearSource !== "stated" ? value.yearSource : undefined,
    note: claim.qualifiers.note,
  };
}

function standApart(group: GroupResult): string[] {
  if (group.verdict !== "conflict") return [];
  const majority = new Set(group.values[0]?.sources ?? []);
  const apart = new Set<string>();
  for (const v of group.values) {
    if (v.relation !== "conflict") continue;
    for (const s of v.sources) if (!majority.has(s) || group.tie) apart.add(s);
  }
  return [...apart].sort();
}

const verdictOrder: Record<Verdict, number> = {
  conflict: 0,
  compatible: 1,
  agree: 2,
  "single-source": 3,
};

/** Conflicts first, then compatible, agree, single-source; within each, by subject and property. */
export function compareGroups(a: GroupResult, b: GroupResult): number {
  return (
    verdictOrder[a.verdict] - verdictOrder[b.verdict] ||
    (a.subjectLabel < b.subjectLabel ? -1 : a.subjectLabel > b.subjectLabel ? 1 : 0) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

type Compare = (a: TypedValue, b: TypedValue, ctx: NameContext) => Comparison;

function agreementStats(
  project: Project,
  groups: readonly GroupResult[],
  clustersByGroup: ReadonlyMap<string, Cluster[]>,
  compare: Compare,
  contexts: ReadonlyMap<string, NameContext>,
): { agreement: SourceAgreement[]; matrix?: MatrixCell[][] } {
  const sources = [...project.sources].sort((a, b) =>
    a.shortName < b.shortName ? -1 : a.shortName > b.shortName ? 1 : 0,
  );
  const index = new Map(sources.map((s, i) => [s.shortName, i]));
  const shared = new Array<number>(sources.length).fill(0);
  const agreeing = new Array<number>(sources.length).fill(0);
  const withMatrix = sources.length <= MATRIX_SOURCE_LIMIT;
  const matrix: MatrixCell[][] | undefined = withMatrix
    ? sources.map(() => sources.map(() => ({ shared: 0, agreeing: 0 })))
    : undefined;

  for (const group of groups) {
    if (group.sourceCount < 2) continue;
    const clusters = clustersByGroup.get(group.key)!;
    // A source agrees when none of its values conflicts with the majority value.
    const sourceClusters = new Map<string, number[]>();
    clusters.forEach((c, i) => {
      for (const s of c.sources) pushTo(sourceClusters, s, i);
    });
    for (const [s, idx] of sourceClusters) {
      const i = index.get(s)!;
      shared[i]!++;
      if (idx.every((k) => clusters[k]!.comparison?.relation !== "conflict")) agreeing[i]!++;
    }
    if (!matrix) continue;
    const ctx = contexts.get(group.subject)!;
    const memo = new Map<string, boolean>();
    const fits = (x: number, y: number): boolean => {
      if (x === y) return true;
      if (x === 0) return clusters[y]!.comparison?.relation !== "conflict";
      if (y === 0) return clusters[x]!.comparison?.relation !== "conflict";
      const k = x < y ? `${x},${y}` : `${y},${x}`;
      let ok = memo.get(k);
      if (ok === undefined) {
        ok = compare(clusters[x]!.value, clusters[y]!.value, ctx).relation !== "conflict";
        memo.set(k, ok);
      }
      return ok;
    };
    const present = [...sourceClusters.entries()];
    for (const [s, xs] of present) {
      for (const [t, ys] of present) {
        if (s === t) continue;
        const cell = matrix[index.get(s)!]![index.get(t)!]!;
        cell.shared++;
        if (xs.every((x) => ys.every((y) => fits(x, y)))) cell.agreeing++;
      }
    }
  }
  const agreement = sources.map((s, i) => ({
    source: s.shortName,
    claimsFile: s.claimsFile,
    outlet: s.outlet,
    shared: shared[i]!,
    agreeing: agreeing[i]!,
    rate: shared[i]! > 0 ? agreeing[i]! / shared[i]! : null,
  }));
  return matrix ? { agreement, matrix } : { agreement };
}
