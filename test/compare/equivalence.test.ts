/**
 * Verdicts that hold on text nobody tuned them to (issue 20): names of entities resolved through
 * the vocabulary, titles read as office + organisation, statuses read on the event's timeline.
 * A table per rule with the cases the issue saw, then a property test: rewriting a value into a
 * form that means the same never makes a conflict, and changing a date, a count, a word of an
 * organisation or one letter to a look-alike always does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GroupResult, Verdict } from "../../src/compare/result.js";
import { compareInMemory } from "../helpers/compare.js";

const VOCABULARY = `entities:
  - {id: person, type: person, name: Sergey Lebedev}
  - {id: election, type: event, name: The election}
  - {id: cis, type: organisation, name: Commonwealth of Independent States, acronym: CIS, aliases: [the Commonwealth]}
  - {id: cis_pa, type: organisation, name: Inter-Parliamentary Assembly of the Commonwealth of Independent States, acronym: IPA, aliases: [Inter-Parliamentary Assembly, CIS Inter-Parliamentary Assembly]}
  - {id: cis_pa_council, type: organisation, name: Council of the Inter-Parliamentary Assembly of the CIS, aliases: [CIS PA Council, IPA CIS Council]}
  - {id: cec, type: organisation, name: Central Election Commission of Azerbaijan, acronym: CEC, aliases: [Central Election Commission]}
  - {id: mfa, type: organisation, name: Ministry of Foreign Affairs of Azerbaijan, acronym: MFA, aliases: [Ministry of Foreign Affairs, Foreign Ministry]}
  - {id: sco, type: organisation, name: Shanghai Cooperation Organisation, acronym: SCO}
  - {id: azerbaijan, type: place, name: Republic of Azerbaijan, aliases: [Azerbaijan], demonyms: [Azerbaijani]}
  - {id: kazakhstan, type: place, name: Kazakhstan}
  - {id: armenia, type: place, name: Republic of Armenia, aliases: [Armenia], demonyms: [Armenian]}
  - {id: georgia, type: place, name: Georgia, demonyms: [Georgian]}
properties:
  - {id: name, label: name, type: name, cardinality: single}
  - {id: position, label: position, type: name, cardinality: multiple, refers_to: office}
  - {id: approved_by, label: approved by, type: name, cardinality: single, refers_to: entity}
  - {id: host, label: host, type: name, cardinality: single, refers_to: entity}
  - {id: observed_in, label: observed in, type: name, cardinality: multiple, refers_to: entity}
  - {id: date, label: date, type: date, cardinality: single}
  - {id: count, label: count, type: quantity, cardinality: single}
  - {id: kind, label: kind, type: text, cardinality: single, synonyms: [[extraordinary, snap, early]]}
  - id: status
    label: status
    type: text
    cardinality: single
    synonyms: [[scheduled, to be held], [held, took place]]
    timeline: {date: date, before: [scheduled], after: [held]}
`;

interface Said {
  subject: string;
  property: string;
  value: string | number;
  asOf?: string;
  year?: "publication";
}

/** Each article says what it says; every quote is the value itself, in its own line. */
function compare(articles: Said[][]): GroupResult[] {
  const texts = new Map<string, string>();
  const claims = articles.map((said, i) => {
    const file = `claims/a${i}.yaml`;
    texts.set(file, said.map((s) => String(s.value)).join("\n"));
    const items = said.map((s, k) => {
      const qualifiers = [
        s.asOf ? `as_of: "${s.asOf}"` : "",
        s.year ? `year: ${s.year}` : "",
      ].filter(Boolean);
      return `  - id: a${i}-${k}\n    subject: ${s.subject}\n    property: ${s.property}\n    value: ${JSON.stringify(s.value)}\n${qualifiers.length ? `    qualifiers: {${qualifiers.join(", ")}}\n` : ""}    evidence: ${JSON.stringify(String(s.value))}\n`;
    });
    return {
      file,
      text: `source: sources/a${i}.txt\noutlet: Outlet ${i}\nshort_name: S${i}\npublished: 2024-02-06\ntitle: T\nclaims:\n${items.join("")}`,
    };
  });
  return compareInMemory(VOCABULARY, claims, texts).result.groups;
}

/** The verdicts of two articles each saying one value of one fact, one fact expected. */
function pair(subject: string, property: string, a: string | number, b: string | number) {
  const groups = compare([[{ subject, property, value: a }], [{ subject, property, value: b }]]);
  return groups;
}

