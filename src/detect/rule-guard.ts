// The regexes of a user's own rules (`--config`) run in a worker thread under a time budget per
// rule and text, as a repository's rules do in the app (src/app/run-repo-rules.ts): a pattern
// that backtracks catastrophically costs the budget and is skipped for that text, never a hang.
// The detecting thread waits synchronously (Atomics.wait, then receiveMessageOnPort), so
// detection stays one synchronous pass in every mode and on every thread.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { MessagePort, Worker } from 'node:worker_threads';
import type { RuleMatch } from './rule-matches.js';
import type { SelectedRule } from './select-rules.js';

/** Per rule and text; the app's default budget for a repository's rules. */
export const RULE_TIME_BUDGET_MS = 5_000;

/** A guarded rule as the worker compiles it again. */
export interface GuardedRule {
  index: number;
  source: string;
  flags: string;
  anchored: boolean;
  secretGroup: number | string;
}

export interface GuardWorkerData {
  rules: GuardedRule[];
  /** [0]: answers given so far; the worker adds one and notifies after each answer. */
  answered: SharedArrayBuffer;
  port: MessagePort;
}

export type GuardRequest = { text: string } | (Pick<SelectedRule, 'index' | 'starts' | 'spans'>);
export type GuardAnswer = { matches: RuleMatch[] } | { error: string };

/** A guarded rule's matches, or why it has none for this text. */
export type GuardedMatches = { ok: true; matches: RuleMatch[] } | { ok: false; reason: string };

const WORKER_FILE = new URL('./rule-guard-worker.js', import.meta.url);

/** Loaded when a guarded rule first runs: a scan without user rules is spared its load (~2 ms of a pre-commit scan). */
let loadedWorkerThreads: typeof import('node:worker_threads') | undefined;
const workerThreads = () => (loadedWorkerThreads ??= createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads'));

interface Running {
  worker: Worker;
  port: MessagePort;
  answered: Int32Array;
  /** The text the worker holds. */
  text?: string;
}

export class RuleGuard {
  #running: Running | undefined;

  constructor(private readonly rules: GuardedRule[], private readonly budgetMs = RULE_TIME_BUDGET_MS) {}

  /** Run from TypeScript sources there is no worker file: the rules run unguarded (as the app's repository rules need dist/). */
  static available(): boolean {
    return fs.existsSync(fileURLToPath(WORKER_FILE));
  }

  /** The rule's matches where selected; past the budget, its worker is stopped. */
  matches(text: string, selected: SelectedRule): GuardedMatches {
    const running = (this.#running ??= this.#start());
    if (running.text !== text) {
      running.port.postMessage({ text } satisfies GuardRequest);
      running.text = text;
    }
    const before = Atomics.load(running.answered, 0);
    running.port.postMessage({ index: selected.index, starts: selected.starts, spans: selected.spans } satisfies GuardRequest);
    const deadline = performance.now() + this.budgetMs;
    while (Atomics.load(running.answered, 0) === before) {
      const left = deadline - performance.now();
      if (left <= 0 || Atomics.wait(running.answered, 0, before, left) === 'timed-out') {
        this.#stop();
        return { ok: false, reason: `ran past its ${this.budgetMs / 1000}s time budget` };
      }
    }
    const answer = workerThreads().receiveMessageOnPort(running.port)?.message as GuardAnswer | undefined;
    if (!answer) return { ok: false, reason: 'its worker gave no answer' };
    return 'matches' in answer ? { ok: true, matches: answer.matches } : { ok: false, reason: `failed: ${answer.error}` };
  }

  #start(): Running {
    const { MessageChannel, Worker } = workerThreads();
    const { port1, port2 } = new MessageChannel();
    const answered = new SharedArrayBuffer(4);
    const worker = new Worker(WORKER_FILE, {
      workerData: { rules: this.rules, answered, port: port2 } satisfies GuardWorkerData,
      transferList: [port2],
    });
    worker.unref(); // an idle guard must not keep the process alive
    return { worker, port: port1, answered: new Int32Array(answered) };
  }

  /** Terminating interrupts even a regex in mid-match; the next rule gets a fresh worker. */
  #stop(): void {
    const running = this.#running!;
    this.#running = undefined;
    running.port.close();
    void running.worker.terminate();
  }
}
