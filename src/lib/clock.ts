/** A source of time. The simulator never reads the wall clock: time is injected, so every run is identical. */
export interface Clock {
  /** Milliseconds since the epoch, in simulated time. */
  now(): number;
}

/** A clock that only moves when told to. Starts at a fixed instant so outputs are reproducible. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start = Date.UTC(2025, 0, 1, 12, 0, 0)) {
    this.t = start;
  }
  now(): number {
    return this.t;
  }
  /** Moves time forward by `ms` milliseconds (never backward). */
  advance(ms: number): void {
    if (ms > 0) this.t += ms;
  }
}
