/**
 * Cross-source comparison. Claims are grouped by subject + property (+ as-of date, + value for
 * multi-valued properties); within a group only distinct values are compared, each against the
 * majority value, so a fact stated by n sources costs about n key lookups and one comparison
 * per distinct value, never n² comparisons.
 */
import { appendAll, type Finding } from "../findings/finding.js";
import type { GroundingResult, Span } from "../ground/ground-project.js";
import type { Claim, Project, Source } from "../model/project.js";
import type { PropertyData } from "../validate/schema.js";
import { compareValues, relateValues, SubjectValues } from "./compare-values.js";
import { contradictions, groupFindings, selfContradicting } from "./group-findings.js";
import { sameShape } from "./name.js";
import { officeFactKey } from "./office.js";
import type {
  ClaimRef,
  ComparisonResult,
  GroupResult,
  MatrixCell,
  SourceAgreement,
  ValueCluster,
  Verdict,
} from "./result.js";
import { checkTimelines } from "./timeline.js";
import { displayValue } from "./typed-value.js";
import type { Comparison, NameContext, Relation, TypedValue } from "./types.js";

/** Above this many sources the matrix is left out: it grows with the square of the sources. */
export const MATRIX_SOURCE_LIMIT = 100;

/** A source as the comparison counts it: by its name and by its claims file. */
interface Origin {
  source: Source;
  /** Rank of the source's short name among the distinct short names, in sorted order. */
  nameRank: number;
  /** Rank of the source's claims file among the distinct claims files. */
  fileRank: number;
}

interface Entry {
  origin: Origin;
  value: TypedValue;
  key: string;
  /** Made while the source's positions and spans are at hand, rather than in cluster order. */
  ref: ClaimRef;
}

interface Bucket {
  key: string;
  property: PropertyData;
  subject: string;
  /** The subject entity's name, as groups are labelled and sorted. */
  subjectLabel: string;
  /** The subject's values, and the name context they are compared in. */
  values: SubjectValues;
  /** The key within the subject: the property, and the as-of date after "@" when there is one. */
  localKey: string;
  asOf?: string;
  entries: Entry[];
}

/** A subject's label, values and buckets, by property (and as-of date). */
interface SubjectBuckets {
  label: string;
  values: SubjectValues;
  /** Most subjects have one or two buckets: a short list is searched, with no key made. */
  list: Bucket[];
  /** Past BUCKET_LIST_LIMIT buckets, the buckets by local key. */
  byKey: Map<string, Bucket> | undefined;
}

/** Buckets of one subject searched in a list; past this many, a map is made. */
const BUCKET_LIST_LIMIT = 8;

/** The subject's bucket for the property and as-of date, if made. */
function findBucket(
  subject: SubjectBuckets,
  claim: Claim,
  property: PropertyData,
  asOf: string | undefined,
): Bucket | undefined {
  if (subject.byKey) return subject.byKey.get(localKey(claim.property, asOf));
  // The vocabulary holds one property object per id, so comparing objects compares ids.
  for (const bucket of subject.list)
    if (bucket.property === property && bucket.asOf === asOf) return bucket;
  return undefined;
}

function addBucket(subject: SubjectBuckets, bucket: Bucket): void {
  subject.list.push(bucket);
  if (subject.byKey) subject.byKey.set(bucket.localKey, bucket);
  else if (subject.list.length > BUCKET_LIST_LIMIT)
    subject.byKey = new Map(subject.list.map((b) => [b.localKey, b]));
}

/** Ids hold no "@" (nor "/"), so these keys cannot meet. */
function localKey(property: string, asOf: string | undefined): string {
  return asOf ? `${property}@${asOf}` : property;
}

interface Cluster {
  key: string;
  value: TypedValue;
  entries: Entry[];
  /** Name ranks of the distinct sources stating the value, in order of appearance. */
  sources: number[];
  comparison?: Comparison;
}

/** A fact's clusters, with the subject's values (whose name context they are compared in). */
interface FactClusters {
  clusters: Cluster[];
  values: SubjectValues;
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
  const sources = sourcesByName(project.sources);
  const origins = originsOf(project.sources, sources.names);
  const marks = new Marks(sources.names.length, origins.fileCount);

