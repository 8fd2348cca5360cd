import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reason } from "../../src/compare/group-findings.js";
import {
  compareNames,
  confusableSkeleton,
  normalizeName,
  transliterationKey,
} from "../../src/compare/name.js";
import {
  type DifferenceKind,
  EMPTY_NAME_CONTEXT,
  type NameContext,
  type Relation,
} from "../../src/compare/types.js";
import type { DiffPart } from "../../src/findings/finding.js";

/** Every entity's acronym with its canonical name, as in claims/vocabulary.yaml. */
const ACRONYMS = new Map([
  ["CIS", "Commonwealth of Independent States"],
  ["PA", "Inter-Parliamentary Assembly of the Commonwealth of Independent States"],
  ["SCO", "Shanghai Cooperation Organization"],
  ["CEC", "Central Election Commission of Azerbaijan"],
  ["YAP", "New Azerbaijan Party"],
]);

function entity(
  name: string,
  more: { aliases?: string[]; acronym?: string; variants?: string[] } = {},
): NameContext {
  const aliases = [name, ...(more.aliases ?? [])];
  if (more.acronym !== undefined) aliases.push(more.acronym);
  return { aliases, acronym: more.acronym, variants: more.variants ?? [], acronyms: ACRONYMS };
}

const NONE = EMPTY_NAME_CONTEXT;
const ONLY_ACRONYMS: NameContext = { ...EMPTY_NAME_CONTEXT, acronyms: ACRONYMS };
const CIS = entity("Commonwealth of Independent States", {
  acronym: "CIS",
  aliases: ["the Commonwealth", "Commonwealth"],
});
const CIS_ACRONYM_ONLY: NameContext = {
  aliases: [],
  acronym: "CIS",
  variants: [],
  acronyms: new Map(),
};
const LEBEDEV = entity("Sergey Lebedev", { variants: ["Sergei Lebedev"] });
const KOBITSKY = entity("Dmitry Kobitsky", { variants: ["Dmitriy Kobitsky", "Dmitri Kobitsky"] });
const ALIYEV = entity("Ilham Aliyev");
const SCO = entity("Shanghai Cooperation Organization", {
  acronym: "SCO",
  variants: ["Shanghai Cooperation Organisation"],
});
const YAP = entity("New Azerbaijan Party", { acronym: "YAP" });

/** Places by the forms they are written in, as entity-index.ts's placeTable builds them. */
const PLACES = new Map([
  ["republic of azerbaijan", "azerbaijan"],
  ["azerbaijan", "azerbaijan"],
  ["azerbaijani", "azerbaijan"],
  ["republic of kazakhstan", "kazakhstan"],
  ["kazakhstan", "kazakhstan"],
  ["kazakh", "kazakhstan"],
  ["russia", "russia"],
  ["russian", "russia"],
]);
const WITH_PLACES: NameContext = { ...ONLY_ACRONYMS, places: PLACES };
const MFA: NameContext = {
  ...entity("Ministry of Foreign Affairs of Azerbaijan", {
    aliases: ["Ministry of Foreign Affairs", "Foreign Ministry"],
  }),
  places: PLACES,
};

type Case = [string, string, NameContext, Relation, DifferenceKind];

