/**
 * The message catalogs (zh-CN first, en) and the language switch. Every label in the UI comes from
 * here; a key missing from a catalog is a type error.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en.ts';
import { zhCN, type Messages } from './zh-CN.ts';

export type Lang = 'zh' | 'en';
type Key = keyof Messages;

const catalogs: Record<Lang, Messages> = { zh: zhCN, en };

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** The message for a key, with {name} placeholders filled. */
  t(key: Key, vars?: Record<string, string | number>): string;
  /** Pick the language's side of a bilingual label from the API. */
  pick(label: { zh: string; en: string } | null | undefined): string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('huiqi.lang') === 'en' ? 'en' : 'zh'));
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('huiqi.lang', l);
    setLangState(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => catalogs[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? `{${k}}`)),
      pick: (label) => (label ? label[lang] : ''),
    }),
    [lang, setLang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