  // Buckets in the order they are first met: that order is the order of the findings.
  const buckets: Bucket[] = [];
  // By subject, then property: the ids need no key string built per claim. Null: not an entity.
  const subjects = new Map<string, SubjectBuckets | null>();
  // Most projects ground every quote: then no claim's id need be looked up.
  const ungrounded = grounding.ungrounded.size > 0 ? grounding.ungrounded : undefined;
  project.sources.forEach((source, sourceIndex) => {
    const origin = origins.list[sourceIndex]!;
    const sourceSpans = spans.get(source);
    // An index rather than for-of: see withSources.
    for (let i = 0; i < source.claims.length; i++) {
      const claim = source.claims[i]!;
      if (claim.status !== "accepted" || ungrounded?.has(claim.id)) continue;
      const property = vocabulary.properties.get(claim.property);
      if (!property) continue;
      let subject = subjects.get(claim.subject);
      if (subject === undefined) {
        const entity = vocabulary.entities.get(claim.subject);
        subject = entity
          ? {
              label: entity.name ?? claim.subject,
              values: new SubjectValues(claim.subject, vocabulary),
              list: [],
              byKey: undefined,
            }
          : null;
        subjects.set(claim.subject, subject);
      }
      if (subject === null) continue;
      const typed = subject.values.of(claim, property, source);
      if (!typed) continue;
      const { value, key } = typed;
      // An empty as-of date counts as none.
      const asOf = claim.qualifiers.as_of || undefined;
      let bucket = findBucket(subject, claim, property, asOf);
      if (!bucket) {
        const local = localKey(claim.property, asOf);
        bucket = {
          key: `${claim.subject}/${local}`,
          property,
          subject: claim.subject,
          subjectLabel: subject.label,
          values: subject.values,
          localKey: local,
          entries: [],
          ...(asOf ? { asOf } : {}),
        };
        addBucket(subject, bucket);
        buckets.push(bucket);
      }
      bucket.entries.push({ origin, value, key, ref: claimRef(claim, source, value, sourceSpans) });
    }
  });

  let comparisons = 0;
  const groups: GroupResult[] = [];
  const findings: Finding[] = [];
  // By group object rather than by key: a multi-valued fact's key is a string made per fact.
  const clustersByGroup = new Map<GroupResult, FactClusters>();
  const facts: { key: string; bucket: Bucket; entries: Entry[] }[] = [];
  for (const bucket of buckets) {
    if (bucket.property.cardinality === "single") {
      facts.push({ key: bucket.key, bucket, entries: bucket.entries });
      continue;
    }
    const split = splitMultiValued(bucket.entries, bucket.values.ctx, () => comparisons++);
    for (const part of split)
      facts.push({ key: `${bucket.key}=${part[0]!.key}`, bucket, entries: part });
  }
  for (const { key: groupKey, bucket, entries } of facts) {
    const { values } = bucket;
    const clusters = clusterEntries(entries, marks);
    const sourceCount = marks.countFiles(entries);
    comparisons += compareWithReference(clusters, values.ctx);
    let verdict = groupVerdict(clusters, sourceCount, bucket.property.cardinality);
    const specific =
      sourceCount > 1 && verdict !== "agree"
        ? hiddenConflict(clusters, values.ctx, () => comparisons++)
        : undefined;
    if (specific !== undefined) {
      // A vague reference ("Minister") fits two values that contradict each other ("Minister of
      // Foreign Affairs", "Minister of Internal Affairs"): the most supported of the two is
      // what the others are measured against.
      clusters.unshift(...clusters.splice(specific, 1));
      for (const c of clusters) c.comparison = undefined;
      comparisons += compareWithReference(clusters, values.ctx);
      verdict = groupVerdict(clusters, sourceCount, bucket.property.cardinality);
    }
    const reference = clusters[0]!;
    const group: GroupResult = {
      key: groupKey,
      subject: bucket.subject,
      subjectLabel: bucket.subjectLabel,
      property: bucket.property.id,
      propertyLabel: bucket.property.label,
      asOf: bucket.asOf,
      valueType: bucket.property.type,
      cardinality: bucket.property.cardinality,
      verdict,
      kind: mainKind(clusters, verdict),
      values: clusters.map((c, i) => toValueCluster(c, i === 0, sources.names)),
      standApart: [],
      // No majority: a value in conflict with the reference has as many sources.
      tie:
        verdict === "conflict" &&
        clusters.some(
          (c, i) =>
            i > 0 &&
            c.comparison?.relation === "conflict" &&
            c.sources.length === reference.sources.length,
        ),
      sourceCount,
      acknowledged: false,
      selfContradicting: [],
    };
    group.standApart = standApart(group, clusters, marks, sources.names);
    const found = contradictions(group);
    group.selfContradicting = selfContradicting(found);
    groups.push(group);
    clustersByGroup.set(group, { clusters, values });
    appendAll(findings, groupFindings(group, found));
  }

