/**
 * Findings from comparison groups, pointing at the claims in their YAML files: a conflict is
 * reported on each claim that stands apart, with the majority's claims as related locations.
 */
import {
  appendAll,
  type Finding,
  type Location,
  type RelatedLocation,
} from "../findings/finding.js";
import type { ClaimRef, GroupResult, ValueCluster } from "./result.js";

const KIND_WORDS: Record<string, string> = {
  "look-alike": "letters that look alike",
  "acronym-mismatch": "the name does not fit its acronym",
  "added-word": "one is a fuller form of the other",
  qualifier: "a rank or qualifier dropped or added",
  "word-order": "the same words in another order",
  "different-entity": "names of different entities",
  "out-of-time": "a status at odds with the date",
  "different-word": "different words",
  spelling: "a different spelling",
  transliteration: "a spelling variant",
  "different-date": "different dates",
  "less-precise": "one date is less precise",
  disjoint: "the ranges do not overlap",
  overlapping: "the ranges overlap",
  "unit-mismatch": "different units",
};

export function describeKind(kind: string | undefined): string {
  return kind ? (KIND_WORDS[kind] ?? kind) : "";
}

/** `different words: "Union" / "Commonwealth"`: the kind of difference, then what differs. */
export function reason(v: Pick<ValueCluster, "kind" | "detail">): string {
  const kind = describeKind(v.kind);
  if (!v.detail) return kind;
  return kind ? `${kind}: ${v.detail}` : v.detail;
}

/**
 * A group's findings. `found`: the group's contradictions, when the caller has them already
 * (it needs them for the group's selfContradicting too).
 */
export function groupFindings(
  group: GroupResult,
  found: Contradictions = contradictions(group),
): Finding[] {
  const findings: Finding[] = [];
  const label = `${group.subjectLabel} — ${group.propertyLabel}${group.asOf ? ` (as of ${group.asOf})` : ""}`;
  const reference = group.values[0];
  if (!reference) return findings;

  if (group.verdict === "single-source") {
    for (const v of group.values) {
      const stated = `${label}: ${q(v.display)} is stated by `;
      for (const c of v.claims) {
        findings.push({
          ruleId: "single-source",
          severity: "note",
          message: `${stated}${c.source} only`,
          location: at(c),
          related: [],
          group: group.key,
          about: v.display,
        });
      }
    }
    // One article giving two conflicting values is a finding even when no other article speaks.
    if (group.cardinality === "single") appendAll(findings, withinSource(group, label, found));
  } else if (group.sourceCount < 2) {
    // One source giving two conflicting values: the contradiction is the finding, on its claims.
    appendAll(findings, withinSource(group, label, found));
  } else {
    const refValue = q(reference.display);
    // Made on the first finding: most facts have one value, and need no text about it.
    let refText: string | undefined;
    // Every finding on a value points at the same few reference claims: one list serves them
    // all (nothing changes a finding's related locations once made).
    let refRelated: RelatedLocation[] | undefined;
    for (const v of group.values.slice(1)) {
      const rule =
        v.relation === "conflict"
          ? "conflict"
          : v.relation === "variant"
            ? "variant"
            : v.relation === "compatible"
              ? "compatible"
              : undefined;
      if (!rule) continue;
      const why = reason(v);
      const verb =
        rule === "conflict"
          ? "conflicts with"
          : rule === "variant"
            ? "is a variant of"
            : "is compatible with";
      const value = q(v.display);
      // The message is the same for each claim of the value but for the source's name.
      const before = `${label}: ${value} (`;
      refText ??= `${refValue} (${sourceList(reference.sources)})`;
      // On a tie the reference is no majority, and the message says so on every side.
      const noMajority = rule === "conflict" && group.tie ? "; no majority" : "";
      const after = `) ${verb} ${refText}${why ? `: ${why}` : ""}${noMajority}`;
      refRelated ??= reference.claims
        .slice(0, MAX_RELATED)
        .map((r) => related(r, `${r.source} says ${refValue}`));
      for (const c of v.claims) {
        const finding: Finding = {
          ruleId: rule,
          severity: rule === "conflict" ? "error" : "note",
          message: `${before}${c.source}${after}`,
          location: at(c),
          related: refRelated,
          group: group.key,
          about: v.display,
        };
        if (v.wordDiff) finding.diff = v.wordDiff;
        findings.push(finding);
      }
      if (rule === "conflict" && group.tie) {
        const noMajority = `) conflicts with ${value} (${sourceList(v.sources)}); no majority`;
        const valueRelated = v.claims
          .slice(0, MAX_RELATED)
          .map((c) => related(c, `${c.source} says ${value}`));
        for (const r of reference.claims) {
          findings.push({
            ruleId: "conflict",
            severity: "error",
            message: `${label}: ${refValue} (${r.source}${noMajority}`,
            location: at(r),
            related: valueRelated,
            group: group.key,
            about: `${reference.display}\u0000${v.display}`,
          });
        }
      }
    }
    if (group.cardinality === "single") appendAll(findings, withinSource(group, label, found));
  }
  return findings;
}

