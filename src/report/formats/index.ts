/**
 * The output formats by name, loaded on demand so that a run pays only for the formats it uses.
 */
import type { Formatter, PiecewiseFormatter } from "./types.js";

const loaders = {
  table: async () => (await import("./table.js")).formatTable,
  json: async () => (await import("./json.js")).formatJson,
  html: async () => (await import("./html.js")).formatHtml,
  github: async () => (await import("./github.js")).formatGithub,
  markdown: async () => (await import("./markdown.js")).formatMarkdown,
  sarif: async () => (await import("./sarif.js")).formatSarif,
  junit: async () => (await import("./junit.js")).formatJunit,
  line: async () => (await import("./line.js")).formatLine,
} satisfies Record<string, () => Promise<Formatter>>;

export type FormatName = keyof typeof loaders;
export const FORMAT_NAMES = Object.keys(loaders) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(loaders, name);
}

export function loadFormatter(name: FormatName): Promise<Formatter> {
  return loaders[name]();
}

/** Formats whose output can run to tens of megabytes, written in pieces rather than as one string. */
const piecewise: Partial<Record<FormatName, () => Promise<PiecewiseFormatter>>> = {
  json: async () => (await import("./json.js")).formatJsonPieces,
};

/** The format as pieces where it has that form, else as one string. */
export async function loadPiecewiseFormatter(name: FormatName): Promise<PiecewiseFormatter> {
  const pieces = piecewise[name];
  if (pieces) return pieces();
  const whole = await loadFormatter(name);
  return (report, ctx) => [whole(report, ctx)];
}
