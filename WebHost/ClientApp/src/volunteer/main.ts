// The volunteer's phone page: sign in, see alerts for me (marked 演练 in a drill), answer with one tap.
import '../shared/styles.css';
import './volunteer.css';
import { api, ApiError, devSignIn, storedToken, storeToken, type DashboardSettings } from '../shared/api';
import { applyTexts, currentLanguage, rollCallStatusName, setLanguage, t, volunteerStatusName } from '../shared/i18n';
import { LiveConnection } from '../shared/live';
import { alertCard, alertViews, isArchived } from './alerts';
import { loadOrders, renderOrders, type PersonOrders } from './orders';
import { AvailabilityForm } from './availability';
import { loadShifts, renderShifts, type PersonShifts } from './shifts';
import type { Mobilization, MobilizationLine, Person } from './types';

const idKey = 'lianxin.volunteer';
const answerStatuses = new Set(['acknowledged', 'enRoute', 'atPost', 'unavailable', 'needHelp']);
let items: ReadonlyMap<string, unknown> = new Map();
let mobilization: Mobilization | undefined;
let orders: PersonOrders = { mine: [], open: [] };
let shifts: PersonShifts = { mine: [], open: [] };

async function signIn(settings: DashboardSettings): Promise<string> {
  const remembered = sessionStorage.getItem(idKey);
  if (remembered && storedToken()) {
    return remembered;
  }

  const form = document.getElementById('sign-in') as HTMLFormElement;
  form.hidden = false;
  return new Promise((resolve) => {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const id = new FormData(form).get('id')!.toString().trim();
      try {
        if (!settings.devSignIn) {
          throw new Error('Demo sign-in is off on this server.');
        }

        await devSignIn('volunteer', id);
        sessionStorage.setItem(idKey, id);
        form.hidden = true;
        resolve(id);
      } catch (error) {
        form.querySelector('.error')!.textContent = error instanceof Error ? error.message : String(error);
      }
    });
  });
}

/** My status: my latest answer in a running emergency; else mobilized (alerted, not answered); else duty. */
function myStatus(person: Person): { status: string; text: string } {
  const running = (mobilization?.emergencies ?? []).filter((e) => e.phase === 'running');
  const answered = running
    .filter((e): e is MobilizationLine & { status: string } => e.status !== null && answerStatuses.has(e.status))
    .sort((a, b) => (b.answeredAt ?? '').localeCompare(a.answeredAt ?? ''));
  if (answered.length > 0) {
    return { status: answered[0].status, text: rollCallStatusName(answered[0].status) };
  }

  if (running.some((e) => e.status !== null)) {
    return { status: 'mobilized', text: t('mobilized') };
  }

  return { status: person.live.status, text: volunteerStatusName(person.live.status) };
}

function render(person: Person, onAnswered: (emergencyId: string, status: string) => Promise<void>): void {
  document.getElementById('name')!.textContent = person.profile.name;
  const grid = document.getElementById('grid')!;
  grid.textContent = mobilization?.homeGridName ?? person.profile.homeGridId;
  grid.title = person.profile.homeGridId;
  document.getElementById('center')!.textContent = mobilization?.homeCenterName ?? '';

  const lines = new Map((mobilization?.emergencies ?? []).map((e) => [e.emergencyId, e]));
  const views = alertViews(items, lines);
  const live = views.filter((v) => !isArchived(v));
  const archived = views.filter(isArchived);
  document.getElementById('alerts')!.replaceChildren(...live.map((v) => alertCard(v, person.id, onAnswered)));
  document.getElementById('no-alert')!.hidden = live.length > 0;
  const archive = document.getElementById('archive') as HTMLDetailsElement;
  archive.hidden = archived.length === 0;
  archive.querySelector('.n')!.textContent = String(archived.length);
  archive.querySelector('.list')!.replaceChildren(...archived.map((v) => alertCard(v, person.id, onAnswered)));

  renderOrders(orders, person.id, async () => onAnswered('', ''));
  renderShifts(shifts, person.id, async () => onAnswered('', ''));

  const { status, text } = myStatus(person);
  const element = document.getElementById('status')!;
  element.dataset.status = status;
  element.textContent = text;
}

async function main(): Promise<void> {
  applyTexts();
  const settings = await api<DashboardSettings>('/api/v1/dashboard/settings');
  const id = await signIn(settings);
  let person = await api<Person>(`/api/v1/volunteers/${encodeURIComponent(id)}`);
  document.getElementById('me')!.hidden = false;
  let redraw = (): void => {};
  document.getElementById('language')!.addEventListener('click', () => {
    setLanguage(currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN');
    redraw();
  });
  document.getElementById('sign-out')!.addEventListener('click', () => {
    storeToken(null);
    sessionStorage.removeItem(idKey);
    location.reload();
  });

  // Every read of the page's state; a slower, older answer never overwrites a newer one.
  let reads = 0;
  const refresh = async (): Promise<void> => {
    const read = ++reads;
    const [fresh, page, mine, rota] = await Promise.all([
      api<Person>(`/api/v1/volunteers/${encodeURIComponent(id)}`),
      api<Mobilization>(`/api/v1/volunteers/${encodeURIComponent(id)}/mobilization`),
      loadOrders(id),
      loadShifts(id),
    ]);
    if (read === reads) {
      person = fresh;
      mobilization = page;
      orders = mine;
      shifts = rota;
      render(person, onAnswered);
    }
  };
  const onAnswered = async (): Promise<void> => refresh();
  redraw = () => render(person, onAnswered);

  const live = new LiveConnection(() => storedToken() ?? '');
  await live.start();
  await live.subscribe(`volunteer:${id}`, (current) => {
    items = current;
    render(person, onAnswered);
    void refresh();
  });
  await refresh();
  // Availability is the person's own edit, not live state: read once, and again after each save.
  await new AvailabilityForm(id).load();
  // An ask can expire and an emergency can close without a message to me: look again when the phone wakes up, and
  // now and then while something is open.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      void refresh();
    }
  });
  setInterval(() => {
    if (document.querySelector('#alerts .alert') !== null) {
      void refresh();
    }
  }, 30_000);
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  if (error instanceof ApiError && [401, 403, 404].includes(error.status)) {
    // A token for someone who does not exist (or expired): sign in afresh on the next load.
    storeToken(null);
    sessionStorage.removeItem(idKey);
  }

  document.body.dataset.error = String(error);
  const message = document.createElement('p');
  message.className = 'error phone-panel';
  message.textContent = `${t('error')}: ${error instanceof Error ? error.message : String(error)}`;
  document.body.append(message);
});
