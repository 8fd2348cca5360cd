/**
 * Run by compact-strings.test.ts under `node --expose-externalize-string`, which gives V8's
 * `isOneByteString`: how strings are stored cannot be seen from plain JavaScript.
 */
import { compactStrings } from "../../src/load/compact-strings.js";
import { parseYamlFile } from "../../src/load/yaml-file.js";

declare function isOneByteString(text: string): boolean;

const wideText = "\u0430 S332 plain words";
const slice = wideText.slice(2, 6);
const data = { short_name: slice, list: [wideText.slice(7)], wide: wideText };
const before = isOneByteString(data.short_name);
compactStrings(data);

const yaml = [
  "source: sources/a.txt",
  "short_name: S1",
  "claims:",
  "  - id: c1",
  '    value: "Aliy\u0430 Alimov"',
  '    evidence: "plain words"',
  "",
].join("\n");
const parsed = parseYamlFile("claims/a.yaml", yaml).data as {
  short_name: string;
  claims: { id: string; value: string; evidence: string }[];
};
const claim = parsed.claims[0]!;

process.stdout.write(
  JSON.stringify({
    sliceBefore: before,
    sliceAfter: isOneByteString(data.short_name),
    inArray: isOneByteString(data.list[0]!),
    wideKept: data.wide === wideText && !isOneByteString(data.wide),
    parsed: {
      shortName: isOneByteString(parsed.short_name),
      id: isOneByteString(claim.id),
      evidence: isOneByteString(claim.evidence),
      wideValue: isOneByteString(claim.value),
    },
  }),
);