  // Statuses against their events' dates, once every fact of each subject is known.
  appendAll(findings, checkTimelines(groups, vocabulary));
  groups.sort(compareGroups);
  const { agreement, matrix } = agreementStats(
    sources,
    groups,
    clustersByGroup,
    (a, b, ctx) => {
      comparisons++;
      // The matrix needs only the relation: no diffs for each pair of values.
      return relateValues(a, b, ctx);
    },
    marks,
  );
  return { result: { groups, agreement, matrix, comparisons }, findings };
}

/** Compares every value with the first, the reference; returns how many comparisons it made. */
function compareWithReference(clusters: readonly Cluster[], ctx: NameContext): number {
  const reference = clusters[0]!;
  for (let i = 1; i < clusters.length; i++) {
    const cluster = clusters[i]!;
    // The majority goes first so that diffs read -1 = majority only, +1 = this value only.
    cluster.comparison = compareValues(reference.value, cluster.value, ctx);
  }
  return Math.max(0, clusters.length - 1);
}

interface SortedSources {
  /** The project's sources sorted by short name (stable, so equal names keep file order). */
  sorted: Source[];
  /** The distinct short names, sorted: a name rank indexes this. */
  names: string[];
  /** For each name rank, the last place in `sorted` with that name. */
  lastIndexOfName: number[];
}

function sourcesByName(all: readonly Source[]): SortedSources {
  const sorted = [...all].sort((a, b) =>
    a.shortName < b.shortName ? -1 : a.shortName > b.shortName ? 1 : 0,
  );
  const names: string[] = [];
  const lastIndexOfName: number[] = [];
  sorted.forEach((s, i) => {
    if (names[names.length - 1] !== s.shortName) names.push(s.shortName);
    lastIndexOfName[names.length - 1] = i;
  });
  return { sorted, names, lastIndexOfName };
}

function originsOf(
  all: readonly Source[],
  names: readonly string[],
): { list: Origin[]; fileCount: number } {
  const nameRanks = new Map(names.map((n, i) => [n, i]));
  const fileRanks = new Map<string, number>();
  const list = all.map((source) => {
    let fileRank = fileRanks.get(source.claimsFile);
    if (fileRank === undefined) {
      fileRank = fileRanks.size;
      fileRanks.set(source.claimsFile, fileRank);
    }
    return { source, nameRank: nameRanks.get(source.shortName)!, fileRank };
  });
  return { list, fileCount: fileRanks.size };
}

/**
 * Marks per source rank, to count distinct sources without a Set per cluster: a rank is new to
 * the current count when its mark is not the count's stamp. Stamps only grow, so nothing is
 * cleared between counts.
 */
class Marks {
  private readonly names: Int32Array;
  private readonly files: Int32Array;
  private stamp = 0;

  constructor(nameCount: number, fileCount: number) {
    this.names = new Int32Array(nameCount);
    this.files = new Int32Array(fileCount);
  }

  /** Starts a new count of names. */
  fresh(): number {
    return ++this.stamp;
  }

  /** Whether `rank` was met in the count `stamp`. */
  hasName(rank: number, stamp: number): boolean {
    return this.names[rank] === stamp;
  }

  /** Whether `rank` is met for the first time in the count `stamp`. */
  firstName(rank: number, stamp: number): boolean {
    if (this.names[rank] === stamp) return false;
    this.names[rank] = stamp;
    return true;
  }

