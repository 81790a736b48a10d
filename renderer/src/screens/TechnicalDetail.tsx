import { useTranslation } from 'react-i18next';
import { detailParts, mediaLabelKey } from './technical-labels.js';

/** A label with its raw code beside it, e.g. 墨粉不足 `toner-low`; only the code when there is no label. */
export function Labelled({ labelKey, code }: { labelKey: string; code: string }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="labelled-code" data-code={code}>
      {i18n.exists(labelKey) && <>{t(labelKey)} </>}
      <code dir="ltr">{code}</code>
    </span>
  );
}

/** A device's media conditions and technical detail, labelled for technicians. */
export function TechnicalDetail({ media, detail }: { media: readonly string[]; detail: string | null }) {
  const { t } = useTranslation();
  const parts = detailParts(detail);
  if (media.length === 0 && parts.length === 0) return null;
  return (
    <div className="muted" data-testid="technical-detail">
      {media.map((m) => (
        <Labelled key={`m-${m}`} labelKey={mediaLabelKey(m)} code={m} />
      ))}
      {parts.length > 0 && <span>{t('maintenance.technicalDetail')}：</span>}
      {parts.map((p, i) =>
        p.kind === 'code' ? (
          <Labelled key={`c-${i}`} labelKey={p.labelKey} code={p.code} />
        ) : (
          <code key={`t-${i}`} dir="ltr">
            {p.text}
          </code>
        ),
      )}
    </div>
  );
}
