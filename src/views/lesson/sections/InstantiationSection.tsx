import { SEModuleDiagram, type SEModuleLabels } from '../../../charts/SEModuleDiagram';
import type { SectionProps } from './types';

/** 5 · Where SE goes: SE-Inception and SE-ResNet modules, ours highlighted. */
export function InstantiationSection({ card, t }: SectionProps) {
  const common = {
    gap: t('inst.label.gap'),
    fc: t('inst.label.fc'),
    relu: t('inst.label.relu'),
    sigmoid: t('inst.label.sigmoid'),
    scale: t('inst.label.scale'),
    shortcut: t('inst.label.shortcut'),
  };
  const r = card.architecture.seReduction;
  const ours = `${t('inst.label.ours')}${r ? ` (r = ${r})` : ''}`;
  const inception: SEModuleLabels = { ...common, title: t('inst.label.seInception'), body: t('inst.label.inception'), ours };
  const resnet: SEModuleLabels = { ...common, title: t('inst.label.seResnet'), body: t('inst.label.residual'), ours };
  return (
    <div>
      <p>{t('inst.p1')}</p>
      <figure className="lesson-figure">
        <SEModuleDiagram kind="inception" labels={inception} highlight={false} description={t('inst.diagramInception')} />
        <figcaption>{t('inst.inception')}</figcaption>
      </figure>
      <figure className="lesson-figure">
        <SEModuleDiagram kind="resnet" labels={resnet} highlight description={t('inst.diagramResnet')} />
        <figcaption>{t('inst.resnet')}</figcaption>
      </figure>
      <p className="lesson-live">
        {t('inst.ours')}
      </p>
    </div>
  );
}
