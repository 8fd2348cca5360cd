/**
 * The output formats by name, loaded on demand so that a run pays only for the formats it uses.
 */
import type { ReportResult } from "../report-result.js";
import type { Formatter, PiecewiseFormatter } from "./types.js";

/** Each loader may look at the report it will format, to load only what that report needs. */
const loaders = {
  table: async (report?: ReportResult, width?: number) => {
    const table = await import("./table.js");
    await table.prepareTable(report, width);
    return table.formatTable;
  },
  json: async () => (await import("./json.js")).formatJson,
  html: async () => (await import("./html.js")).formatHtml,
  github: async () => (await import("./github.js")).formatGithub,
  markdown: async () => (await import("./markdown.js")).formatMarkdown,
  sarif: async () => (await import("./sarif.js")).formatSarif,
  junit: async () => (await import("./junit.js")).formatJunit,
  line: async () => (await import("./line.js")).formatLine,
} satisfies Record<string, (report?: ReportResult, width?: number) => Promise<Formatter>>;

export type FormatName = keyof typeof loaders;

/**
 * How each format's output is written (see OutputKind in cli/io.ts): plain text for a reader,
 * a document that escapes itself, or workflow commands.
 */
export const FORMAT_OUTPUT_KIND: Record<FormatName, "text" | "document" | "commands"> = {
  table: "text",
  line: "text",
  github: "commands",
  json: "document",
  html: "document",
  markdown: "document",
  sarif: "document",
  junit: "document",
};
export const FORMAT_NAMES = Object.keys(loaders) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(loaders, name);
}

/**
 * The format; given the report it will format and the width it will be formatted to, it may
 * load less (a formatter so prepared is for that width or narrower).
 */
export function loadFormatter(
  name: FormatName,
  report?: ReportResult,
  width?: number,
): Promise<Formatter> {
  return loaders[name](report, width);
}

/** Formats whose output can run to tens of megabytes, written in pieces rather than as one string. */
const piecewise: Partial<Record<FormatName, () => Promise<PiecewiseFormatter>>> = {
  json: async () => (await import("./json.js")).formatJsonPieces,
  html: async () => (await import("./html.js")).formatHtmlPieces,
};

/** The format as pieces where it has that form, else as one string. */
export async function loadPiecewiseFormatter(
  name: FormatName,
  report?: ReportResult,
  width?: number,
): Promise<PiecewiseFormatter> {
  const pieces = piecewise[name];
  if (pieces) return pieces();
  const whole = await loadFormatter(name, report, width);
  return (report, ctx) => [whole(report, ctx)];
}
