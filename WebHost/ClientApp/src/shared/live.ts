// The client side of the live protocol (docs/live-protocol.md): snapshot on subscribe, then numbered deltas;
// a gap in the numbers or a reconnect means a fresh snapshot, so the picture is never silently wrong.
// Version 2 (only the fields that changed, as JSON merge patches) when the server speaks it, else version 1.
import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';

export interface LiveSnapshot {
  scope: string;
  sequence: number;
  items: Record<string, unknown>;
}

export interface LiveDelta extends LiveSnapshot {
  removed: string[];
  /** Version 2: merge patches (RFC 7386) of held items; the delta's asOf becomes theirs. */
  patches?: Record<string, unknown>;
  asOf?: string;
}

/** RFC 7386: members of the patch replace the target's, nested objects merge, null deletes. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
    return patch;
  }

  const result: Record<string, unknown> =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [name, value] of Object.entries(patch as Record<string, unknown>)) {
    if (value === null) {
      delete result[name];
    } else {
      result[name] = mergePatch(result[name], value);
    }
  }

  return result;
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

  /** The protocol version the server agreed to; 1 against a server that predates version 2. */
  version = 2;

  constructor(accessToken: () => string) {
    this.connection = new HubConnectionBuilder()
      .withUrl('/hubs/live', { accessTokenFactory: accessToken })
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 30000])
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on('DeltaReceived', (delta: LiveDelta) => this.onDelta(delta));
    this.connection.on('PatchReceived', (delta: LiveDelta) => this.onDelta(delta));
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
    const snapshot = method === 'GetSnapshot' ? await this.connection.invoke<LiveSnapshot>(method, scope) : await this.subscribeOnServer(scope);
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

  private async subscribeOnServer(scope: string): Promise<LiveSnapshot> {
    if (this.version === 2) {
      try {
        return await this.connection.invoke<LiveSnapshot>('SubscribeWithVersion', scope, 2);
      } catch (error) {
        // A server without version 2 does not know the method; any other refusal is the same in version 1.
        if (!String(error).includes('Method does not exist')) {
          throw error;
        }

        this.version = 1;
      }
    }

    return this.connection.invoke<LiveSnapshot>('Subscribe', scope);
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

    const patches = Object.entries(delta.patches ?? {});
    for (const [key, patch] of patches) {
      const item = mergePatch(state.items.get(key), patch) as Record<string, unknown>;
      if (delta.asOf && 'asOf' in item) {
        item.asOf = delta.asOf;
      }

      state.items.set(key, item);
    }

    for (const key of delta.removed) {
      state.items.delete(key);
    }

    state.sequence = delta.sequence;
    state.listener(state.items, [...Object.keys(delta.items), ...patches.map(([key]) => key), ...delta.removed]);
  }
}
