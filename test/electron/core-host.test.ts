// The Electron core host's logic, without Electron: calls fail instead of hanging, the log rotates, quitting
// during a batch asks first, and quitting logs the core's Korrigo sessions out within a time limit.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rotatingLog } from '../../electron/log-file';
import { pendingCalls } from '../../electron/pending-calls';
import { quitQuestion } from '../../electron/quit-guard';
import { stopWithin } from '../../electron/stop-within';

afterEach(() => {
  vi.useRealTimers();
});

describe('pending calls', () => {
  it('fail with the method and where the log is when the core stays silent', async () => {
    vi.useFakeTimers();
    const calls = pendingCalls(1000, 'the log is /logs/station.log');
    const reply = calls.add(1, 'batches.list');
    vi.advanceTimersByTime(1000);
    expect(await reply).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'The station core did not answer batches.list for 1 s; the log is /logs/station.log',
      },
    });
    expect(calls.methods()).toEqual([]);
  });

  it('wait as long as the core shows signs of life, and settle with its reply', async () => {
    vi.useFakeTimers();
    const calls = pendingCalls(1000, '');
    const reply = calls.add(7, 'batches.process');
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(900);
      calls.alive();
    }
    expect(calls.methods()).toEqual(['batches.process']);
    calls.settle(7, { ok: true, result: 'done' });
    expect(await reply).toEqual({ ok: true, result: 'done' });
    vi.advanceTimersByTime(5000);
    expect(calls.methods()).toEqual([]);
  });

  it('all fail at once when the core dies', async () => {
    const calls = pendingCalls(60_000, '');
    const replies = [calls.add(1, 'batches.get'), calls.add(2, 'copies.decide')];
    const failure = { ok: false as const, error: { code: 'internal' as const, message: 'stopped' } };
    calls.failAll(failure);
    expect(await Promise.all(replies)).toEqual([failure, failure]);
  });
});

describe('the log file', () => {
  let dir: string;
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('rotates past its size and keeps a bounded number of old files', async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'korrigo-log-')), 'logs');
    const log = rotatingLog(dir, { maxBytes: 10, keep: 2 });
    for (const line of ['aaaaaa\n', 'bbbbbb\n', 'cccccc\n', 'dddddd\n']) log.write(line);
    expect(log.path).toBe(join(dir, 'station.log'));
    expect((await readdir(dir)).sort()).toEqual(['station.1.log', 'station.2.log', 'station.log']);
    expect(await readFile(join(dir, 'station.log'), 'utf8')).toBe('dddddd\n');
    expect(await readFile(join(dir, 'station.1.log'), 'utf8')).toBe('cccccc\n');
    expect(await readFile(join(dir, 'station.2.log'), 'utf8')).toBe('bbbbbb\n');
  });
});

describe('quitting', () => {
  it('asks while a batch is processed or its copies written, not otherwise', () => {
    expect(quitQuestion([])).toBeNull();
    expect(quitQuestion(['batches.list', 'station.info'])).toBeNull();
    expect(quitQuestion(['batches.list', 'batches.process'])).toMatch(/en cours de traitement/);
    expect(quitQuestion(['copies.decide'])).toMatch(/en cours d’écriture/);
  });
});

describe('stopping the core on quit', () => {
  it('kills the core once its shutdown (the Korrigo logouts) is done, not before', async () => {
    const steps: string[] = [];
    let finish = () => {};
    const stopping = stopWithin(
      () => new Promise<void>((resolve) => (finish = resolve)),
      () => steps.push('kill'),
      60_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).toEqual([]);
    steps.push('logged out');
    finish();
    await stopping;
    expect(steps).toEqual(['logged out', 'kill']);
  });

  it('kills it after the limit when the server never answers the logout, or when the shutdown fails', async () => {
    vi.useFakeTimers();
    const kill = vi.fn();
    const stopping = stopWithin(() => new Promise<void>(() => {}), kill, 3000);
    await vi.advanceTimersByTimeAsync(2999);
    expect(kill).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    await stopping;
    expect(kill).toHaveBeenCalledTimes(1);

    const killed = vi.fn();
    await stopWithin(() => Promise.reject(new Error('logout refused')), killed, 3000);
    expect(killed).toHaveBeenCalledTimes(1);
  });
});
