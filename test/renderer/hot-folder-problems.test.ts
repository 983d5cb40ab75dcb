// The hot folder panel's problems: said from their codes in the UI's language, with their time, never in
// the station's English (kept as the item's title, it names the file).
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { HotFolderProblem } from '../../core/api/contract';
import { HotFolderProblems } from '../../renderer/src/features/hot-folder/HotFolderProblems';
import { renderMarkup } from './render-markup';

const PROBLEMS: HotFolderProblem[] = [
  {
    code: 'folder-unavailable',
    params: { cause: 'missing', detail: 'it does not exist (any more)' },
    at: '2026-12-03T11:05:00.000Z',
  },
  {
    code: 'files-refused',
    params: {
      files: 'notes.pdf',
      error: 'not-a-pdf',
      detail: '/scan/notes.pdf: not a PDF file (no %PDF- header)',
    },
    at: '2026-12-03T11:00:00.000Z',
  },
  {
    code: 'roster-unreadable',
    params: { error: 'file-not-found', detail: 'Roster file not found: /scan/eleves.csv' },
    at: '2026-12-03T10:55:00.000Z',
  },
];

const text = (html: string) =>
  [...html.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map(([, item]) =>
    item!.replace(/<time[^>]*>.*?<\/time>\s*/, '').replaceAll('&#x27;', "'"),
  );

describe('the hot folder panel problems', () => {
  it('says each problem in French from its code, with its time, and keeps the English as a title', async () => {
    const html = await renderMarkup(createElement(HotFolderProblems, { problems: PROBLEMS }));
    expect(html).toContain('<h3 id="hot-folder-problems-title">Problèmes en cours</h3>');
    expect(text(html)).toEqual([
      'Le dossier ne peut pas être lu (il n’existe plus) : en attente de son retour.',
      "notes.pdf : non importé. Ce fichier n'est pas un PDF. Choisissez le PDF produit par le copieur. Nouvel essai dès que le fichier change.",
      'La liste des élèves ne peut pas être lue : rien n’est importé en attendant. Fichier introuvable.',
    ]);
    expect(html).toContain('<time dateTime="2026-12-03T11:00:00.000Z">03/12/2026');
    expect(html).toContain('title="/scan/notes.pdf: not a PDF file (no %PDF- header)"');
  });

  it('says them in English, and shows nothing when there is no problem', async () => {
    const html = await renderMarkup(
      createElement(HotFolderProblems, { problems: PROBLEMS.slice(1, 2) }),
      'en',
    );
    expect(text(html)).toEqual([
      'notes.pdf: not imported. This file is not a PDF. Choose the PDF the copier made. Tried again as soon as the file changes.',
    ]);
    expect(await renderMarkup(createElement(HotFolderProblems, { problems: [] }))).toBe('');
  });
});