const CASES: Case[] = [
  // 1. exactly equal
  ["Ilham Aliyev", "Ilham Aliyev", NONE, "agree", "identical"],
  // 2. case, spacing, punctuation, quotes, hyphens, a leading "the"
  ["Ilham  ALIYEV", "Ilham Aliyev", NONE, "agree", "case-or-spacing"],
  ["Secretary-General", "Secretary General", NONE, "agree", "case-or-spacing"],
  ["Secretary‐General", "Secretary-General", NONE, "agree", "case-or-spacing"],
  ["Prosecutor General’s Office", "Prosecutor General's Office", NONE, "agree", "case-or-spacing"],
  ["the Commonwealth", "Commonwealth", NONE, "agree", "case-or-spacing"],
  ["U.S.", "US", NONE, "agree", "case-or-spacing"],
  ["Ilham Aliyev.", "Ilham Aliyev", NONE, "agree", "case-or-spacing"],
  ["Jose\u0301", "José", NONE, "agree", "case-or-spacing"],
  // 3. the same entity
  ["CIS", "Commonwealth of Independent States", CIS, "agree", "alias"],
  ["the Commonwealth", "Commonwealth of Independent States", CIS, "agree", "alias"],
  ["Commonwealth of Independent States (CIS)", "CIS", CIS, "agree", "alias"],
  [
    "Commonwealth of Independent States (CIS)",
    "Commonwealth of Independent States",
    NONE,
    "agree",
    "alias",
  ],
  [
    "Secretary General of the CIS",
    "Secretary General of the Commonwealth of Independent States",
    ONLY_ACRONYMS,
    "agree",
    "alias",
  ],
  ["New Azerbaijan Party (YAP)", "YAP", YAP, "agree", "alias"],
  ["New Azerbaijan Party (YAP)", "New Azerbaijan Party", ONLY_ACRONYMS, "agree", "alias"],
  // 4. an accepted variant
  ["Sergei Lebedev", "Sergey Lebedev", LEBEDEV, "variant", "transliteration"],
  ["Dmitriy Kobitsky", "Dmitri Kobitsky", KOBITSKY, "variant", "transliteration"],
  ["Shanghai Cooperation Organisation", "SCO", SCO, "variant", "transliteration"],
  // 5. look-alike characters
  ["llham Aliyev", "Ilham Aliyev", ALIYEV, "conflict", "look-alike"],
  ["llham Aliyev", "Ilham Aliyev", NONE, "conflict", "look-alike"],
  ["\u0410liyev", "Aliyev", NONE, "conflict", "look-alike"],
  ["Ilham Ali\u200byev", "Ilham Aliyev", NONE, "conflict", "look-alike"],
  ["Ilham Aliyev\u00ad", "Ilham Aliyev", NONE, "conflict", "look-alike"],
  ["Kamran Aliyev", "Karnran Aliyev", NONE, "conflict", "look-alike"],
  ["llham ALIYEV", "Ilham Aliyev", NONE, "conflict", "look-alike"],
  // 6. transliteration rules
  ["Sergey Lebedev", "Sergei Lebedev", NONE, "variant", "transliteration"],
  ["Aliyev", "Aliev", NONE, "variant", "transliteration"],
  ["Dmitriy", "Dmitry", NONE, "variant", "transliteration"],
  ["Aleksandr", "Alexandr", NONE, "variant", "transliteration"],
  ["Smirnoff", "Smirnov", NONE, "variant", "transliteration"],
  ["Zhakip Asanov", "Jakip Asanov", NONE, "variant", "transliteration"],
  ["Mikhail", "Mihail", NONE, "variant", "transliteration"],
  ["Yevgeny", "Evgeny", NONE, "variant", "transliteration"],
  ["Əliyev", "Aliyev", NONE, "variant", "transliteration"],
  ["İlham Əliyev", "Ilham Aliyev", NONE, "variant", "transliteration"],
  ["Сергей Лебедев", "Sergey Lebedev", NONE, "variant", "transliteration"],
  ["Ильхам Алиев", "Ilham Aliyev", NONE, "variant", "transliteration"],
  // 7. a name that does not spell its acronym
  [
    "Union of Independent States",
    "Commonwealth of Independent States",
    CIS,
    "conflict",
    "acronym-mismatch",
  ],
  [
    "Union of Independent States",
    "Commonwealth of Independent States",
    CIS_ACRONYM_ONLY,
    "conflict",
    "acronym-mismatch",
  ],
  ["Union of Independent States", "CIS", CIS, "conflict", "acronym-mismatch"],
  [
    "Secretary General of the Union of Independent States",
    "Secretary General of the Commonwealth of Independent States",
    entity("Sergey Lebedev"),
    "conflict",
    "acronym-mismatch",
  ],
  [
    "Union of Independent States (CIS)",
    "Commonwealth of Independent States",
    NONE,
    "conflict",
    "acronym-mismatch",
  ],
  [
    "Commonwealth of Independent Nations",
    "Commonwealth of Independent States",
    CIS,
    "conflict",
    "acronym-mismatch",
  ],
  // 8. a rank or a negation added or dropped: another office, another thing
  ["Chairman of the Senate", "Deputy Chairman of the Senate", NONE, "conflict", "qualifier"],
  ["Prosecutor", "Prosecutor General", NONE, "conflict", "qualifier"],
  ["governmental organisation", "non-governmental organisation", NONE, "conflict", "qualifier"],
  // 9. other words added or dropped: one is a fuller form of the other
  ["Secretary General", "CIS Secretary General", CIS, "compatible", "added-word"],
  ["Secretary General", "CIS Secretary General", NONE, "compatible", "added-word"],
  ["Ilham Aliyev", "President Ilham Aliyev", ALIYEV, "compatible", "added-word"],
  ["Ilham Aliyev", "Ilham Heydarovich Aliyev", ALIYEV, "compatible", "added-word"],
  ["Independent States", "Commonwealth of Independent States", CIS, "compatible", "added-word"],
  ["Sergei Lebedev", "CIS Secretary General Sergey Lebedev", NONE, "compatible", "added-word"],
  [
    "Central Election Commission",
    "Central Election Commission of Azerbaijan",
    ONLY_ACRONYMS,
    "compatible",
    "added-word",
  ],
  // 2. spacing and hyphens
  ["Inter-Parliamentary Assembly", "Interparliamentary Assembly", NONE, "agree", "case-or-spacing"],
  ["Secretary-General", "Secretary General", NONE, "agree", "case-or-spacing"],
  // 10. spelling slips and different words
  ["Lebedev", "Lebedef", NONE, "conflict", "spelling"],
  ["Mazahir Panahov", "Mazahir Panahow", NONE, "variant", "transliteration"],
  ["Mazahir Panahov", "Mazahir Panakhof", NONE, "conflict", "spelling"],
  [
    "Shanghai Cooperation Organisation",
    "Shanghai Cooperation Organization",
    NONE,
    "conflict",
    "spelling",
  ],
  ["Jeyhun Bayramov", "Jeyhun Bairamow", NONE, "variant", "transliteration"],
  ["Jeyhun Bayramov", "Jeyhun Baramov", NONE, "conflict", "spelling"],
  ["Kamran Aliyev", "Ilham Aliyev", NONE, "conflict", "different-word"],
  ["Rashid Alimov", "Sergey Lebedev", NONE, "conflict", "different-word"],
  ["of", "or", NONE, "conflict", "different-word"],
  [
    "President of Azerbaijan",
    "Prime Minister of Azerbaijan",
    ONLY_ACRONYMS,
    "conflict",
    "different-word",
  ],
  [
    "Secretary General of the Shanghai Cooperation Organization",
    "Secretary General of the Commonwealth of Independent States",
    ONLY_ACRONYMS,
    "conflict",
    "different-word",
  ],
  [
    "head of the observation mission of the Inter-Parliamentary Assembly (PA) of the Commonwealth of Independent States (CIS)",
    "head of the CIS Inter-Parliamentary Assembly observation mission",
    ONLY_ACRONYMS,
    "variant",
    "word-order",
  ],
  ["CIS Secretary General", "SCO Secretary General", ONLY_ACRONYMS, "conflict", "different-word"],

  // The same words in other forms (name-words.ts): acronyms, places, hyphens, plurals, order.
  ["MFA", "Ministry of Foreign Affairs", NONE, "agree", "alias"],
  ["MFA", "Ministry of Internal Affairs", NONE, "conflict", "different-word"],
  [
    "IPA CIS Council",
    "Council of the Interparliamentary Assembly of the CIS",
    ONLY_ACRONYMS,
    "variant",
    "word-order",
  ],
  ["IPA CIS Council", "CIS PA Council", ONLY_ACRONYMS, "variant", "word-order"],
  ["IPA", "PA", ONLY_ACRONYMS, "conflict", "spelling"],
  ["IPA", "IPA CIS", ONLY_ACRONYMS, "compatible", "added-word"],
  ["Kazakh Senate", "Senate of Kazakhstan", WITH_PLACES, "variant", "word-order"],
  ["Senate of Kazakhstan's Parliament", "Kazakh Senate", WITH_PLACES, "compatible", "added-word"],
  ["Russian Senate", "Kazakh Senate", WITH_PLACES, "conflict", "different-word"],
  [
    "observer group from the IPA CIS",
    "group of international observers from the Inter-Parliamentary Assembly (IPA) of the CIS",
    ONLY_ACRONYMS,
    "compatible",
    "added-word",
  ],
  [
    "Deputy Chairman of the Kazakh Senate",
    "Chairman of the Senate of Kazakhstan",
    WITH_PLACES,
    "conflict",
    "qualifier",
  ],
  ["Azerbaijani Foreign Ministry", "Ministry of Foreign Affairs", MFA, "agree", "alias"],
  ["Azerbaijan's Foreign Ministry", "MFA", MFA, "agree", "alias"],
  ["Russian Foreign Ministry", "Ministry of Foreign Affairs", MFA, "conflict", "different-word"],
  ["Russian Ministry of Foreign Affairs", "Foreign Ministry", MFA, "conflict", "different-word"],
  ["of", "or", WITH_PLACES, "conflict", "different-word"],
];

