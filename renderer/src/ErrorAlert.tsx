import type { WireError } from '../../core/api/wire';
import { describeError } from './errors';

export function ErrorAlert({ error }: { error: WireError }) {
  const { message, detail } = describeError(error);
  return (
    <div role="alert" className="error-alert">
      <p className="error-message">{message}</p>
      {detail && <p className="error-detail">Détail : {detail}</p>}
    </div>
  );
}
