// The running emergencies the operator may follow, each with its mode, level and progress; one is picked.
import { api } from '../shared/api';
import { emergencyLevelName, t } from '../shared/i18n';
import type { EmergencyEntry, EmergencyView } from './emergency-types';

export interface RunningEmergency {
  entry: EmergencyEntry;
  total: number;
  accounted: number;
}

export class RunningList {
  private running: RunningEmergency[] = [];
  private all: EmergencyEntry[] = [];

  constructor(private readonly root: HTMLElement, private readonly onPick: (entry: EmergencyEntry) => void) {}

  get entries(): readonly EmergencyEntry[] {
    return this.all;
  }

  /** Reads the list again (emergencies launched or closed elsewhere) with each running one's progress. */
  async refresh(): Promise<readonly RunningEmergency[]> {
    this.all = await api<EmergencyEntry[]>('/api/v1/emergencies');
    const running = this.all.filter((e) => e.phase === 'running');
    const views = await Promise.all(running.map((e) => api<EmergencyView>(`/api/v1/emergencies/${encodeURIComponent(e.id)}`)));
    this.running = running.map((entry, i) => ({ entry: { ...entry, level: views[i].level, phase: views[i].phase }, total: views[i].total, accounted: views[i].accounted }));
    return this.running;
  }

  /** The followed emergency's progress comes live from its feed between two reads of the list. */
  setLive(id: string, level: string, phase: string, accounted: number, total: number): void {
    const item = this.running.find((r) => r.entry.id === id);
    if (item) {
      item.entry = { ...item.entry, level, phase };
      item.accounted = accounted;
      item.total = total;
    }
  }

  /** Running, as far as this dashboard knows (until the list was read, everything it hears of counts as running). */
  isRunning(id: string): boolean {
    const entry = this.all.find((e) => e.id === id);
    const live = this.running.find((r) => r.entry.id === id);
    return live ? live.entry.phase === 'running' : entry === undefined || entry.phase === 'running';
  }

  name(id: string): string | undefined {
    return this.all.find((e) => e.id === id)?.name;
  }

  render(selectedId: string | undefined): void {
    const list = this.root.querySelector('ul')!;
    this.root.querySelector<HTMLElement>('.none-running')!.hidden = this.running.length > 0;
    list.replaceChildren(
      ...this.running.map(({ entry, total, accounted }) => {
        const item = document.createElement('li');
        item.dataset.emergency = entry.id;
        item.dataset.level = entry.level;
        item.tabIndex = 0;
        item.classList.toggle('selected', entry.id === selectedId);
        item.innerHTML =
          '<span class="badge"></span><span class="name"></span><span class="level-chip"></span>' +
          '<span class="progress"><i></i></span><span class="pct"></span>';
        item.querySelector('.badge')!.textContent = entry.mode === 'exercise' ? t('drill') : entry.mode === 'test' ? t('test') : '';
        item.querySelector('.name')!.textContent = entry.name;
        const chip = item.querySelector<HTMLElement>('.level-chip')!;
        chip.textContent = emergencyLevelName(entry.level);
        chip.dataset.level = entry.level;
        const percent = total === 0 ? 0 : (100 * accounted) / total;
        item.querySelector<HTMLElement>('.progress i')!.style.width = `${percent}%`;
        item.querySelector('.pct')!.textContent = `${percent.toFixed(0)}% ${accounted}/${total}`;
        item.addEventListener('click', () => this.onPick(entry));
        item.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') {
            this.onPick(entry);
          }
        });
        return item;
      }),
    );
  }
}
