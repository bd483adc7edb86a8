// The alerts of emergencies for this person (the volunteer scope's `alert:{emergencyId}` items, and for a grid lead
// `escalation:{emergencyId}`), each answered with one tap. The answer names its emergency, never "the latest one",
// and is sent as the signed-in person: the live feed carries no reply tokens (others may watch it), those are for
// SMS links. What the person answered, and whether a post they were asked for is still theirs, comes from the server
// (GET /api/v1/volunteers/{id}/mobilization), so a reload forgets nothing.
import { api } from '../shared/api';
import { rollCallStatusName, t } from '../shared/i18n';
import type { MobilizationLine, VolunteerAlert } from './types';

const answers = ['acknowledged', 'enRoute', 'atPost', 'unavailable', 'needHelp'];
const answerStatuses = new Set(answers);

/** The digits are for SMS and keypads; on the page the buttons say the same. */
export function withoutReplyDigits(text: string): string {
  return text.replace(/[（(]\s*回复\s*1[^）)]*[）)]/g, '').trim();
}

export interface AlertView {
  alert: VolunteerAlert;
  line: MobilizationLine | undefined;
  escalation: boolean;
}

/** Closed: the emergency ended or was cancelled (its last message to me may still be an old alert or reminder). */
export function isArchived(view: AlertView): boolean {
  return view.alert.kind === 'cancel' || view.alert.kind === 'end' || (view.line !== undefined && view.line.phase !== 'running');
}

/** A post ask that is no longer mine: the deadline passed and the next person on the reserve list was asked. */
export function isExpiredAsk(view: AlertView): boolean {
  const { alert, line } = view;
  return alert.kind === 'postAsk' && alert.postId !== null && line !== undefined && line.postId !== alert.postId && line.status !== 'unavailable';
}

export function alertViews(items: ReadonlyMap<string, unknown>, lines: ReadonlyMap<string, MobilizationLine>): AlertView[] {
  return [...items]
    .filter(([key]) => key.startsWith('alert:') || key.startsWith('escalation:'))
    .map(([key, item]) => {
      const alert = item as VolunteerAlert;
      return { alert, line: lines.get(alert.emergencyId), escalation: key.startsWith('escalation:') };
    })
    .sort((a, b) => b.alert.sentAt.localeCompare(a.alert.sentAt));
}

/** Draws one alert for the signed-in person; `onAnswered` is called after an answer was recorded, with the status. */
export function alertCard(
  view: AlertView,
  volunteerId: string,
  onAnswered: (emergencyId: string, status: string) => Promise<void>,
): HTMLElement {
  const { alert, line } = view;
  const archived = isArchived(view);
  const expired = isExpiredAsk(view);
  const section = document.createElement('section');
  section.className = `alert phone-panel level-${alert.level}${view.escalation ? ' escalation' : ''}${archived ? ' archived' : ''}`;
  section.dataset.emergency = alert.emergencyId;
  section.dataset.mode = alert.mode;
  section.dataset.kind = alert.kind;
  section.innerHTML =
    '<h2><span class="badge"></span> <span class="headline"></span></h2><p class="lead-tag"></p><p class="text"></p>' +
    '<p class="post-expired" hidden></p><p class="answers-label" hidden></p><div class="answers"></div><p class="answered"></p>';
  section.querySelector('.badge')!.textContent = alert.mode === 'exercise' ? t('drill') : alert.mode === 'test' ? t('test') : '';
  section.querySelector('.headline')!.textContent = alert.headline;
  section.querySelector('.lead-tag')!.textContent = view.escalation ? t('leadAlert') : '';
  section.querySelector('.text')!.textContent = withoutReplyDigits(alert.text);
  const note = section.querySelector<HTMLElement>('.post-expired')!;
  note.hidden = !expired || archived;
  note.textContent = `${t('askExpired')}${t('askExpiredAnswer')}`;
  section.classList.toggle('expired', expired);
  const label = section.querySelector<HTMLElement>('.answers-label')!;
  label.hidden = !expired || archived;
  label.textContent = t('answerRollCallOnly');

  const mine = line?.status && answerStatuses.has(line.status) ? line.status : undefined;
  const answered = section.querySelector('.answered')!;
  if (mine && !view.escalation) {
    const by = line?.answeredOnBehalf ? `${t('answeredOnBehalf')}: ` : `${t('answered')}: `;
    answered.textContent = by + rollCallStatusName(mine) + (expired ? ` · ${t('askExpiredAnswer')}` : '');
  }

  const open = !archived && !view.escalation && alert.kind !== 'cancel' && alert.kind !== 'end';
  section.querySelector('.answers')!.replaceChildren(
    ...(open ? answers : []).map((status) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.answer = status;
      button.className = status === mine ? 'chosen' : '';
      button.setAttribute('aria-pressed', String(status === mine));
      button.textContent = rollCallStatusName(status);
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          await api(`/api/v1/emergencies/${encodeURIComponent(alert.emergencyId)}/responses`, {
            method: 'POST',
            body: JSON.stringify({ volunteerId, status, channel: 'web', requestId: crypto.randomUUID() }),
          });
          await onAnswered(alert.emergencyId, status);
        } catch (error) {
          answered.textContent = `${t('error')}: ${error instanceof Error ? error.message : String(error)}`;
          button.disabled = false;
        }
      });
      return button;
    }),
  );
  return section;
}
