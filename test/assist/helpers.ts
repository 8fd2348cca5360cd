/** Test helpers for the annotation assistant: the bundled vocabulary, and articles in code points. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { analyseArticle, type CheckableSpan } from "../../src/assist/checkable.js";
import type { Vocabulary } from "../../src/model/project.js";
import { vocabularySchema } from "../../src/validate/schema.js";
import { REPO } from "../helpers/project.js";

let cached: Vocabulary | undefined;

/** claims/vocabulary.yaml as the validated project holds it. */
export function bundledVocabulary(): Vocabulary {
  if (cached) return cached;
  const data = vocabularySchema.parse(
    parse(readFileSync(join(REPO, "claims/vocabulary.yaml"), "utf8")),
  );
  cached = {
    file: "claims/vocabulary.yaml",
    entities: new Map(data.entities.map((e) => [e.id, e])),
    properties: new Map(data.properties.map((p) => [p.id, p])),
    hedges: data.hedges ?? {},
  };
  return cached;
}

export function spansOf(text: string, published = "2024-02-06"): CheckableSpan[] {
  return analyseArticle(text, { published, vocabulary: bundledVocabulary() }).spans;
}

/** The article's text at a span, counted in code points as grounding counts. */
export function textAt(text: string, span: { start: number; end: number }): string {
  return Array.from(text).slice(span.start, span.end).join("");
}

/**
 * The subject a proposal or lead names, or, when it is a TODO, the first candidate its comment
 * offers (the guess the annotator is asked to confirm).
 */
export function guessedSubject(s: {
  claim: { subject: string };
  todo: { subject?: string };
}): string | undefined {
  if (s.claim.subject !== "TODO") return s.claim.subject;
  return /^choose the entity: ([^?\s]+)\?/.exec(s.todo.subject ?? "")?.[1];
}
