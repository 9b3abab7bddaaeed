// The dashboard in a real browser (headless Chromium) against the embedded platform with the Trà Cú demo
// data: the scorecard shows what the API computes, the drill-down reaches a club, English is one click
// away, a phone gets a usable page, a commune officer sees only their commune, and nothing comes from the
// internet. Screenshots go to tests/browser/screenshots/ (git-ignored) for a person to look at.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { describeWithBrowser, launchChromium } from './support/chromium';
import { EmbeddedPlatform, seedDemoData, startEmbeddedPlatform } from './support/embedded-platform';

const SCREENSHOTS = path.join(__dirname, 'screenshots');
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
/** Each step waits for pages and API reads on a machine that may be busy. */
const STEP_MS = 120_000;

interface Indicator {
  code: string;
  value: number | null;
  numerator: number;
  denominator: number | null;
  target?: { op: string; value: number };
  met?: boolean;
}
interface Definition {
  code: string;
  names: { vi: string; en: string };
  unit: 'percent' | 'count' | 'vnd';
}
interface ScorecardRow {
  code: string;
  name: string;
  value: string;
  ratio: string;
  verdict: string;
  verdictText: string;
}

/** The figures as a Vietnamese (or English) reader expects them — written independently of the app's code. */
function expected(value: number | null, unit: Definition['unit'], locale = 'vi-VN'): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} %`;
  if (unit === 'vnd') return new Intl.NumberFormat(locale, { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(locale).format(value);
}
const spaces = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What the callbacks run in the page see of an element (the root tsconfig has Node's types, not the DOM's:
 * the page's own code is typechecked with services/dashboard/tsconfig.json).
 */
interface PageElement {
  dataset: Record<string, string | undefined>;
  textContent: string | null;
  firstChild: PageElement | null;
  querySelector(selector: string): PageElement | null;
}

/** Waits until the page's title names `text`. */
function titleContains(page: Page, text: string): Promise<void> {
  return page.locator('[data-testid=unit-title]', { hasText: text }).waitFor();
}

/** Waits until the page is in `language` (locators, not string predicates: the page's CSP forbids eval). */
function languageIs(page: Page, language: string): Promise<void> {
  return page.locator(`html[lang=${language}]`).waitFor({ state: 'attached' });
}

async function scorecardRows(page: Page): Promise<ScorecardRow[]> {
  return page.$$eval('[data-testid=scorecard] tbody tr', (rows: PageElement[]) =>
    rows.map((r) => {
      const cell = (field: string) => r.querySelector(`[data-field=${field}]`)?.textContent ?? '';
      const badge = r.querySelector('[data-verdict]');
      return {
        code: r.dataset.indicator ?? '',
        name: r.querySelector('th')?.firstChild?.textContent ?? '',
        value: cell('value'),
        ratio: cell('ratio'),
        verdict: badge?.dataset.verdict ?? '',
        verdictText: badge?.textContent ?? '',
      };
    }),
  );
}

async function signIn(page: Page, role?: string): Promise<void> {
  await page.waitForSelector('[data-testid=sign-in]');
  if (role) await page.selectOption('[data-testid=role]', role);
  await page.click('[data-testid=sign-in]');
  await page.waitForSelector('[data-testid=scorecard]');
}

async function unitTitle(page: Page): Promise<string> {
  return spaces((await page.textContent('[data-testid=unit-title]')) ?? '');
}

async function openLine(page: Page, name: string, expectedTitle: string): Promise<void> {
  await page.click(`[data-testid=breakdown] tbody th button:text-is("${name}")`);
  await titleContains(page, expectedTitle);
  await page.waitForSelector('[data-testid=scorecard]');
}

describeWithBrowser('dashboard in headless Chromium, embedded platform with the Trà Cú demo', () => {
  let platform: EmbeddedPlatform | undefined;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let demoUrl: string;
  let adminToken: string;
  let definitions: Map<string, Definition>;
  const requested: string[] = [];

  const api = async <T>(pathAndQuery: string, token = adminToken): Promise<T> => {
    const res = await fetch(`${platform?.gatewayUrl}${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`${pathAndQuery}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    platform = await startEmbeddedPlatform();
    const running = platform;
    const outcome = await seedDemoData(running.gatewayUrl).catch((error: Error) => {
      throw new Error(`${error.message}\nerrors the services logged:\n${running.errorLogs()}`);
    });
    expect(outcome).toMatchObject({ seeded: true, clubs: 11 });
    demoUrl = outcome.url;
    adminToken = await platform.token();
    definitions = new Map((await api<Definition[]>('/api/reporting/indicator-definitions')).map((d) => [d.code, d]));
    browser = await launchChromium();
    context = await browser.newContext({ viewport: LAPTOP, locale: 'vi-VN', acceptDownloads: true });
    page = await context.newPage();
    page.on('request', (r) => requested.push(r.url()));
  }, 600_000); // the demo is ~3,300 writes: minutes on a busy 2-core machine

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  }, 60_000);

  it('opens the printed link on the sign-in form, in Vietnamese', async () => {
    expect(demoUrl).toMatch(/\/\?orgUnit=849&asOf=2025-06-30/);
    await page.goto(demoUrl.replace(/^http:\/\/localhost:\d+/, platform?.gatewayUrl ?? ''));
    await page.waitForSelector('[data-testid=sign-in]');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await page.textContent('[data-testid=sign-in]')).toBe('Đăng nhập');
  }, STEP_MS);

  it('shows the Trà Cú scorecard exactly as the API computes it: value, ratio, target and verdict in words', async () => {
    await signIn(page);
    expect(await unitTitle(page)).toContain('Huyện Trà Cú');
    const plan = new URL(demoUrl).searchParams.get('plan');
    const answer = await api<{ indicators: Indicator[] }>(`/api/reporting/indicators?orgUnit=849&asOf=2025-06-30${plan ? `&plan=${plan}` : ''}`);
    const rows = await scorecardRows(page);
    expect(rows.map((r) => r.code)).toEqual(answer.indicators.map((i) => i.code));
    for (const indicator of answer.indicators) {
      const row = rows.find((r) => r.code === indicator.code) as ScorecardRow;
      const unit = definitions.get(indicator.code)?.unit ?? 'count';
      expect(row.name).toBe(definitions.get(indicator.code)?.names.vi ?? indicator.code);
      expect(spaces(row.value)).toBe(spaces(expected(indicator.value, unit)));
      const ratio = indicator.denominator === null ? expected(indicator.numerator, 'count') : `${expected(indicator.numerator, 'count')} / ${expected(indicator.denominator, 'count')}`;
      expect(spaces(row.ratio)).toBe(ratio);
      if (indicator.target) {
        expect(row.verdict).toBe(indicator.met ? 'met' : 'not_met');
        expect(row.verdictText).toContain(indicator.met ? 'Đạt' : 'Chưa đạt');
      } else {
        expect(row.verdictText).toContain('Không có chỉ tiêu');
      }
    }
    // The demo itself: 11 clubs in 9 of the district's 17 communes on its last day.
    expect(rows.find((r) => r.code === 'clubs_active')?.value).toBe('11');
    expect(rows.find((r) => r.code === 'communes_with_club_pct')?.ratio).toBe('9 / 17');
    await page.waitForSelector('[data-testid=series] figure');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tra-cu-scorecard-1366x768.png') });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tra-cu-full-page.png'), fullPage: true });
  }, STEP_MS);

  it('drills down province → district → commune → club, with a breakdown table and a bar chart at each level', async () => {
    await page.click('[data-testid=breadcrumb] button:text-is("Tỉnh Trà Vinh")');
    await titleContains(page, 'Tỉnh Trà Vinh');
    await page.waitForSelector('[data-testid=breakdown]');
    const districts = await page.locator('[data-testid=breakdown] tbody tr').count();
    expect(districts).toBe(9);
    expect(await page.locator('[data-testid=bar-chart] [data-bar]').count()).toBe(districts);

    await openLine(page, 'Huyện Trà Cú', 'Huyện Trà Cú');
    expect(await page.locator('[data-testid=breakdown] tbody tr').count()).toBe(17);

    await openLine(page, 'Thị trấn Trà Cú', 'Thị trấn Trà Cú');
    const clubs = await api<Array<{ id: string; name: string }>>('/api/registry/clubs?orgUnit=29461&asOf=2025-06-30');
    expect(clubs).toHaveLength(2);
    const lines = await page.$$eval('[data-testid=breakdown] tbody tr', (rows: PageElement[]) => rows.map((r) => r.dataset.line));
    expect(lines.sort()).toEqual(clubs.map((c) => c.id).sort());
    expect(await page.locator('[data-testid=bar-chart] [data-bar]').count()).toBe(2);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'commune-clubs.png'), fullPage: true });

    const club = clubs[0];
    await page.click(`[data-testid=breakdown] tr[data-line="${club.id}"] th button`);
    await page.waitForSelector('[data-testid=club] [data-testid=scorecard]');
    expect(await unitTitle(page)).toContain(club.name);
    const members = (await scorecardRows(page)).find((r) => r.code === 'members_active')?.value;
    const breakdown = await api<{ rows: Array<{ clubId: string; indicators: Indicator[] }> }>(
      '/api/reporting/indicators/breakdown?orgUnit=29461&asOf=2025-06-30&by=club',
    ).catch(() => undefined);
    const expectedMembers = breakdown?.rows.find((r) => r.clubId === club.id)?.indicators.find((i) => i.code === 'members_active')?.value;
    if (expectedMembers !== undefined) expect(members).toBe(expected(expectedMembers ?? null, 'count'));
    await page.click('[data-testid=breadcrumb] button:text-is("Huyện Trà Cú")');
    await titleContains(page, 'Huyện Trà Cú');
  }, STEP_MS);

  it('switches to English: words, indicator names and number formats', async () => {
    await page.click('[data-testid=lang-en]');
    await languageIs(page, 'en');
    expect(await page.textContent('h1')).toBe('Intergenerational Self-Help Clubs');
    expect(await page.textContent('[data-testid=scorecard] thead th')).toBe('Indicator');
    const row = (await scorecardRows(page)).find((r) => r.code === 'communes_with_club_pct') as ScorecardRow;
    expect(row.name).toBe(definitions.get('communes_with_club_pct')?.names.en);
    expect(spaces(row.value)).toBe('52.9 %');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tra-cu-english.png') });
    await page.click('[data-testid=lang-vi]');
    await languageIs(page, 'vi');
    expect(spaces((await scorecardRows(page)).find((r) => r.code === 'communes_with_club_pct')?.value ?? '')).toBe('52,9 %');
  }, STEP_MS);

  it('offers the exports: a file, or a clear message while the server has none', async () => {
    const download = page.waitForEvent('download', { timeout: 15_000 }).catch(() => undefined);
    await page.click('[data-testid=export-csv]');
    const message = spaces((await (await page.waitForSelector('[data-testid=export-message]')).textContent()) ?? '');
    if (message.startsWith('Đã tải tệp')) expect((await download)?.suggestedFilename()).toMatch(/\.csv$/);
    else expect(message).toBe('Máy chủ này chưa có chức năng xuất dữ liệu (404).');
  }, STEP_MS);

  it('is usable on a phone: one column, nothing wider than the screen', async () => {
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(200); // one layout pass
    const widths = await page.evaluate<{ page: number; screen: number }>('({ page: document.documentElement.scrollWidth, screen: window.innerWidth })');
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    expect(await page.isVisible('[data-testid=scorecard] [data-indicator=clubs_active] [data-verdict]')).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tra-cu-phone.png') });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tra-cu-phone-full-page.png'), fullPage: true });
    await page.setViewportSize(LAPTOP);
  }, STEP_MS);

  it('shows a commune officer only their commune, even when the link names the district', async () => {
    const officer = await browser.newContext({ viewport: LAPTOP, locale: 'vi-VN' });
    const officerPage = await officer.newPage();
    officerPage.on('request', (r) => requested.push(r.url()));
    await officerPage.goto(`${platform?.gatewayUrl}/?orgUnit=849&asOf=2025-06-30`);
    await officerPage.selectOption('[data-testid=role]', 'commune_officer');
    expect(await officerPage.inputValue('[data-testid=scope]')).toBe('29461');
    await signIn(officerPage);
    expect(await unitTitle(officerPage)).toContain('Thị trấn Trà Cú');
    const crumbs = await officerPage.$$eval('[data-testid=breadcrumb] li', (items: PageElement[]) => items.map((i) => i.textContent));
    expect(crumbs).toEqual(['Thị trấn Trà Cú']);
    expect(await officerPage.isVisible('text=Huyện Trà Cú')).toBe(false);
    // What the page leaves out, the API refuses.
    const token = await platform?.token(['commune_officer'], ['29461']);
    const district = await fetch(`${platform?.gatewayUrl}/api/reporting/indicators?orgUnit=849&asOf=2025-06-30`, { headers: { authorization: `Bearer ${token}` } });
    expect(district.status).toBe(403);
    await officerPage.screenshot({ path: path.join(SCREENSHOTS, 'commune-officer.png') });
    await officer.close();
  }, STEP_MS);

  it('loads everything from the gateway, nothing from the internet', () => {
    const origin = new URL(platform?.gatewayUrl ?? '').origin;
    const elsewhere = requested.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(requested.length).toBeGreaterThan(10);
    expect(elsewhere).toEqual([]);
  }, STEP_MS);
});
