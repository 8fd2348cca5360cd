/**
 * The claims file, vocabulary and acknowledgement formats, as zod schemas.
 * The JSON Schema that editors use (claims.schema.json) is generated from these, so every
 * field carries a description and an example for the editor's hover help.
 */
import { z } from "zod";
import {
  CLAIM_ID,
  DATE_VALUE,
  FULL_DATE as fullDate,
  HEDGES,
  type Hedge,
  isRealDate,
} from "./formats.js";

export { CLAIM_ID, DATE_VALUE, HEDGES, type Hedge };

const isoDay = z
  .string()
  .regex(fullDate, { error: (iss) => `expected a date like 2024-02-07, got ${show(iss.input)}` })
  .refine(isRealDate, { error: (iss) => `${show(iss.input)} is not a day of the calendar` })
  .meta({ description: "A calendar date, YYYY-MM-DD.", examples: ["2024-02-06"] });

const anyPrecisionDate = z
  .string()
  .regex(DATE_VALUE, {
    error: (iss) => `expected a date like 2024-02-07, 2024-02 or 2024, got ${show(iss.input)}`,
  })
  .refine(isRealDate, { error: (iss) => `${show(iss.input)} is not a day of the calendar` })
  .meta({
    description: "A date at day (2024-02-07), month (2024-02) or year (2024) precision.",
    examples: ["2024-02-05", "2024-02"],
  });

