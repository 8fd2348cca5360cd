import { JSON_TEXT, neutraliseCommands } from "../escape.js";
import type { Formatter, PiecewiseFormatter } from "./types.js";

/** Arrays longer than this are written element by element rather than as one string. */
const STREAM_ABOVE = 256;

/**
 * The report as JSON, in the shape described by report.schema.json: compact, one line, exactly
 * what JSON.stringify gives, but produced in pieces (one per element of a long array), so that
 * the report of a large corpus (tens of megabytes) is never held as one string. A CI log may show
 * it, so `##[` inside a string is written `##\u005b`, which parses back to the same text; no
 * piece splits a string, so no piece boundary can hide one.
 */
export const formatJsonPieces: PiecewiseFormatter = (report) => jsonPieces(report);

export const formatJson: Formatter = (report) => [...jsonPieces(report)].join("");

function* jsonPieces(report: object): Generator<string> {
  let first = true;
  yield "{";
  for (const [key, value] of Object.entries(report)) {
    if (value === undefined || typeof value === "function") continue;
    const head = `${first ? "" : ","}${JSON.stringify(key)}:`;
    first = false;
    if (Array.isArray(value) && value.length > STREAM_ABOVE) {
      yield `${head}[`;
      for (let i = 0; i < value.length; i++) {
        if (i > 0) yield ",";
        yield neutraliseCommands(JSON.stringify(value[i]) ?? "null", JSON_TEXT);
      }
      yield "]";
    } else {
      yield `${head}${neutraliseCommands(JSON.stringify(value), JSON_TEXT)}`;
    }
  }
  yield "}\n";
}
