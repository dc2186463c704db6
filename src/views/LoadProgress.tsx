import { loadProgressPlace, useAppShallow } from '../store';
import { useT } from './useT';

/**
 * The model's loading progress, shown in one place at a time (see `loadProgressPlace`): `at`
 * names the place this copy stands in.
 */
export function LoadProgress({ at }: { at: 'inspector' | 'notice' }) {
  const t = useT();
  const s = useAppShallow((s) => ({
    place: loadProgressPlace(s),
    progress: s.progress,
    requested: s.requestedBackend,
  }));
  if (s.place !== at) return null;
  const stageText =
    s.progress.stage === 'backend'
      ? t('model.stage.backend', { backend: s.requested ?? 'webgl' })
      : s.progress.stage === 'model'
        ? t('model.stage.model')
        : t('model.stage.warmup');
  return (
    <div className={at === 'notice' ? 'notice loading' : 'load-progress'} data-testid="load-progress" role="status">
      <span>
        {t('model.loading')} {stageText}
      </span>
      <progress max={1} value={s.progress.fraction} aria-label={t('model.loading')} />
    </div>
  );
}