/** The parts of a diff that make up one side: 0 and -1 parts for a, 0 and +1 parts for b. */
function side(parts: readonly DiffPart[], which: -1 | 1): string {
  return parts
    .filter((p) => p.op !== -which)
    .map((p) => p.text)
    .join("");
}

describe("compareNames", () => {
  it.each(CASES)("%j vs %j → %s %s", (a, b, ctx, relation, kind) => {
    const result = compareNames(a, b, ctx);
    expect([result.relation, result.kind]).toEqual([relation, kind]);
    expect(result.detail).toBeTruthy();
  });

  it.each(CASES)("%j vs %j is symmetric", (a, b, ctx) => {
    const forward = compareNames(a, b, ctx);
    const backward = compareNames(b, a, ctx);
    expect([backward.relation, backward.kind]).toEqual([forward.relation, forward.kind]);
  });

  it.each(CASES)("%j vs %j: diffs rebuild both names", (a, b, ctx, relation) => {
    const { wordDiff, charDiff } = compareNames(a, b, ctx);
    if (relation === "agree") {
      expect(wordDiff).toBeUndefined();
      return;
    }
    expect(wordDiff).toBeDefined();
    for (const parts of [wordDiff, charDiff]) {
      if (parts === undefined) continue;
      expect([side(parts, -1), side(parts, 1)]).toEqual([a, b]);
    }
  });

  it("marks Union and Commonwealth in the word diff of an acronym mismatch", () => {
    const result = compareNames(
      "Union of Independent States",
      "Commonwealth of Independent States",
      CIS,
    );
    expect(result.wordDiff).toEqual([
      { op: -1, text: "Union" },
      { op: 1, text: "Commonwealth" },
      { op: 0, text: " of Independent States" },
    ]);
    expect(result.detail).toBe('"Union of Independent States" does not spell CIS');
  });

  it("names the look-alike characters by code point", () => {
    expect(compareNames("llham Aliyev", "Ilham Aliyev").detail).toBe('"l" (U+006C) / "I" (U+0049)');
    expect(compareNames("\u0410liyev", "Aliyev").charDiff).toEqual([
      { op: -1, text: "\u0410" },
      { op: 1, text: "A" },
      { op: 0, text: "liyev" },
    ]);
  });

  // The detail says what differs; the kind of difference is said once, beside it (reason()).
  it.each<[string, string, string, string]>([
    [
      "Secretary General",
      "CIS Secretary General",
      '"CIS"',
      'one is a fuller form of the other: "CIS"',
    ],
    ["Lebedev", "Lebedef", '"Lebedev" / "Lebedef"', 'a different spelling: "Lebedev" / "Lebedef"'],
    ["Kamran Aliyev", "Ilham Aliyev", '"Kamran" / "Ilham"', 'different words: "Kamran" / "Ilham"'],
    [
      "Sergey Lebedev",
      "Sergei Lebedev",
      "the same name in another transliteration",
      "a spelling variant: the same name in another transliteration",
    ],
    [
      "Union of Independent States (CIS)",
      "CIS",
      "the words before (CIS) do not spell CIS",
      "the name does not fit its acronym: the words before (CIS) do not spell CIS",
    ],
  ])("explains %j vs %j", (a, b, detail, said) => {
    const c = compareNames(a, b);
    expect(c.detail).toBe(detail);
    expect(reason(c)).toBe(said);
  });

  it("leaves out the character diff when the names are far apart", () => {
    const result = compareNames("Rashid Alimov", "Sergey Lebedev");
    expect(result.wordDiff).toBeDefined();
    expect(result.charDiff).toBeUndefined();
  });

  it("is symmetric for any two strings of look-alike letters", () => {
    const text = fc.string({
      unit: fc.constantFrom(
        "a",
        "l",
        "I",
        "1",
        "i",
        "y",
        "e",
        "v",
        "A",
        "\u0410",
        " ",
        "-",
        "(",
        ")",
        "C",
        "S",
        "\u200b",
      ),
      maxLength: 12,
    });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const ab = compareNames(a, b, CIS);
        const ba = compareNames(b, a, CIS);
        return ab.relation === ba.relation && ab.kind === ba.kind;
      }),
    );
  });
});

