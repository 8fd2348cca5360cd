/**
 * The claims file, vocabulary and acknowledgement formats, as zod schemas.
 * The JSON Schema that editors use (claims.schema.json) is generated from these, so every
 * field carries a description and an example for the editor's hover help.
 *
 * Written with zod/mini, whose functions bundle only what is used: classic zod made the CLI's
 * start-up several times slower for the same checks.
 */
// A namespace import: for `import { z } from "zod/mini"` esbuild bundles all of zod.
import * as z from "zod/mini";
import {
  CLAIM_ID,
  DATE_VALUE,
  FULL_DATE as fullDate,
  HEDGES,
  type Hedge,
  isRealDate,
} from "./formats.js";

export { CLAIM_ID, DATE_VALUE, HEDGES, type Hedge };

/**
 * The schema with editor help attached, as classic zod's `.meta()` did it: on a copy, so a schema
 * used in several places (isoDay, nonEmpty) carries different help at each.
 */
function described<Schema extends z.ZodMiniType>(schema: Schema, help: z.core.GlobalMeta): Schema {
  const copy = schema.clone();
  z.globalRegistry.add(copy, help);
  return copy;
}

const isoDay = described(
  z.string().check(
    z.regex(fullDate, {
      error: (iss) => `expected a date like 2024-02-07, got ${show(iss.input)}`,
    }),
    z.refine(isRealDate, { error: (iss) => `${show(iss.input)} is not a day of the calendar` }),
  ),
  { description: "A calendar date, YYYY-MM-DD.", examples: ["2024-02-06"] },
);

const anyPrecisionDate = described(
  z.string().check(
    z.regex(DATE_VALUE, {
      error: (iss) => `expected a date like 2024-02-07, 2024-02 or 2024, got ${show(iss.input)}`,
    }),
    z.refine(isRealDate, { error: (iss) => `${show(iss.input)} is not a day of the calendar` }),
  ),
  {
    description: "A date at day (2024-02-07), month (2024-02) or year (2024) precision.",
    examples: ["2024-02-05", "2024-02"],
  },
);

/**
 * A list that may still be empty: `claims:` with nothing (or only comments) under it, as `init`
 * and `setup` write it, is a list of no items, not a missing value.
 */
const listOrNothing = <Item extends z.ZodMiniType>(item: Item) =>
  z.pipe(
    z.nullable(z.array(item)),
    z.transform((list): z.output<Item>[] => list ?? []),
  );

const nonEmpty = (what: string) =>
  z.string().check(z.trim(), z.minLength(1, { error: `${what} must not be empty` }));

export const evidenceSchema = described(
  z.union([
    described(nonEmpty("the evidence quote"), {
      description: "The exact words of the article that state the claim.",
    }),
    described(
      z.strictObject({
        quote: described(nonEmpty("the evidence quote"), {
          description: "The exact words of the article that state the claim.",
          examples: ["registered 7 candidates"],
        }),
        prefix: described(z.optional(z.string()), {
          description:
            "Text just before the quote, to pick one occurrence when the quote occurs more than once.",
          examples: ["Chairman of the "],
        }),
        suffix: described(z.optional(z.string()), {
          description:
            "Text just after the quote, to pick one occurrence when the quote occurs more than once.",
          examples: [" to run in"],
        }),
      }),
      { description: "A quote with context, like a W3C TextQuoteSelector." },
    ),
  ]),
  {
    description:
      "The quote from the article that states the claim: a string, or {quote, prefix, suffix}. Matched after folding whitespace, curly quotes and Unicode normalisation.",
    examples: ["Azerbaijan has registered seven candidates"],
  },
);

export const qualifiersSchema = described(
  z.strictObject({
    approximate: described(
      z.optional(
        z.enum(HEDGES, {
          error: (iss) => `expected one of ${HEDGES.join(", ")}, got ${show(iss.input)}`,
        }),
      ),
      {
        description: "The hedge the article puts on a count; it turns the value into an interval.",
        examples: ["close to", "nearly", "more than"],
      },
    ),
    as_of: described(z.optional(anyPrecisionDate), {
      description:
        "The moment the value is about. Claims with different as_of dates are not compared with each other.",
      examples: ["2024-02-07"],
    }),
    year: described(z.optional(z.enum(["stated", "annotator", "publication"])), {
      description:
        "Where a date's year comes from: stated in the text, supplied by the annotator, or resolved from the publication date. Usually inferred.",
      examples: ["annotator"],
    }),
    unit: described(z.optional(z.string()), {
      description: "Unit of a quantity when the property does not fix one (e.g. percent).",
      examples: ["percent"],
    }),
    note: described(z.optional(z.string()), {
      description: "A free note from the annotator, shown in the report.",
      examples: ["The article means the 2018 election."],
    }),
  }),
  { description: "Context that qualifies the value." },
);