  /** How many distinct claims files the entries come from. */
  countFiles(entries: readonly Entry[]): number {
    const stamp = ++this.stamp;
    let count = 0;
    // An index rather than for-of: see withSources.
    for (let i = 0; i < entries.length; i++) {
      const rank = entries[i]!.origin.fileRank;
      if (this.files[rank] === stamp) continue;
      this.files[rank] = stamp;
      count++;
    }
    return count;
  }
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
  // Titles: one fact per office, whatever organisation each writes, so that a garbled or
  // look-alike organisation is still compared with the others.
  const first = entries[0]?.value;
  if (first?.type === "name" && first.office) {
    const byOffice = new Map<string, Entry[]>();
    for (const e of entries)
      pushTo(
        byOffice,
        e.value.type === "name" && e.value.office ? officeFactKey(e.value.office) : e.key,
        e,
      );
    return [...byOffice.values()];
  }
  const byKey = new Map<string, Entry[]>();
  for (const e of entries) pushTo(byKey, e.key, e);
  const lists = [...byKey.values()];
  if (lists.length > MERGE_LIMIT) return lists;
  // Each distinct value once, looked up before the pairs rather than for each of them.
  const values = lists.map((list) => list[0]!.value);
  const parent = values.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root]!;
    return root;
  };
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      if (find(i) === find(j)) continue;
      counted();
      // Only whether the two are one value matters here, not the diffs a finding would show.
      const x = values[i]!;
      const y = values[j]!;
      const c = relateValues(x, y, ctx);
      if (c.relation !== "conflict" || SAME_VALUE_KINDS.has(c.kind) || garbled(x, y))
        parent[find(j)] = find(i);
    }
  }
  const parts = new Map<number, Entry[]>();
  lists.forEach((list, i) => {
    for (const e of list) pushTo(parts, find(i), e);
  });
  return [...parts.values()];
}

/**
 * Two names that look like one name garbled rather than two names: the same initials, and at
 * least half the words the same ("Community of Independent States" and "Commonwealth …").
 */
function garbled(x: TypedValue, y: TypedValue): boolean {
  return x.type === "name" && y.type === "name" && sameShape(x.text, y.text);
}

/** Appends to the list under `key`, in place: copying it on every append is quadratic. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Up to this many distinct values, a fact's cluster for a key is searched in a list, not a map. */
const CLUSTER_LIST_LIMIT = 8;

/** Distinct values, the one most sources state first; ties go to the value stated first. */
function clusterEntries(entries: Entry[], marks: Marks): Cluster[] {
  if (oneValue(entries)) return [withSources(clusterOf(entries[0]!, entries), marks)];
  // Most facts have one to three values: a map is made only past CLUSTER_LIST_LIMIT of them.
  let byKey: Map<string, Cluster> | undefined;
  const clusters: Cluster[] = [];
  let cluster: Cluster | undefined;
  for (const entry of entries) {
    // Runs of one value are common (most sources agree): the last cluster is tried first.
    if (cluster?.key !== entry.key)
      cluster = byKey ? byKey.get(entry.key) : clusterWithKey(clusters, entry.key);
    if (!cluster) {
      cluster = clusterOf(entry, []);
      clusters.push(cluster);
      if (byKey) byKey.set(entry.key, cluster);
      else if (clusters.length > CLUSTER_LIST_LIMIT)
        byKey = new Map(clusters.map((c) => [c.key, c]));
    }
    cluster.entries.push(entry);
  }
  for (const c of clusters) withSources(c, marks);
  // Most sources first; between values with as many, the order of the values themselves, so
  // that which one leads never depends on the order of the files.
  return clusters.sort(
    (x, y) => y.sources.length - x.sources.length || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
}

/** Whether every entry states the same value (most facts: every source agrees). */
function oneValue(entries: readonly Entry[]): boolean {
  const { key } = entries[0]!;
  for (let i = 1; i < entries.length; i++) if (entries[i]!.key !== key) return false;
  return true;
}

/** A cluster of the entry's value, with these entries (a fact's own list when it has one value). */
function clusterOf(entry: Entry, entries: Entry[]): Cluster {
  return { key: entry.key, value: entry.value, entries, sources: [] };
}

/**
 * The cluster with its sources' name ranks, in order of first appearance. Each cluster's are
 * counted on their own: the clusters' entries interleave, the marks not.
 */
function withSources(cluster: Cluster, marks: Marks): Cluster {
  const stamp = marks.fresh();
  const { entries, sources } = cluster;
  // An index rather than for-of: this runs once per claim, mostly before the engine optimises
  // it, and unoptimised for-of makes an iterator result object per element.
  for (let i = 0; i < entries.length; i++) {
    const rank = entries[i]!.origin.nameRank;
    if (marks.firstName(rank, stamp)) sources.push(rank);
  }
  return cluster;
}

function clusterWithKey(clusters: readonly Cluster[], key: string): Cluster | undefined {
  for (const c of clusters) if (c.key === key) return c;
  return undefined;
}

/** How many of a fact's values are compared pairwise for a conflict the reference hides. */
const HIDDEN_CONFLICT_LIMIT = 24;

/**
 * Where every value fits the reference but two of them contradict each other, the first of the
 * two (the better supported: clusters are sorted so): it should be the reference. Undefined when
 * no two values among the best supported conflict, or the reference conflicts with one already.
 */
function hiddenConflict(
  clusters: readonly Cluster[],
  ctx: NameContext,
  counted: () => void,
): number | undefined {
  if (clusters.length < 3) return undefined;
  if (clusters.some((c) => c.comparison?.relation === "conflict")) return undefined;
  const n = Math.min(clusters.length, HIDDEN_CONFLICT_LIMIT);
  for (let i = 1; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      counted();
      if (relateValues(clusters[i]!.value, clusters[j]!.value, ctx).relation === "conflict")
        return i;
    }
  }
  return undefined;
}