describe("names of entities, resolved through the vocabulary", () => {
  it.each<[string, string, string, Verdict, string?]>([
    [
      "approved_by",
      "Central Election Commission",
      "Central Election Commission of Azerbaijan",
      "agree",
    ],
    ["approved_by", "CEC", "Central Election Commission", "agree"],
    ["approved_by", "Azerbaijani Central Election Commission", "CEC", "agree"],
    ["approved_by", "Azerbaijan's Central Election Commission", "CEC", "agree"],
    ["host", "Azerbaijani Foreign Ministry", "Ministry of Foreign Affairs", "agree"],
    ["host", "Azerbaijan's Foreign Ministry", "MFA", "agree"],
    ["host", "CIS PA Council", "Council of the Interparliamentary Assembly of the CIS", "agree"],
    ["host", "Interparliamentary Assembly", "Inter-Parliamentary Assembly", "agree"],
    [
      "host",
      "Union of Independent States",
      "Commonwealth of Independent States",
      "conflict",
      "acronym-mismatch",
    ],
    [
      "host",
      "Shanghai Cooperation Organisation",
      "Commonwealth of Independent States",
      "conflict",
      "different-entity",
    ],
    ["host", "CEC", "MFA", "conflict", "different-entity"],
  ])("%s: %j and %j: %s", (property, a, b, verdict, kind) => {
    const groups = pair("election", property, a, b);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.verdict).toBe(verdict);
    if (kind) expect(groups[0]!.kind).toBe(kind);
  });

  it("a multi-valued property of places: Azerbaijan and the Republic of Azerbaijan are one fact", () => {
    const groups = pair("election", "observed_in", "Azerbaijan", "Republic of Azerbaijan");
    expect(groups.map((g) => g.verdict)).toEqual(["agree"]);
    expect(groups[0]!.values[0]!.forms).toEqual([
      { text: "Azerbaijan", sources: ["S0"] },
      { text: "Republic of Azerbaijan", sources: ["S1"] },
    ]);
  });
});

describe("a place named beside an entity's name", () => {
  it.each<[string, string, Verdict]>([
    ["Central Election Commission", "Azerbaijan's Central Election Commission", "agree"],
    ["Central Election Commission", "Armenian Central Election Commission", "conflict"],
    ["CEC", "Central Election Commission of Georgia", "conflict"],
  ])("%j and %j: %s", (a, b, verdict) => {
    expect(pair("election", "approved_by", a, b).map((g) => g.verdict)).toEqual([verdict]);
  });
});

describe("titles, read as office, rank and organisation", () => {
  it.each<[string, string, Verdict, string?]>([
    [
      "CIS Secretary General",
      "Secretary General of the Commonwealth of Independent States",
      "agree",
    ],
    ["Secretary-General of the CIS", "CIS Secretary General", "agree"],
    [
      "Secretary General of the Union of Independent States",
      "Secretary General of the CIS",
      "conflict",
      "acronym-mismatch",
    ],
    ["ClS Secretary General", "CIS Secretary General", "conflict", "look-alike"],
    [
      "Secretary General of the Community of Independent States",
      "CIS Secretary General",
      "conflict",
    ],
    ["General Secretary of the CIS", "Secretary General of the CIS", "compatible", "word-order"],
    ["Secretary General", "Secretary General of the CIS", "compatible", "added-word"],
    [
      "Deputy Chairman of the Senate of Kazakhstan",
      "Deputy Chairman of the Senate of Kazakhstan's Parliament",
      "compatible",
    ],
    [
      "Deputy Secretary General of the CIS",
      "Secretary General of the CIS",
      "conflict",
      "qualifier",
    ],
    [
      "Secretary General of the SCO",
      "Secretary General of the CIS",
      "conflict",
      "different-entity",
    ],
  ])("%j and %j: one fact, %s", (a, b, verdict, kind) => {
    const groups = pair("person", "position", a, b);
    expect(groups.map((g) => g.verdict)).toEqual([verdict]);
    if (kind) expect(groups[0]!.kind).toBe(kind);
  });

  it("two offices are two facts of a multi-valued property, not a conflict", () => {
    const groups = pair(
      "person",
      "position",
      "Secretary General of the CIS",
      "Chairman of the CEC",
    );
    expect(groups.map((g) => g.verdict)).toEqual(["single-source", "single-source"]);
  });
});

