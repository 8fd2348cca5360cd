/**
 * Is the annotated value visible in its own quote? Decidable for dates (day, month, year as digits
 * or month names), counts (digits or number words) and hedges ("close to", "nearly"...). A mismatch
 * is a warning on the claim's value: the annotation may be wrong, the tool never guesses which.
 */
import { parseDateValue } from "../compare/date.js";
import { findNumbers } from "../compare/number-words.js";
import type { Finding } from "../findings/finding.js";
import type { Claim, Project, Source, Vocabulary } from "../model/project.js";
import type { Hedge } from "../validate/schema.js";
import type { GroundingResult } from "./ground-project.js";
import { normalizeQuote } from "./normalize.js";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Words in a quote that express each hedge; a quote may use any of them. */
export const HEDGE_WORDS: Record<Hedge, readonly string[]> = {
  about: ["about", "around", "approximately", "roughly", "some", "an estimated", "estimated"],
  around: ["around", "about", "approximately", "roughly", "estimated"],
  approximately: ["approximately", "about", "around", "roughly", "estimated"],
  "close to": ["close to", "nearly", "almost", "approximately"],
  nearly: ["nearly", "almost", "close to"],
  almost: ["almost", "nearly", "close to"],
  "more than": [
    "more than",
    "over",
    "exceeds",
    "exceeding",
    "exceeded",
    "exceed",
    "above",
    "upwards of",
    "in excess of",
  ],
  over: ["over", "more than", "exceeds", "exceeding", "exceed", "above", "in excess of"],
  "at least": ["at least", "no fewer than", "no less than", "a minimum of"],
  "up to": ["up to", "at most", "no more than", "as many as"],
  "at most": ["at most", "up to", "no more than"],
  "fewer than": ["fewer than", "less than", "under", "below"],
  "less than": ["less than", "fewer than", "under", "below"],
};

// Words that hedge a number only sometimes ("some of the", "the estimated cost") never ask for
// a hedge the claim lacks; they only back one it has.
const ALL_HEDGE_WORDS = [...new Set(Object.values(HEDGE_WORDS).flat())].filter(
  (w) => !["some", "over", "under", "above", "below", "estimated", "exceed"].includes(w),
);
/** Any one of them, as a phrase for phrasePattern. */
const ANY_HEDGE_WORD = `(?:${ALL_HEDGE_WORDS.join("|")})`;

export function checkValueSupport(project: Project, grounding: GroundingResult): Finding[] {
  return project.sources.flatMap((source) =>
    checkSourceValueSupport(source, project.vocabulary, grounding.ungrounded),
  );
}

/** The value-in-quote checks for one article's grounded claims. */
export function checkSourceValueSupport(
  source: Source,
  vocabulary: Vocabulary,
  ungrounded: ReadonlySet<string>,
): Finding[] {
  const findings: Finding[] = [];
  for (const claim of source.claims) {
    if (ungrounded.has(claim.id)) continue;
    const property = vocabulary.properties.get(claim.property);
    if (!property) continue;
    const quote = normalizeQuote(claim.evidence.quote).toLowerCase();
    let problem: string | undefined;
    if (property.type === "date" && typeof claim.value === "string")
      problem = dateProblem(claim, source, quote);
    else if (property.type === "quantity" && typeof claim.value === "number") {
      problem = quantityProblem(
        claim.value,
        claim.qualifiers.approximate,
        claim.qualifiers.unit ?? property.unit,
        quote,
      );
    }
    if (problem) {
      findings.push({
        ruleId: "value-not-in-quote",
        severity: "warning",
        message: `claims[${claim.index}] "${claim.id}": ${problem}`,
        location: source.where.locate(["claims", claim.index, "value"]),
        related: [],
        path: `claims[${claim.index}].value`,
      });
    }
  }
  return findings;
}

function dateProblem(claim: Claim, source: Source, quote: string): string | undefined {
  const date = parseDateValue(claim.value as string, {
    published: source.published,
    yearSource: claim.qualifiers.year,
  });
  if ("error" in date) return undefined;
  const [year, month, day] = date.iso.split("-").map(Number) as [number, number?, number?];
  // "today", "yesterday", "tomorrow": a day the publication date gives.
  if (day !== undefined && relativeDay(quote, source.published) === date.firstDay) return undefined;
  const missing: string[] = [];
  if (day !== undefined && month !== undefined && !hasDay(quote, day, month))
    missing.push(`day ${day}`);
  if (month !== undefined && !hasMonth(quote, month, year))
    missing.push(`month ${MONTHS[month - 1]}`);
  const statedYear =
    claim.qualifiers.year === undefined && !(claim.value as string).startsWith("--");
  if (statedYear && !new RegExp(`\\b${year}\\b`).test(quote)) {
    return `the year ${year} is not in the quote; if the text gives no year, add qualifiers: {year: annotator} or write the date as --MM-DD to resolve it against the publication date`;
  }
  if (missing.length > 0)
    return `the quote does not show the ${missing.join(" or the ")} of ${date.iso}`;
  return undefined;
}

