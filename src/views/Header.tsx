import { appStore, lastPassMs, shownResult, useAppShallow } from '../store';
import { useT } from './useT';

export function Header() {
  const t = useT();
  const { lang, backend, lastMs, status, settling, shownOn } = useAppShallow((s) => ({
    lang: s.lang,
    backend: s.backend,
    lastMs: lastPassMs(s),
    status: s.engineStatus,
    settling: s.settlingTo,
    // the backend that computed what is on screen (the engine may have moved since)
    shownOn: shownResult(s)?.backend ?? null,
  }));
  const name = shownOn ?? backend?.name ?? null;
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <dl className="status" aria-live="polite">
        <div>
          <dt>{t('backend.label')}</dt>
          <dd data-testid="backend" data-status={status} data-settling={settling ?? undefined}>
            {name ?? '…'}
          </dd>
        </div>

        {backend?.renderer && name === 'webgl' ? (
          <div className="renderer">
            <dt>{t('backend.renderer')}</dt>
            <dd data-testid="renderer" title={backend.renderer}>{backend.renderer}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('backend.lastRun')}</dt>
          <dd data-testid="inference-ms">{lastMs === null ? '–' : `${lastMs.toFixed(0)} ms`}</dd>
        </div>
      </dl>
      {settling && name ? (
        <p className="settling" data-testid="backend-settling" role="status">
          {t('backend.settling', { backend: name, target: settling })}
        </p>
      ) : null}
      <button
        type="button"
        className="lang"
        data-testid="lang-toggle"
        aria-label={t('app.language')}
        lang={lang === 'en' ? 'ko' : 'en'}
        onClick={() => appStore.getState().setLang(lang === 'en' ? 'ko' : 'en')}
      >
        {t('app.switchTo')}
      </button>
    </header>
  );
}