describe("normalizeName", () => {
  it.each<[string, string]>([
    ["Ilham  Aliyev", "ilham aliyev"],
    ["  The Commonwealth ", "commonwealth"],
    ["the the band", "band"],
    ["The", "the"],
    ["Secretary–General", "secretary general"],
    ["Prosecutor General’s Office", "prosecutor generals office"],
    ["U.S.A.", "usa"],
    ["“Election 2024” Independent Media Center", "election 2024 independent media center"],
    ["Commonwealth of Independent States (CIS)", "commonwealth of independent states cis"],
    ["Trade & Development", "trade and development"],
    ["3.5 percent", "3.5 percent"],
    ["Jose\u0301", "jos\u00e9"],
    ["Ilham\u00a0Aliyev", "ilham aliyev"],
  ])("%j → %j", (raw, normalized) => {
    expect(normalizeName(raw)).toBe(normalized);
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 20 }),
        (s) => normalizeName(normalizeName(s)) === normalizeName(s),
      ),
    );
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            "T",
            "h",
            "e",
            " ",
            ".",
            "'",
            "’",
            "3",
            ",",
            "-",
            "İ",
            "\u0301",
            "&",
            "\u00a0",
          ),
          maxLength: 16,
        }),
        (s) => normalizeName(normalizeName(s)) === normalizeName(s),
      ),
    );
  });
});

