import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/pipeline/check.js";
import { header, makeProject } from "../helpers/project.js";

const ARTICLE =
  "The 45th mission came. Today's reception went well. On December 7, 2023, the decree was signed. Close to 170 observers came. The mission visited nearly 400 polling stations. Azerbaijan has registered seven candidates. On December 19 the CEC approved it.";

const claim = (
  id: string,
  subject: string,
  property: string,
  value: string,
  evidence: string,
  extra = "",
) =>
  `  - id: ${id}\n    subject: ${subject}\n    property: ${property}\n    value: ${value}\n${extra}    evidence: ${evidence}\n`;

async function warnings(claims: string) {
  const root = makeProject({
    "claims/t.yaml": `${header("sources/a.txt")}claims:\n${claims}`,
    "sources/a.txt": ARTICLE,
  });
  const { findings } = await checkProject({ root });
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  return findings.filter((f) => f.ruleId === "value-not-in-quote").map((f) => f.message);
}

describe("is the value visible in its own quote?", () => {
  it.each([
    [
      "an ordinal in digits",
      claim("t-o", "cis_observation_mission_2024", "observer_count", "45", "The 45th mission"),
      [],
    ],
    [
      "a day named relative to the publication date (2024-02-06)",
      claim("t-t", "aliyev_lebedev_meeting", "date", '"2024-02-06"', "Today's reception"),
      [],
    ],
    [
      "a relative day that is not the value's",
      claim("t-u", "aliyev_lebedev_meeting", "date", '"2024-02-07"', "Today's reception"),
      [
        'claims[0] "t-u": the year 2024 is not in the quote; if the text gives no year, add qualifiers: {year: annotator} or write the date as --MM-DD to resolve it against the publication date',
      ],
    ],
    [
      "a date whose day, month and year are in the quote",
      claim(
        "t-1",
        "decree_extraordinary_election_2024",
        "date",
        '"2023-12-07"',
        "On December 7, 2023, the decree",
      ),
      [],
    ],
    [
      "a count in words",
      claim(
        "t-2",
        "azerbaijan_presidential_election_2024",
        "registered_candidates",
        "7",
        "registered seven candidates",
      ),
      [],
    ],
    [
      "a hedged count with its hedge",
      claim(
        "t-3",
        "cis_observation_mission_2024",
        "observer_count",
        "170",
        "Close to 170 observers",
        "    qualifiers: {approximate: close to}\n",
      ),
      [],
    ],
    [
      "a month and day resolved against the publication date",
      claim("t-4", "aliyev_candidacy_2024", "date", '"--12-19"', "On December 19 the CEC approved"),
      [],
    ],
    [
      "a year supplied by the annotator",
      claim(
        "t-5",
        "aliyev_candidacy_2024",
        "date",
        '"2023-12-19"',
        "On December 19 the CEC approved",
        "    qualifiers: {year: annotator}\n",
      ),
      [],
    ],
  ])("accepts %s", async (_name, text, expected) => {
    expect(await warnings(text)).toEqual(expected);
  });

  it.each([
    [
      "a wrong day",
      claim(
        "t-1",
        "decree_extraordinary_election_2024",
        "date",
        '"2023-12-08"',
        "On December 7, 2023, the decree",
      ),
      /does not show the day 8 of 2023-12-08/,
    ],
    [
      "a wrong count",
      claim(
        "t-2",
        "azerbaijan_presidential_election_2024",
        "registered_candidates",
        "8",
        "registered seven candidates",
      ),
      /the quote shows 7, not 8/,
    ],
    [
      "a hedge the quote does not have",
      claim(
        "t-3",
        "sco_observation_mission_2018",
        "polling_stations_observed",
        "400",
        "visited nearly 400 polling stations",
        "    qualifiers: {approximate: more than}\n",
      ),
      /says "more than" but the quote has none of/,
    ],
    [
      "a hedge in the quote but not in the claim",
      claim(
        "t-4",
        "sco_observation_mission_2018",
        "polling_stations_observed",
        "400",
        "visited nearly 400 polling stations",
      ),
      /the quote says "nearly" but the claim has no qualifiers.approximate/,
    ],
    [
      "a year that is not in the text",
      claim(
        "t-5",
        "aliyev_candidacy_2024",
        "date",
        '"2023-12-19"',
        "On December 19 the CEC approved",
      ),
      /the year 2023 is not in the quote/,
    ],
  ])("warns on %s", async (_name, text, pattern) => {
    const found = await warnings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(pattern);
  });
});
