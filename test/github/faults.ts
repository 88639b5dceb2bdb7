// Injected failures: a rule matches requests by method and path and, for its next `times`
// matches, answers in place of the emulator. New kinds of failure are new `FaultResponse`
// variants handled in `server.ts`.

/** An HTTP error answered with GitHub's error body (`message` defaults to the status's usual one). */
export interface StatusFault {
  status: number;
  message?: string;
  /**
   * Answer as a rate limit: `secondary` (or `true`) — GitHub's abuse limit, with
   * `retry-after`; `primary` — the hourly budget spent, `x-ratelimit-remaining: 0`.
   */
  rateLimit?: true | 'secondary' | 'primary';
  /** Seconds; `retry-after` for a secondary limit, until `x-ratelimit-reset` for a primary one. */
  retryAfter?: number;
  /**
   * A limit as GitHub keeps it: every matching request is refused until this moment (the
   * reset a primary limit reports, what `retry-after` counts down to), then the rule stops.
   */
  until?: Date;
}

/**
 * Hold the request unanswered for `timeoutMs`; then close the connection without an
 * answer (`drop`, the default), or handle it normally (`handle`: a slow GitHub, whose
 * change happens even though a client that gave up never learns of it).
 */
export interface TimeoutFault {
  timeoutMs: number;
  afterTimeout?: 'drop' | 'handle';
}

export type FaultResponse = StatusFault | TimeoutFault;

export interface FaultRule {
  method?: string;
  /** A path (exact; decoded, without query and without any `/api/v3` prefix) or a pattern tested on it. */
  path: string | RegExp;
  /** How many matching requests fail (default 1; `Infinity` until cleared). */
  times?: number;
  respond: FaultResponse;
}

export interface Fault {
  readonly rule: FaultRule;
  /** Matching requests still to fail. */
  remaining: number;
  /** Requests this fault answered so far. */
  hits: number;
}

export class Faults {
  private readonly active: Fault[] = [];

  add(rule: FaultRule): Fault {
    const fault: Fault = { rule, remaining: rule.times ?? 1, hits: 0 };
    this.active.push(fault);
    return fault;
  }

  clear(): void {
    this.active.length = 0;
  }

  /** Faults that have not yet failed all the requests they were set for. */
  pending(): Fault[] {
    return this.active.filter((fault) => fault.remaining > 0);
  }

  /** The failure for this request, if a rule matches; counts it. */
  take(method: string, path: string, now = new Date()): FaultResponse | undefined {
    const fault = this.active.find(
      ({ rule, remaining }) =>
        remaining > 0 &&
        !('until' in rule.respond && rule.respond.until && rule.respond.until <= now) &&
        (!rule.method || rule.method.toUpperCase() === method) &&
        (typeof rule.path === 'string' ? rule.path === path : rule.path.test(path)),
    );
    if (!fault) return undefined;
    fault.remaining -= 1;
    fault.hits += 1;
    return fault.rule.respond;
  }
}
