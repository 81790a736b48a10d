import { useTranslation } from 'react-i18next';
import { localName } from '../guide/localized.js';
import { useApp } from '../stores/index.js';
import { push } from '../stores/navigation.js';

/** One matter in a list: its name, the department, and whether it can be done here. Opens the guide. */
export function MatterButton({
  matter,
  note,
}: {
  matter: {
    id: string;
    name: string;
    names?: Record<string, string>;
    department: string | null;
    terminal: boolean;
    region?: string | null;
  };
  note?: string;
}) {
  const { t, i18n } = useTranslation();
  const { stores } = useApp();
  // the session's language when the platform translated the name; else the Chinese name, labelled as such
  const name = localName(matter, i18n.language);
  const chineseOnly = name.lang !== i18n.language && !i18n.language.startsWith('zh');
  return (
    <button
      type="button"
      className="matter"
      data-testid="matter"
      data-matter-id={matter.id}
      onClick={() =>
        stores.navigation.setState(push(stores.navigation.getState(), { screen: 'guide', matterId: matter.id, name: name.text }))
      }
    >
      <span className="matter-name" lang={name.lang}>
        {name.text}
      </span>
      {chineseOnly && (
        <span className="badge" data-testid="matter-chinese-only">
          {t('catalog.chineseOnly')}
        </span>
      )}
      {note && <span className="muted">{note}</span>}
      <span className="matter-meta">
        <span className={matter.terminal ? 'badge here' : 'badge hall'}>
          {matter.terminal ? t('catalog.canDoHere') : t('catalog.goToHall')}
        </span>
        {matter.region &&
          (i18n.language.startsWith('zh') ? (
            <span className="badge elsewhere" data-testid="matter-region" lang="zh-CN">
              {t('catalog.elsewhere', { region: matter.region })}
            </span>
          ) : (
            // the region's name is Chinese: beside the translated words, not inside their sentence
            <span className="badge elsewhere" data-testid="matter-region">
              {t('catalog.elsewhereOther')}{' '}
              <span lang="zh-CN" dir="ltr">
                {matter.region}
              </span>
            </span>
          ))}
        {matter.department && (
          <span className="muted" lang="zh-CN">
            {matter.department}
          </span>
        )}
      </span>
    </button>
  );
}
