import { useTranslation } from 'react-i18next';
import { useApp } from '../stores/index.js';
import { push } from '../stores/navigation.js';

/** One matter in a list: its name, the department, and whether it can be done here. Opens the guide. */
export function MatterButton({
  matter,
  note,
}: {
  matter: { id: string; name: string; department: string | null; terminal: boolean; region?: string | null };
  note?: string;
}) {
  const { t } = useTranslation();
  const { stores } = useApp();
  return (
    <button
      type="button"
      className="matter"
      data-testid="matter"
      data-matter-id={matter.id}
      onClick={() =>
        stores.navigation.setState(push(stores.navigation.getState(), { screen: 'guide', matterId: matter.id, name: matter.name }))
      }
    >
      <span className="matter-name" lang="zh-CN">
        {matter.name}
      </span>
      {note && <span className="muted">{note}</span>}
      <span className="matter-meta">
        <span className={matter.terminal ? 'badge here' : 'badge hall'}>
          {matter.terminal ? t('catalog.canDoHere') : t('catalog.goToHall')}
        </span>
        {matter.region && (
          <span className="badge elsewhere" data-testid="matter-region" lang="zh-CN">
            {t('catalog.elsewhere', { region: matter.region })}
          </span>
        )}
        {matter.department && (
          <span className="muted" lang="zh-CN">
            {matter.department}
          </span>
        )}
      </span>
    </button>
  );
}
