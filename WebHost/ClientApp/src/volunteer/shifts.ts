// Shifts on the volunteer's page (值班): the shifts I hold a place on, and the open ones at my centers with a one-tap
// sign-up. The rota answers sign-ups first come, up to the shift's maximum; a refusal (full, started) stays on the card.
import { api } from '../shared/api';
import { t, tf } from '../shared/i18n';

export interface ShiftLine {
  centerId: string;
  occurrenceId: string;
  shiftId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  taken: number;
  minPeople: number;
  maxPeople: number;
  place: { attendance: 'expected' | 'attended' | 'noShow' } | null;
  invited: boolean;
}

export interface PersonShifts {
  mine: ShiftLine[];
  open: ShiftLine[];
}

interface SignUpAnswer {
  taken: number;
  maxPeople: number;
}

function when(line: ShiftLine): string {
  const format = (at: string, options: Intl.DateTimeFormatOptions): string =>
    new Date(at).toLocaleString(undefined, { timeZone: 'Asia/Shanghai', ...options });
  return `${format(line.startsAt, { weekday: 'short', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })}–${format(line.endsAt, { hour: '2-digit', minute: '2-digit' })}`;
}

function shiftCard(line: ShiftLine, personId: string, onTaken: () => Promise<void>): HTMLElement {
  const section = document.createElement('section');
  section.className = `shift phone-panel${line.invited ? ' invited' : ''}`;
  section.dataset.occurrence = line.occurrenceId;
  section.innerHTML = '<h3></h3><p class="muted facts"></p><p class="shift-answer" role="status"></p>';
  section.querySelector('h3')!.textContent = line.title;
  const facts = [when(line), tf('shiftPeople', { taken: line.taken, min: line.minPeople, max: line.maxPeople })];
  if (line.place?.attendance === 'attended' || line.place?.attendance === 'noShow') {
    facts.push(t(line.place.attendance));
  } else if (line.place === null && line.invited) {
    facts.push(t('shiftInvited'));
  }

  section.querySelector('.facts')!.textContent = facts.join(' · ');
  if (line.place !== null) {
    return section;
  }

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'primary take-shift';
  button.textContent = t('takeShift');
  const answer = section.querySelector('.shift-answer')!;
  // One key per tap: a re-sent request (a flaky network) gets the same answer, never a second place.
  const key = crypto.randomUUID();
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const taken = await api<SignUpAnswer>(
        `/api/v1/centers/${encodeURIComponent(line.centerId)}/shifts/occurrences/${encodeURIComponent(line.occurrenceId)}/sign-ups`,
        { method: 'POST', body: JSON.stringify({ personId }), headers: { 'Idempotency-Key': key } },
      );
      answer.textContent = tf('shiftTaken', { taken: taken.taken, max: taken.maxPeople });
      section.dataset.taken = 'true';
      await onTaken();
    } catch (error) {
      answer.textContent = error instanceof Error ? error.message : String(error);
      section.dataset.refused = 'true';
    }
  });
  section.append(button);
  return section;
}

export async function loadShifts(personId: string): Promise<PersonShifts> {
  return api<PersonShifts>(`/api/v1/volunteers/${encodeURIComponent(personId)}/shifts`);
}

/** Draws both lists into #my-shifts and #open-shifts; `onTaken` refreshes the page after a sign-up. */
export function renderShifts(shifts: PersonShifts, personId: string, onTaken: () => Promise<void>): void {
  const list = (lines: ShiftLine[]): HTMLElement[] => {
    if (lines.length === 0) {
      const none = document.createElement('p');
      none.className = 'muted none';
      none.textContent = t('noOrders');
      return [none];
    }

    return lines.slice(0, 10).map((l) => shiftCard(l, personId, onTaken));
  };
  document.querySelector('#my-shifts .list')!.replaceChildren(...list(shifts.mine));
  document.querySelector('#open-shifts .list')!.replaceChildren(...list(shifts.open));
}