export const claimSchema = described(
  z.strictObject({
    id: described(
      z.string().check(
        z.regex(CLAIM_ID, {
          error: (iss) =>
            `expected an id of lower-case letters, digits, '.', '_' or '-', got ${show(iss.input)}`,
        }),
      ),
      { description: "Unique id of the claim across the repository.", examples: ["trend-cec-01"] },
    ),
    subject: described(z.string(), {
      description: "Id of the entity the claim is about (see claims/vocabulary.yaml).",
      examples: ["cis"],
    }),
    property: described(z.string(), {
      description: "Id of the property the claim states (see claims/vocabulary.yaml).",
      examples: ["name"],
    }),
    value: described(z.union([z.string(), z.number(), z.boolean()]), {
      description:
        "The value the article gives, typed by the property: a date (2024-02-07, 2024-02, 2024, or --12-19 for a month and day), a number, or a name or text.",
      examples: ["2024-02-07", 7, "Commonwealth of Independent States"],
    }),
    qualifiers: z.optional(qualifiersSchema),
    evidence: evidenceSchema,
    status: described(z.optional(z.enum(["accepted", "suggested"])), {
      description:
        "`suggested` marks a claim proposed by `claimcheck suggest` that no one has reviewed; it is not compared until accepted.",
      examples: ["suggested"],
    }),
  }),
  {
    description:
      "One statement the article makes: subject, property, value, and the quote that states it.",
  },
);

export const claimsFileSchema = described(
  z.strictObject({
    source: described(z.string(), {
      description: "Path of the article's text file, relative to the repository root.",
      examples: ["sources/2024-02-05_trend_prosecutor-general-meets-cis-observers.txt"],
    }),
    outlet: described(nonEmpty("outlet"), {
      description: "The outlet or publisher, as the report should name it.",
      examples: ["Trend News Agency"],
    }),
    short_name: described(
      z.optional(
        z.string().check(
          z.regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,15}$/, {
            error: "expected up to 16 letters, digits, spaces, '.', '_' or '-'",
          }),
        ),
      ),
      { description: "A short name for table columns.", examples: ["Trend"] },
    ),
    published: described(isoDay, {
      description: "Publication date of the article.",
      examples: ["2024-02-06"],
    }),
    dateline: described(
      z.optional(
        z.strictObject({
          place: described(z.optional(z.string()), {
            description: "Place named in the dateline.",
            examples: ["Baku"],
          }),
          date: described(anyPrecisionDate, {
            description:
              "Date named in the dateline; --MM-DD when it gives no year (resolved against the publication date).",
            examples: ["--02-05", "2024-02-05"],
          }),
          evidence: z.optional(evidenceSchema),
        }),
      ),
      {
        description:
          "The dateline, where the article has one (e.g. 'BAKU, Azerbaijan, February 5').",
      },
    ),
    title: described(z.optional(nonEmpty("title")), {
      description:
        "The article's headline, where the text has one; without it, the report names the article by its file name.",
      examples: ["President Ilham Aliyev receives SCO Sec-Gen"],
    }),
    author: described(z.optional(z.string()), {
      description: "Byline, where the article has one.",
      examples: ["Abbas Ganbay"],
    }),
    url: described(
      z.optional(z.url({ error: "expected a URL such as https://example.org/article" })),
      {
        description: "Where the article was published, where known.",
        examples: ["https://example.org/news/123"],
      },
    ),
    claims: described(listOrNothing(claimSchema), {
      description: "The claims the article makes (none yet: leave the list empty).",
    }),
  }),
  {
    title: "claimcheck claims file",
    description: "The claims one article makes, each with its evidence quote.",
  },
);

export const ENTITY_TYPES = [
  "person",
  "organisation",
  "event",
  "place",
  "document",
  "group",
  "other",
] as const;
export const VALUE_TYPES = ["date", "quantity", "name", "text", "entity", "boolean"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

const entityId = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9_-]*$/, {
    error: (iss) =>
      `expected an id of lower-case letters, digits, '_' or '-', got ${show(iss.input)}`,
  }),
);

export const entitySchema = z.strictObject({
  id: described(entityId, { description: "Id used as a claim's subject.", examples: ["cis"] }),
  type: described(z.enum(ENTITY_TYPES), {
    description: "Kind of entity.",
    examples: ["organisation"],
  }),
  name: described(nonEmpty("name"), {
    description: "Canonical name.",
    examples: ["Commonwealth of Independent States"],
  }),
  acronym: described(z.optional(z.string()), {
    description: "Acronym the sources use.",
    examples: ["CIS"],
  }),
  aliases: described(z.optional(z.array(z.string())), {
    description: "Other names that mean the same entity; compared as equal to the canonical name.",
    examples: [["the Commonwealth"]],
  }),
  variants: described(z.optional(z.array(z.string())), {
    description:
      "Accepted spelling variants (e.g. transliterations); reported as variants, not conflicts.",
    examples: [["Sergei Lebedev"]],
  }),
  demonyms: described(z.optional(z.array(z.string())), {
    description:
      'For a place: the adjectives naming it (Azerbaijani). A name that only adds the place ("Azerbaijani Foreign Ministry", "… of Azerbaijan") still names the same entity.',
    examples: [["Azerbaijani"]],
  }),
  description: described(z.optional(z.string()), { description: "A note for annotators." }),
});

