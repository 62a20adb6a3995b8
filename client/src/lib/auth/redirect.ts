/** The sign-in page, told where to come back to. */
export function loginPath(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}

/**
 * Where to go after signing in: the `next` parameter when it is a path of this app, else home. Anything that would
 * leave the origin (`//host`, `/\host`, `https:…`) or loop back to the sign-in page is refused.
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith('/')) {
    return '/';
  }
  const base = 'http://registry.invalid';
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return '/';
  }
  if (url.origin !== base || url.pathname === '/login') {
    return '/';
  }
  return url.pathname + url.search + url.hash;
}