/** By source, the claims of a source that contradicts itself on a fact (see contradictions). */
export type Contradictions = ReadonlyMap<string, { value: ValueCluster; claim: ClaimRef }[]>;

/** The sources of the contradictions, sorted: a group's selfContradicting. */
export function selfContradicting(found: Contradictions): string[] {
  return [...found.keys()].sort();
}

/**
 * The sources that give a single-valued fact two conflicting values themselves: one of them a
 * value that conflicts with the reference, or, when a source is the fact's only one, any two.
 */
export function contradictions(group: GroupResult): Contradictions {
  const out = new Map<string, { value: ValueCluster; claim: ClaimRef }[]>();
  if (group.cardinality !== "single" || group.verdict !== "conflict") return out;
  const alone = group.sourceCount < 2;
  // Only a conflicting value can make one; most facts have none, and need no look at each claim.
  if (!alone && !group.values.some((v) => v.relation === "conflict")) return out;
  const twoValued = sourcesOfTwoValues(group.values);
  if (twoValued === undefined) return out;
  const bySource = new Map<string, { value: ValueCluster; claim: ClaimRef }[]>();
  for (const v of group.values)
    for (const c of v.claims) {
      if (!twoValued.has(c.source)) continue;
      const items = bySource.get(c.source);
      if (items) items.push({ value: v, claim: c });
      else bySource.set(c.source, [{ value: v, claim: c }]);
    }
  for (const [source, items] of bySource) {
    const distinct = new Set(items.map((i) => i.value));
    if (distinct.size < 2) continue;
    if (alone || [...distinct].some((v) => v.relation === "conflict")) out.set(source, items);
  }
  return out;
}

/**
 * The sources that state more than one of the values, undefined when none does: most sources
 * state a fact once, and need no list of their claims.
 */
function sourcesOfTwoValues(values: readonly ValueCluster[]): Set<string> | undefined {
  const firstValue = new Map<string, ValueCluster>();
  let found: Set<string> | undefined;
  for (const v of values)
    for (const c of v.claims) {
      const first = firstValue.get(c.source);
      if (first === undefined) firstValue.set(c.source, v);
      else if (first !== v) {
        found ??= new Set();
        found.add(c.source);
      }
    }
  return found;
}

/** One source giving two conflicting values for a single-valued fact. */
function withinSource(group: GroupResult, label: string, bySource: Contradictions): Finding[] {
  if (bySource.size === 0) return [];
  const out: Finding[] = [];
  for (const [source, items] of bySource) {
    const [first, ...rest] = items;
    for (const other of rest) {
      if (other.value === first!.value) continue;
      out.push({
        ruleId: "within-source-conflict",
        severity: "error",
        message: `${label}: ${source} says both ${q(first!.value.display)} and ${q(other.value.display)}`,
        location: at(other.claim),
        related: [related(first!.claim, `${source} says ${q(first!.value.display)} here`)],
        group: group.key,
        about: `${first!.value.display}\u0000${other.value.display}`,
      });
    }
  }
  return out;
}

/**
 * The claim's location. Made whole in one literal rather than given its end afterwards: an
 * object that gains properties keeps them apart from itself, slower to read and to write out.
 */
function at(c: ClaimRef): Location {
  const { claimsFile: file, line, column, endLine, endColumn } = c;
  return endLine !== undefined && endColumn !== undefined
    ? { file, line, column, endLine, endColumn }
    : { file, line, column };
}

/**
 * Related locations per finding: enough to find the other side (SARIF viewers show at most 10),
 * not one per source when hundreds agree, which would make output grow with the square of them.
 */
export const MAX_RELATED = 10;

/**
 * Sources named in one message: a fact stated by thousands of sources would otherwise make every
 * message about it thousands of names long, and the output grow with the square of them.
 */
export const MAX_SOURCES_NAMED = 5;

export function sourceList(sources: readonly string[]): string {
  if (sources.length <= MAX_SOURCES_NAMED) return sources.join(", ");
  const more = sources.length - MAX_SOURCES_NAMED;
  return `${sources.slice(0, MAX_SOURCES_NAMED).join(", ")} and ${withThousands(more)} more`;
}

/**
 * 12,345 as toLocaleString("en") writes a count, without loading ICU's number formatting (14 ms
 * on its first call, a noticeable part of a short run).
 */
export function withThousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The claim's location with a message, its fields in the order at() gives them. */
function related(c: ClaimRef, message: string): RelatedLocation {
  const { claimsFile: file, line, column, endLine, endColumn } = c;
  return endLine !== undefined && endColumn !== undefined
    ? { file, line, column, endLine, endColumn, message }
    : { file, line, column, message };
}

/** Characters JSON.stringify escapes in a string: quote, backslash, controls, surrogates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are the point
const ESCAPED_IN_JSON = /["\\\u0000-\u001f\ud800-\udfff]/;

/** The text in double quotes, as JSON.stringify writes it; most values need no escape. */
function q(s: string): string {
  return ESCAPED_IN_JSON.test(s) ? JSON.stringify(s) : `"${s}"`;
}
