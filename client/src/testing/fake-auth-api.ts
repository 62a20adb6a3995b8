import { vi } from 'vitest';
import type { Schemas } from '@/lib/api-client';

type CurrentUser = Schemas['CurrentUser'];
type TokenPair = Schemas['TokenPair'];

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } });
}

export function problem(status: number, type: string, extra: Record<string, unknown> = {}): Response {
  return json({ type, title: type, status, traceId: '00-trace-00', ...extra }, status);
}

export const coordinator: CurrentUser = {
  id: '019a0000-0000-7000-8000-000000000002',
  kind: 'account',
  displayName: '地域 コーディネーター',
  email: 'coordinator@registry.example',
  role: 'coordinator',
  organisation: '市 産業振興課',
  supplierIds: [],
};

export const member: CurrentUser = { ...coordinator, id: 'member-1', displayName: '調達 担当者', role: 'member' };

interface Handled {
  request: Request;
  path: string;
  authorization: string | null;
  body: string;
}

/**
 * The auth part of the API, faithful where it matters to the client: access tokens that can be expired at will,
 * single-use refresh tokens whose reuse revokes the whole sign-in, logout, /auth/me, a ready /readyz, and any other
 * path answering 200 to a valid token (a stand-in for protected endpoints). Stubs global fetch.
 */
export class FakeAuthApi {
  user: CurrentUser = coordinator;
  expiresIn = 900;
  readonly requests: Handled[] = [];
  /** Answers for /api/v1/auth/refresh that replace the normal rotation (e.g. 503) while set. */
  refreshOverride: (() => Response | Promise<Response>) | null = null;
  /** Answers for other paths that replace the normal check while set. */
  resourceOverride: ((request: Handled) => Response | Promise<Response> | undefined) | null = null;
  reuseDetected = false;

  private serial = 0;
  private readonly validAccess = new Set<string>();
  private readonly validRefresh = new Set<string>();
  private readonly usedRefresh = new Set<string>();
  private gate: Promise<void> | null = null;

  readonly fetch = vi.fn(async (request: Request) => this.handle(request));

  install(): this {
    vi.stubGlobal('fetch', this.fetch);
    return this;
  }

  /** A pair as a sign-in would give it out. */
  issue(): TokenPair {
    this.serial += 1;
    const pair: TokenPair = {
      accessToken: `access-${this.serial}`,
      expiresIn: this.expiresIn,
      refreshToken: `refresh-${this.serial}`,
      refreshTokenExpiresAt: '2099-01-01T00:00:00Z',
      user: this.user,
    };
    this.validAccess.add(pair.accessToken);
    this.validRefresh.add(pair.refreshToken);
    return pair;
  }

  expireAccessTokens() {
    this.validAccess.clear();
  }

  revokeEverything() {
    this.validAccess.clear();
    this.validRefresh.clear();
  }

  /** Holds refresh answers until the returned function is called. */
  holdRefreshes(): () => void {
    let release!: () => void;
    this.gate = new Promise((resolve) => {
      release = resolve;
    });
    return () => {
      this.gate = null;
      release();
    };
  }

  calls(path: string): Handled[] {
    return this.requests.filter((request) => request.path === path);
  }

  private async handle(request: Request): Promise<Response> {
    const handled: Handled = {
      request,
      path: new URL(request.url).pathname,
      authorization: request.headers.get('Authorization'),
      body: request.body ? await request.text() : '',
    };
    this.requests.push(handled);

    switch (handled.path) {
      case '/api/v1/auth/refresh':
        return this.refresh(handled);
      case '/readyz':
        return json({ status: 'ready', checks: [] });
      case '/api/v1/auth/logout':
        this.revokeEverything();
        return new Response(null, { status: 204 });
      default: {
        const override = this.resourceOverride?.(handled);
        if (override) {
          return override;
        }
        const token = handled.authorization?.replace(/^Bearer /, '') ?? '';
        if (!this.validAccess.has(token)) {
          return problem(401, '/problems/unauthorized');
        }
        return handled.path === '/api/v1/auth/me' ? json(this.user) : json({ ok: true, body: handled.body });
      }
    }
  }

  private async refresh(handled: Handled): Promise<Response> {
    if (this.gate) {
      await this.gate;
    }
    if (this.refreshOverride) {
      return this.refreshOverride();
    }
    const { refreshToken } = JSON.parse(handled.body) as { refreshToken: string };
    if (this.validRefresh.delete(refreshToken)) {
      this.usedRefresh.add(refreshToken);
      return json(this.issue());
    }
    if (this.usedRefresh.has(refreshToken)) {
      this.reuseDetected = true;
      this.revokeEverything();
    }
    return problem(401, '/problems/invalid-refresh-token');
  }
}
