/** One problem `deno task validate` reports. */
export interface Finding {
  /** `error` fails the run; `warning` does not. */
  level: "error" | "warning";
  /** The file at fault. */
  file: string;
  /** The path in the definition, such as `actions.track.fields.email`; `""` for the whole. */
  path: string;
  /** What is wrong. */
  message: string;
}
