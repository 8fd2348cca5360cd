/**
 * An event's status read on its timeline. A status property (`timeline` in the vocabulary) has
 * values true only before the event's date ("scheduled") and values true only from it on
 * ("held"); each status claim says as of when (`as_of`). So:
 *
 * - "held" as of a day before the event's date, or "scheduled" as of a day after it, is a
 *   conflict with the date ("held before it took place");
 * - "scheduled" as of a day after another source's "held" is a conflict between the two (the
 *   event cannot be to come once it has been);
 * - "held" and "scheduled" as of one day are already a conflict of that fact, and one article
 *   saying both contradicts itself.
 *
 * The event's date is its date fact's majority value. Pure: groups in, groups marked and findings
 * out.
 */
import type { Finding, RelatedLocation } from "../findings/finding.js";
import type { Vocabulary } from "../model/project.js";
import type { PropertyData } from "../validate/schema.js";
import { parseDateValue } from "./date.js";
import type { GroupResult, ValueCluster } from "./result.js";
import { normalizeText } from "./text.js";
import { synonymOf } from "./typed-value.js";

type Side = "before" | "after";

export function checkTimelines(groups: readonly GroupResult[], vocabulary: Vocabulary): Finding[] {
  const findings: Finding[] = [];
  // Most vocabularies have no status property: then no fact needs sorting by subject.
  if (!hasTimeline(vocabulary)) return findings;
  const bySubject = new Map<string, GroupResult[]>();
  for (const g of groups) {
    const list = bySubject.get(g.subject);
    if (list) list.push(g);
    else bySubject.set(g.subject, [g]);
  }
  for (const subjectGroups of bySubject.values()) {
    for (const property of new Set(subjectGroups.map((g) => g.property))) {
      const data = vocabulary.properties.get(property);
      if (!data?.timeline) continue;
      const statuses = subjectGroups.filter((g) => g.property === property && g.asOf);
      const dateGroup = subjectGroups.find((g) => g.property === data.timeline!.date && !g.asOf);
      checkSubject(statuses, dateGroup, data, findings);
    }
  }
  return findings;
}

function hasTimeline(vocabulary: Vocabulary): boolean {
  for (const property of vocabulary.properties.values()) if (property.timeline) return true;
  return false;
}

interface Stated {
  group: GroupResult;
  value: ValueCluster;
  side: Side;
  day: number;
}

function checkSubject(
  statuses: readonly GroupResult[],
  dateGroup: GroupResult | undefined,
  property: PropertyData,
  findings: Finding[],
): void {
  const stated: Stated[] = [];
  for (const group of statuses) {
    const day = firstDay(group.asOf!);
    if (day === undefined) continue;
    for (const value of group.values) {
      const side = sideOf(value.display, property);
      if (side) stated.push({ group, value, side, day });
    }
  }
  const date = dateGroup?.values[0];
  const span = date ? daySpan(date.display) : undefined;
  if (span && date) {
    const dateAt = date.claims.slice(0, 5).map(
      (c): RelatedLocation => ({
        file: c.claimsFile,
        line: c.line,
        column: c.column,
        message: `${c.source} dates it ${date.display}`,
      }),
    );
    for (const s of stated) {
      const early = s.side === "after" && s.day < span.first;
      const late = s.side === "before" && s.day > span.last;
      if (!early && !late) continue;
      const why = early
        ? `"${s.value.display}" as of ${s.group.asOf}, before its date ${date.display}`
        : `"${s.value.display}" as of ${s.group.asOf}, after its date ${date.display}`;
      flag(s, why, dateAt, findings);
    }
  }
  // Once one source has it held, no source may have it still to come later on.
  const held = stated.filter((s) => s.side === "after").sort((a, b) => a.day - b.day)[0];
  if (held) {
    const heldAt = held.value.claims.slice(0, 5).map(
      (c): RelatedLocation => ({
        file: c.claimsFile,
        line: c.line,
        column: c.column,
        message: `${c.source} says "${held.value.display}" as of ${held.group.asOf}`,
      }),
    );
    for (const s of stated) {
      if (s.side !== "before" || s.day <= held.day) continue;
      flag(
        s,
        `"${s.value.display}" as of ${s.group.asOf}, after "${held.value.display}" as of ${held.group.asOf}`,
        heldAt,
        findings,
      );
    }
  }
}

/** Marks the value's fact a conflict, with the reason, and makes a finding on each of its claims. */
function flag(s: Stated, why: string, related: RelatedLocation[], findings: Finding[]): void {
  const g = s.group;
  g.verdict = "conflict";
  g.kind = "out-of-time";
  g.timeline = g.timeline ? `${g.timeline}; ${why}` : why;
  const label = `${g.subjectLabel} — ${g.propertyLabel}${g.asOf ? ` (as of ${g.asOf})` : ""}`;
  for (const c of s.value.claims) {
    findings.push({
      ruleId: "status-timeline",
      severity: "error",
      message: `${label}: ${c.source} says ${why}`,
      location: {
        file: c.claimsFile,
        line: c.line,
        column: c.column,
        ...(c.endLine !== undefined && c.endColumn !== undefined
          ? { endLine: c.endLine, endColumn: c.endColumn }
          : {}),
      },
      related,
      group: g.key,
      about: `${s.value.display}\u0000${why}`,
    });
  }
}

function sideOf(value: string, property: PropertyData): Side | undefined {
  const timeline = property.timeline!;
  const folded = normalizeText(value);
  const set = synonymOf(value, property);
  const matches = (words: readonly string[]) =>
    words.some(
      (w) => normalizeText(w) === folded || (set !== undefined && synonymOf(w, property) === set),
    );
  if (matches(timeline.before)) return "before";
  if (matches(timeline.after)) return "after";
  return undefined;
}

function firstDay(iso: string): number | undefined {
  return daySpan(iso)?.first;
}

function daySpan(iso: string): { first: number; last: number } | undefined {
  const parsed = parseDateValue(iso);
  return "error" in parsed ? undefined : { first: parsed.firstDay, last: parsed.lastDay };
}
