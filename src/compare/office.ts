/**
 * Titles, read as an office in an organisation with a rank: "Deputy Chairman of the Senate of
 * Kazakhstan" is the office "chairman", the rank "deputy" and the organisation "Senate of
 * Kazakhstan". The organisation is resolved through the vocabulary (entity-index.ts), written
 * before the office ("CIS Secretary General") or after it ("Secretary General of the
 * Commonwealth of Independent States"), so those two are one title. Two titles are then compared
 * part by part:
 *
 * - another rank ("Deputy Chairman" / "Chairman")                     → conflict, qualifier
 * - the office's words in another order ("General Secretary")         → variant, word-order
 * - other office words                                                → conflict, different-word
 * - an organisation named on one side only                            → compatible, added-word
 * - two organisations the vocabulary tells apart                      → conflict, different-entity
 * - an organisation that does not resolve, against one that does, or
 *   two that do not: the name ladder ("Union of Independent States"
 *   does not spell CIS: acronym-mismatch; "ClS": look-alike; a fuller
 *   form: compatible)                                                 → as the ladder says
 */
import type { EntityIndex } from "./entity-index.js";
import {
  compactName,
  compareNames,
  confusableSkeleton,
  normalizeName,
  relateNames,
  transliterationKey,
  withDiffs,
} from "./name.js";
import type { Comparison, NameContext } from "./types.js";

export interface Office {
  /** Rank words before the office ("deputy", "first deputy"), folded. */
  rank: string[];
  /** The office's words, folded, in order ("secretary general"). */
  words: string[];
  /** The office as written, case kept (a look-alike "GeneraI" shows only so). */
  written: string;
  /** The organisation, when the title names one: resolved to an entity, or not; as written. */
  org?: { id?: string | undefined; text: string } | undefined;
}

/** Rank words read before an office; "General" is part of "Secretary General", not a rank. */
const RANKS = new Set([
  "deputy",
  "vice",
  "acting",
  "interim",
  "former",
  "ex",
  "first",
  "assistant",
  "honorary",
]);

