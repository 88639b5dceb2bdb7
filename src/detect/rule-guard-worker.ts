// A rule-guard worker (see rule-guard.ts): compiles the guarded rules once, then answers "this
// rule's matches in the current text" until the detecting thread stops it for running too long.
import { workerData } from 'node:worker_threads';
import type { GuardAnswer, GuardRequest, GuardWorkerData } from './rule-guard.js';
import { forEachSelectedMatch, type MatchingRule, type RuleMatch } from './rule-matches.js';

const { rules, answered, port } = workerData as GuardWorkerData;
const count = new Int32Array(answered);
const compiled = new Map<number, MatchingRule>(rules.map((rule) => [rule.index, {
  rule: { secretGroup: rule.secretGroup },
  scanner: new RegExp(rule.source, `${rule.flags}g`),
  ...(rule.anchored ? { anchor: new RegExp(rule.source, `${rule.flags}y`) } : {}),
}]));

let text = '';
port.on('message', (request: GuardRequest) => {
  if ('text' in request) {
    text = request.text;
    return;
  }
  let answer: GuardAnswer;
  try {
    const matches: RuleMatch[] = [];
    forEachSelectedMatch(compiled.get(request.index)!, text, request, (match) => matches.push(match));
    answer = { matches };
  } catch (error) {
    answer = { error: (error as Error).message.split('\n')[0]! };
  }
  port.postMessage(answer);
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
});
