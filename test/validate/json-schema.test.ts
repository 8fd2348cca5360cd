import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILES, schemaText } from "../../src/validate/json-schema.js";
import { REPO } from "../helpers/project.js";

describe("JSON Schema files", () => {
  it.each(Object.keys(SCHEMA_FILES) as (keyof typeof SCHEMA_FILES)[])(
    "%s is up to date with the zod schema (regenerate with `npm run schema`)",
    (name) => {
      expect(readFileSync(join(REPO, name), "utf8")).toBe(schemaText(name));
    },
  );

  it("every claims file points its editor at the schema", () => {
    const files = readdirSync(join(REPO, "claims")).filter(
      (f) => f.endsWith(".yaml") && f !== "vocabulary.yaml" && f !== "acknowledged.yaml",
    );
    // One claims file per bundled article.
    const sources = readdirSync(join(REPO, "sources")).filter((f) => f.endsWith(".txt"));
    expect(files).toHaveLength(sources.length);
    for (const file of files) {
      const first = readFileSync(join(REPO, "claims", file), "utf8").split("\n", 1)[0];
      expect(first).toBe("# yaml-language-server: $schema=../claims.schema.json");
    }
  });
});
