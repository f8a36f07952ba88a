// Stage timings as an observer of a run: the steps say when they end, the observer keeps the clock.
import type { StageTimings } from "../destination_options.ts";

/** A step of a run, named as its timing. */
export type Step = "matchMs" | "mapMs" | "validateMs" | "performMs";

/** Times the steps of one run (match, map, validate, perform) and the whole. */
export class TimingsObserver {
  readonly #start: number;
  #mark: number;
  readonly #timings: StageTimings = {
    matchMs: 0,
    mapMs: 0,
    validateMs: 0,
    performMs: 0,
    totalMs: 0,
  };

  constructor() {
    this.#start = this.#mark = performance.now();
  }

  /** Marks the start of a step: the time since the last mark counts for no step. */
  stepStarted(): void {
    this.#mark = performance.now();
  }

  /** Marks the end of `step`: the time since the last mark is added to it. */
  stepDone(step: Step): void {
    const now = performance.now();
    this.#timings[step] += now - this.#mark;
    this.#mark = now;
  }

  /** Returns the timings, with the total since the run began. */
  finish(): StageTimings {
    this.#timings.totalMs = performance.now() - this.#start;
    return this.#timings;
  }
}
