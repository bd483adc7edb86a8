// Alerts for this person, from the volunteer scope's items. Filled in when the mobilization API lands.

/** Renders the alerts among the items and returns how many it showed. */
export function renderAlerts(container: HTMLElement, _items: ReadonlyMap<string, unknown>, _volunteerId: string): number {
  container.replaceChildren();
  return 0;
}
