import type { Severity } from "./finding.js";

/** Every rule claimcheck can report, with what a reader needs to act on it. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  summary: string;
  help: string;
}

const rule = (id: string, severity: Severity, summary: string, help: string): RuleInfo => ({
  id,
  severity,
  summary,
  help,
});

export const RULES = {
  // Reading and validating files
  "yaml-syntax": rule(
    "yaml-syntax",
    "error",
    "The file is not valid YAML.",
    "Fix the YAML syntax at the position shown; the rest of the file cannot be checked until it parses.",
  ),
  "duplicate-key": rule(
    "duplicate-key",
    "error",
    "A mapping has the same key twice.",
    "YAML keeps only one of two equal keys; remove or rename one of them.",
  ),
  schema: rule(
    "schema",
    "error",
    "A field is missing, has the wrong type, or is not allowed here.",
    "Compare the field with the claims file format in the README or the JSON Schema in claims.schema.json.",
  ),
  "unknown-key": rule(
    "unknown-key",
    "error",
    "A key the format does not know.",
    "Check the spelling against the suggestion; unknown keys are refused so that typos never pass silently.",
  ),
  "duplicate-claim-id": rule(
    "duplicate-claim-id",
    "error",
    "Two claims share an id.",
    "Claim ids must be unique across the whole repository; rename one of them.",
  ),
  "unknown-subject": rule(
    "unknown-subject",
    "error",
    "A claim's subject is not an entity in the vocabulary.",
    "Use an entity id from claims/vocabulary.yaml, or add the entity there.",
  ),
  "unknown-property": rule(
    "unknown-property",
    "error",
    "A claim's property is not in the vocabulary.",
    "Use a property id from claims/vocabulary.yaml, or add the property there.",
  ),
  "value-type": rule(
    "value-type",
    "error",
    "A claim's value does not fit its property's type.",
    "Write the value in the form the property's type expects (see the README's value types).",
  ),
  "source-missing": rule(
    "source-missing",
    "error",
    "The claims file's source text cannot be read.",
    "Point `source` at an existing text file inside the repository, relative to its root.",
  ),
  "source-outside-repo": rule(
    "source-outside-repo",
    "error",
    "A claims file is a link that leads outside the repository.",
    "Claims files must be files inside the repository's claims/ folder; a link leading out is not read.",
  ),
  "source-path": rule(
    "source-path",
    "error",
    "The claims file's source is not a plain file under sources/.",
    "Write `source` as sources/FILE.txt: relative to the repository root, with forward slashes, no part starting with a dot (no `..`, no hidden file or folder), and no link leading out of sources/.",
  ),
  "status-timeline": rule(
    "status-timeline",
    "error",
    "A status that its event's date, or another source's status, makes impossible.",
    "A status as of a day is checked against the event's date and the other statuses: 'held' before the date, 'scheduled' after it or after another source's 'held' cannot all be true. Check the quote and the as_of date.",
  ),
  "duplicate-short-name": rule(
    "duplicate-short-name",
    "error",
    "Two claims files give the same short_name.",
    "Every claims file is a source of its own, named in tables and messages by its short_name: give each file its own (up to 16 characters), or leave it out to have one made from the outlet.",
  ),
  "source-shared": rule(
    "source-shared",
    "error",
    "Two claims files annotate the same source.",
    "Keep one claims file per article; merge the two files.",
  ),
  "vocabulary-duplicate": rule(
    "vocabulary-duplicate",
    "error",
    "Two vocabulary entries share an id, name or alias.",
    "Each entity and property id, and each name, alias and acronym, must point to one entry.",
  ),
  encoding: rule("encoding", "error", "A file is not valid UTF-8 text.", "Save the file as UTF-8."),
  "file-too-large": rule(
    "file-too-large",
    "error",
    "A file or a string in it is larger than the configured limit.",
    "Split the file, or raise the limit with --max-file-size / --max-string-length if it is genuine.",
  ),
  // Grounding evidence in the article
  "quote-not-found": rule(
    "quote-not-found",
    "error",
    "An evidence quote has no plausible match in its article.",
    "Copy the quote from the article again; claimcheck compares after folding whitespace, quote marks and Unicode normalisation only.",
  ),
  "quote-near-miss": rule(
    "quote-near-miss",
    "error",
    "An evidence quote almost matches a passage of its article.",
    "The diff shows where quote and article differ; correct the quote so that it matches the article exactly.",
  ),
  "quote-ambiguous": rule(
    "quote-ambiguous",
    "warning",
    "An evidence quote occurs more than once in its article.",
    "Add `prefix` or `suffix` context to the evidence so that it picks one occurrence.",
  ),
  "value-not-in-quote": rule(
    "value-not-in-quote",
    "warning",
    "The annotated value is not visible in its own evidence quote.",
    "Check the value against the quote: a date's day and month, a number or number words, a hedge such as 'nearly'.",
  ),
  placeholder: rule(
    "placeholder",
    "warning",
    "A header field still holds the TODO placeholder that `claimcheck init` wrote.",
    "Replace the placeholder with the real value (the message says what belongs there).",
  ),
  "suggestion-todo": rule(
    "suggestion-todo",
    "note",
    "A suggested claim still has a TODO subject or property.",
    "Choose the entity or property (the comment after TODO lists candidates), then delete `status: suggested` to accept the claim.",
  ),
  // Comparing sources
  conflict: rule(
    "conflict",
    "error",
    "Sources give values for the same fact that cannot both be right.",
    "Check each source's evidence; if the discrepancy is real and explained, acknowledge it in claims/acknowledged.yaml.",
  ),
  compatible: rule(
    "compatible",
    "note",
    "Sources give values that differ but can both be right (less precise, or overlapping ranges).",
    "Usually nothing to do; a more precise source may be worth checking.",
  ),
  variant: rule(
    "variant",
    "note",
    "Sources spell a name in different accepted ways (transliteration).",
    "Nothing to do unless the variant is unexpected; list accepted variants in the vocabulary.",
  ),
  "single-source": rule(
    "single-source",
    "note",
    "Only one source states this fact.",
    "A single-source fact cannot be cross-checked; look for another source that states it.",
  ),
  "within-source-conflict": rule(
    "within-source-conflict",
    "error",
    "One source states the same fact twice with different values.",
    "Check both passages of the article; if both are annotated correctly, the article contradicts itself.",
  ),
  "dateline-gap": rule(
    "dateline-gap",
    "note",
    "The article's dateline and publication date differ.",
    "A one-day gap is typical of syndication; a larger gap, or a dateline after publication, deserves a look.",
  ),
  "acronym-mismatch": rule(
    "acronym-mismatch",
    "warning",
    "A name is followed by an acronym that does not fit it.",
    "Compare the words of the name with the letters of the acronym; one of them is likely wrong in the source.",
  ),
  "acknowledged-stale": rule(
    "acknowledged-stale",
    "warning",
    "An acknowledgement no longer matches any discrepancy.",
    "Remove it from claims/acknowledged.yaml, or update it to the discrepancy it was meant for.",
  ),
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export function ruleInfo(id: string): RuleInfo {
  return (RULES as Record<string, RuleInfo>)[id] ?? rule(id, "error", id, "");
}
