// What the operator reads when something fails: in the UI's language, chosen by the stable code, never
// the English message alone (that one is shown as a detail line because it names the file).
import type { TFunction } from 'i18next';
import type { WireError } from '../../core/api/wire';

export interface ShownError {
  message: string;
  /** The station's own words, naming the file: useful to whoever fixes it, shown smaller. */
  detail: string | undefined;
}

/** Parameters that name a copy by its id: a screen names it its own way (its number). */
const COPY_PARAMS = ['copy', 'other'];

/**
 * `nameCopy` says a copy id as the screen shows copies; without it the id is kept. A problem the station
 * gave as data (why a decision was refused) is said from its code, not the station's English.
 */
export function describeError(
  t: TFunction,
  error: WireError,
  nameCopy: (id: string) => string = (id) => id,
): ShownError {
  const note = error.note;
  if (note && note.code !== 'other') {
    const params = Object.fromEntries(
      Object.entries(note.params).map(([key, value]) => [
        key,
        COPY_PARAMS.includes(key) ? nameCopy(value) : value,
      ]),
    );
    return { message: t(`error.${error.code}`), detail: t(`refusal.${note.code}`, params) };
  }
  return {
    message: t(`error.${error.code}`),
    detail: error.code === 'internal' ? undefined : error.message,
  };
}
