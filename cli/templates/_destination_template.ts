import { destinationReadme } from "./_readme.ts";
import type { DestinationInput, DestinationTemplate } from "./_template.ts";

/** What one destination scaffold is made of, for {@linkcode destinationTemplate}. */
export interface DestinationTemplateParts {
  /** The value of `--template`. */
  id: string;
  /** One line shown in the template prompt. */
  title: string;
  /** Where the destination runs; device-mode READMEs tell how to add a browser action. */
  mode: "cloud" | "device";
  /** The README's first paragraph. */
  summary: string;
  /** The text of `index.ts`. */
  index(input: DestinationInput): string;
  /** The text of `index_test.ts`. */
  test(input: DestinationInput): string;
}

/** A destination scaffold that writes `index.ts`, `index_test.ts` and `README.md`. */
export function destinationTemplate(
  parts: DestinationTemplateParts,
): DestinationTemplate {
  const { id, title, mode, summary, index, test } = parts;
  const actionKind = mode === "cloud" ? "server" : "browser";
  return {
    id,
    title,
    mode,
    files: (input) => ({
      "index.ts": index(input),
      "index_test.ts": test(input),
      "README.md": destinationReadme(input, summary, actionKind),
    }),
  };
}
