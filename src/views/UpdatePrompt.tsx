import { useSyncExternalStore } from 'react';
import { applyUpdate, dismissUpdate, getUpdateState, subscribeUpdates } from '../pwa/serviceWorker';
import { useAppShallow } from '../store';
import { useT } from './useT';

/** The service worker's news: a new deploy waits for a reload; the first full cache means offline works.
 * Held back in presenter mode and shown once it is left. */
export function UpdatePrompt() {
  const t = useT();
  const s = useSyncExternalStore(subscribeUpdates, getUpdateState);
  // neither news is urgent: it waits until the teacher leaves presenter mode, not over the slide
  const presenter = useAppShallow((st) => st.presenter);
  if (presenter) return null;
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