export const propertySchema = z.strictObject({
  id: described(entityId, { description: "Id used as a claim's property.", examples: ["date"] }),
  label: described(nonEmpty("label"), {
    description: "How the report names the property.",
    examples: ["date held"],
  }),
  type: described(z.enum(VALUE_TYPES), {
    description: "Value type: decides how values are checked and compared.",
    examples: ["date"],
  }),
  cardinality: described(z.enum(["single", "multiple"]), {
    description: "single: differing values conflict. multiple: an entity may have several values.",
    examples: ["single"],
  }),
  unit: described(z.optional(z.string()), {
    description: "Unit of a quantity.",
    examples: ["percent"],
  }),
  refers_to: described(z.optional(z.enum(["entity", "office"])), {
    description:
      "For a name property: entity when each value names an entity of the vocabulary (a host, a signatory, a place), resolved through its names, aliases and acronym; office when each value is a title, an office in an organisation (Secretary General of the CIS), compared as office, rank and organisation.",
    examples: ["entity"],
  }),
  synonyms: described(z.optional(z.array(z.array(z.string()).check(z.minLength(2)))), {
    description:
      "For a text or name property: sets of values that mean the same (extraordinary, snap, early), so that they agree.",
    examples: [[["extraordinary", "snap", "early"]]],
  }),
  timeline: described(
    z.optional(
      z.strictObject({
        date: described(entityId, {
          description: "The subject's property that gives the date the status is measured against.",
          examples: ["date"],
        }),
        before: described(z.array(z.string()), {
          description: "Values true only before that date (scheduled).",
          examples: [["scheduled"]],
        }),
        after: described(z.array(z.string()), {
          description: "Values true only from that date on (held).",
          examples: [["held"]],
        }),
      }),
    ),
    {
      description:
        "For a status property (values qualified with as_of): read the values on the subject's timeline, so that 'held' before the event's date, or 'scheduled' after it, or 'scheduled' again after 'held', is a conflict.",
    },
  ),
  description: described(z.optional(z.string()), { description: "A note for annotators." }),
});

export const hedgeBoundsSchema = z.strictObject({
  below: described(z.number().check(z.minimum(0), z.maximum(1)), {
    description: "How far below the value the interval reaches, as a fraction.",
  }),
  above: described(z.number().check(z.minimum(0)), {
    description: "How far above the value the interval reaches, as a fraction.",
  }),
  open_below: z.optional(z.boolean()),
  open_above: z.optional(z.boolean()),
  unbounded_above: z.optional(z.boolean()),
  unbounded_below: z.optional(z.boolean()),
});

export const vocabularySchema = described(
  z.strictObject({
    entities: listOrNothing(entitySchema),
    properties: listOrNothing(propertySchema),
    hedges: described(z.optional(z.partialRecord(z.enum(HEDGES), hedgeBoundsSchema)), {
      description:
        "Override the interval of any hedge (see the README); hedges left out keep their defaults.",
    }),
  }),
  {
    title: "claimcheck vocabulary",
    description: "Entities and properties shared by all claims files.",
  },
);

export const acknowledgementSchema = z.strictObject({
  subject: described(z.string(), { description: "Entity id of the acknowledged group." }),
  property: described(z.string(), { description: "Property id of the acknowledged group." }),
  as_of: z.optional(anyPrecisionDate),
  values: described(z.array(z.union([z.string(), z.number()])).check(z.minLength(2)), {
    description:
      "The values that were reviewed; a new value in the group makes the discrepancy new again.",
  }),
  reason: described(nonEmpty("reason"), { description: "Why the discrepancy is acceptable." }),
  reviewer: nonEmpty("reviewer"),
  date: described(isoDay, { description: "When it was reviewed." }),
});

export const acknowledgedFileSchema = z.strictObject({
  acknowledged: listOrNothing(acknowledgementSchema),
});

export type ClaimsFileData = z.infer<typeof claimsFileSchema>;
export type ClaimData = z.infer<typeof claimSchema>;
export type EvidenceData = z.infer<typeof evidenceSchema>;
export type QualifiersData = z.infer<typeof qualifiersSchema>;
export type VocabularyData = z.infer<typeof vocabularySchema>;
export type EntityData = z.infer<typeof entitySchema>;
export type PropertyData = z.infer<typeof propertySchema>;
export type AcknowledgementData = z.infer<typeof acknowledgementSchema>;
export type HedgeBoundsData = z.infer<typeof hedgeBoundsSchema>;

function show(input: unknown): string {
  if (typeof input === "string") return JSON.stringify(input);
  if (input === null) return "null";
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object") return "a mapping";
  return String(input);
}
