// What the operator reads when something fails: in the UI's language, chosen by the stable code, never
// the English message alone (that one is shown as a detail line because it names the file).
import type { TFunction } from 'i18next';
import type { WireError } from '../../core/api/wire';

export interface ShownError {
  message: string;
  /** The station's own words, naming the file: useful to whoever fixes it, shown smaller. */
  detail: string | undefined;
}

export function describeError(t: TFunction, error: WireError): ShownError {
  return {
    message: t(`error.${error.code}`),
    detail: error.code === 'internal' ? undefined : error.message,
  };
}
