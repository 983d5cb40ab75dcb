// Who holds a job or a temporary file: "host/pid". Liveness is only knowable on the same host; elsewhere a
// holder silent for long enough is taken as gone.
import { hostname } from 'node:os';

export function currentOwner(): string {
  return `${hostname()}/${process.pid}`;
}

export function ownerIsAlive(owner: string): boolean {
  const slash = owner.lastIndexOf('/');
  const host = owner.slice(0, slash);
  const pid = Number(owner.slice(slash + 1));
  if (host !== hostname()) return true;
  if (pid === process.pid) return true;
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