const relationRank: Record<Relation, number> = { agree: 0, variant: 1, compatible: 2, conflict: 3 };

function groupVerdict(
  clusters: readonly Cluster[],
  sourceCount: number,
  cardinality: "single" | "multiple",
): Verdict {
  let worst: Relation = "agree";
  for (let i = 1; i < clusters.length; i++) {
    const r = clusters[i]!.comparison?.relation ?? "agree";
    if (relationRank[r] > relationRank[worst]) worst = r;
  }
  // One source is one source, unless it gives a single-valued fact two conflicting values.
  if (sourceCount < 2) {
    const contradicted =
      cardinality === "single" && (worst === "conflict" || !rangesIntersect(clusters));
    return contradicted ? "conflict" : "single-source";
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
  names: readonly string[],
): ValueCluster {
  const cmp = cluster.comparison;
  const display = displayValue(cluster.value);
  return {
    display,
    relation: isReference ? "reference" : (cmp?.relation ?? "agree"),
    kind: cmp?.kind,
    detail: cmp?.detail,
    wordDiff: cmp?.wordDiff,
    charDiff: cmp?.charDiff,
    sources: sortedNames(cluster.sources, names),
    forms: writtenForms(cluster, display),
    claims: cluster.entries.map((e) => e.ref),
  };
}

/**
 * The ways the sources write one value, when they differ: a value merged through an alias or a
 * variant must not credit every source with the first one's wording. Most values have one form,
 * found without a map.
 */
function writtenForms(
  cluster: Cluster,
  display: string,
): { text: string; sources: string[] }[] | undefined {
  const { entries } = cluster;
  // Written alike, shown alike: the common case needs no display made per claim.
  if (writtenAlike(entries)) return undefined;
  const byText = new Map<string, Set<string>>();
  // Claims that write a value alike share its typed value: each is displayed once.
  let lastValue: TypedValue | undefined;
  let text = "";
  for (const e of entries) {
    if (e.value !== lastValue) {
      lastValue = e.value;
      text = displayValue(e.value);
    }
    const set = byText.get(text) ?? new Set<string>();
    set.add(e.ref.source);
    byText.set(text, set);
  }
  if (byText.size < 2 && byText.has(display)) return undefined;
  return [...byText]
    .map(([text, set]) => ({ text, sources: [...set].sort() }))
    .sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/**
 * Whether every entry writes the value as the first does. Claims that write a value alike mostly
 * share its typed value (SubjectValues keeps one per value as written), so comparing the typed
 * values first spares reading each claim's text.
 */
function writtenAlike(entries: readonly Entry[]): boolean {
  const { value, ref } = entries[0]!;
  for (let i = 1; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.value !== value && e.ref.raw !== ref.raw) return false;
  }
  return true;
}

/** The names of the ranks, sorted: ranks follow the names' order, so the numbers are sorted. */
function sortedNames(ranks: readonly number[], names: readonly string[]): string[] {
  if (ranks.length === 1) return [names[ranks[0]!]!];
  const sorted = Int32Array.from(ranks).sort();
  const out: string[] = [];
  for (const rank of sorted) out.push(names[rank]!);
  return out;
}

function claimRef(
  claim: Claim,
  source: Source,
  value: TypedValue,
  spans: ReadonlyMap<string, Span> | undefined,
): ClaimRef {
  const at = source.where.locate(["claims", claim.index, "value"]);
  const span = spans?.get(claim.id);
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

/**
 * The sources of conflicting values that are not in the majority (all of them on a tie), sorted.
 * Worked on name ranks, marked rather than put in sets: the majority may be thousands of sources.
 */
function standApart(
  group: GroupResult,
  clusters: readonly Cluster[],
  marks: Marks,
  names: readonly string[],
): string[] {
  if (group.verdict !== "conflict") return [];
  const majority = marks.fresh();
  if (!group.tie) for (const rank of clusters[0]!.sources) marks.firstName(rank, majority);
  const apart = marks.fresh();
  const ranks: number[] = [];
  // On a tie there is no majority: the reference's sources stand apart as much as the others'.
  if (group.tie)
    for (const rank of clusters[0]!.sources) if (marks.firstName(rank, apart)) ranks.push(rank);
  // Otherwise the majority's value is the reference, never a conflict: it is skipped.
  for (let i = 1; i < clusters.length; i++) {
    const cluster = clusters[i]!;
    if (cluster.comparison?.relation !== "conflict") continue;
    for (const rank of cluster.sources)
      if (!marks.hasName(rank, majority) && marks.firstName(rank, apart)) ranks.push(rank);
  }
  return ranks.length === 0 ? [] : sortedNames(ranks, names);
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

type Compare = (
  a: TypedValue,
  b: TypedValue,
  ctx: NameContext,
) => Pick<Comparison, "relation" | "kind">;

function agreementStats(
  sources: SortedSources,
  groups: readonly GroupResult[],
  clustersByGroup: ReadonlyMap<GroupResult, FactClusters>,
  compare: Compare,
  marks: Marks,
): { agreement: SourceAgreement[]; matrix?: MatrixCell[][] } {
  const { sorted, lastIndexOfName } = sources;
  const shared = new Array<number>(sorted.length).fill(0);
  const agreeing = new Array<number>(sorted.length).fill(0);
  const withMatrix = sorted.length <= MATRIX_SOURCE_LIMIT;
  const matrix: MatrixCell[][] | undefined = withMatrix
    ? sorted.map(() => sorted.map(() => ({ shared: 0, agreeing: 0 })))
    : undefined;
  // Per name rank: whether the source states a value that conflicts with the majority's.
  const conflicting = new Uint8Array(sources.names.length);

  for (const group of groups) {
    if (group.sourceCount < 2) continue;
    const { clusters, values } = clustersByGroup.get(group)!;
    // A source agrees when none of its values conflicts with the majority value; on a tie there
    // is no majority, and no source of the fact agrees with it.
    const stamp = marks.fresh();
    const present: number[] = [];
    for (const c of clusters) {
      const conflicts = group.tie || c.comparison?.relation === "conflict" ? 1 : 0;
      // An index rather than for-of: see withSources.
      for (let i = 0; i < c.sources.length; i++) {
        const rank = c.sources[i]!;
        if (marks.firstName(rank, stamp)) {
          present.push(rank);
          conflicting[rank] = conflicts;
        } else conflicting[rank]! |= conflicts;
      }
    }
    for (const rank of present) {
      const i = lastIndexOfName[rank]!;
      shared[i]!++;
      if (!conflicting[rank]) agreeing[i]!++;
    }
    if (!matrix) continue;
    const sourceClusters = new Map<number, number[]>();
    clusters.forEach((c, i) => {
      for (const rank of c.sources) pushTo(sourceClusters, rank, i);
    });
    const memo = new Map<string, boolean>();
    const fits = (x: number, y: number): boolean => {
      if (x === y) return true;
      if (x === 0) return clusters[y]!.comparison?.relation !== "conflict";
      if (y === 0) return clusters[x]!.comparison?.relation !== "conflict";
      const k = x < y ? `${x},${y}` : `${y},${x}`;
      let ok = memo.get(k);
      if (ok === undefined) {
        ok = compare(clusters[x]!.value, clusters[y]!.value, values.ctx).relation !== "conflict";
        memo.set(k, ok);
      }
      return ok;
    };
    const byRank = [...sourceClusters.entries()];
    for (const [s, xs] of byRank) {
      for (const [t, ys] of byRank) {
        if (s === t) continue;
        const cell = matrix[lastIndexOfName[s]!]![lastIndexOfName[t]!]!;
        cell.shared++;
        if (xs.every((x) => ys.every((y) => fits(x, y)))) cell.agreeing++;
      }
    }
  }
  const agreement = sorted.map((s, i) => ({
    source: s.shortName,
    claimsFile: s.claimsFile,
    outlet: s.outlet,
    shared: shared[i]!,
    agreeing: agreeing[i]!,
    rate: shared[i]! > 0 ? agreeing[i]! / shared[i]! : null,
  }));
  return matrix ? { agreement, matrix } : { agreement };
}
