// My weekly availability on the volunteer's page (空闲时间): the local weekday windows a shift short of people looks at
// when it invites people. The form edits a copy and replaces the whole list with one PUT; the server's answer (or its
// refusal, which changes nothing) is shown under the form, and the list is read again from the server after a save.
import { api } from '../shared/api';
import { currentLanguage, t } from '../shared/i18n';

interface AvailabilityWindow {
  day: string;
  from: string;
  to: string;
}

interface Availability {
  windows: AvailabilityWindow[];
}

const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The weekday's name in the page's language (1 January 2024 was a Monday). */
function dayName(day: string): string {
  const date = new Date(Date.UTC(2024, 0, 1 + days.indexOf(day)));
  return date.toLocaleDateString(currentLanguage(), { weekday: 'long', timeZone: 'UTC' });
}

/** "18:00:00" as the server writes times → "18:00". */
const hhmm = (time: string): string => time.slice(0, 5);

export class AvailabilityForm {
  private windows: AvailabilityWindow[] = [];
  private readonly form = document.getElementById('availability-form') as HTMLFormElement;
  private readonly path: string;

  constructor(personId: string) {
    this.path = `/api/v1/volunteers/${encodeURIComponent(personId)}/shifts/availability`;
    const daySelect = this.form.elements.namedItem('day') as HTMLSelectElement;
    daySelect.replaceChildren(...days.map((day) => new Option(dayName(day), day)));
    this.form.querySelector('.add-window')!.addEventListener('click', () => this.add());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
  }

  async load(): Promise<void> {
    const availability = await api<Availability>(this.path);
    this.windows = availability.windows.map((w) => ({ day: w.day, from: hhmm(w.from), to: hhmm(w.to) }));
    this.render();
    this.form.dataset.ready = 'true';
  }

  private add(): void {
    const value = (name: string): string => (this.form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    this.windows.push({ day: value('day'), from: value('from'), to: value('to') });
    this.render();
  }

  private async save(): Promise<void> {
    const answer = this.form.querySelector('.availability-answer')!;
    delete this.form.dataset.saved;
    delete this.form.dataset.refused;
    try {
      await api<Availability>(this.path, { method: 'PUT', body: JSON.stringify({ windows: this.windows }) });
      answer.textContent = t('availabilitySaved');
      this.form.dataset.saved = 'true';
      await this.load();
    } catch (error) {
      answer.textContent = error instanceof Error ? error.message : String(error);
      this.form.dataset.refused = 'true';
    }
  }

  private render(): void {
    const list = this.form.querySelector('.windows')!;
    if (this.windows.length === 0) {
      const none = document.createElement('li');
      none.className = 'muted none';
      none.textContent = t('notAvailable');
      list.replaceChildren(none);
      return;
    }

    list.replaceChildren(
      ...this.windows.map((w, i) => {
        const li = document.createElement('li');
        li.className = 'window';
        li.dataset.day = w.day;
        const text = document.createElement('span');
        text.textContent = `${dayName(w.day)} ${w.from}–${w.to}`;
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'link remove-window';
        remove.textContent = t('removeWindow');
        remove.addEventListener('click', () => {
          this.windows.splice(i, 1);
          this.render();
        });
        li.append(text, ' ', remove);
        return li;
      }),
    );
  }
}
