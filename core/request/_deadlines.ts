// One timer for every request in flight: a timer per request costs several microseconds in
// Deno (more than the rest of the client), a Set entry a fraction of one.

/** A request's deadline: `fire` runs once `at` (a `Date.now()` time) has passed. */
export interface Deadline {
  readonly at: number;
  readonly fire: () => void;
}

class DeadlineQueue {
  #pending = new Set<Deadline>();
  #timer: ReturnType<typeof setTimeout> | undefined = undefined;
  #timerAt = Infinity;

  add(ms: number, fire: () => void): Deadline {
    const deadline = { at: Date.now() + ms, fire };
    this.#pending.add(deadline);
    if (deadline.at < this.#timerAt) this.#arm(deadline.at);
    return deadline;
  }

  /** Forgets `deadline`; with nothing left in flight, the timer stops so a process can exit. */
  remove(deadline: Deadline): void {
    this.#pending.delete(deadline);
    if (this.#pending.size === 0 && this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#timerAt = Infinity;
    }
  }

  #arm(at: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(() => this.#tick(), Math.max(0, at - Date.now()));
  }

  #tick(): void {
    this.#timer = undefined;
    this.#timerAt = Infinity;
    const now = Date.now();
    let next = Infinity;
    for (const deadline of this.#pending) {
      if (deadline.at <= now) {
        this.#pending.delete(deadline);
        deadline.fire();
      } else if (deadline.at < next) {
        next = deadline.at;
      }
    }
    if (next !== Infinity && next < this.#timerAt) this.#arm(next);
  }
}

/** The deadlines of every client in this process. */
export const deadlines: DeadlineQueue = new DeadlineQueue();
