import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button.js';
import { useApp } from '../../stores/index.js';
import type { StepProps } from '../types.js';

export type PageView = StepProps<'materials'>['view']['materials'][number]['pages'][number];

/** One captured page: its preview at a readable size, its check, and 旋转 / 重新扫描 / 删除. */
export function PageCard({
  runId,
  materialId,
  page,
  n,
  busy,
  onRotate,
  onRescan,
  onDelete,
}: {
  runId: string;
  materialId: string;
  page: PageView;
  n: number;
  busy: boolean;
  onRotate: () => void;
  onRescan: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const { bridge } = useApp();
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setFailed(false);
    bridge.call('flow.pagePreview', { runId, materialId, pageId: page.id }).then(
      (r) => live && setSrc(`data:image/jpeg;base64,${r.base64}`),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [bridge, runId, materialId, page.id, page.rotation]);
  const flagged = page.quality !== 'ok';
  return (
    <li
      className={['page-card', flagged ? 'flagged' : ''].join(' ').trim()}
      data-testid="page"
      data-quality={page.quality}
      data-rotation={page.rotation}
    >
      <div className="page-head">
        <strong>{t('materials.page.label', { n })}</strong>
        <span className={['badge', flagged ? 'hall' : 'here'].join(' ')} data-testid="page-flag">
          {t(`materials.page.flag.${page.quality}`)}
        </span>
      </div>
      <div className="page-image">
        {failed ? (
          <p role="alert">{t('materials.page.previewFailed')}</p>
        ) : src ? (
          <img src={src} alt={t('materials.page.label', { n })} data-testid="page-preview" />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
      </div>
      <div className="actions">
        <Button data-testid="page-rotate" disabled={busy} onClick={onRotate}>
          {t('materials.page.rotate')}
        </Button>
        <Button data-testid="page-rescan" variant={flagged ? 'primary' : undefined} disabled={busy} onClick={onRescan}>
          {t(page.source === 'camera' ? 'materials.page.retake' : 'materials.page.rescan')}
        </Button>
        <Button data-testid="page-delete" variant="danger" disabled={busy} onClick={onDelete}>
          {t('materials.page.delete')}
        </Button>
      </div>
    </li>
  );
}