const nonEmpty = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what} must not be empty` });

export const evidenceSchema = z
  .union([
    nonEmpty("the evidence quote").meta({
      description: "The exact words of the article that state the claim.",
    }),
    z
      .strictObject({
        quote: nonEmpty("the evidence quote").meta({
          description: "The exact words of the article that state the claim.",
          examples: ["registered 7 candidates"],
        }),
        prefix: z
          .string()
          .optional()
          .meta({
            description:
              "Text just before the quote, to pick one occurrence when the quote occurs more than once.",
            examples: ["Chairman of the "],
          }),
        suffix: z
          .string()
          .optional()
          .meta({
            description:
              "Text just after the quote, to pick one occurrence when the quote occurs more than once.",
            examples: [" to run in"],
          }),
      })
      .meta({ description: "A quote with context, like a W3C TextQuoteSelector." }),
  ])
  .meta({
    description:
      "The quote from the article that states the claim: a string, or {quote, prefix, suffix}. Matched after folding whitespace, curly quotes and Unicode normalisation.",
    examples: ["Azerbaijan has registered seven candidates"],
  });

export const qualifiersSchema = z
  .strictObject({
    approximate: z
      .enum(HEDGES, {
        error: (iss) => `expected one of ${HEDGES.join(", ")}, got ${show(iss.input)}`,
      })
      .optional()
      .meta({
        description: "The hedge the article puts on a count; it turns the value into an interval.",
        examples: ["close to", "nearly", "more than"],
      }),
    as_of: anyPrecisionDate.optional().meta({
      description:
        "The moment the value is about. Claims with different as_of dates are not compared with each other.",
      examples: ["2024-02-07"],
    }),
    year: z
      .enum(["stated", "annotator", "publication"])
      .optional()
      .meta({
        description:
          "Where a date's year comes from: stated in the text, supplied by the annotator, or resolved from the publication date. Usually inferred.",
        examples: ["annotator"],
      }),
    unit: z
      .string()
      .optional()
      .meta({
        description: "Unit of a quantity when the property does not fix one (e.g. percent).",
        examples: ["percent"],
      }),
    note: z
      .string()
      .optional()
      .meta({
        description: "A free note from the annotator, shown in the report.",
        examples: ["The article means the 2018 election."],
      }),
  })
  .meta({ description: "Context that qualifies the value." });

export const claimSchema = z
  .strictObject({
    id: z
      .string()
      .regex(CLAIM_ID, {
        error: (iss) =>
          `expected an id of lower-case letters, digits, '.', '_' or '-', got ${show(iss.input)}`,
      })
      .meta({
        description: "Unique id of the claim across the repository.",
        examples: ["trend-cec-01"],
      }),
    subject: z.string().meta({
      description: "Id of the entity the claim is about (see claims/vocabulary.yaml).",
      examples: ["cis"],
    }),
    property: z.string().meta({
      description: "Id of the property the claim states (see claims/vocabulary.yaml).",
      examples: ["name"],
    }),
    value: z.union([z.string(), z.number(), z.boolean()]).meta({
      description:
        "The value the article gives, typed by the property: a date (2024-02-07, 2024-02, 2024, or --12-19 for a month and day), a number, or a name or text.",
      examples: ["2024-02-07", 7, "Commonwealth of Independent States"],
    }),
    qualifiers: qualifiersSchema.optional(),
    evidence: evidenceSchema,
    status: z
      .enum(["accepted", "suggested"])
      .optional()
      .meta({
        description:
          "`suggested` marks a claim proposed by `claimcheck suggest` that no one has reviewed; it is not compared until accepted.",
        examples: ["suggested"],
      }),
  })
  .meta({
    description:
      "One statement the article makes: subject, property, value, and the quote that states it.",
  });

export const claimsFileSchema = z
  .strictObject({
    source: z.string().meta({
      description: "Path of the article's text file, relative to the repository root.",
      examples: ["sources/2024-02-05_trend_prosecutor-general-meets-cis-observers.txt"],
    }),
    outlet: nonEmpty("outlet").meta({
      description: "The outlet or publisher, as the report should name it.",
      examples: ["Trend News Agency"],
    }),
    short_name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,15}$/, {
        error: "expected up to 16 letters, digits, spaces, '.', '_' or '-'",
      })
      .optional()
      .meta({ description: "A short name for table columns.", examples: ["Trend"] }),
    published: isoDay.meta({
      description: "Publication date of the article.",
      examples: ["2024-02-06"],
    }),
    dateline: z
      .strictObject({
        place: z
          .string()
          .optional()
          .meta({ description: "Place named in the dateline.", examples: ["Baku"] }),
        date: anyPrecisionDate.meta({
          description:
            "Date named in the dateline; --MM-DD when it gives no year (resolved against the publication date).",
          examples: ["--02-05", "2024-02-05"],
        }),
        evidence: evidenceSchema.optional(),
      })
      .optional()
      .meta({
        description:
          "The dateline, where the article has one (e.g. 'BAKU, Azerbaijan, February 5').",
      }),
    title: nonEmpty("title").meta({
      description: "The article's headline.",
      examples: ["President Ilham Aliyev receives SCO Sec-Gen"],
    }),
    author: z
      .string()
      .optional()
      .meta({ description: "Byline, where the article has one.", examples: ["Abbas Ganbay"] }),
    url: z
      .url({ error: "expected a URL such as https://example.org/article" })
      .optional()
      .meta({
        description: "Where the article was published, where known.",
        examples: ["https://example.org/news/123"],
      }),
    claims: z.array(claimSchema).meta({ description: "The claims the article makes." }),
  })
  .meta({
    title: "claimcheck claims file",
    description: "The claims one article makes, each with its evidence quote.",
  });

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

const entityId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, {
  error: (iss) =>
    `expected an id of lower-case letters, digits, '_' or '-', got ${show(iss.input)}`,
});

export const entitySchema = z.strictObject({
  id: entityId.meta({ description: "Id used as a claim's subject.", examples: ["cis"] }),
  type: z.enum(ENTITY_TYPES).meta({ description: "Kind of entity.", examples: ["organisation"] }),
  name: nonEmpty("name").meta({
    description: "Canonical name.",
    examples: ["Commonwealth of Independent States"],
  }),
  acronym: z
    .string()
    .optional()
    .meta({ description: "Acronym the sources use.", examples: ["CIS"] }),
  aliases: z
    .array(z.string())
    .optional()
    .meta({
      description:
        "Other names that mean the same entity; compared as equal to the canonical name.",
      examples: [["the Commonwealth"]],
    }),
  variants: z
    .array(z.string())
    .optional()
    .meta({
      description:
        "Accepted spelling variants (e.g. transliterations); reported as variants, not conflicts.",
      examples: [["Sergei Lebedev"]],
    }),
  description: z.string().optional().meta({ description: "A note for annotators." }),
});

export const propertySchema = z.strictObject({
  id: entityId.meta({ description: "Id used as a claim's property.", examples: ["date"] }),
  label: nonEmpty("label").meta({
    description: "How the report names the property.",
    examples: ["date held"],
  }),
  type: z.enum(VALUE_TYPES).meta({
    description: "Value type: decides how values are checked and compared.",
    examples: ["date"],
  }),
  cardinality: z.enum(["single", "multiple"]).meta({
    description: "single: differing values conflict. multiple: an entity may have several values.",
    examples: ["single"],
  }),
  unit: z
    .string()
    .optional()
    .meta({ description: "Unit of a quantity.", examples: ["percent"] }),
  description: z.string().optional().meta({ description: "A note for annotators." }),
});

export const hedgeBoundsSchema = z.strictObject({
  below: z
    .number()
    .min(0)
    .max(1)
    .meta({ description: "How far below the value the interval reaches, as a fraction." }),
  above: z
    .number()
    .min(0)
    .meta({ description: "How far above the value the interval reaches, as a fraction." }),
  open_below: z.boolean().optional(),
  open_above: z.boolean().optional(),
  unbounded_above: z.boolean().optional(),
  unbounded_below: z.boolean().optional(),
});

export const vocabularySchema = z
  .strictObject({
    entities: z.array(entitySchema),
    properties: z.array(propertySchema),
    hedges: z.record(z.enum(HEDGES), hedgeBoundsSchema).optional().meta({
      description: "Override the interval each hedge implies (see the README).",
    }),
  })
  .meta({
    title: "claimcheck vocabulary",
    description: "Entities and properties shared by all claims files.",
  });

export const acknowledgementSchema = z.strictObject({
  subject: z.string().meta({ description: "Entity id of the acknowledged group." }),
  property: z.string().meta({ description: "Property id of the acknowledged group." }),
  as_of: anyPrecisionDate.optional(),
  values: z
    .array(z.union([z.string(), z.number()]))
    .min(2)
    .meta({
      description:
        "The values that were reviewed; a new value in the group makes the discrepancy new again.",
    }),
  reason: nonEmpty("reason").meta({ description: "Why the discrepancy is acceptable." }),
  reviewer: nonEmpty("reviewer"),
  date: isoDay.meta({ description: "When it was reviewed." }),
});

export const acknowledgedFileSchema = z.strictObject({
  acknowledged: z.array(acknowledgementSchema),
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
