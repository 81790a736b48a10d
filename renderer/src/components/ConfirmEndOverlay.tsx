import { useTranslation } from 'react-i18next';
import { useApp } from '../stores/index.js';
import { Button } from './Button.js';
import { Dialog } from './Dialog.js';

/**
 * "End now? What you entered will be cleared." asked once before a session ends by the resident's choice. At the end
 * of a journey the flow itself ends it (so it is recorded as completed); anywhere else the session is canceled.
 */
export function ConfirmEndOverlay() {
  const { t } = useTranslation();
  const { stores, bridge } = useApp();
  const close = () => stores.navigation.setState({ overlay: null });
  const confirm = () => {
    close();
    const flow = stores.flow.getState().state;
    if (flow && flow.status === 'waiting' && flow.view.step === 'done')
      void bridge.call('flow.answer', { runId: flow.runId, seq: flow.seq, answer: { action: 'finish' } }).catch(() => undefined);
    else void bridge.call('session.end', { reason: 'canceled' }).catch(() => undefined);
  };
  return (
    <Dialog id="confirm-end" title={t('flow.confirmEnd.title')} testId="confirm-end">
      <p>{t('flow.confirmEnd.body')}</p>
      <div className="actions">
        <Button data-testid="confirm-end-no" autoFocus onClick={close}>
          {t('flow.confirmEnd.no')}
        </Button>
        <Button variant="danger" data-testid="confirm-end-yes" onClick={confirm}>
          {t('flow.confirmEnd.yes')}
        </Button>
      </div>
    </Dialog>
  );
}
