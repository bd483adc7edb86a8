// Commanding the followed emergency: level change, end, cancel with the reason, and answers on someone's behalf.
// Each is confirmed first with what will happen, counted from the roll-call the API gave (every person on it is told).
import { api } from '../shared/api';
import { emergencyLevelName, emergencyLevels, rollCallStatusName, t, tf } from '../shared/i18n';
import type { ConfirmBox } from './confirm';
import type { PersonLine } from './emergency-types';

export interface Followed {
  id: string;
  level: string;
  phase: string;
  /** Everyone on the roll-call: whom a level update, an end or a cancel is sent to. */
  total: number;
}

const answers = ['acknowledged', 'enRoute', 'atPost', 'unavailable', 'needHelp'];

export class CommandBar {
  private followed: Followed | undefined;
  private person: PersonLine | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly confirm: ConfirmBox,
    private readonly nameOfGrid: (gridId: string) => string,
    private readonly onDone: () => Promise<void>,
  ) {
    const bar = this.bar;
    bar.querySelector('[data-action=level]')!.addEventListener('click', () => this.askLevel());
    bar.querySelector('[data-action=end]')!.addEventListener('click', () => this.askClose('end'));
    bar.querySelector('[data-action=cancel]')!.addEventListener('click', () => this.askClose('cancel'));
    this.form.querySelector('[data-action=answer-for]')!.addEventListener('click', () => this.askOnBehalf());
    this.form.querySelector('[data-action=close-form]')!.addEventListener('click', () => this.closeForm());
  }

  private get bar(): HTMLElement {
    return this.root.querySelector<HTMLElement>('.commands')!;
  }

  private get form(): HTMLElement {
    return this.root.querySelector<HTMLElement>('.on-behalf')!;
  }

  /** Shows the controls for a running emergency (none for a closed one), in the current language. */
  show(followed: Followed | undefined): void {
    if (followed?.id !== this.followed?.id) {
      this.confirm.close();
      this.closeForm();
    }

    this.followed = followed;
    const running = followed?.phase === 'running';
    this.bar.hidden = !running;
    if (!running) {
      this.closeForm();
      return;
    }

    const select = this.bar.querySelector<HTMLSelectElement>('select[name=level]')!;
    const chosen = select.value || followed.level;
    select.replaceChildren(...emergencyLevels.map((level) => new Option(emergencyLevelName(level), level)));
    select.value = chosen;
    this.bar.querySelector<HTMLInputElement>('input[name=reason]')!.placeholder = t('cancelReason');
    const status = this.form.querySelector<HTMLSelectElement>('select[name=status]')!;
    const picked = status.value || 'acknowledged';
    status.replaceChildren(...answers.map((s) => new Option(rollCallStatusName(s), s)));
    status.value = picked;
    this.form.querySelector<HTMLInputElement>('input[name=comment]')!.placeholder = t('onBehalfComment');
  }

  /** Opens the on-behalf form for one person of the unaccounted list. */
  openForm(person: PersonLine): void {
    this.person = person;
    this.form.dataset.volunteer = person.volunteerId;
    this.form.querySelector('.who')!.textContent = `${person.name ?? person.volunteerId} · ${this.nameOfGrid(person.gridId)}`;
    this.form.querySelector('.form-error')!.textContent = '';
    this.form.hidden = false;
    this.form.scrollIntoView({ block: 'nearest' });
  }

  private closeForm(): void {
    this.person = undefined;
    this.form.hidden = true;
    this.form.querySelector<HTMLInputElement>('input[name=comment]')!.value = '';
  }

  private askLevel(): void {
    const followed = this.followed;
    const to = this.bar.querySelector<HTMLSelectElement>('select[name=level]')!.value;
    if (!followed || to === followed.level) {
      return;
    }

    const text = tf('willChangeLevel', { from: emergencyLevelName(followed.level), to: emergencyLevelName(to), n: followed.total });
    this.confirm.ask('level', text, () => this.post(followed.id, 'level', { level: to }));
  }

  private askClose(kind: 'end' | 'cancel'): void {
    const followed = this.followed;
    if (!followed) {
      return;
    }

    const input = this.bar.querySelector<HTMLInputElement>('input[name=reason]')!;
    const reason = input.value.trim();
    const error = this.bar.querySelector('.command-error')!;
    if (kind === 'cancel' && reason === '') {
      error.textContent = t('reasonNeeded');
      input.focus();
      return;
    }

    error.textContent = '';
    const text = kind === 'cancel' ? tf('willCancel', { n: followed.total, reason }) : tf('willEnd', { n: followed.total });
    this.confirm.ask(kind, text, async () => {
      await this.post(followed.id, kind, kind === 'cancel' ? { comment: reason } : {});
      input.value = '';
    });
  }

  private askOnBehalf(): void {
    const followed = this.followed;
    const person = this.person;
    if (!followed || !person) {
      return;
    }

    const status = this.form.querySelector<HTMLSelectElement>('select[name=status]')!.value;
    const comment = this.form.querySelector<HTMLInputElement>('input[name=comment]')!.value.trim();
    if (comment === '') {
      this.form.querySelector('.form-error')!.textContent = t('commentNeeded');
      return;
    }

    const text = tf('willAnswerFor', { name: person.name ?? person.volunteerId, status: rollCallStatusName(status), comment });
    this.confirm.ask('onBehalf', text, async () => {
      await this.post(followed.id, 'responses', { volunteerId: person.volunteerId, status, comment, channel: 'phone', requestId: crypto.randomUUID() });
      this.closeForm();
    });
  }

  private async post(id: string, action: string, body: object): Promise<void> {
    await api(`/api/v1/emergencies/${encodeURIComponent(id)}/${action}`, { method: 'POST', body: JSON.stringify(body) });
    await this.onDone();
  }
}
