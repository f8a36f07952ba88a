// Input `index` of a campaign with `seed`: its target and value, the same on every run.
import fc from "fast-check";
import type { SizeLimits, Target } from "./targets/mod.ts";

/** The seed of one input, mixed from the campaign seed and the input's index. */
export function inputSeed(seed: number, index: number): number {
  let hash = Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^
    Math.imul(index + 1, 0x85ebca77);
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  hash = Math.imul(hash ^ (hash >>> 12), 0x297a2d39);
  return (hash ^ (hash >>> 15)) | 0;
}

/** Generates inputs of several targets, building each target's arbitrary once. */
export class InputSource {
  #targets: Record<string, Target>;
  #rotation: readonly string[];
  #limits: SizeLimits;
  #arbitraries = new Map<string, fc.Arbitrary<unknown>>();

  constructor(
    targets: Record<string, Target>,
    rotation: readonly string[],
    limits: SizeLimits,
  ) {
    this.#targets = targets;
    this.#rotation = rotation;
    this.#limits = limits;
  }

  /** Returns the target of input `index`. */
  targetOf(index: number): Target {
    const name = this.#rotation[index % this.#rotation.length];
    const target = this.#targets[name];
    if (target === undefined) {
      throw new RangeError(`Cannot fuzz: no target named "${name}"`);
    }
    return target;
  }

  /** Returns the arbitrary of `target`. */
  arbitraryOf(target: Target): fc.Arbitrary<unknown> {
    let arbitrary = this.#arbitraries.get(target.name);
    if (arbitrary === undefined) {
      arbitrary = target.arbitrary(this.#limits);
      this.#arbitraries.set(target.name, arbitrary);
    }
    return arbitrary;
  }

  /** Returns input `index` of the campaign with `seed`. */
  inputOf(seed: number, index: number): unknown {
    const arbitrary = this.arbitraryOf(this.targetOf(index));
    return fc.sample(arbitrary, {
      seed: inputSeed(seed, index),
      numRuns: 1,
    })[0];
  }
}
