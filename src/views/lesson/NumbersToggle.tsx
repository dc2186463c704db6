import type { LessonLang } from '../../i18n/lesson';
import type { LessonNumbers } from '../../compute/shareLink';
import { useNamespaceT } from '../useNamespaceT';

export interface NumbersToggleProps {
  numbers: LessonNumbers;
  lang: LessonLang;
  onChange: (numbers: LessonNumbers) => void;
}

/** "This image" / "Worked example": which numbers the step animation plays. */
export function NumbersToggle({ numbers, lang, onChange }: NumbersToggleProps) {
  const t = useNamespaceT('lesson', lang);
  return (
    <div className="numbers-toggle" role="group" aria-label={t('worked.toggle')} data-testid="numbers-toggle">
      <span className="numbers-toggle-label" aria-hidden="true">
        {t('worked.toggle')}
      </span>
      {(['image', 'example'] as const).map((n) => (
        <button key={n} type="button" aria-pressed={numbers === n} className={numbers === n ? 'on' : undefined} onClick={() => onChange(n)} data-testid={`numbers-${n}`}>
          {t(n === 'image' ? 'worked.image' : 'worked.example')}
        </button>
      ))}
    </div>
  );
}
