// Orders on the volunteer's page (党员接单): the orders I claimed, and the open orders near me I may take, each with a
// one-tap claim. The server answers claims in the order it receives them; a claim that came too late is told why.
import { api } from '../shared/api';
import { functionName, t, tf } from '../shared/i18n';

export interface OrderItem {
  id: string;
  centerId: string;
  function: string;
  summary: string;
  stage: string;
  escalationLevel: number;
  dueAt: string | null;
  skills: string[];
  peopleNeeded: number;
  claimedBy: string[];
}

export interface PersonOrders {
  mine: OrderItem[];
  open: OrderItem[];
}

interface ClaimAnswer {
  position: number;
  peopleNeeded: number;
  claimed: number;
  stage: string;
}

function timeLeft(dueAt: string | null, now: number): string {
  if (dueAt === null) {
    return '';
  }

  const minutes = Math.round((Date.parse(dueAt) - now) / 60_000);
  if (minutes <= 0) {
    return t('overdue');
  }

  const time = minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${minutes} min`;
  return tf('dueIn', { time });
}

function orderCard(order: OrderItem, personId: string, onClaimed: () => Promise<void>): HTMLElement {
  const section = document.createElement('section');
  section.className = `order phone-panel${order.escalationLevel > 0 ? ' overdue' : ''}`;
  section.dataset.order = order.id;
  section.dataset.stage = order.stage;
  section.innerHTML = '<h3></h3><p class="text"></p><p class="muted facts"></p><p class="claim-answer" role="status"></p>';
  section.querySelector('h3')!.textContent = functionName(order.function);
  section.querySelector('.text')!.textContent = order.summary;
  const facts = [tf('peopleClaimed', { claimed: order.claimedBy.length, needed: order.peopleNeeded }), timeLeft(order.dueAt, Date.now())];
  if (order.skills.length > 0) {
    facts.push(`${t('skillsNeeded')}: ${order.skills.join(', ')}`);
  }

  section.querySelector('.facts')!.textContent = facts.filter((f) => f !== '').join(' · ');
  if (order.claimedBy.includes(personId)) {
    return section;
  }

  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'primary claim';
  button.textContent = t('claim');
  const answer = section.querySelector('.claim-answer')!;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const claimed = await api<ClaimAnswer>(`/api/v1/help-requests/${encodeURIComponent(order.id)}/claim`, {
        method: 'POST',
        body: JSON.stringify({ personId }),
      });
      answer.textContent = tf('claimed', { position: claimed.position, needed: claimed.peopleNeeded });
      section.dataset.claimed = 'true';
      await onClaimed();
    } catch (error) {
      // Full, or no longer mine to take: the reason stays on the card until the next refresh.
      answer.textContent = error instanceof Error ? error.message : String(error);
      section.dataset.refused = 'true';
    }
  });
  section.append(button);
  return section;
}

export async function loadOrders(personId: string): Promise<PersonOrders> {
  return api<PersonOrders>(`/api/v1/volunteers/${encodeURIComponent(personId)}/orders`);
}

/** Draws both lists into #orders; `onClaimed` refreshes the page after a claim was recorded. */
export function renderOrders(orders: PersonOrders, personId: string, onClaimed: () => Promise<void>): void {
  const list = (items: OrderItem[]): HTMLElement[] => {
    if (items.length === 0) {
      const none = document.createElement('p');
      none.className = 'muted none';
      none.textContent = t('noOrders');
      return [none];
    }

    return items.map((o) => orderCard(o, personId, onClaimed));
  };
  document.querySelector('#my-orders .list')!.replaceChildren(...list(orders.mine));
  document.querySelector('#open-orders .list')!.replaceChildren(...list(orders.open));
}
