import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/project.js";

interface JsonSchema {
  description?: string;
  examples?: unknown[];
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
}

/** Every property of a schema, with its path, however deep (through lists and unions). */
function properties(schema: JsonSchema, path = ""): [string, JsonSchema][] {
  const out: [string, JsonSchema][] = [];
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    out.push([`${path}.${key}`, child], ...properties(child, `${path}.${key}`));
  }
  if (schema.items) out.push(...properties(schema.items, `${path}[]`));
  for (const branch of schema.anyOf ?? []) out.push(...properties(branch, path));
  return out;
}

/** The globs these settings use: `*` within one folder, nothing fancier. */
const matches = (file: string, globs: string[]) =>
  globs.some((g) =>
    new RegExp(`^${g.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`).test(file),
  );

const isLeaf = (s: JsonSchema) =>
  !s.properties && !s.items && !(s.anyOf ?? []).some((b) => b.properties || b.items);

describe("editor support", () => {
  const claimsSchema = JSON.parse(
    readFileSync(join(REPO, "claims.schema.json"), "utf8"),
  ) as JsonSchema;

  it("every field of claims.schema.json has a description for the editor's hover help", () => {
    const fields = properties(claimsSchema);
    expect(fields.length).toBeGreaterThan(20);
    expect(fields.filter(([, s]) => !s.description).map(([p]) => p)).toEqual([]);
  });

  it("every value field of claims.schema.json has examples or a list of allowed values", () => {
    const missing = properties(claimsSchema)
      .filter(([, s]) => isLeaf(s) && !s.examples && !s.enum)
      .map(([p]) => p);
    expect(missing).toEqual([]);
  });

  it(".vscode/settings.json maps each schema to its files, and only to them", () => {
    const settings = JSON.parse(readFileSync(join(REPO, ".vscode/settings.json"), "utf8")) as {
      "yaml.schemas": Record<string, string[]>;
    };
    const mapping = settings["yaml.schemas"];
    const schemaFor = (file: string) =>
      Object.entries(mapping)
        .filter(([, globs]) => {
          const include = globs.filter((g) => !g.startsWith("!"));
          const exclude = globs.filter((g) => g.startsWith("!")).map((g) => g.slice(1));
          return matches(file, include) && !matches(file, exclude);
        })
        .map(([schema]) => schema);
    for (const schema of Object.keys(mapping))
      expect(readdirSync(REPO)).toContain(schema.replace(/^\.\//, ""));
    const claimsFiles = readdirSync(join(REPO, "claims")).filter(
      (f) => f.endsWith(".yaml") && f !== "vocabulary.yaml",
    );
    expect(claimsFiles.length).toBeGreaterThan(0);
    for (const f of claimsFiles) expect(schemaFor(`claims/${f}`)).toEqual(["./claims.schema.json"]);
    expect(schemaFor("claims/vocabulary.yaml")).toEqual(["./vocabulary.schema.json"]);
    expect(schemaFor("claims/acknowledged.yaml")).toEqual(["./acknowledged.schema.json"]);
  });
});
