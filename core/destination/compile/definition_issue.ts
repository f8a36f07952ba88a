// One mistake of a definition: what `createDestination` throws, and what `deno task validate` prints.

/** A mistake in a destination definition, found by {@linkcode findDefinitionIssues}. */
export interface DefinitionIssue {
  /** Where, as a path into the definition: `name`, `actions.track.fields.email`, `presets[1].subscribe`. */
  path: string;
  /** The message `createDestination` throws, naming the destination, action, field or preset. */
  message: string;
  /**
   * The fault alone, without where it is: the message of `cause` when there is one (the
   * parser's `Cannot parse subscription query ...`), else what is wrong
   * (`names an unknown action "nope"`).
   */
  reason: string;
  /** The class of the error `createDestination` throws for it. */
  error: new (message: string, options?: ErrorOptions) => Error;
  /** The destination's name, when it has one. */
  destination?: string;
  /** The key of the action at fault. */
  action?: string;
  /** The key (dotted for members) of the field at fault. */
  field?: string;
  /** The index of the preset at fault. */
  preset?: number;
  /** What the underlying check threw (a parser's or the mapping compiler's error). */
  cause?: unknown;
}
