import { JSON_TEXT, neutraliseCommands } from "../escape.js";
import type { Formatter, PiecewiseFormatter } from "./types.js";

/** Arrays longer than this are written a few elements at a time rather than as one string. */
const STREAM_ABOVE = 256;

/**
 * Elements of a long array written as one piece: each piece costs a check for commands and a
 * copy into the output's buffer, which for single elements (tens of thousands of findings) cost
 * more than the text they carried.
 */
const ELEMENTS_PER_PIECE = 32;

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
      for (let i = 0; i < value.length; i += ELEMENTS_PER_PIECE) {
        if (i > 0) yield ",";
        yield neutraliseCommands(elementsText(value, i, i + ELEMENTS_PER_PIECE), JSON_TEXT);
      }
      yield "]";
    } else {
      yield `${head}${neutraliseCommands(JSON.stringify(value), JSON_TEXT)}`;
    }
  }
  yield "}\n";
}

/**
 * The JSON of elements [start, end) of `array`, joined by commas: what JSON.stringify writes for
 * them inside the array's brackets. A command split between two elements would need a character
 * no JSON text has between them (the comma breaks it), so the pieces are checked as safely.
 */
function elementsText(array: readonly unknown[], start: number, end: number): string {
  const text = JSON.stringify(array.slice(start, end));
  return text.slice(1, -1);
}
