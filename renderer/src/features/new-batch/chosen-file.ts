import type { WireError, WireReply } from '../../../../core/api/wire';
import type { Host } from '../../host';

/** A file the operator picked: a path on the station's disk (desktop) or bytes the browser holds. */
export type ChosenFile = { key: number; name: string } & ({ path: string } | { file: File });

let nextKey = 1;

export function fromBrowserFiles(files: FileList | readonly File[] | null): ChosenFile[] {
  return Array.from(files ?? [], (file) => ({ key: nextKey++, name: file.name, file }));
}

export function fromPaths(paths: string[]): ChosenFile[] {
  return paths.map((path) => ({ key: nextKey++, name: path.split(/[/\\]/).pop() ?? path, path }));
}

/** Where the station can read each file, uploading what only the browser holds; stops at the first failure. */
export async function stationPaths(
  host: Host,
  files: ChosenFile[],
  onUploaded: (done: number) => void,
): Promise<WireReply<string[]>> {
  const paths: string[] = [];
  for (const chosen of files) {
    if ('path' in chosen) {
      paths.push(chosen.path);
      continue;
    }
    if (host.kind !== 'browser') throw new Error('Only the browser host holds file contents');
    const reply = await host.bridge.upload(chosen.file, chosen.name);
    if (!reply.ok) return reply;
    paths.push(reply.result.path);
    onUploaded(paths.length);
  }
  return { ok: true, result: paths };
}

/** The station names an uploaded file by its inbox path; the operator knows it by the name they picked. */
export function withPickedNames(error: WireError, files: ChosenFile[], paths: string[]): WireError {
  let message = error.message;
  files.forEach((chosen, index) => {
    const path = paths[index];
    if ('file' in chosen && path !== undefined) message = message.split(path).join(chosen.name);
  });
  return { ...error, message };
}