describe("statuses, read on the event's timeline", () => {
  const date = { subject: "election", property: "date", value: "2024-02-07" };
  const status = (value: string, asOf: string) => ({
    subject: "election",
    property: "status",
    value,
    asOf,
  });
  const verdicts = (groups: GroupResult[]) =>
    Object.fromEntries(groups.map((g) => [g.key, [g.verdict, g.timeline ?? ""]]));

  it("held the day before the date: a conflict with the date", () => {
    const groups = compare([[date], [date, status("held", "2024-02-06")]]);
    expect(verdicts(groups)["election/status@2024-02-06"]).toEqual([
      "conflict",
      '"held" as of 2024-02-06, before its date 2024-02-07',
    ]);
  });

  it("scheduled the day after the date: a conflict with the date", () => {
    const groups = compare([[date], [status("to be held", "2024-02-08")]]);
    expect(verdicts(groups)["election/status@2024-02-08"]?.[0]).toBe("conflict");
  });

  it("scheduled on the 5th, held on the 8th: consistent", () => {
    const groups = compare([
      [date, status("scheduled", "2024-02-05")],
      [status("took place", "2024-02-08")],
    ]);
    for (const g of groups) expect(g.verdict).not.toBe("conflict");
  });

  it("held on the 6th, scheduled on the 6th elsewhere: a conflict", () => {
    const groups = compare([[status("held", "2024-02-06")], [status("scheduled", "2024-02-06")]]);
    expect(verdicts(groups)["election/status@2024-02-06"]?.[0]).toBe("conflict");
  });

  it("scheduled after another source had it held: a conflict", () => {
    const groups = compare([[status("held", "2024-02-08")], [status("scheduled", "2024-02-09")]]);
    expect(verdicts(groups)["election/status@2024-02-09"]).toEqual([
      "conflict",
      '"scheduled" as of 2024-02-09, after "held" as of 2024-02-08',
    ]);
  });

  it("one article saying both: a conflict of that article with itself", () => {
    const groups = compare([
      [status("scheduled", "2024-02-06"), status("took place", "2024-02-06")],
    ]);
    const g = groups.find((x) => x.key === "election/status@2024-02-06")!;
    expect(g.verdict).toBe("conflict");
    expect(g.selfContradicting).toEqual(["S0"]);
  });
});

describe("synonyms", () => {
  it("snap and extraordinary agree; extraordinary and regular do not", () => {
    expect(pair("election", "kind", "snap", "extraordinary")[0]!.verdict).toBe("agree");
    expect(pair("election", "kind", "regular", "extraordinary")[0]!.verdict).toBe("conflict");
  });
});

// ---------------------------------------------------------------------------------------------
// Rewrites that mean the same, and changes that do not

interface Case {
  property: string;
  subject: string;
  value: string | number;
  year?: "publication";
}

/** A value, and forms of it that mean the same. */
const EQUIVALENT: fc.Arbitrary<[Case, Case]> = fc.oneof(
  // A date, and the same date as month and day in the publication's year.
  fc.integer({ min: 1, max: 28 }).map((d): [Case, Case] => {
    const day = String(d).padStart(2, "0");
    return [
      { subject: "election", property: "date", value: `2024-02-${day}` },
      { subject: "election", property: "date", value: `--02-${day}`, year: "publication" },
    ];
  }),
  // A count, the same count.
  fc.integer({ min: 0, max: 1_000_000 }).map((n): [Case, Case] => [
    { subject: "election", property: "count", value: n },
    { subject: "election", property: "count", value: n },
  ]),
  // An organisation inside a title, as its acronym or its name, before or after the office.
  fc
    .tuple(
      fc.constantFrom("Secretary General", "Chairman", "Deputy Chairman", "Head"),
      fc.constantFrom(
        ["CIS", "Commonwealth of Independent States"],
        ["SCO", "Shanghai Cooperation Organisation"],
        ["CEC", "Central Election Commission"],
        ["IPA", "Inter-Parliamentary Assembly"],
      ),
      fc.boolean(),
    )
    .map(([office, [acronym, name], before]): [Case, Case] => [
      {
        subject: "person",
        property: "position",
        value: before ? `${acronym} ${office}` : `${office} of the ${acronym}`,
      },
      { subject: "person", property: "position", value: `${office} of the ${name}` },
    ]),
  // Hyphenation, spacing and case.
  fc
    .constantFrom(
      ["Inter-Parliamentary Assembly", "Interparliamentary Assembly"],
      ["Inter-Parliamentary Assembly", "Inter Parliamentary Assembly"],
      ["Ministry of Foreign Affairs", "ministry of foreign affairs"],
      ["Central Election Commission", "Central  Election Commission"],
    )
    .map(([a, b]): [Case, Case] => [
      { subject: "election", property: "host", value: a },
      { subject: "election", property: "host", value: b },
    ]),
  // A listed alias, or the name with the place set aside or added.
  fc
    .constantFrom(
      ["Commonwealth of Independent States", "the Commonwealth"],
      ["Ministry of Foreign Affairs", "Azerbaijani Foreign Ministry"],
      ["Central Election Commission", "Central Election Commission of Azerbaijan"],
      ["CIS PA Council", "IPA CIS Council"],
      ["Republic of Azerbaijan", "Azerbaijan"],
    )
    .map(([a, b]): [Case, Case] => [
      { subject: "election", property: "approved_by", value: a },
      { subject: "election", property: "approved_by", value: b },
    ]),
);

