// HTTP helpers: bearer token, JSON, and RFC 9457 problem details turned into readable errors.

const tokenKey = 'lianxin.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(tokenKey);
}

export function storeToken(token: string | null): void {
  if (token) {
    sessionStorage.setItem(tokenKey, token);
  } else {
    sessionStorage.removeItem(tokenKey);
  }
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const token = storedToken();
  if (token) {
    headers.set('Authorization', `Bearer ${token}`);
  }

  if (init.body !== undefined) {
    headers.set('Content-Type', 'application/json');
  }

  const response = await fetch(path, { ...init, headers });
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail ?? problem.title ?? detail;
      if (problem.errors) {
        detail += ': ' + Object.entries(problem.errors).map(([k, v]) => `${k} ${(v as string[]).join(' ')}`).join('; ');
      }
    } catch {
      // not problem details
    }

    throw new ApiError(response.status, detail);
  }

  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}

export interface DashboardSettings {
  tileUrl: string | null;
  tileAttribution: string | null;
  defaultRegion: string | null;
  devSignIn: boolean;
}

/** A development token (demo mode only): the server refuses when demo sign-in is off. */
export async function devSignIn(role: string, scopeId: string): Promise<string> {
  const { token } = await api<{ token: string }>('/api/v1/dev/tokens', {
    method: 'POST',
    body: JSON.stringify({ role, scopeId }),
  });
  storeToken(token);
  return token;
}
