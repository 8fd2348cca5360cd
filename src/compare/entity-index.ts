/**
 * Which entity of the vocabulary a name names, as Wikidata resolves an item-valued statement to
 * its item: through the entity's name, aliases, acronym and accepted variants, with acronyms
 * written out inside longer names ("CIS PA Council"), spacing and hyphenation folded
 * ("Interparliamentary"), and a place named around the name set aside ("Azerbaijani Foreign
 * Ministry", "Azerbaijan's Central Election Commission", "Ministry of Foreign Affairs of
 * Azerbaijan"), when the vocabulary knows the place and its adjectives (`demonyms`).
 *
 * A form that two entities share resolves to neither: a name that could be either is compared
 * as written. Built once per vocabulary.
 */
import type { Vocabulary } from "../model/project.js";
import { confusableSkeleton, formsOf, normalizeName } from "./name.js";
import { placeForm } from "./name-words.js";
import type { NameContext } from "./types.js";

export interface EntityMatch {
  id: string;
  /** Whether a place had to be set aside to find it. */
  placeNamed: boolean;
}

export class EntityIndex {
  private readonly byForm = new Map<string, string | null>();
  /** The entities' names and acronyms by their confusable skeletons, as written (case kept). */
  private readonly skeletons = new Map<string, { id: string; name: string } | null>();
  /** Place words as folded word lists, longest first: names, aliases and adjectives of places. */
  private readonly places: string[][] = [];
  private readonly resolved = new Map<string, EntityMatch | undefined>();
  readonly context: NameContext;

  private constructor(readonly vocabulary: Vocabulary) {
    this.context = {
      aliases: [],
      variants: [],
      acronyms: acronymTable(vocabulary),
      places: placeTable(vocabulary),
    };
    for (const e of vocabulary.entities.values()) {
      const names = [e.name, ...(e.aliases ?? []), ...(e.variants ?? [])];
      if (e.acronym) names.push(e.acronym);
      for (const name of names) {
        for (const form of formsOf(name, this.context)) this.add(form, e.id);
        const skeleton = confusableSkeleton(name);
        const known = this.skeletons.get(skeleton);
        if (known === undefined) this.skeletons.set(skeleton, { id: e.id, name });
        else if (known !== null && known.id !== e.id) this.skeletons.set(skeleton, null);
      }
      if (e.type === "place") {
        for (const name of [e.name, ...(e.aliases ?? []), ...(e.demonyms ?? [])]) {
          const words = normalizeName(name).split(" ").filter(Boolean);
          if (words.length > 0) this.places.push(words);
        }
      }
    }
    this.places.sort((a, b) => b.length - a.length);
  }

  private add(form: string, id: string): void {
    if (form === "") return;
    const known = this.byForm.get(form);
    if (known === undefined) this.byForm.set(form, id);
    else if (known !== id) this.byForm.set(form, null); // shared by two: resolves to neither
  }

  /** The entity a name names, if exactly one does. */
  resolve(name: string): EntityMatch | undefined {
    if (this.resolved.has(name)) return this.resolved.get(name);
    let match = this.lookup(name);
    if (match === undefined) {
      const folded = normalizeName(name);
      const bare = this.withoutPlace(folded);
      const found = bare === undefined ? undefined : this.lookup(bare);
      // The place set aside must be the entity's own, when its names name one: "Russian Foreign
      // Ministry" is not the Ministry of Foreign Affairs of Azerbaijan.
      if (found !== undefined && this.placeFits(found.id, folded))
        match = { id: found.id, placeNamed: true };
    }
    this.resolved.set(name, match);
    return match;
  }

  private lookup(name: string): EntityMatch | undefined {
    for (const form of formsOf(name, this.context)) {
      const id = this.byForm.get(form);
      if (id) return { id, placeNamed: false };
    }
    return undefined;
  }

  /**
   * The name with a place set aside: before it ("azerbaijani …", "azerbaijans …" for
   * "Azerbaijan's"), or after it ("… of azerbaijan", "… of the republic of azerbaijan",
   * "… in azerbaijan"). Undefined when no place is there.
   */
  private withoutPlace(folded: string): string | undefined {
    const words = folded.split(" ");
    for (const place of this.places) {
      const n = place.length;
      if (words.length > n) {
        const head = words.slice(0, n);
        const last = head[n - 1]!;
        const possessive = last.endsWith("s") && last.slice(0, -1) === place[n - 1];
        if (
          head.slice(0, n - 1).every((w, k) => w === place[k]) &&
          (last === place[n - 1] || possessive)
        )
          return words.slice(n).join(" ");
      }
      for (const link of [["of"], ["of", "the"], ["in"], ["in", "the"]]) {
        const tail = [...link, ...place];
        if (
          words.length > tail.length &&
          tail.every((w, k) => words[words.length - tail.length + k] === w)
        )
          return words.slice(0, words.length - tail.length).join(" ");
      }
    }
    return undefined;
  }