export function parseOffice(title: string, index: EntityIndex): Office {
  // "Kazakhstan's Parliament" is the Parliament of Kazakhstan: the possessive "'s" goes.
  const plain = title.replace(/(\p{L})['’]s(?![\p{L}\p{N}])/gu, "$1");
  const tokens = normalizeName(plain).split(" ").filter(Boolean);
  // The same words as written, where they line up one for one with the folded ones.
  const split = plain.split(/[\s\-\u2010-\u2015]+/).filter(Boolean);
  const written = split.length === tokens.length ? split : tokens;
  const rank: string[] = [];
  while (rank.length < tokens.length - 1 && RANKS.has(tokens[rank.length]!))
    rank.push(tokens[rank.length]!);
  const start = rank.length;
  const office = (from: number, to: number) => ({
    rank,
    words: tokens.slice(from, to),
    written: written.slice(from, to).join(" "),
  });
  // "OFFICE of [the] ORG": the office is what comes before the first "of".
  const of = tokens.findIndex(
    (t, i) => (t === "of" || confusableSkeleton(t) === "of") && i > start && i < tokens.length - 1,
  );
  if (of > 0) {
    const text = written.slice(of + 1).join(" ");
    return { ...office(start, of), org: { id: index.resolve(text)?.id, text } };
  }
  // "ORG OFFICE": the longest run of words at the start that names an entity, or looks like a
  // name of one letter for letter ("ClS Secretary General"): the rest is the office.
  for (let end = tokens.length - 1; end > start; end--) {
    const text = written.slice(start, end).join(" ");
    const match = index.resolve(text);
    if (match || index.looksLikeAName(text))
      return { ...office(end, tokens.length), org: { id: match?.id, text } };
  }
  return office(start, tokens.length);
}

/**
 * The title's key: titles with equal keys are one value, however they are written. A letter of
 * another alphabet that looks like a Latin one is kept in it ("оf" with a Cyrillic о), so that
 * such a title is compared, and found out, rather than taken for the same.
 */
export function officeKey(office: Office, text: string): string {
  const org = office.org
    ? office.org.id
      ? `#${office.org.id}`
      : compactName(office.org.text)
    : "";
  const disguised = Array.from(text).filter(
    (ch) => ch > "\u007f" && /\p{L}/u.test(ch) && /^[\x20-\x7e]+$/.test(confusableSkeleton(ch)),
  );
  return `o:${office.rank.join(" ")}|${office.words.join("")}|${org}${disguised.length > 0 ? `|${disguised.join("")}` : ""}`;
}

/**
 * Titles of one office are one fact of a multi-valued property, whatever their rank, word order
 * or organisation, and with a letter swapped for a look-alike or another alphabet's: those are
 * what the fact's comparison is there to find.
 */
export function officeFactKey(office: Office): string {
  return office.written
    .split(" ")
    .map((w) => transliterationKey(confusableSkeleton(w)))
    .sort()
    .join(" ");
}

const rankOrder: Record<Comparison["relation"], number> = {
  agree: 0,
  variant: 1,
  compatible: 2,
  conflict: 3,
};

/** How two titles relate, part by part (see above), with the diffs a finding shows. */
export function compareOffices(
  a: { text: string; office: Office },
  b: { text: string; office: Office },
  index: EntityIndex,
  diffs = true,
): Comparison {
  // A letter swapped for a look-alike anywhere, even in a word between the parts ("оf").
  const whole = relateNames(a.text, b.text, index.context);
  if (whole.kind === "look-alike")
    return diffs ? compareNames(a.text, b.text, index.context) : whole;
  const parts: Comparison[] = [];
  const x = a.office;
  const y = b.office;
  if (x.rank.join(" ") !== y.rank.join(" ")) {
    const only = [
      ...x.rank.filter((r) => !y.rank.includes(r)),
      ...y.rank.filter((r) => !x.rank.includes(r)),
    ];
    parts.push({
      relation: "conflict",
      kind: "qualifier",
      detail: only.map((w) => `"${w}"`).join(", ") || "another rank",
    });
  }
  if (x.words.join(" ") !== y.words.join(" ")) {
    const sameWords = [...x.words].sort().join(" ") === [...y.words].sort().join(" ");
    if (sameWords) parts.push({ relation: "variant", kind: "word-order" });
    else {
      const office = compareNames(x.written, y.written, index.context);
      parts.push({ ...office, detail: `the office: ${office.detail ?? ""}`.trim() });
    }
  }
  const org = compareOrganisations(x.org, y.org, index);
  if (org) parts.push(org);
  let worst: Comparison = { relation: "agree", kind: "alias", detail: "the same office" };
  for (const p of parts) if (rankOrder[p.relation] > rankOrder[worst.relation]) worst = p;
  if (!diffs || worst.relation === "agree") return worst;
  return withDiffs(worst, a.text, b.text);
}

function compareOrganisations(
  x: Office["org"],
  y: Office["org"],
  index: EntityIndex,
): Comparison | undefined {
  if (!x && !y) return undefined;
  if (!x || !y) {
    const named = (x ?? y)!;
    return {
      relation: "compatible",
      kind: "added-word",
      detail: `one names the organisation, ${named.id ? index.nameOf(named.id) : `"${named.text}"`}`,
    };
  }
  if (x.id && y.id) {
    if (x.id === y.id) return undefined;
    return {
      relation: "conflict",
      kind: "different-entity",
      detail: `${index.nameOf(x.id)} / ${index.nameOf(y.id)}`,
    };
  }
  // At least one does not resolve: the name ladder, in the context of the one that does.
  const known = x.id ?? y.id;
  const ctx: NameContext = known ? entityContext(index, known) : index.context;
  // As written: a look-alike "ClS" shows against "CIS", not against the Commonwealth's name.
  const verdict = compareNames(x.text, y.text, ctx);
  if (verdict.relation === "agree") return undefined;
  const organisation = `the organisation: ${verdict.detail ?? ""}`.trim();
  return { relation: verdict.relation, kind: verdict.kind, detail: organisation };
}

/** How two titles relate, without diffs: for splitting and merging a multi-valued fact. */
export function relateOffices(
  a: { text: string; office: Office },
  b: { text: string; office: Office },
  index: EntityIndex,
): Pick<Comparison, "relation" | "kind"> {
  return compareOffices(a, b, index, false);
}

/**
 * An entity's names as a name comparison's context: one object per entity, so that what the
 * ladder keeps per context (name.ts) serves every comparison in it.
 */
export function entityContext(index: EntityIndex, id: string): NameContext {
  let contexts = entityContexts.get(index);
  if (contexts === undefined) {
    contexts = new Map();
    entityContexts.set(index, contexts);
  }
  let ctx = contexts.get(id);
  if (ctx === undefined) {
    ctx = makeEntityContext(index, id);
    contexts.set(id, ctx);
  }
  return ctx;
}

const entityContexts = new WeakMap<EntityIndex, Map<string, NameContext>>();

function makeEntityContext(index: EntityIndex, id: string): NameContext {
  const e = index.vocabulary.entities.get(id);
  if (!e) return index.context;
  return {
    aliases: [e.name, ...(e.aliases ?? []), ...(e.acronym ? [e.acronym] : [])],
    acronym: e.acronym,
    variants: e.variants ?? [],
    acronyms: index.context.acronyms,
    places: index.context.places,
  };
}