describe("confusableSkeleton", () => {
  it.each<[string, string]>([
    ["Ilham", "llharn"],
    ["llham", "llharn"],
    ["\u0410liyev", "Aliyev"],
    ["Ali\u200byev", "Aliyev"],
    ["Ali\u00adyev", "Aliyev"],
  ])("%j → %j", (raw, skeleton) => {
    expect(confusableSkeleton(raw)).toBe(skeleton);
  });
});

describe("transliterationKey", () => {
  it.each<[string, string]>([
    ["Sergey Lebedev", "sergei lebedev"],
    ["Sergei Lebedev", "sergei lebedev"],
    ["Сергей Лебедев", "sergei lebedev"],
    ["Aliyev", "aliev"],
    ["Dmitriy Kobitsky", "dmitri kobitski"],
    ["Alexei", "aleksei"],
  ])("%j → %j", (raw, key) => {
    expect(transliterationKey(raw)).toBe(key);
  });
});

describe("what the ladder keeps for every subject of a vocabulary", () => {
  // The contexts above share one acronym table, and most one place table: what the ladder keeps
  // for the names alone is shared between them (name.ts), what a subject decides must not be.
  const CONTEXTS = [
    NONE,
    ONLY_ACRONYMS,
    WITH_PLACES,
    CIS,
    LEBEDEV,
    KOBITSKY,
    ALIYEV,
    SCO,
    YAP,
    MFA,
  ];
  const PAIRS = [
    ...new Map(CASES.map(([a, b]) => [`${a}\u0000${b}`, [a, b] as const])).values(),
    // Both the Ministry's names in other words: one of the subject's names in its context only.
    ["Azerbaijani Foreign Ministry", "Foreign Ministry of Azerbaijan"] as const,
    ["Azerbaijan's Foreign Ministry", "Azerbaijani Foreign Ministry"] as const,
  ];
  /** The same context with tables of its own: nothing met before in another context helps it. */
  const alone = (ctx: NameContext): NameContext => ({
    ...ctx,
    acronyms: new Map(ctx.acronyms),
    ...(ctx.places ? { places: new Map(ctx.places) } : {}),
  });

  it("gives each pair of names in each context what that context alone gives, in any order", () => {
    const expected = new Map<string, ReturnType<typeof compareNames>>();
    for (const [p, [a, b]] of PAIRS.entries())
      for (const [c, ctx] of CONTEXTS.entries())
        expected.set(`${p}/${c}`, compareNames(a, b, alone(ctx)));
    const visits = PAIRS.flatMap((_, p) => CONTEXTS.map((_, c) => [p, c] as const));
    for (const order of [visits, [...visits].reverse()]) {
      for (const [p, c] of order) {
        const [a, b] = PAIRS[p]!;
        expect(compareNames(a, b, CONTEXTS[c]!), `${a} / ${b} in context ${c}`).toEqual(
          expected.get(`${p}/${c}`),
        );
      }
    }
    // The subject decides some of them: the check above would catch a result carried across.
    const differing = PAIRS.filter((_, p) => {
      const kinds = new Set(CONTEXTS.map((_, c) => expected.get(`${p}/${c}`)?.kind));
      return kinds.size > 1;
    });
    expect(differing.length).toBeGreaterThan(5);
  });
});
