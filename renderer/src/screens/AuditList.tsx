import { useTranslation } from 'react-i18next';
import { useTimeFormat } from '../i18n/useTimeFormat.js';
import type { Reply } from '../../../main/bridge/contract.js';
import { auditFieldKey, auditTypeKey, auditValue } from './technical-labels.js';
import { Labelled } from './TechnicalDetail.js';

type AuditEntry = Reply<'maintenance.overview'>['audit'][number];

/** Recent audit entries: time in the terminal's zone, what happened as a label with its code, the detail as fields. */
export function AuditList({ entries }: { entries: AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const format = useTimeFormat();
  const label = (key: string) => (i18n.exists(key) ? t(key) : null);
  return (
    <table data-testid="audit">
      <tbody>
        {entries.map((a) => (
          <tr key={a.id}>
            <td data-testid="audit-time">{format.dateTime(a.at, { seconds: true })}</td>
            <td>
              <Labelled labelKey={auditTypeKey(a.type)} code={a.type} />
            </td>
            <td className="muted">
              {Object.entries(a.detail).map(([field, value]) => (
                <div key={field}>
                  {label(auditFieldKey(field)) ?? field}：
                  {auditValue(field, value, label, (iso) => format.dateTime(iso, { seconds: true }))}
                </div>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
