import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRoster } from '../../core/roster/load-roster';
import { crlf, utf8 } from './csv-bytes';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'korrigo-roster-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadRoster', () => {
  it('reads the file and names it by its base name, as the manifest does', async () => {
    const path = join(dir, 'eleves.csv');
    await writeFile(
      path,
      utf8(crlf('Élèves,Né(e) le,Adresse E-mail', 'ABID YOUCEF,01/02/2008,y@x.fr'), { bom: true }),
    );
    const roster = await loadRoster(path);
    expect(roster.file).toBe('eleves.csv');
    expect(roster.students.map((s) => s.email)).toEqual(['y@x.fr']);
  });

  it('names the file by its base name in roster errors', async () => {
    const path = join(dir, 'bad.csv');
    await writeFile(path, utf8(crlf('Élèves,Né(e) le,Adresse E-mail', 'ABID YOUCEF,31/02/2008,y@x.fr')));
    await expect(loadRoster(path)).rejects.toMatchObject({
      code: 'roster-invalid',
      message: 'bad.csv, line 2: birth date "31/02/2008" is not a real date',
    });
  });

  it('reports a missing file with its path', async () => {
    const path = join(dir, 'absent.csv');
    await expect(loadRoster(path)).rejects.toMatchObject({
      code: 'file-not-found',
      exitCode: 2,
      message: `Roster file not found: ${path}`,
    });
  });

  it('reports a folder given as the roster', async () => {
    await expect(loadRoster(dir)).rejects.toMatchObject({
      code: 'file-unreadable',
      message: `${dir} is a folder, not a roster CSV file`,
    });
  });

  it('refuses a file far too large to be a roster without reading it', async () => {
    const path = join(dir, 'huge.csv');
    await writeFile(path, '');
    await truncate(path, 50 * 1024 * 1024);
    await expect(loadRoster(path)).rejects.toMatchObject({
      code: 'roster-invalid',
      message: `${path}: is 50 MB, far too large to be a roster CSV file`,
    });
  });
});
