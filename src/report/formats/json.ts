import type { Formatter, PiecewiseFormatter } from "./types.js";

/** Arrays longer than this are written element by element rather than as one string. */
const STREAM_ABOVE = 256;

/**
 * The report as JSON, in the shape described by report.schema.json: compact, one line, exactly
 * what JSON.stringify gives, but produced in pieces (one per element of a long array), so that
 * the report of a large corpus (tens of megabytes) is never held as one string.
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
        yield JSON.stringify(value[i]) ?? "null";
      }
      yield "]";
    } else {
      yield `${head}${JSON.stringify(value)}`;
    }
  }
  yield "}\n";
}
