/**
 * The output formats by name, loaded on demand so that a run pays only for the formats it uses.
 */
import type { Formatter } from "./types.js";

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
