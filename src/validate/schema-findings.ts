/**
 * Checking parsed data against a zod schema, and turning every issue into a located finding
 * that reads in the annotator's words: `claims[3].value: expected a date like 2024-02-07, got "Feb 7"`.
 */
// The English locale on its own: `z.locales.en` would bundle every locale zod has.
import { en as englishLocale } from "zod/locales";
// A namespace import, as in schema.ts, so that esbuild leaves out the parts of zod not used.
import * as z from "zod/mini";
import type { Finding } from "../findings/finding.js";
import { type DocPath, formatPath } from "../findings/path.js";
import type { PositionResolver } from "../load/yaml-file.js";
import { describe } from "./describe.js";
import { suggestion } from "./did-you-mean.js";

export { describe };

type Issue = z.core.$ZodIssue;

export function checkSchema<T>(
  schema: z.ZodMiniType<T>,
  data: unknown,
  where: PositionResolver,
): { data: T; findings: [] } | { data: undefined; findings: Finding[] } {
  const result = schema.safeParse(data);
  if (result.success) return { data: result.data, findings: [] };
  const { issues } = useEnglishMessages()
    ? (schema.safeParse(data).error ?? result.error)
    : result.error;
  const findings = flattenIssues(issues, data).map((issue) =>
    issueToFinding(issue, data, where, schema),
  );
  return { data: undefined, findings };
}

/**
 * zod/mini words an issue only when a locale is configured, and some findings show zod's English
 * words (a number out of range, a list too short). They are configured at the first failure, so
 * valid data never pays for them; true when that was now, as the data must be checked again to
 * have its issues worded.
 */
function useEnglishMessages(): boolean {
  if (z.config().localeError) return false;
  z.config(englishLocale());
  return true;
}

/** A union's issues are those of the branch that got furthest, so the message names one expectation. */
function flattenIssues(issues: readonly Issue[], data: unknown): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const branch = pickBranch(issue.errors);
      if (branch) {
        out.push(
          ...flattenIssues(
            branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] })),
            data,
          ),
        );
        continue;
      }
    }
    out.push(issue);
  }
  return out;
}

function pickBranch(branches: Issue[][]): Issue[] | undefined {
  // Prefer the branch whose expected type matches what was written (a mapping for an object
  // branch), then the one whose issues reach deepest.
  const scored = branches.map((issues) => {
    const typeMismatch = issues.some((i) => i.code === "invalid_type" && i.path.length === 0);
    const depth = Math.max(0, ...issues.map((i) => i.path.length));
    return { issues, score: (typeMismatch ? 0 : 1000) + depth * 10 - issues.length };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  // Every branch failed on the type itself: say what types are allowed, once.
  if (best && scored.every((s) => s.score < 1000)) {
    return undefined;
  }
  return best?.issues;
}

function issueToFinding(
  issue: Issue,
  data: unknown,
  where: PositionResolver,
  _schema: unknown,
): Finding {
  const path: DocPath = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const known = knownKeys(valueAt(data, path), issue.keys);
    const keyPath = [...path, key];
    return {
      ruleId: "unknown-key",
      severity: "error",
      message: `${formatPath(keyPath)}: unknown key "${key}"${suggestion(key, known)}${alsoUnknown(issue.keys)}`,
      location: where.locate(keyPath, { key: true }),
      related: [],
      path: formatPath(keyPath),
    };
  }
  const found = valueAt(data, path);
  let message = issue.message;
  if (issue.code === "invalid_type") {
    message =
      found === undefined
        ? `missing required field "${String(path[path.length - 1])}"`
        : `expected ${article(issue.expected)}, got ${describe(found)}`;
  } else if (issue.code === "invalid_union") {
    message =
      found === undefined
        ? `missing required field "${String(path[path.length - 1])}"`
        : `expected ${unionExpectation(issue)}, got ${describe(found)}`;
  } else if (issue.code === "invalid_value") {
    if (!/got/.test(message)) {
      message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${describe(found)}`;
    }
    if (typeof found === "string") message += suggestion(found, issue.values.map(String));
  }
  return {
    ruleId: "schema",
    severity: "error",
    message: `${formatPath(path)}: ${message}`,
    location: where.locate(path),
    related: [],
    path: formatPath(path),
  };
}

function unionExpectation(issue: Extract<Issue, { code: "invalid_union" }>): string {
  const kinds = new Set<string>();
  for (const branch of issue.errors) {
    for (const i of branch)
      if (i.code === "invalid_type" && i.path.length === 0) kinds.add(article(i.expected));
  }
  return kinds.size > 0 ? [...kinds].join(" or ") : "a different value";
}

/** Keys the object could have had: the keys it has that are valid plus the schema's known keys are not
 *  reachable from zod 4's issue, so we use the set of keys seen in the same object minus the unknown ones,
 *  plus the well-known keys of claimcheck's formats. */
function knownKeys(obj: unknown, unknown: readonly string[]): string[] {
  const present = obj && typeof obj === "object" ? Object.keys(obj) : [];
  // A set: a mapping of 200,000 unknown keys made a list's `includes` quadratic.
  const unknownSet = new Set(unknown);
  return [...new Set([...KNOWN_KEYS, ...present])].filter((k) => !unknownSet.has(k));
}

/** Unknown keys listed after the first, at most this many; the rest are counted. */
export const MAX_LISTED_UNKNOWN_KEYS = 10;

/** ` (also: "b", "c" and 5 more)` for the unknown keys after the first. */
function alsoUnknown(keys: readonly string[]): string {
  if (keys.length < 2) return "";
  const listed = keys.slice(1, 1 + MAX_LISTED_UNKNOWN_KEYS).map((k) => `"${k}"`);
  const more = keys.length - 1 - listed.length;
  return ` (also: ${listed.join(", ")}${more > 0 ? ` and ${more} more` : ""})`;
}

/** Every key used anywhere in claimcheck's formats, for did-you-mean on unknown keys. */
export const KNOWN_KEYS: readonly string[] = [
  "source",
  "outlet",
  "short_name",
  "published",
  "dateline",
  "place",
  "date",
  "title",
  "author",
  "url",
  "claims",
  "id",
  "subject",
  "property",
  "value",
  "qualifiers",
  "evidence",
  "status",
  "quote",
  "prefix",
  "suffix",
  "approximate",
  "as_of",
  "year",
  "unit",
  "note",
  "entities",
  "properties",
  "hedges",
  "type",
  "name",
  "acronym",
  "aliases",
  "variants",
  "description",
  "label",
  "cardinality",
  "below",
  "above",
  "open_below",
  "open_above",
  "unbounded_above",
  "unbounded_below",
  "acknowledged",
  "values",
  "reason",
  "reviewer",
];

export function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = data;
  for (const seg of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[seg];
  }
  return node;
}

function article(type: string): string {
  const names: Record<string, string> = {
    string: "a string",
    number: "a number",
    boolean: "true or false",
    object: "a mapping (key: value lines)",
    array: "a list (lines starting with '- ')",
    null: "nothing",
  };
  return names[type] ?? type;
}
