/** The JSON Schema files editors use, generated from the zod schemas so the two never drift. */
// A namespace import, as in schema.ts, so that esbuild leaves out the parts of zod not used.
import * as z from "zod/mini";
import { acknowledgedFileSchema, claimsFileSchema, vocabularySchema } from "./schema.js";

export const SCHEMA_FILES = {
  "claims.schema.json": claimsFileSchema,
  "vocabulary.schema.json": vocabularySchema,
  "acknowledged.schema.json": acknowledgedFileSchema,
} as const;

export function schemaText(name: keyof typeof SCHEMA_FILES): string {
  const schema = z.toJSONSchema(SCHEMA_FILES[name], { target: "draft-7", io: "input" });
  return `${JSON.stringify({ ...schema, $id: `https://claimcheck.invalid/${name}` }, null, 2)}\n`;
}
