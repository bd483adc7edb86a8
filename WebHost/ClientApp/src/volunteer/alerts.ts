// The alerts of live emergencies for this person (the volunteer scope's `alert:{emergencyId}` items), each answered
// with one tap. The answer names its emergency, never "the latest one", and is sent as the signed-in person: the
// live feed carries no reply tokens (others may watch it), those are for SMS links.
import { api } from '../shared/api';
import { rollCallStatusName, t } from '../shared/i18n';

interface VolunteerAlert {
  emergencyId: string;
  kind: 'alert' | 'update' | 'reminder' | 'postAsk' | 'escalation' | 'cancel' | 'end';
  mode: 'actual' | 'exercise' | 'test';
  level: string;
  headline: string;
  text: string;
  token: string | null;
  postId: string | null;
  sentAt: string;
}

const answers = ['acknowledged', 'enRoute', 'atPost', 'unavailable', 'needHelp'];
const answered = new Map<string, string>();

/** Renders the alerts among the items (newest first) and returns how many it showed. */
export function renderAlerts(container: HTMLElement, items: ReadonlyMap<string, unknown>, volunteerId: string): number {
  const alerts = [...items]
    .filter(([key]) => key.startsWith('alert:'))
    .map(([, item]) => item as VolunteerAlert)
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  container.replaceChildren(...alerts.map((alert) => card(container, items, alert, volunteerId)));
  return alerts.length;
}

function card(container: HTMLElement, items: ReadonlyMap<string, unknown>, alert: VolunteerAlert, volunteerId: string): HTMLElement {
  const section = document.createElement('section');
  section.className = `alert phone-panel level-${alert.level}`;
  section.dataset.emergency = alert.emergencyId;
  section.dataset.mode = alert.mode;
  section.innerHTML = '<h2><span class="badge"></span> <span class="headline"></span></h2><p class="text"></p><div class="answers"></div><p class="answered"></p>';
  section.querySelector('.badge')!.textContent = alert.mode === 'exercise' ? t('drill') : alert.mode === 'test' ? t('test') : '';
  section.querySelector('.headline')!.textContent = alert.headline;
  section.querySelector('.text')!.textContent = alert.text;
  const mine = answered.get(alert.emergencyId);
  section.querySelector('.answered')!.textContent = mine ? `${t('answered')}: ${rollCallStatusName(mine)}` : '';
  const closed = alert.kind === 'cancel' || alert.kind === 'end';
  section.querySelector('.answers')!.replaceChildren(
    ...(closed ? [] : answers).map((status) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.answer = status;
      button.className = status === mine ? 'chosen' : '';
      button.textContent = rollCallStatusName(status);
      button.addEventListener('click', async () => {
        await api(`/api/v1/emergencies/${encodeURIComponent(alert.emergencyId)}/responses`, {
          method: 'POST',
          body: JSON.stringify({ volunteerId, status, channel: 'web', requestId: crypto.randomUUID() }),
        });
        answered.set(alert.emergencyId, status);
        renderAlerts(container, items, volunteerId);
      });
      return button;
    }),
  );
  return section;
}
