// Sign-in for the embedded mode: a role and a scope become a dev token (POST /api/auth/dev-token).
// Where dev tokens are off, an access token obtained elsewhere can be pasted instead.
import { FormEvent, useState } from 'react';
import { ApiError } from '../api/api-client';
import { useI18n } from '../i18n/i18n';
import { Role, ROLES } from '../i18n/messages';
import { decodeSession, requestDevToken, Session } from '../session/session';
import { describeError } from './ErrorNote';

/** Org units offered in the scope picker (the built-in reference data); any other code may be typed. */
const SCOPE_SUGGESTIONS: Array<[string, string]> = [
  ['VN', 'Việt Nam'],
  ['84', 'Tỉnh Trà Vinh (→ 30/06/2025)'],
  ['849', 'Huyện Trà Cú (→ 30/06/2025)'],
  ['29461', 'Thị trấn Trà Cú'],
  ['29467', 'Xã Tập Sơn'],
  ['86', 'Tỉnh Vĩnh Long'],
  ['V86-TRACU', 'Xã Trà Cú (từ 01/07/2025)'],
];

const DEFAULT_SCOPE: Record<Role, string> = {
  admin: 'VN',
  province_officer: '84',
  district_officer: '849',
  commune_officer: '29461',
  auditor: '849',
};

export function SignIn(props: { onSignedIn(session: Session): void }) {
  const { t } = useI18n();
  const [role, setRole] = useState<Role>('admin');
  const [scope, setScope] = useState(DEFAULT_SCOPE.admin);
  const [pasted, setPasted] = useState('');
  const [devTokensOff, setDevTokensOff] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const codes = scope.split(/[\s,;]+/).filter(Boolean);
      props.onSignedIn(await requestDevToken(`dashboard-${role}`, [role], codes));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setDevTokensOff(true);
      else setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };
  const usePasted = (event: FormEvent) => {
    event.preventDefault();
    const session = decodeSession(pasted.trim());
    if (session) props.onSignedIn(session);
    else setError(`${t.error}: JWT`);
  };

  return (
    <section className="panel sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t.signInTitle}</h2>
      {devTokensOff ? <p className="note note-error">{t.devTokensOff}</p> : <p className="note">{t.signInHelp}</p>}
      {!devTokensOff && (
        <form onSubmit={submit} className="form-grid">
          <label>
            {t.role}
            <select
              value={role}
              onChange={(e) => {
                const next = e.target.value as Role;
                setRole(next);
                setScope(DEFAULT_SCOPE[next]);
              }}
              data-testid="role"
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t.roles[r]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.scope}
            <input value={scope} onChange={(e) => setScope(e.target.value)} list="scope-suggestions" data-testid="scope" required />
            <datalist id="scope-suggestions">
              {SCOPE_SUGGESTIONS.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </datalist>
          </label>
          <button type="submit" disabled={busy} data-testid="sign-in">
            {t.signIn}
          </button>
        </form>
      )}
      <details open={devTokensOff}>
        <summary>{t.pasteToken}</summary>
        <form onSubmit={usePasted} className="form-grid">
          <textarea value={pasted} onChange={(e) => setPasted(e.target.value)} rows={3} aria-label={t.pasteToken} />
          <button type="submit">{t.useToken}</button>
        </form>
      </details>
      {error && (
        <p className="note note-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