/** Words of organisations' names no vocabulary here knows, for names made at random. */
const ORG_WORDS = [
  "National",
  "Audit",
  "Bureau",
  "Statistics",
  "Energy",
  "Regional",
  "Development",
  "Trade",
  "Agency",
  "Council",
  "Water",
  "Transport",
  "Health",
  "Research",
];
/** Places of the test vocabulary: a form with "of", and an adjective. */
const PLACES: ReadonlyArray<readonly [string, string]> = [
  ["Azerbaijan", "Azerbaijani"],
  ["the Republic of Azerbaijan", "Azerbaijani"],
  ["Armenia", "Armenian"],
  ["Georgia", "Georgian"],
];
/** Two to four distinct words, as an organisation's name. */
const ORG_NAME = fc.uniqueArray(fc.constantFrom(...ORG_WORDS), { minLength: 2, maxLength: 4 });
const initialsOf = (words: readonly string[]) => words.map((w) => w[0]).join("");

/** Names of organisations no vocabulary knows, written in other forms (name-words.ts). */
const SAME_WORDS: fc.Arbitrary<[Case, Case]> = fc.oneof(
  // The name and its initials.
  ORG_NAME.map((words): [Case, Case] => [
    { subject: "election", property: "host", value: words.join(" ") },
    { subject: "election", property: "host", value: initialsOf(words) },
  ]),
  // The place as an adjective before the name, or after it with "of".
  fc
    .tuple(ORG_NAME, fc.constantFrom(...PLACES))
    .map(([words, [place, adjective]]): [Case, Case] => [
      { subject: "election", property: "host", value: `${adjective} ${words.join(" ")}` },
      { subject: "election", property: "host", value: `${words.join(" ")} of ${place}` },
    ]),
  // The initials inside a longer name, against the words written out.
  fc
    .tuple(ORG_NAME, fc.constantFrom("Council", "Secretariat", "Board"))
    .map(([words, body]): [Case, Case] => [
      { subject: "election", property: "host", value: `${initialsOf(words)} ${body}` },
      { subject: "election", property: "host", value: `${body} of the ${words.join(" ")}` },
    ]),
);

/** The same names, changed so that they name something else. */
const OTHER_WORDS: fc.Arbitrary<[Case, Case]> = fc.oneof(
  // A word of the name replaced by another.
  fc
    .tuple(ORG_NAME, fc.nat(), fc.constantFrom(...ORG_WORDS))
    .filter(([words, , other]) => !words.includes(other))
    .map(([words, at, other]): [Case, Case] => {
      const changed = [...words];
      changed[at % words.length] = other;
      return [
        { subject: "election", property: "host", value: words.join(" ") },
        { subject: "election", property: "host", value: changed.join(" ") },
      ];
    }),
  // Initials that spell another name.
  fc
    .tuple(ORG_NAME, fc.nat(), fc.constantFrom(...ORG_WORDS))
    .filter(([words, at, other]) => other[0] !== words[at % words.length]![0])
    .map(([words, at, other]): [Case, Case] => {
      const changed = [...words];
      changed[at % words.length] = other;
      return [
        { subject: "election", property: "host", value: words.join(" ") },
        { subject: "election", property: "host", value: initialsOf(changed) },
      ];
    }),
  // Another country.
  fc
    .tuple(ORG_NAME, fc.constantFrom(...PLACES), fc.constantFrom(...PLACES))
    .filter(([, [a], [b]]) => !a.endsWith(b.replace("the Republic of ", "")) && !b.endsWith(a))
    .map(([words, [, adjective], [place]]): [Case, Case] => [
      { subject: "election", property: "host", value: `${adjective} ${words.join(" ")}` },
      { subject: "election", property: "host", value: `${words.join(" ")} of ${place}` },
    ]),
);

