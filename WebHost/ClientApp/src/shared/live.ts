// The client side of the live protocol (docs/live-protocol.md): snapshot on subscribe, then numbered deltas;
// a gap in the numbers or a reconnect means a fresh snapshot, so the picture is never silently wrong.
import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

export interface LiveSnapshot {
  scope: string;
  sequence: number;
  items: Record<string, unknown>;
}

export interface LiveDelta extends LiveSnapshot {
  removed: string[];
}

/** Called with the whole current picture of a scope and the keys that changed (all keys after a snapshot). */
export type ScopeListener = (items: ReadonlyMap<string, unknown>, changed: readonly string[]) => void;

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

interface ScopeState {
  listener: ScopeListener;
  items: Map<string, unknown>;
  sequence: number;
  syncing: boolean;
  waiting: LiveDelta[];
}

export class LiveConnection {
  private readonly connection: HubConnection;
  private readonly scopes = new Map<string, ScopeState>();
  private statusListener: (status: ConnectionStatus) => void = () => {};

  /** How many fresh snapshots were taken because of a gap: shown on the dashboard for operators. */
  resyncs = 0;

  constructor(accessToken: () => string) {
    this.connection = new HubConnectionBuilder()
      .withUrl('/hubs/live', { accessTokenFactory: accessToken })
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on('DeltaReceived', (delta: LiveDelta) => this.onDelta(delta));
    this.connection.onreconnecting(() => this.statusListener('reconnecting'));
    this.connection.onreconnected(() => {
      this.statusListener('live');
      // A new connection holds no subscriptions on the server: subscribe again, each with a fresh snapshot.
      for (const scope of this.scopes.keys()) {
        void this.sync(scope, 'Subscribe');
      }
    });
    this.connection.onclose(() => this.statusListener('offline'));
  }

  onStatus(listener: (status: ConnectionStatus) => void): void {
    this.statusListener = listener;
  }

  async start(): Promise<void> {
    this.statusListener('connecting');
    await this.connection.start();
    this.statusListener('live');
  }

  get connected(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  async subscribe(scope: string, listener: ScopeListener): Promise<void> {
    this.scopes.set(scope, { listener, items: new Map(), sequence: 0, syncing: true, waiting: [] });
    await this.sync(scope, 'Subscribe');
  }

  async unsubscribe(scope: string): Promise<void> {
    if (this.scopes.delete(scope) && this.connected) {
      await this.connection.invoke('Unsubscribe', scope);
    }
  }

  /** Calls another hub method (none today besides the subscription ones; kept for extensions). */
  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.connection.invoke<T>(method, ...args);
  }

  private async sync(scope: string, method: 'Subscribe' | 'GetSnapshot'): Promise<void> {
    const state = this.scopes.get(scope);
    if (!state) {
      return;
    }

    state.syncing = true;
    const snapshot = await this.connection.invoke<LiveSnapshot>(method, scope);
    state.items = new Map(Object.entries(snapshot.items));
    state.sequence = snapshot.sequence;
    state.syncing = false;
    state.listener(state.items, [...state.items.keys()]);
    // Deltas that came while the snapshot was on its way: older ones are in it already.
    const waiting = state.waiting.splice(0).sort((a, b) => a.sequence - b.sequence);
    for (const delta of waiting) {
      this.onDelta(delta);
    }
  }

  private onDelta(delta: LiveDelta): void {
    const state = this.scopes.get(delta.scope);
    if (!state) {
      return;
    }

    if (state.syncing) {
      state.waiting.push(delta);
      return;
    }

    if (delta.sequence <= state.sequence) {
      return;
    }

    if (delta.sequence !== state.sequence + 1) {
      this.resyncs++;
      state.waiting.push(delta);
      void this.sync(delta.scope, 'GetSnapshot');
      return;
    }

    for (const [key, item] of Object.entries(delta.items)) {
      state.items.set(key, item);
    }

    for (const key of delta.removed) {
      state.items.delete(key);
    }

    state.sequence = delta.sequence;
    state.listener(state.items, [...Object.keys(delta.items), ...delta.removed]);
  }
}
