import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { createGenerator } from "ts-json-schema-generator";
import { describe, expect, it } from "vitest";
import { REPO, runCli } from "../helpers/project.js";

const schemaFile = join(REPO, "report.schema.json");

describe("report.schema.json", () => {
  it("is generated from the ReportResult type (regenerate with `npm run schema`)", () => {
    const generated = createGenerator({
      path: join(REPO, "src/report/report-result.ts"),
      tsconfig: join(REPO, "tsconfig.json"),
      type: "ReportResult",
      skipTypeCheck: true,
    }).createSchema("ReportResult");
    expect(JSON.parse(readFileSync(schemaFile, "utf8"))).toEqual(generated);
  });

  it("describes the JSON report on the bundled articles", () => {
    const report = JSON.parse(runCli(["report", "--format", "json"]).stdout);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  });
});