  /** Whether the places a name writes are the entity's own, or the entity's names name none. */
  private placeFits(id: string, folded: string): boolean {
    const own = this.placesOf(id);
    if (own.size === 0) return true;
    const written = placesIn(folded, this.context.places);
    return [...written].every((p) => own.has(p));
  }

  private readonly entityPlaces = new Map<string, Set<string>>();

  /** The places an entity's own names name ("… of Azerbaijan"). */
  private placesOf(id: string): Set<string> {
    let places = this.entityPlaces.get(id);
    if (!places) {
      places = new Set();
      const e = this.vocabulary.entities.get(id);
      for (const name of e ? [e.name, ...(e.aliases ?? [])] : [])
        for (const p of placesIn(normalizeName(name), this.context.places)) places.add(p);
      this.entityPlaces.set(id, places);
    }
    return places;
  }

  /**
   * Whether a name that does not resolve looks like one that would, letter for letter ("ClS"
   * for "CIS"): enough to read it as an organisation's name, to compare it with the real one.
   */
  looksLikeAName(written: string): boolean {
    return this.skeletons.has(confusableSkeleton(written));
  }

  /**
   * The entity's name a name imitates letter for letter without being it ("ClS" for CIS, with
   * a small L): undefined when the name is one of the entity's names, or imitates none (or two).
   */
  imitated(written: string): { id: string; name: string } | undefined {
    const found = this.skeletons.get(confusableSkeleton(written));
    return found && found.name !== written ? found : undefined;
  }

  /** The entity's canonical name. */
  nameOf(id: string): string {
    return this.vocabulary.entities.get(id)?.name ?? id;
  }

  static of(vocabulary: Vocabulary): EntityIndex {
    let index = indexes.get(vocabulary);
    if (!index) {
      index = new EntityIndex(vocabulary);
      indexes.set(vocabulary, index);
    }
    return index;
  }
}

/** The places a folded name writes, by any form the place table knows. */
function placesIn(folded: string, places: ReadonlyMap<string, string> | undefined): Set<string> {
  const out = new Set<string>();
  if (!places) return out;
  const words = placeForm(folded).split(" ");
  for (let i = 0; i < words.length; i++)
    for (let n = Math.min(4, words.length - i); n > 0; n--) {
      const run = words.slice(i, i + n).join(" ");
      // "azerbaijans": "Azerbaijan's" folded.
      const id = places.get(run) ?? (n === 1 ? places.get(run.replace(/s$/, "")) : undefined);
      if (id !== undefined) {
        out.add(id);
        break;
      }
    }
  return out;
}

const indexes = new WeakMap<Vocabulary, EntityIndex>();
const placeTables = new WeakMap<Vocabulary, Map<string, string>>();

/** Every place of the vocabulary by each form it is written in (a form two places share names neither). */
export function placeTable(vocabulary: Vocabulary): Map<string, string> {
  let table = placeTables.get(vocabulary);
  if (!table) {
    const found = new Map<string, string | null>();
    for (const e of vocabulary.entities.values()) {
      if (e.type !== "place") continue;
      for (const name of [
        e.name,
        ...(e.aliases ?? []),
        ...(e.variants ?? []),
        ...(e.demonyms ?? []),
      ]) {
        const form = placeForm(name);
        if (form === "") continue;
        const known = found.get(form);
        found.set(form, known === undefined || known === e.id ? e.id : null);
      }
    }
    table = new Map();
    for (const [form, id] of found) if (id !== null) table.set(form, id);
    placeTables.set(vocabulary, table);
  }
  return table;
}
const acronymTables = new WeakMap<Vocabulary, Map<string, string>>();

/** Every entity's acronym with its canonical name (the first entity to claim an acronym keeps it). */
export function acronymTable(vocabulary: Vocabulary): Map<string, string> {
  let table = acronymTables.get(vocabulary);
  if (!table) {
    table = new Map();
    for (const e of vocabulary.entities.values())
      if (e.acronym && !table.has(e.acronym)) table.set(e.acronym, e.name);
    acronymTables.set(vocabulary, table);
  }
  return table;
}
