// The language of the page and everything that depends on it, for every component.
import { createContext, ReactNode, useContext, useMemo } from 'react';
import { IndicatorDefinition } from '../api/types';
import { formats, Formats, Unit } from './format';
import { Language, Messages, MESSAGES } from './messages';

export interface I18n {
  language: Language;
  t: Messages;
  f: Formats;
  /** The indicator's name in the page's language (its code when reporting does not define it). */
  indicatorName(code: string): string;
  indicatorUnit(code: string): Unit;
}

const I18nContext = createContext<I18n | undefined>(undefined);

/** Without a definition, a code's suffix tells its unit (ISHC.md §6 naming: `_pct`, `_vnd`). */
export function unitFromCode(code: string): Unit {
  if (code.endsWith('_pct')) return 'percent';
  if (code.endsWith('_vnd')) return 'vnd';
  return 'count';
}

export function I18nProvider(props: { language: Language; definitions: IndicatorDefinition[]; children: ReactNode }) {
  const { language, definitions } = props;
  const value = useMemo<I18n>(() => {
    const byCode = new Map(definitions.map((d) => [d.code, d]));
    return {
      language,
      t: MESSAGES[language],
      f: formats(language),
      indicatorName: (code) => byCode.get(code)?.names[language] ?? code,
      indicatorUnit: (code) => byCode.get(code)?.unit ?? unitFromCode(code),
    };
  }, [language, definitions]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
