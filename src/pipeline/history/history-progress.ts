// The history scan's progress bar on stderr: blobs done / total, MB/s, ETA. Only on a terminal,
// and only there is cli-progress loaded (its 20 modules took 11-14 ms of a scan's start-up).

export interface Progress {
  advance(blobs: number, bytes: number): void;
  stop(): void;
}

const SILENT: Progress = { advance: () => undefined, stop: () => undefined };

export async function startProgress(enabled: boolean, total: number, done: number): Promise<Progress> {
  if (!enabled || !process.stderr.isTTY || total === 0) return SILENT;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format: 'history |{bar}| {value}/{total} blobs | {mbps} MB/s | ETA {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let bytes = 0;
  bar.start(total, done, { mbps: '0.0' });
  return {
    advance(blobs, read) {
      bytes += read;
      const seconds = (performance.now() - started) / 1000;
      bar.increment(blobs, { mbps: (seconds > 0 ? bytes / 1024 / 1024 / seconds : 0).toFixed(1) });
    },
    stop() {
      bar.stop();
    },
  };
}
