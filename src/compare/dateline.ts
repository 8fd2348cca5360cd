/**
 * The one check within an article's header: its dateline against its publication date.
 * A one-day gap is typical of syndication (a note); more, or a dateline after publication, is a warning.
 */
import type { Finding } from "../findings/finding.js";
import type { Source } from "../model/project.js";
import { parseDateValue } from "./date.js";

export function checkDateline(source: Source): Finding | undefined {
  const dateline = source.dateline;
  if (!dateline) return undefined;
  const published = parseDateValue(source.published, {});
  const date = parseDateValue(dateline.date, { published: source.published });
  if ("error" in published || "error" in date || date.precision !== "day") return undefined;
  const gap = published.firstDay - date.firstDay;
  if (gap === 0) return undefined;
  const yearNote =
    date.yearSource === "publication" ? " (its year taken from the publication date)" : "";
  const what =
    gap < 0
      ? `the dateline ${date.iso}${yearNote} is ${-gap} day(s) after the publication date ${source.published}`
      : `the dateline ${date.iso}${yearNote} is ${gap} day(s) before the publication date ${source.published}${gap === 1 ? ", as is usual for syndicated copy" : ""}`;
  return {
    ruleId: "dateline-gap",
    severity: gap === 1 ? "note" : "warning",
    message: `${source.shortName}: ${what}`,
    location: source.where.locate(["dateline", "date"]),
    related: [{ ...source.where.locate(["published"]), message: "publication date" }],
    path: "dateline.date",
  };
}
