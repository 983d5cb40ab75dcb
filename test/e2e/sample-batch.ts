// A tiny scanner batch made with pdf-lib: folded A3 sheets as landscape A3 sides (recto [P4 | P1], verso
// [P2 | P3]), each half labelled with its page, plus a Pronote-like roster. Enough for the UI flow; the
// generator in test/generator makes realistic scans.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';

const A3_LANDSCAPE: [number, number] = [1190.55, 841.89];

async function a3Sides(labels: [string, string][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const [left, right] of labels) {
    const page = doc.addPage(A3_LANDSCAPE);
    const half = A3_LANDSCAPE[0] / 2;
    page.drawText(left, { x: half / 2 - 40, y: 420, size: 48, font });
    page.drawText(right, { x: half + half / 2 - 40, y: 420, size: 48, font });
    page.drawLine({ start: { x: half, y: 0 }, end: { x: half, y: A3_LANDSCAPE[1] }, thickness: 0.5 });
  }
  return doc.save();
}

export interface SampleBatch {
  /** Two sheets over two files: SKM1.pdf holds three sides, SKM2.pdf the last verso. */
  scans: { skm1: string; skm2: string };
  roster: string;
  /** A text file with a .pdf name: what an operator picks by mistake. */
  notAPdf: string;
}

export async function writeSampleBatch(dir: string): Promise<SampleBatch> {
  const skm1 = join(dir, 'SKM1.pdf');
  const skm2 = join(dir, 'SKM2.pdf');
  await writeFile(
    skm1,
    await a3Sides([
      ['S1 P4', 'S1 P1'],
      ['S1 P2', 'S1 P3'],
      ['S2 P4', 'S2 P1'],
    ]),
  );
  await writeFile(skm2, await a3Sides([['S2 P2', 'S2 P3']]));

  const roster = join(dir, 'eleves.csv');
  const rows = [
    'Élèves,Né(e) le,Adresse E-mail,Classe,EDS ,Groupe',
    'BEN JEMAA SADRI,21/09/2008,sadri.benjemaa@exemple.fr,T.01,MATHS,G1',
    'DUPONT MARIE,03/02/2008,marie.dupont@exemple.fr,T.01,SES,G2',
    'NGUYEN ANH THU,14/11/2007,anhthu.nguyen@exemple.fr,T.01,MATHS,G1',
  ];
  await writeFile(roster, '\uFEFF' + rows.join('\r\n') + '\r\n');

  const notAPdf = join(dir, 'notes.pdf');
  await writeFile(notAPdf, 'Liste des salles pour le bac blanc\n');
  return { scans: { skm1, skm2 }, roster, notAPdf };
}
