/**
 * Run progress on stderr: a bar redrawn in place on a terminal, a plain line every few seconds
 * (and on every status change) when the output goes to a file or a CI log.
 */
import type { RunProgress } from '../../shared/domain/run';
import { formatNumber, formatUsd } from '../../shared/format';

const BAR = 24;

function duration(ms: number | null): string {
  if (ms === null) return '—';
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** Throttles, retries and the time they cost, over all models; empty while there were none. */
function retriesText(p: RunProgress): string {
  let throttles = 0;
  let retries = 0;
  let lostMs = 0;
  for (const m of p.perModel) {
    throttles += m.throttles ?? 0;
    retries += m.retries ?? 0;
    lostMs += m.lostMs ?? 0;
  }
  if (retries === 0 && throttles === 0) return '';
  return ` · ${formatNumber(throttles)} throttled, ${formatNumber(retries)} retried, ${duration(lostMs)} lost`;
}

export function progressLine(p: RunProgress): string {
  const share = p.total === 0 ? 1 : p.done / p.total;
  const filled = Math.round(share * BAR);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}]`;
  const failed = p.failed > 0 ? ` (${formatNumber(p.failed)} failed)` : '';
  const status =
    p.status === 'running' ? '' : ` · ${p.status}${p.statusReason ? `: ${p.statusReason}` : ''}`;
  return (
    `${bar} ${formatNumber(p.done)}/${formatNumber(p.total)}${failed} · ${p.inFlight} in flight` +
    ` (limit ${p.concurrency})${retriesText(p)} · ${formatUsd(p.spentUsd)} · ${duration(p.elapsedMs)}` +
    ` · ETA ${duration(p.etaMs)}${status}`
  );
}

export class ProgressPrinter {
  private lastLineAt = -Infinity;
  private lastStatus: string | null = null;
  private drawn = false;
  private limitSeq = 0;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly plainEveryMs = 5_000,
  ) {}

  update(p: RunProgress): void {
    // Every change of the limit gets its own line, with why: a run that slows down says so.
    const change = p.limitChange;
    if (change && change.seq !== this.limitSeq) {
      this.limitSeq = change.seq;
      this.say(`concurrency ${change.reason} (after ${duration(change.atMs)})`);
    }
    const line = progressLine(p);
    if (this.out.isTTY) {
      const width = this.out.columns ?? 120;
      this.out.write(`\r${line.slice(0, width - 1).padEnd(width - 1)}`);
      this.drawn = true;
      return;
    }
    const now = Date.now();
    const status = `${p.status}|${p.statusReason ?? ''}`;
    if (status !== this.lastStatus || now - this.lastLineAt >= this.plainEveryMs) {
      this.out.write(`${line}\n`);
      this.lastLineAt = now;
      this.lastStatus = status;
    }
  }

  /** Ends the bar's line so that what follows starts on a fresh one. */
  finish(): void {
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }

  /** A message that must not be overwritten by the bar. */
  say(message: string): void {
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
    this.out.write(`${message}\n`);
  }
}
