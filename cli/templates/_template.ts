/** What a destination scaffold is generated from. */
export interface DestinationInput {
  /** The name users see, such as `"Acme CRM"`. */
  name: string;
  /** The destination's slug, such as `"actions-acme-crm"`. */
  slug: string;
}

/** A destination scaffold: one per `--template` of `deno task init`. */
export interface DestinationTemplate {
  /** The value of `--template`. */
  id: string;
  /** One line shown in the template prompt. */
  title: string;
  /** Where the destination runs; it decides the kind of action `deno task action` adds. */
  mode: "cloud" | "device";
  /** The files to write, by path relative to the destination's folder. */
  files(input: DestinationInput): Record<string, string>;
}

/** What an action scaffold is generated from. */
export interface ActionInput {
  /** The action's key in `actions`, and its folder name, such as `"trackEvent"`. */
  name: string;
  /** The name users see, such as `"Track Event"`. */
  title: string;
  /** The destination the action belongs to. */
  destination: DestinationInput;
  /**
   * Whether the destination's `index.ts` exports `type Settings`; without it,
   * a server action is written with untyped settings. @default {true}
   */
  settingsExported?: boolean;
  /**
   * Whether the destination's `extendRequest` sets a `prefixUrl`; without it,
   * a server action requests an absolute URL. @default {true}
   */
  prefixUrl?: boolean;
}

/** An action scaffold: `server` or `browser`. */
export interface ActionTemplate {
  /** The second argument of `deno task action`. */
  id: "server" | "browser";
  /** The destination mode it fits. */
  mode: "cloud" | "device";
  /** The files to write, by path relative to the action's folder. */
  files(input: ActionInput): Record<string, string>;
}

/** Returns `value` as a TypeScript string literal. */
export function quote(value: string): string {
  return JSON.stringify(value);
}
