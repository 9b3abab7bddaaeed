// The signed-in page: choose a plan and a date, see the scorecard of the current unit, drill down through
// its breakdown (province → district → commune → club), follow the key indicators over 12 months.
// Navigation starts at the units of the caller's scope and never goes above them.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-client';
import { Breakdown, BreakdownLine, DashboardApi, mapLimited, Selection } from '../api/dashboard-api';
import { IndicatorsAnswer, IsoDate, OrgUnitView, Plan, UnitSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { minDate, monthlyDates, today } from '../logic/dates';
import { UrlState } from '../logic/url-state';
import { Session } from '../session/session';
import { BreakdownView } from './BreakdownView';
import { ErrorNote } from './ErrorNote';
import { ExportButtons } from './ExportButtons';
import { Scorecard } from './Scorecard';
import { KEY_INDICATORS, Series, TimeSeries } from './TimeSeries';

interface View {
  unit: OrgUnitView;
  selection: Selection;
  answer?: IndicatorsAnswer;
  answerError?: unknown;
  breakdown?: Breakdown;
  breakdownError?: unknown;
}

const summary = (u: UnitSummary): UnitSummary => ({ code: u.code, name: u.name, level: u.level });
const settled = <T,>(result: PromiseSettledResult<T>) => (result.status === 'fulfilled' ? { value: result.value } : { error: result.reason as unknown });

export function Dashboard(props: { api: DashboardApi; session: Session; initial: UrlState; onState(state: UrlState): void }) {
  const { api, session, onState } = props;
  const { t, f } = useI18n();
  const isAdmin = session.roles.includes('admin');
  const roots = isAdmin || session.scope.length === 0 ? ['VN'] : session.scope;

  const [plans, setPlans] = useState<Plan[] | 'unavailable' | undefined>();
  const [asOf, setAsOf] = useState<IsoDate>(props.initial.asOf ?? today());
  const [plan, setPlan] = useState<Plan | undefined>();
  const [path, setPath] = useState<UnitSummary[]>([]);
  const [view, setView] = useState<View | undefined>();
  const [series, setSeries] = useState<Series | undefined>();
  const [club, setClub] = useState<BreakdownLine | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const loadId = useRef(0);

  /** The units from a scope root down to `code` on `asOf`; undefined when `code` lies outside the scope. */
  const resolvePath = useCallback(
    async (code: string, date: IsoDate): Promise<UnitSummary[] | undefined> => {
      const chain: UnitSummary[] = [];
      let current: string | undefined = code;
      for (let depth = 0; current !== undefined && depth < 8; depth++) {
        const unit: OrgUnitView = await api.orgUnit(current, date);
        chain.unshift(summary(unit));
        if (roots.includes(unit.code)) return chain;
        current = unit.parent?.code;
      }
      if (!isAdmin) return undefined;
      // An admin may open a unit that has ended (no parent on that date): the country stays above it.
      return chain[0]?.code === 'VN' ? chain : [summary(await api.orgUnit('VN', date)), ...chain];
    },
    [api, isAdmin],
  );

  const navigate = useCallback(
    async (code: string, date: IsoDate, chosenPlan: Plan | undefined, knownPath?: UnitSummary[]) => {
      const id = ++loadId.current;
      setLoading(true);
      setError(undefined);
      setClub(undefined);
      setSeries(undefined);
      const selection: Selection = { asOf: date, plan: chosenPlan };
      try {
        let chain = knownPath ?? (await resolvePath(code, date));
        if (!chain) chain = await resolvePath(roots[0], date); // outside the scope: back to its root
        if (!chain || chain.length === 0) throw new ApiError(403, code, undefined);
        const unit = await api.orgUnit(chain[chain.length - 1].code, date);
        // An ended unit has figures only as a plan's footprint; without a plan its successors are below.
        const ended = unit.status === 'ended' && chosenPlan === undefined;
        const [answer, breakdown] = await Promise.allSettled([
          ended ? Promise.resolve(undefined) : api.indicators(unit, selection),
          api.breakdown(unit, selection),
        ]);
        if (id !== loadId.current) return;
        const a = settled(answer);
        const b = settled(breakdown);
        setPath(chain);
        setAsOf(date);
        setPlan(chosenPlan);
        setView({ unit, selection, answer: a.value, answerError: a.error, breakdown: b.value, breakdownError: b.error });
        onState({ orgUnit: unit.code, asOf: date, plan: chosenPlan?.code });
        setLoading(false);
        // The series comes after: 12 reads that the scorecard need not wait for.
        const dates = monthlyDates(date);
        const answers = await mapLimited(dates, 4, (d) => api.indicators(unit, { ...selection, asOf: d }).catch(() => undefined));
        if (id !== loadId.current) return;
        const values: Series['values'] = {};
        for (const code of KEY_INDICATORS) {
          if (!answers.some((x) => x?.indicators.some((i) => i.code === code))) continue;
          values[code] = answers.map((x) => x?.indicators.find((i) => i.code === code)?.value ?? null);
        }
        setSeries({ dates, values });
      } catch (e) {
        if (id !== loadId.current) return;
        setError(e);
        setLoading(false);
      }
    },
    [api, resolvePath, onState],
  );

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const loaded = await api.plans().catch(() => 'unavailable' as const);
      if (cancelled) return;
      setPlans(loaded);
      const initialPlan = loaded === 'unavailable' ? undefined : loaded.find((p) => p.code === props.initial.plan);
      const start = props.initial.orgUnit ?? initialPlan?.orgUnitCode ?? roots[0];
      navigate(start, props.initial.asOf ?? (initialPlan ? minDate(initialPlan.end, today()) : today()), initialPlan);
    })();
    return () => {
      cancelled = true;
    };
    // once, on sign-in (the component is remounted for another session)
  }, []);

  const current = path[path.length - 1];
  const choosePlan = (code: string) => {
    const chosen = plans === 'unavailable' ? undefined : plans?.find((p) => p.code === code);
    if (chosen) navigate(chosen.orgUnitCode, minDate(chosen.end, today()), chosen);
    else if (current) navigate(current.code, asOf, undefined);
  };
  const open = (line: BreakdownLine) => {
    if (line.kind === 'club') setClub(line);
    else if (line.unit) navigate(line.unit.code, asOf, plan, [...path, summary(line.unit)]);
  };

  const unit = view?.unit;
  const caption = unit ? `${unit.name} — ${f.date(asOf)}${plan ? ` — ${plan.name}` : ''}` : '';
  return (
    <>
      <section className="panel controls" aria-label={t.scorecard}>
        <label>
          {t.plan}
          {plans === 'unavailable' ? (
            <span className="note" data-testid="plans-unavailable">{t.plansUnavailable}</span>
          ) : (
            <select value={plan?.code ?? ''} onChange={(e) => choosePlan(e.target.value)} data-testid="plan" disabled={!plans}>
              <option value="">{t.noPlan}</option>
              {(plans ?? []).map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name} ({f.date(p.start)} – {f.date(p.end)})
                </option>
              ))}
            </select>
          )}
        </label>
        <label>
          {t.asOf}
          <input
            type="date"
            value={asOf}
            data-testid="as-of"
            onChange={(e) => {
              if (e.target.value && current) navigate(current.code, e.target.value, plan);
            }}
          />
        </label>
        {roots.length > 1 && (
          <label>
            {t.scopeLabel}
            <select value={path[0]?.code ?? roots[0]} onChange={(e) => navigate(e.target.value, asOf, plan)} data-testid="root">
              {roots.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
        )}
      </section>

      <nav className="breadcrumb" aria-label={t.unit} data-testid="breadcrumb">
        <ol>
          {path.map((u, index) => (
            <li key={u.code}>
              {index === path.length - 1 && !club ? (
                <span aria-current="page">{u.name}</span>
              ) : (
                <button type="button" className="link" onClick={() => navigate(u.code, asOf, plan, path.slice(0, index + 1))}>
                  {u.name}
                </button>
              )}
            </li>
          ))}
          {club && (
            <li>
              <span aria-current="page">{club.name}</span>
            </li>
          )}
        </ol>
      </nav>

      {error !== undefined && <ErrorNote error={error} />}
      {loading && (
        <p className="note" role="status" data-testid="loading">
          {t.loading}
        </p>
      )}

      {!loading && unit && club && <ClubView line={club} onBack={() => setClub(undefined)} />}

      {!loading && unit && !club && view && (
        <>
          <section className="panel" aria-labelledby="unit-title">
            <h2 id="unit-title" data-testid="unit-title">
              {unit.name} <span className="level">({t.levels[unit.level]} · {unit.code})</span>
            </h2>
            {unit.status === 'ended' && <p className="note">{plan ? t.footprint : t.endedWithoutPlan}</p>}
            {view.answer && <Scorecard indicators={view.answer.indicators} caption={`${t.scorecard}: ${caption}`} />}
            {view.answerError !== undefined && <ErrorNote error={view.answerError} />}
            <ExportButtons api={api} unit={unit} selection={view.selection} />
          </section>
          {view.breakdown ? <BreakdownView breakdown={view.breakdown} onOpen={open} /> : <ErrorNote error={view.breakdownError} />}
          {series ? <TimeSeries series={series} /> : <p className="note">{t.loading}</p>}
        </>
      )}
    </>
  );
}

function ClubView(props: { line: BreakdownLine; onBack(): void }) {
  const { t, f } = useI18n();
  const { line } = props;
  return (
    <section className="panel" aria-labelledby="club-title" data-testid="club">
      <h2 id="club-title" data-testid="unit-title">
        {line.name} <span className="level">({t.club})</span>
      </h2>
      {line.club && (
        <p>
          {t.established}: {f.date(line.club.establishedOn)} · {t.commune}: {line.club.communeCode}
        </p>
      )}
      {line.indicators ? <Scorecard indicators={line.indicators} caption={`${t.scorecard}: ${line.name}`} /> : <p className="note">{t.clubFiguresUnavailable}</p>}
      <button type="button" onClick={props.onBack}>
        {t.back}
      </button>
    </section>
  );
}
