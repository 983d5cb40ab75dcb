import { useTranslation } from 'react-i18next';
import type { KorrigoHttpBridge } from '../../core/api/http-bridge';
import { forgetSession } from './session';

/** The browser host's way out: the session id stops working on the station, then the page forgets it. */
export function EndSession({ bridge }: { bridge: KorrigoHttpBridge }) {
  const { t } = useTranslation();
  const end = async () => {
    await bridge.endSession();
    forgetSession();
    window.location.reload();
  };
  return (
    <button type="button" className="end-session" onClick={() => void end()}>
      {t('app.logout')}
    </button>
  );
}
