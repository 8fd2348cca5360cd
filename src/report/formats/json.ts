import type { Formatter } from "./types.js";

/** The report as JSON, in the shape documented by report.schema.json. */
export const formatJson: Formatter = (report) => `${JSON.stringify(report, null, 2)}\n`;
