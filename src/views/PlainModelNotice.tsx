import { isPlain } from '../compute/cardFacts';
import { appStore, useAppShallow } from '../store';
import { useT } from './useT';
import { isolatedName } from '../compute/names';

/**
 * Shown by the parts of the app that need SE blocks (the lesson, the experiments) while a plain
 * ResNet runs: says why there is nothing to show and offers the first model that has SE blocks.
 * Renders nothing for an SE model; `children` are shown instead of the notice then.
 */
export function NeedsSeModel({ children }: { children: React.ReactNode }) {
  const t = useT();
  const s = useAppShallow((s) => ({ card: s.card, models: s.models, status: s.engineStatus }));
  if (!isPlain(s.card)) return <>{children}</>;
  const se = (s.models ?? []).find((m) => m.seBlocks > 0);
  return (
    <div className="notice warn plain-notice" role="status" data-testid="needs-se">
      <p>{t('plain.explain', { name: isolatedName(s.card!.name) })}</p>
      <p>{t('plain.needsSe')}</p>
      {se ? (
        <button type="button" data-testid="switch-to-se" disabled={s.status === 'loading'} onClick={() => void appStore.getState().switchModel(se.id)}>
          {t('plain.switchTo', { name: isolatedName(se.name) })}
        </button>
      ) : null}
    </div>
  );
}