const RELATIVE_DAYS: [RegExp, number][] = [
  [/\btoday(?:'s|’s)?\b/i, 0],
  [/\byesterday(?:'s|’s)?\b/i, -1],
  [/\btomorrow(?:'s|’s)?\b/i, 1],
];

/** The day a quote names relative to the publication date ("today's reception"), if one. */
function relativeDay(quote: string, published: string): number | undefined {
  // The words first: most quotes have none, and then the publication date need not be read.
  const relative = RELATIVE_DAYS.find(([word]) => word.test(quote));
  if (!relative) return undefined;
  const base = parseDateValue(published);
  if ("error" in base || base.precision !== "day") return undefined;
  return base.firstDay + relative[1];
}

function hasDay(quote: string, day: number, month: number): boolean {
  if (new RegExp(`(^|[^\\d])0?${day}(st|nd|rd|th)?([^\\d]|$)`).test(quote)) return true;
  // Written-out ordinals are rare in news; numerals in ISO form (2024-02-07) count too.
  return new RegExp(`\\d{4}-0?${month}-0?${day}\\b`).test(quote);
}

function hasMonth(quote: string, month: number, year: number): boolean {
  const name = MONTHS[month - 1] ?? "";
  if (quote.includes(name) || new RegExp(`\\b${name.slice(0, 3)}\\.?\\b`).test(quote)) return true;
  return new RegExp(
    `${year}-0?${month}\\b|\\b0?${month}[/.]\\d{1,2}[/.]\\d{2,4}\\b|\\b\\d{1,2}[/.]0?${month}[/.]\\d{2,4}\\b`,
  ).test(quote);
}

function quantityProblem(
  value: number,
  hedge: Hedge | undefined,
  unit: string | undefined,
  quote: string,
): string | undefined {
  // An ordinal in digits ("the 45th mission") shows its number too.
  const ordinals = [
    ...quote.matchAll(/(?<![\p{L}\p{N}])(\d+)(?:st|nd|rd|th)(?![\p{L}\p{N}])/gu),
  ].map((m) => Number(m[1]));
  const found = findNumbers(quote);
  const numbers = [...found.map((n) => n.value), ...ordinals, ...spacedThousands(quote)];
  const close = (a: number, b: number) => Math.abs(a - b) <= Math.max(1e-9, Math.abs(b) * 0.005);
  const isValue = (n: number) => close(n, value) || (unit === "percent" && close(n * 100, value));
  const fits = numbers.some(isValue);
  if (!fits) {
    return numbers.length === 0
      ? `the quote shows no number, but the value is ${value}`
      : `the quote shows ${numbers.join(", ")}, not ${value}`;
  }
  if (hedge) {
    const words = HEDGE_WORDS[hedge];
    if (!words.some((w) => containsWord(quote, w))) {
      return `the claim says "${hedge}" but the quote has none of: ${words.join(", ")}`;
    }
  } else {
    // "112 fewer than five years ago", "316 more than the last election": a hedge counts only
    // right before the claimed number, where one is found; a comparison after it is no hedge.
    const at = found.filter((n) => isValue(n.value));
    const before = at.map((n) => quote.slice(Math.max(0, n.start - 30), n.start));
    const hedged = (w: string) =>
      at.length === 0 ? containsWord(quote, w) : before.some((b) => endsWithWord(b, w));
    // Most quotes have no hedge word: one pattern of them all says so before each is tried.
    const used = hedged(ANY_HEDGE_WORD) ? ALL_HEDGE_WORDS.find(hedged) : undefined;
    if (used) return `the quote says "${used}" but the claim has no qualifiers.approximate`;
  }
  return undefined;
}

/**
 * "34, 684 polling stations", "1,099, 279 voters": a space typed after a thousands comma. Too
 * ambiguous to read as a number anywhere else ("on May 5, 684 people"), but a claim of 34684 is
 * what such a quote says, not a slip to warn about.
 */
function spacedThousands(quote: string): number[] {
  return [
    ...quote.matchAll(/(?<![\d.,])\d{1,3}(?:, ?\d{3})*(?:, \d{3})(?:, ?\d{3})*(?![\d.,]?\d)/g),
  ].map((m) => Number(m[0].replace(/[, ]/g, "")));
}

const phrasePatterns = new Map<string, RegExp>();

/**
 * A phrase as whole words, its spaces any run of whitespace, followed by `after`; each pattern is
 * compiled once per run.
 */
function phrasePattern(phrase: string, after: string, flags = ""): RegExp {
  const key = `${flags}/${after}/${phrase}`;
  let pattern = phrasePatterns.get(key);
  if (!pattern) {
    pattern = new RegExp(`(^|\\W)${phrase.replace(/ /g, "\\s+")}${after}`, flags);
    phrasePatterns.set(key, pattern);
  }
  return pattern;
}

/** Whether `text` ends with `phrase` as whole words, perhaps followed by "the" or "a". */
function endsWithWord(text: string, phrase: string): boolean {
  return phrasePattern(phrase, "\\s+(?:(?:the|a|an)\\s+)?$", "i").test(text);
}

/** Whether `phrase` occurs in `text` as whole words. */
function containsWord(text: string, phrase: string): boolean {
  return phrasePattern(phrase, "(\\W|$)").test(text);
}
