import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../stores/index.js';
import { greetingKey } from '../stores/identity.js';

/**
 * The identify step: where to place the card, live reading states, privacy notice, the resident's name with a
 * masked number, and guidance for every failure. A flow step any matter can require; the home screen shows it too.
 */
export function IdentifyStep() {
  const { t } = useTranslation();
  const { stores, bridge } = useApp();
  const identity = useSlice(stores.identity, (s) => s);
  // the UI drops its copy when a session ends; what the reader holds (a card left on it) outlives the session
  useEffect(() => {
    void bridge.call('identity.current', {}).then(
      (snap) => stores.identity.setState(snap, true),
      () => undefined,
    );
  }, [bridge, stores]);
  const hotline = useSlice(stores.terminal, (s) => s.info?.hotline ?? '12345');
  const { state, person, messageKey, readerAvailable, cardOnReader, socialSecurityAvailable } = identity;

  if (state === 'read' && person) {
    const name = person.name ?? person.englishName ?? '';
    return (
      <section
        className="panel identify identify-read"
        data-testid="identify"
        data-state="read"
        data-card-on-reader={cardOnReader}
        aria-live="polite"
      >
        {person.photo ? (
          <img className="id-photo" src={person.photo} alt={t('identify.photoPlaceholder')} />
        ) : (
          <div className="id-photo id-photo-placeholder" role="img" aria-label={t('identify.photoPlaceholder')} />
        )}
        <div>
          <div className="greeting" data-testid="identify-greeting">
            {t(greetingKey(person.age), { name })}
          </div>
          <div className="muted">
            {t(`identify.cardType.${person.cardType}`)} · {t('identify.idNumber')}{' '}
            <span data-testid="identify-masked-id" dir="ltr">
              {person.maskedIdNumber}
            </span>
          </div>
          {cardOnReader && <div className="muted">{t('identify.takeCard')}</div>}
        </div>
      </section>
    );
  }

  // an unavailable reader outranks any earlier message: it is what the resident must act on now
  const problem = readerAvailable
    ? messageKey
    : socialSecurityAvailable
      ? 'identify.error.useSocialSecurity'
      : 'identify.error.readerOffline';
  // a card lies on the reader that it will not read again (left from before, or failed for good): lift and replace
  const liftAndReplace = readerAvailable && cardOnReader && messageKey === 'identify.liftAndReplace';
  const title = !readerAvailable
    ? t('identify.unavailableTitle')
    : state === 'reading'
      ? t('identify.reading')
      : liftAndReplace
        ? t('identify.liftAndReplaceTitle')
        : t('identify.placeCard');
  return (
    <section
      className="panel identify"
      data-testid="identify"
      data-state={readerAvailable ? state : 'unavailable'}
      data-card-on-reader={cardOnReader}
      data-lift-and-replace={liftAndReplace}
      aria-live="polite"
    >
      {readerAvailable && (
        <div className={`card-reader-illustration ${state === 'reading' ? 'is-reading' : ''}`} aria-hidden="true">
          <div className="reader-pad" />
          <div className="id-card-shape" />
        </div>
      )}
      <div>
        <div className="identify-title">{title}</div>
        {problem && (
          <div className="banner" role="alert" data-testid="identify-message">
            {t(problem, { hotline })}
          </div>
        )}
        {socialSecurityAvailable && readerAvailable && <p data-testid="identify-social-security">{t('identify.orSocialSecurity')}</p>}
        <p className="muted">{t('identify.privacy')}</p>
      </div>
    </section>
  );
}
