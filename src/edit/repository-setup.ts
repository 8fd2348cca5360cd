/**
 * What `claimcheck setup` puts in a new claims repository, pure: each file with its text and what
 * it is for, and the lines .gitignore needs. The CLI writes them, never over an existing file.
 */
import { SCHEMA_FILES, schemaText } from "../validate/json-schema.js";

export interface RepositoryFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  text: string;
  /** One line for the user: what the file is for. */
  purpose: string;
}

/** Templates that ship in the package (templates/), by the path they are written to. */
export const TEMPLATES: readonly { path: string; template: string; purpose: string }[] = [
  {
    path: "claims/vocabulary.yaml",
    template: "templates/vocabulary.yaml",
    purpose: "the shared vocabulary: add the entities and properties your claims name",
  },
  {
    path: "claims/acknowledged.yaml",
    template: "templates/acknowledged.yaml",
    purpose: "discrepancies you reviewed and explained",
  },
  {
    path: ".vscode/settings.json",
    template: "templates/vscode-settings.json",
    purpose: "VS Code: the schemas mapped to the claims files, for help as you type",
  },
  {
    path: ".vscode/extensions.json",
    template: "templates/vscode-extensions.json",
    purpose: "VS Code: recommends the YAML extension that reads the schemas",
  },
  {
    path: ".github/workflows/claims.yml",
    template: "templates/github-workflow.yml",
    purpose: "GitHub Actions: validate and report on every pull request that touches claims",
  },
];

const SCHEMA_PURPOSE: Record<keyof typeof SCHEMA_FILES, string> = {
  "claims.schema.json": "the claims files' schema, for editors (the files' first line names it)",
  "vocabulary.schema.json": "the vocabulary's schema, for editors",
  "acknowledged.schema.json": "the acknowledgements' schema, for editors",
};

/** Every file of a new repository; `readTemplate` reads a file that ships in the package. */
export function repositoryFiles(readTemplate: (path: string) => string): RepositoryFile[] {
  return [
    ...TEMPLATES.map((t) => ({ path: t.path, text: readTemplate(t.template), purpose: t.purpose })),
    ...(Object.keys(SCHEMA_FILES) as (keyof typeof SCHEMA_FILES)[]).map((name) => ({
      path: name,
      text: schemaText(name),
      purpose: SCHEMA_PURPOSE[name],
    })),
  ];
}

/** What git should not track: the files the workflow writes, and what an interrupted write leaves. */
export const GITIGNORE_LINES = [
  "node_modules/",
  "claimcheck.sarif",
  "claimcheck-report.html",
  "*.tmp",
] as const;

/**
 * The text to append to .gitignore (undefined when it has every line already), given what it holds
 * now (undefined when there is none). A line counts as there when some line of the file is the same
 * pattern, give or take a leading or trailing slash and surrounding spaces.
 */
export function gitignoreAddition(existing: string | undefined): string | undefined {
  const pattern = (line: string) => line.trim().replace(/^\//, "").replace(/\/$/, "");
  const have = new Set((existing ?? "").split(/\r\n|\r|\n/).map(pattern));
  const missing = GITIGNORE_LINES.filter((line) => !have.has(pattern(line)));
  if (missing.length === 0) return undefined;
  const separator =
    existing === undefined || existing === "" ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
  return `${separator}# claimcheck: the report files its workflow writes, and what an interrupted write leaves\n${missing.join("\n")}\n`;
}
