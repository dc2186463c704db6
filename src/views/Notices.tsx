import { appStore, useAppShallow } from '../store';
import { useT } from './useT';
import { LoadProgress } from './LoadProgress';

/** Model loading progress, load failure, and the backend fallback notice. */
export function Notices() {
  const t = useT();
  const s = useAppShallow((s) => ({
    status: s.engineStatus,
    error: s.engineError,
    backend: s.backend,
    requested: s.requestedBackend,
    note: s.backendNote,
  }));
  return (
    <div className="notices">
      <LoadProgress at="notice" />
      {s.status === 'error' ? (
        <div className="notice error" role="alert" data-testid="model-error">
          {t('model.failed', { reason: s.error ?? '' })}{' '}
          <button type="button" onClick={() => void appStore.getState().loadModel(s.requested)}>
            {t('model.retry')}
          </button>
        </div>
      ) : null}
      {s.backend && s.note ? (
        <div className="notice warn" role="status" data-testid="backend-recovered">
          {t('backend.recovered', { reason: s.note, backend: s.backend.name })}
        </div>
      ) : null}
      {s.backend && s.backend.fallbacks.length > 0 ? (
        <div className="notice warn" role="status" data-testid="backend-notice">
          {s.backend.fallbacks.map((f) => (
            <div key={f.name}>{t('backend.fallback', { failed: f.name, reason: f.reason, backend: s.backend!.name })}</div>
          ))}
        </div>
      ) : s.backend && s.requested && s.requested !== 'webgl' ? (
        <div className="notice info" role="status" data-testid="backend-forced">
          {t('backend.forced', { backend: s.requested })}
        </div>
      ) : null}
    </div>
  );
}