const LOOK_ALIKE: Record<string, string> = {
  I: "l",
  l: "I",
  O: "0",
  o: "о",
  a: "а",
  e: "е",
  c: "с",
};

/** A value, and a change of it that says something else. */
const CHANGED: fc.Arbitrary<[Case, Case]> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 7 }))
    .map(([d, shift]): [Case, Case] => [
      { subject: "election", property: "date", value: `2024-02-${String(d).padStart(2, "0")}` },
      {
        subject: "election",
        property: "date",
        value: `2024-02-${String(d + shift).padStart(2, "0")}`,
      },
    ]),
  fc
    .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 1000 }))
    .map(([n, shift]): [Case, Case] => [
      { subject: "election", property: "count", value: n },
      { subject: "election", property: "count", value: n + shift },
    ]),
  // A word of the organisation changed, in a title and in a name of an entity.
  fc
    .tuple(
      fc.constantFrom(
        ["Commonwealth of Independent States", "Union of Independent States"],
        ["Commonwealth of Independent States", "Community of Independent States"],
        ["Commonwealth of Independent States", "Commonwealth of Independent Nations"],
        ["Shanghai Cooperation Organisation", "Shanghai Security Organisation"],
      ),
      fc.boolean(),
    )
    .map(([[right, wrong], title]): [Case, Case] =>
      title
        ? [
            { subject: "person", property: "position", value: `Secretary General of the ${right}` },
            { subject: "person", property: "position", value: `Secretary General of the ${wrong}` },
          ]
        : [
            { subject: "election", property: "host", value: right },
            { subject: "election", property: "host", value: wrong },
          ],
    ),
  // One letter swapped for a look-alike, in a person's name or an organisation's.
  fc
    .tuple(
      fc.constantFrom(
        ["person", "name", "Sergey Lebedev"],
        ["election", "host", "Central Election Commission"],
        ["person", "position", "Secretary General of the CIS"],
      ),
      fc.nat(),
    )
    .filter(([[, , text]]) => Array.from(text).some((ch) => LOOK_ALIKE[ch]))
    .map(([[subject, property, text], at]): [Case, Case] => {
      const letters = Array.from(text);
      const places = letters.flatMap((ch, i) => (LOOK_ALIKE[ch] ? [i] : []));
      const i = places[at % places.length]!;
      letters[i] = LOOK_ALIKE[letters[i]!]!;
      return [
        { subject, property, value: text },
        { subject, property, value: letters.join("") },
      ];
    }),
);

function verdictOf([a, b]: [Case, Case]): Verdict[] {
  return compare([[a], [b]]).map((g) => g.verdict);
}

describe("rewrites and changes, at random", () => {
  it("a rewrite into a form that means the same is never a conflict", () => {
    fc.assert(
      fc.property(EQUIVALENT, (cases) => {
        expect(verdictOf(cases)).not.toContain("conflict");
      }),
      { numRuns: 300 },
    );
  });

  it("a name no vocabulary knows, in other forms (initials, a place's adjective, word order), is never a conflict", () => {
    fc.assert(
      fc.property(SAME_WORDS, (cases) => {
        expect(verdictOf(cases)).not.toContain("conflict");
      }),
      { numRuns: 300 },
    );
  });

  it("that name with another word, initials of another name or another country is always a conflict", () => {
    fc.assert(
      fc.property(OTHER_WORDS, (cases) => {
        expect(verdictOf(cases)).toEqual(["conflict"]);
      }),
      { numRuns: 300 },
    );
  });

  it("a changed date, count, organisation word or look-alike letter is always a conflict", () => {
    fc.assert(
      fc.property(CHANGED, (cases) => {
        expect(verdictOf(cases)).toEqual(["conflict"]);
      }),
      { numRuns: 300 },
    );
  });
});
