// CPU time of one OS thread of this process, from Linux's /proc: what a worker thread has really computed,
// whatever else the machine is busy with. Elsewhere (or if /proc cannot be read) nothing is known: null.
import { readFileSync, readlinkSync } from 'node:fs';

/** Linux reports thread times in clock ticks of 1/100 s (USER_HZ, the same on every architecture). */
const TICK_MS = 10;

/** The calling thread's id as /proc names it, or undefined off Linux. */
export function currentThread(): number | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    // "<pid>/task/<tid>"
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/** User + system CPU time of `thread` of this process, in ms; null once it is gone or cannot be read. */
export function threadCpuMs(thread: number): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${thread}/stat`, 'latin1');
    // The command name (field 2) is in parentheses and may hold spaces: fields are counted after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is the line's field 3 (the state): utime (field 14) and stime (15) are fields[11] and [12].
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * TICK_MS : null;
  } catch {
    return null;
  }
}
