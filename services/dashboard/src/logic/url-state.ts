// The page's choices live in its address (?orgUnit=849&asOf=2025-06-30&plan=…&lang=en), so a view can be
// bookmarked or sent to a colleague, and the launcher can print a link that opens the Trà Cú scorecard.
import { IsoDate } from '../api/types';
import { Language } from '../i18n/messages';
import { isIsoDate } from './dates';

export interface UrlState {
  orgUnit?: string;
  asOf?: IsoDate;
  plan?: string;
  lang?: Language;
}

export function readUrlState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const asOf = text('asOf');
  const lang = text('lang');
  return {
    orgUnit: text('orgUnit'),
    asOf: isIsoDate(asOf) ? asOf : undefined,
    plan: text('plan'),
    lang: lang === 'en' || lang === 'vi' ? lang : undefined,
  };
}

export function urlSearch(state: UrlState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
