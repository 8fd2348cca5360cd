import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareDates,
  type DateParseOptions,
  dayNumber,
  formatDay,
  isDateError,
  parseDateValue,
} from "../../src/compare/date.js";
import type { DateValue, DifferenceKind, Relation } from "../../src/compare/types.js";

function date(raw: string, opts: DateParseOptions = {}): DateValue {
  const parsed = parseDateValue(raw, opts);
  if (isDateError(parsed)) throw new Error(parsed.error);
  return parsed;
}

describe("parseDateValue", () => {
  it.each<
    [
      string,
      DateParseOptions,
      string,
      DateValue["precision"],
      string,
      string,
      DateValue["yearSource"],
    ]
  >([
    // raw, options, iso, precision, first day, last day, year source
    ["2024-02-07", {}, "2024-02-07", "day", "2024-02-07", "2024-02-07", "stated"],
    [" 2024-02-07 ", {}, "2024-02-07", "day", "2024-02-07", "2024-02-07", "stated"],
    [
      "2024-02-07",
      { yearSource: "annotator" },
      "2024-02-07",
      "day",
      "2024-02-07",
      "2024-02-07",
      "annotator",
    ],
    ["2024-02-29", {}, "2024-02-29", "day", "2024-02-29", "2024-02-29", "stated"],
    ["2024-02", {}, "2024-02", "month", "2024-02-01", "2024-02-29", "stated"],
    ["2023-02", {}, "2023-02", "month", "2023-02-01", "2023-02-28", "stated"],
    ["2023-12", {}, "2023-12", "month", "2023-12-01", "2023-12-31", "stated"],
    ["2024", {}, "2024", "year", "2024-01-01", "2024-12-31", "stated"],
    ["0099-03-01", {}, "0099-03-01", "day", "0099-03-01", "0099-03-01", "stated"],
    // month and day: the year closest to the publication date (chrono-node's rule)
    [
      "--12-19",
      { published: "2024-02-05" },
      "2023-12-19",
      "day",
      "2023-12-19",
      "2023-12-19",
      "publication",
    ],
    [
      "--02-05",
      { published: "2024-02-06" },
      "2024-02-05",
      "day",
      "2024-02-05",
      "2024-02-05",
      "publication",
    ],
    [
      "--01-03",
      { published: "2023-12-30" },
      "2024-01-03",
      "day",
      "2024-01-03",
      "2024-01-03",
      "publication",
    ],
    [
      "--07-01",
      { published: "2024-01-01" },
      "2024-07-01",
      "day",
      "2024-07-01",
      "2024-07-01",
      "publication",
    ],
    [
      "--02-29",
      { published: "2023-06-01" },
      "2024-02-29",
      "day",
      "2024-02-29",
      "2024-02-29",
      "publication",
    ],
    [
      "--12-19",
      { published: "2024-02-05", yearSource: "annotator" },
      "2023-12-19",
      "day",
      "2023-12-19",
      "2023-12-19",
      "publication",
    ],
  ])("%j %j → %s", (raw, opts, iso, precision, first, last, yearSource) => {
    const value = date(raw, opts);
    expect(value).toMatchObject({ type: "date", iso, precision, yearSource });
    expect([formatDay(value.firstDay), formatDay(value.lastDay)]).toEqual([first, last]);
  });

  it.each<[string, DateParseOptions, string]>([
    ["Feb 7", {}, 'expected a date like 2024-02-07, 2024-02, 2024 or --12-19, got "Feb 7"'],
    ["24-02-07", {}, "expected a date like"],
    ["2024-2-7", {}, "expected a date like"],
    ["2024-13", {}, "2024-13 has no month 13"],
    ["2024-00-10", {}, "has no month 0"],
    ["2023-02-29", {}, "2023-02-29 is not a day of the calendar"],
    ["2024-04-31", {}, "2024-04-31 is not a day of the calendar"],
    ["2024-02-00", {}, "is not a day of the calendar"],
    ["--12-19", {}, "--12-19 gives no year and there is no publication date to take it from"],
    ["--12-19", { published: "2024-2-5" }, 'publication date "2024-2-5" is not a date'],
    ["--12-19", { published: "2023-02-29" }, "is not a date"],
    [
      "--02-30",
      { published: "2024-02-05" },
      "--02-30 is not a day of the calendar near 2024-02-05",
    ],
  ])("%j %j is an error", (raw, opts, message) => {
    const parsed = parseDateValue(raw, opts);
    expect(isDateError(parsed) ? parsed.error : parsed).toContain(message);
  });

  it("counts days from 1970-01-01 UTC", () => {
    expect(date("1970-01-01").firstDay).toBe(0);
    expect(date("2024-02-07").firstDay).toBe(Date.UTC(2024, 1, 7) / 86_400_000);
  });

  it("round-trips every day of years 0000–9999 through dayNumber and formatDay", () => {
    const days = fc.integer({ min: dayNumber(0, 1, 1), max: dayNumber(9999, 12, 31) });
    fc.assert(
      fc.property(days, (day) => {
        const [y, m, d] = formatDay(day).split("-").map(Number);
        return dayNumber(y ?? 0, m ?? 0, d ?? 0) === day;
      }),
    );
  });
});

describe("compareDates", () => {
  const published = "2024-02-05";
  it.each<[string, string, Relation, DifferenceKind, number | undefined, string]>([
    // a, b, relation, kind, gap, detail
    ["2024-02-07", "2024-02-07", "agree", "identical", undefined, "same date"],
    ["2024-02", "2024-02", "agree", "identical", undefined, "same date"],
    ["--12-19", "2023-12-19", "agree", "identical", undefined, "same date"],
    [
      "2024-02",
      "2024-02-07",
      "compatible",
      "less-precise",
      undefined,
      "2024-02-07 is within 2024-02",
    ],
    ["2024", "2024-02", "compatible", "less-precise", undefined, "2024-02 is within 2024"],
    ["2024", "2024-12-31", "compatible", "less-precise", undefined, "2024-12-31 is within 2024"],
    ["2023-12-19", "2023-12-07", "conflict", "different-date", 12, "12 days apart"],
    ["2024-02-06", "2024-02-07", "conflict", "different-date", 1, "1 day apart"],
    ["2024-01", "2024-02-07", "conflict", "different-date", 7, "7 days apart"],
    ["2024-02", "2024-03", "conflict", "different-date", 1, "1 day apart"],
    ["2024", "2023-12-31", "conflict", "different-date", 1, "1 day apart"],
    ["2018", "2024", "conflict", "different-date", 1827, "1827 days apart"],
    ["2018-04-11", "2024-02-07", "conflict", "different-date", 2128, "2128 days apart"],
  ])("%s vs %s → %s %s", (rawA, rawB, relation, kind, gap, detail) => {
    const a = date(rawA, { published });
    const b = date(rawB, { published });
    const forward = compareDates(a, b);
    expect(forward).toEqual({ relation, kind, detail, ...(gap === undefined ? {} : { gap }) });
    const backward = compareDates(b, a);
    expect([backward.relation, backward.kind, backward.gap]).toEqual([relation, kind, gap]);
  });

  it("is symmetric for any two dates", () => {
    const raw = fc.oneof(
      fc
        .date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc
        .date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 7)),
      fc.integer({ min: 1990, max: 2030 }).map(String),
    );
    fc.assert(
      fc.property(raw, raw, (x, y) => {
        const ab = compareDates(date(x), date(y));
        const ba = compareDates(date(y), date(x));
        return ab.relation === ba.relation && ab.kind === ba.kind && ab.gap === ba.gap;
      }),
    );
  });
});
