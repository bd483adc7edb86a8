// The volunteer's phone page: sign in, see alerts for me (marked 演练 in a drill), answer with one tap.
import '../shared/styles.css';
import './volunteer.css';
import { api, ApiError, devSignIn, storedToken, storeToken, type DashboardSettings } from '../shared/api';
import { applyTexts, currentLanguage, setLanguage, t, volunteerStatusName } from '../shared/i18n';
import { LiveConnection } from '../shared/live';
import { renderAlerts } from './alerts';

interface Person {
  id: string;
  profile: { name: string; homeGridId: string };
  live: { status: string; centerId: string | null };
}

const idKey = 'lianxin.volunteer';
let items: ReadonlyMap<string, unknown> = new Map();

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

function render(person: Person): void {
  document.getElementById('name')!.textContent = person.profile.name;
  document.getElementById('grid')!.textContent = person.profile.homeGridId;
  const shown = renderAlerts(document.getElementById('alerts')!, items, person.id);
  document.getElementById('no-alert')!.hidden = shown > 0;
  const status = document.getElementById('status')!;
  status.dataset.status = person.live.status;
  status.textContent = volunteerStatusName(person.live.status);
}

async function main(): Promise<void> {
  applyTexts();
  const settings = await api<DashboardSettings>('/api/v1/dashboard/settings');
  const id = await signIn(settings);
  let person = await api<Person>(`/api/v1/volunteers/${encodeURIComponent(id)}`);
  document.getElementById('me')!.hidden = false;
  document.getElementById('language')!.addEventListener('click', () => {
    setLanguage(currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN');
    render(person);
  });
  document.getElementById('sign-out')!.addEventListener('click', () => {
    storeToken(null);
    sessionStorage.removeItem(idKey);
    location.reload();
  });

  const live = new LiveConnection(() => storedToken() ?? '');
  await live.start();
  await live.subscribe(`volunteer:${id}`, async (current) => {
    items = current;
    person = await api<Person>(`/api/v1/volunteers/${encodeURIComponent(id)}`);
    render(person);
  });
  render(person);
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
