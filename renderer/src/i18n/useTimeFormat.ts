import { useTranslation } from 'react-i18next';
import { useApp, useSlice } from '../stores/index.js';
import { FALLBACK_TIME_ZONE, formatDate, formatDateTime, formatTime } from './format.js';

type When = Date | string | number;

/** The time formatters bound to the terminal's time zone and the session's language. */
export function useTimeFormat() {
  const { i18n } = useTranslation();
  const { stores } = useApp();
  const timeZone = useSlice(stores.terminal, (s) => s.info?.timeZone ?? FALLBACK_TIME_ZONE);
  const lang = i18n.language;
  return {
    timeZone,
    time: (at: When, opts?: { seconds?: boolean }) => formatTime(at, timeZone, opts),
    date: (at: When, opts?: { weekday?: boolean }) => formatDate(at, timeZone, lang, opts),
    dateTime: (at: When, opts?: { seconds?: boolean }) => formatDateTime(at, timeZone, lang, opts),
  };
}
