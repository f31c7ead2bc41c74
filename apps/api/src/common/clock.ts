/** The time, behind an interface so tests and demos can move it. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock that starts at a chosen instant when the process starts and then runs in real time
 * (SOP_CLOCK_START, for demos and tests; refused in production).
 */
export class ShiftedClock extends Clock {
  private readonly offset: number;
  constructor(start: Date) {
    super();
    this.offset = start.getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
}
