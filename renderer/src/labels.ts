import type { CopyStatus, Half, ManifestPage, ManifestSource, ProcessStage } from '../../core/api/contract';

export const STATUS_LABELS: Record<CopyStatus, string> = {
  ready: 'Prête',
  needs_review: 'À vérifier',
};

/** Upload exists only in the browser host: the files must reach the station first. */
export type ShownStage = 'upload' | ProcessStage;

export const STAGE_LABELS: Record<ShownStage, string> = {
  upload: 'Envoi des fichiers',
  load: 'Lecture des PDF',
  classify: 'Analyse des pages',
  identify: 'Lecture des en-têtes',
  split: 'Découpage des A3',
  write: 'Écriture des copies',
};

const HALF_LABELS: Record<Half, string> = {
  left: 'moitié gauche',
  right: 'moitié droite',
  full: 'page entière',
};

/** "SKM1.pdf, page 3, moitié droite" (+ blank, + rotation when the station turned it). */
export function describePage(page: ManifestPage, sources: ManifestSource[]): string {
  const file = sources[page.file - 1]?.file ?? `fichier ${page.file}`;
  const parts = [file, `page ${page.source}`, HALF_LABELS[page.half]];
  if (page.rotate !== 0) parts.push(`tournée de ${page.rotate}°`);
  if (page.blank) parts.push('blanche');
  return parts.join(', ');
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
}
