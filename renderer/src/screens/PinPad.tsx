import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/Button.js';
import { BridgeCallError } from '../bridge/client.js';
import { useTimeFormat } from '../i18n/useTimeFormat.js';
import { useApp } from '../stores/index.js';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'enter'] as const;

/** Technicians' PIN entry (on-screen pad; a hardware keypad's digits work too). */
export function PinPad() {
  const { t } = useTranslation();
  const format = useTimeFormat();
  const { stores, bridge } = useApp();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const submit = async () => {
    if (pin.length < 4) return;
    try {
      const r = await bridge.call('maintenance.unlock', { pin });
      setPin('');
      if (r.result === 'unlocked') stores.navigation.setState({ overlay: null });
      else if (r.result === 'rejected') setMessage(t('maintenance.wrongPin', { count: r.remainingAttempts }));
      else setMessage(t('maintenance.lockedOut', { time: format.dateTime(r.retryAt) }));
    } catch (e) {
      setMessage(t(e instanceof BridgeCallError ? e.error.messageKey : 'bridge.error.internal'));
    }
  };
  const press = (k: (typeof keys)[number]) => {
    if (k === 'clear') setPin('');
    else if (k === 'enter') void submit();
    else if (pin.length < 12) setPin(pin + k);
  };

  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="pin-title"
      data-focus-scope
      data-testid="pin-pad"
      onKeyDown={(e) => {
        if (/^\d$/.test(e.key)) press(e.key as (typeof keys)[number]);
        else if (e.key === 'Backspace') setPin(pin.slice(0, -1));
      }}
    >
      <h2 id="pin-title">{t('maintenance.pinTitle')}</h2>
      <div className="pin-dots" aria-live="polite" data-testid="pin-dots">
        {'●'.repeat(pin.length) || '\u00a0'}
      </div>
      {message && (
        <div className="banner" role="alert" data-testid="pin-message">
          {message}
        </div>
      )}
      <div className="pinpad">
        {keys.map((k, i) => (
          <Button
            key={k}
            autoFocus={i === 0}
            variant={k === 'enter' ? 'primary' : undefined}
            data-testid={`pin-${k}`}
            onClick={() => press(k)}
          >
            {k === 'clear' ? t('maintenance.clear') : k === 'enter' ? t('maintenance.enter') : k}
          </Button>
        ))}
      </div>
      <Button onClick={() => stores.navigation.setState({ overlay: null })}>{t('common.close')}</Button>
    </div>
  );
}
