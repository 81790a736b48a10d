import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../stores/index.js';
import { guideView } from './localized.js';

/**
 * A matter's name in the session's language for screens that hold only its id and Chinese name (a journey's title):
 * asks the catalog for the translation once; the Chinese name until it answers, or when there is none.
 */
export function useMatterName(matter: { id: string; name: string } | null): string | null {
  const { i18n } = useTranslation();
  const { bridge } = useApp();
  const language = i18n.language;
  const [translated, setTranslated] = useState<{ id: string; language: string; name: string } | null>(null);
  const id = matter?.id ?? null;
  useEffect(() => {
    if (!id || language.startsWith('zh')) return;
    let live = true;
    bridge.call('catalog.matter', { id }).then(
      (r) => {
        if (live && r.matter) setTranslated({ id, language, name: guideView(r.matter, language).name });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [bridge, id, language]);
  if (!matter) return null;
  return translated && translated.id === matter.id && translated.language === language ? translated.name : matter.name;
}
