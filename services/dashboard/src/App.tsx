// The page: a header with the language switch and who is signed in, then either the sign-in form or the
// dashboard. Vietnamese by default; the choice is kept in the address (?lang=en) and this browser.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiClient } from './api/api-client';
import { DashboardApi } from './api/dashboard-api';
import { IndicatorDefinition } from './api/types';
import { Dashboard } from './components/Dashboard';
import { SignIn } from './components/SignIn';
import { I18nProvider, useI18n } from './i18n/i18n';
import { Language, MESSAGES } from './i18n/messages';
import { readUrlState, urlSearch, UrlState } from './logic/url-state';
import { saveSession, savedSession, Session } from './session/session';

const LANGUAGE_KEY = 'ishc.dashboard.lang';

export function App() {
  const [initial] = useState<UrlState>(() => readUrlState(window.location.search));
  const [language, setLanguage] = useState<Language>(() => initial.lang ?? (localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi'));
  const [session, setSession] = useState<Session | undefined>(() => savedSession());
  const [definitions, setDefinitions] = useState<IndicatorDefinition[]>([]);
  const [urlState, setUrlState] = useState<UrlState>(initial);
  const api = useMemo(() => (session ? new DashboardApi(new ApiClient(session.token)) : undefined), [session]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = `${MESSAGES[language].appTitle} — ${MESSAGES[language].appSubtitle}`;
    localStorage.setItem(LANGUAGE_KEY, language);
  }, [language]);

  useEffect(() => {
    const search = urlSearch({ ...urlState, lang: language });
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
  }, [urlState, language]);

  useEffect(() => {
    setDefinitions([]);
    api?.definitions().then(setDefinitions, () => setDefinitions([]));
  }, [api]);

  const signIn = (next: Session | undefined) => {
    saveSession(next);
    setSession(next);
  };
  const onState = useCallback((state: UrlState) => setUrlState(state), []);

  return (
    <I18nProvider language={language} definitions={definitions}>
      <Header language={language} onLanguage={setLanguage} session={session} onSignOut={() => signIn(undefined)} />
      <main>
        {session && api ? (
          <Dashboard key={session.token} api={api} session={session} initial={urlState} onState={onState} />
        ) : (
          <SignIn onSignedIn={signIn} />
        )}
      </main>
    </I18nProvider>
  );
}

function Header(props: { language: Language; onLanguage(language: Language): void; session?: Session; onSignOut(): void }) {
  const { t } = useI18n();
  return (
    <header className="top">
      <div className="brand">
        <h1>{t.appTitle}</h1>
        <p>{t.appSubtitle}</p>
      </div>
      <div className="top-actions">
        <div role="group" aria-label={t.language} className="language">
          {(['vi', 'en'] as const).map((l) => (
            <button
              type="button"
              key={l}
              aria-pressed={props.language === l}
              onClick={() => props.onLanguage(l)}
              data-testid={`lang-${l}`}
              lang={l}
            >
              {l === 'vi' ? 'Tiếng Việt' : 'English'}
            </button>
          ))}
        </div>
        {props.session && (
          <div className="who" data-testid="who">
            {t.signedInAs} {props.session.roles.map((r) => (r in t.roles ? t.roles[r as keyof typeof t.roles] : r)).join(', ')} ·{' '}
            {props.session.scope.join(', ') || '—'}
            <button type="button" onClick={props.onSignOut} data-testid="sign-out">
              {t.signOut}
            </button>
          </div>
        )}
        <a href="/api/docs">{t.apiDocs}</a>
      </div>
    </header>
  );
}
