// The files of this computer the desktop UI may name in an API call: only those the operator picked in
// an OS dialog (or dropped on the window), never a path the page made up. Main keeps the list; a
// compromised renderer cannot add to it. Free of Electron, so it is tested as it is.
import { resolve } from 'node:path';
import { filesNamedBy } from '../core/api/named-files';

export class FileGrants {
  readonly #granted = new Set<string>();

  grant(paths: readonly string[]): void {
    for (const path of paths) this.#granted.add(resolve(path));
  }

  /** Whether the call names only granted files (a call naming none is always allowed). */
  allows(method: string, args: unknown): boolean {
    return filesNamedBy(method, args).every((path) => this.#granted.has(resolve(path)));
  }
}
