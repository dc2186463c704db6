import { useSyncExternalStore } from 'react';
import { applyUpdate, dismissUpdate, getUpdateState, subscribeUpdates } from '../pwa/serviceWorker';
import { useT } from './useT';

/** The service worker's news: a new deploy waits for a reload; the first full cache means offline works. */
export function UpdatePrompt() {
  const t = useT();
  const s = useSyncExternalStore(subscribeUpdates, getUpdateState);
  if (s.needRefresh) {
    return (
      <div className="notice info update-prompt" role="status" data-testid="update-prompt">
        {t('pwa.update')}{' '}
        <button type="button" onClick={() => void applyUpdate()}>
          {t('pwa.reload')}
        </button>{' '}
        <button type="button" onClick={dismissUpdate}>
          {t('pwa.later')}
        </button>
      </div>
    );
  }
  if (s.offlineReady) {
    return (
      <div className="notice info" role="status" data-testid="offline-ready">
        {t('pwa.offline')}{' '}
        <button type="button" onClick={dismissUpdate}>
          {t('pwa.dismiss')}
        </button>
      </div>
    );
  }
  return null;
}
