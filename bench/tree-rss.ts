// Runs a command (stdio passed through) and, when it exits, writes on a last stderr line
// `tree-rss <KB>`: the peak resident memory of its process tree, the command and all its
// descendants (git children; worker threads are in their process) summed, sampled every 20 ms
// from /proc (Linux). /usr/bin/time reports the largest single process only. Exits as the command did.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

const [file, ...args] = process.argv.slice(2);
if (!file) throw new Error('usage: tree-rss COMMAND [ARGS...]');

function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'latin1');
      // The command name may hold spaces and parentheses: the fields follow the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // The process ended while it was read.
    }
  }
  return children;
}

/** VmRSS, in kB whatever the page size (a kernel thread has none). */
function residentKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

const child = spawn(file, args, { stdio: 'inherit' });
let peakSum = 0;
const sample = (): void => {
  const children = parents();
  let sum = 0;
  for (const pending = [child.pid!]; pending.length > 0;) {
    const pid = pending.pop()!;
    sum += residentKb(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  peakSum = Math.max(peakSum, sum);
};
const timer = setInterval(sample, 20);
child.on('exit', (code, signal) => {
  clearInterval(timer);
  process.stderr.write(`\ntree-rss ${peakSum}\n`);
  process.exit(code ?? (signal ? 128 : 1));
});
