// What is derived from one settings object, kept as long as the object lives.
import type { CompiledDestination } from "../compile/_compile_definition.ts";
import {
  type RawSettings,
  subscriptionsOf,
  type ValidatedSettings,
  validateSettings,
} from "./_settings.ts";
import {
  type CompiledSubscription,
  compileSubscription,
  type MappingCache,
} from "../compile/_subscriptions.ts";

/** Validated settings and, once asked for, their compiled subscriptions. */
export interface SettingsEntry extends ValidatedSettings {
  subscriptions?: CompiledSubscription[];
}

/** Validates settings objects and compiles their subscriptions, once per object. */
export class SettingsEntries {
  readonly #destination: CompiledDestination;
  readonly #mappings: MappingCache;
  readonly #entries = new WeakMap<object, SettingsEntry>();
  readonly #subscriptions = new WeakMap<object, CompiledSubscription>();

  constructor(destination: CompiledDestination, mappings: MappingCache) {
    this.#destination = destination;
    this.#mappings = mappings;
  }

  /** Returns the validated settings of `raw`; a value that is not an object is not kept. */
  entryOf(raw: RawSettings): SettingsEntry {
    if (typeof raw !== "object" || raw === null) {
      return validateSettings(this.#destination, raw);
    }
    let entry = this.#entries.get(raw);
    if (entry === undefined) {
      entry = validateSettings(this.#destination, raw);
      this.#entries.set(raw, entry);
    }
    return entry;
  }

  /** Returns the compiled subscriptions of `raw`; each subscription object compiles once. */
  subscriptionsOf(
    raw: RawSettings,
    entry: SettingsEntry,
  ): CompiledSubscription[] {
    if (entry.subscriptions !== undefined) return entry.subscriptions;
    const compiled = subscriptionsOf(raw).map((subscription, index) => {
      const isObject = typeof subscription === "object" &&
        subscription !== null;
      let found = isObject ? this.#subscriptions.get(subscription) : undefined;
      if (found === undefined) {
        found = compileSubscription(
          this.#destination,
          this.#mappings,
          subscription,
          index,
        );
        if (isObject) this.#subscriptions.set(subscription, found);
      }
      return found;
    });
    if (typeof raw === "object" && raw !== null) entry.subscriptions = compiled;
    return compiled;
  }
}
