// Every command of the emergency panel goes through one confirmation that says what will happen, with the numbers
// the API gave; nothing is sent until the operator confirms.
import { t } from '../shared/i18n';

export class ConfirmBox {
  private action: (() => Promise<void>) | undefined;

  constructor(private readonly root: HTMLElement) {
    root.querySelector('[data-action=confirm]')!.addEventListener('click', () => void this.run());
    root.querySelector('[data-action=back]')!.addEventListener('click', () => this.close());
  }

  /** Shows what `kind` will do; `action` runs on confirm, and the box closes when it succeeds. */
  ask(kind: string, text: string, action: () => Promise<void>): void {
    this.action = action;
    this.root.dataset.confirm = kind;
    this.root.querySelector('.what')!.textContent = text;
    this.root.querySelector('.error')!.textContent = '';
    this.root.querySelector<HTMLButtonElement>('[data-action=confirm]')!.disabled = false;
    this.root.hidden = false;
  }

  close(): void {
    this.action = undefined;
    this.root.hidden = true;
    delete this.root.dataset.confirm;
  }

  private async run(): Promise<void> {
    const action = this.action;
    if (!action) {
      return;
    }

    const button = this.root.querySelector<HTMLButtonElement>('[data-action=confirm]')!;
    button.disabled = true;
    try {
      await action();
      this.settled(action, () => this.close());
    } catch (error) {
      this.settled(action, () => {
        this.root.querySelector('.error')!.textContent = `${t('error')}: ${error instanceof Error ? error.message : String(error)}`;
        button.disabled = false;
      });
    }
  }

  /**
   * A command's answer concerns the box only while it still asks about that command: on a slow server the operator
   * may already have been asked the next question (the live feed shows a command's effect before its answer comes
   * back), and closing the box then would take that question away.
   */
  private settled(action: () => Promise<void>, then: () => void): void {
    if (this.action === action) {
      then();
    }
  }
}
