/**
 * Every claims file is its own source, known by one name in tables and messages. A `short_name`
 * given twice would merge two articles into one source (and invent a source that says "both 7
 * and 17"), so it is an error naming both files; the second file is still told apart, by its
 * file name, so that a report with --keep-going never merges them. A file without `short_name`
 * gets one made from its outlet, with its publication date where another source has that name,
 * and a number where that is not enough.
 */
import type { Finding } from "../findings/finding.js";
import type { Source } from "../model/project.js";

/** Names made from an outlet are kept to the length `short_name` allows. */
const NAME_LIMIT = 16;

/** Gives every source a unique name, in place; a `short_name` used twice is an error. */
export function nameSources(sources: readonly Source[]): Finding[] {
  const findings: Finding[] = [];
  const taken = new Map<string, Source>();
  // Given names first, in file order, so that a made name never takes one a file asks for.
  for (const source of sources) {
    if (!source.shortNameGiven) continue;
    const first = taken.get(source.shortName.toLowerCase());
    if (!first) {
      taken.set(source.shortName.toLowerCase(), source);
      continue;
    }
    findings.push({
      ruleId: "duplicate-short-name",
      severity: "error",
      message: `short_name: "${source.shortName}" already names ${first.claimsFile}; each claims file is a source of its own, so give this one another short_name`,
      location: source.where.locate(["short_name"]),
      related: [{ ...first.where.locate(["short_name"]), message: "the name is given here first" }],
      path: "short_name",
    });
    source.shortName = unique(`${source.shortName} (${stem(source.claimsFile)})`, taken);
    taken.set(source.shortName.toLowerCase(), source);
  }
  const made = sources.filter((s) => !s.shortNameGiven);
  const byOutlet = new Map<string, Source[]>();
  for (const s of made) {
    const base = outletName(s.outlet) || stem(s.claimsFile).slice(0, NAME_LIMIT);
    const list = byOutlet.get(base.toLowerCase());
    if (list) list.push(s);
    else byOutlet.set(base.toLowerCase(), [s]);
    s.shortName = base;
  }
  for (const s of made) {
    const crowded =
      (byOutlet.get(s.shortName.toLowerCase())?.length ?? 0) > 1 ||
      taken.has(s.shortName.toLowerCase());
    const name = crowded ? withDate(s.shortName, s.published) : s.shortName;
    s.shortName = unique(name, taken);
    taken.set(s.shortName.toLowerCase(), s);
  }
  return findings;
}

/** The outlet's name cut at a word to the name limit, without a parenthesised part. */
export function outletName(outlet: string): string {
  const plain = outlet
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (plain.length <= NAME_LIMIT) return plain;
  const words = plain.split(" ");
  let out = "";
  for (const w of words) {
    const next = out ? `${out} ${w}` : w;
    if (next.length > NAME_LIMIT) break;
    out = next;
  }
  return out || plain.slice(0, NAME_LIMIT);
}

/** `Trend 2024-02-06`: the name and the publication date. */
function withDate(name: string, published: string): string {
  return `${name} ${published}`;
}

function unique(name: string, taken: ReadonlyMap<string, Source>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const numbered = `${name} #${n}`;
    if (!taken.has(numbered.toLowerCase())) return numbered;
  }
}

function stem(file: string): string {
  return file.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
}
