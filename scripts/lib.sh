# Shared by the scripts in this folder: source it, don't run it.
# shellcheck shell=bash

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export REPO_ROOT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $* (install it by hand or run as root)"; fi
}

_apt_updated=0
# ensure_packages PKG... : installs the Debian packages that are not installed yet.
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  if [ $_apt_updated -eq 0 ]; then as_root apt-get update -qq; _apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ensure_command CMD PACKAGE: installs the Debian package when the command is not on PATH (Node.js may come from
# elsewhere than Debian, so a command, not a package name, is what counts).
ensure_command() {
  command -v "$1" >/dev/null 2>&1 || ensure_packages "$2"
  command -v "$1" >/dev/null 2>&1 || die "$1 is still missing after installing $2"
}

# free_port: a TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  die "no free port found on 127.0.0.1"
}

# ensure_client_deps: npm ci in client/ when node_modules is missing or older than the lock file.
ensure_client_deps() {
  ensure_command node nodejs
  ensure_command npm npm
  if [ ! -d "$REPO_ROOT/client/node_modules" ] || [ "$REPO_ROOT/client/package-lock.json" -nt "$REPO_ROOT/client/node_modules/.package-lock.json" ]; then
    say "installing client packages (npm ci)"
    (cd "$REPO_ROOT/client" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# ensure_lint_deps: the contract linters, pinned in scripts/contract-lint/package.json.
ensure_lint_deps() {
  if [ ! -d "$REPO_ROOT/scripts/contract-lint/node_modules" ] || [ "$REPO_ROOT/scripts/contract-lint/package-lock.json" -nt "$REPO_ROOT/scripts/contract-lint/node_modules/.package-lock.json" ]; then
    say "installing contract lint tools (npm ci in scripts/contract-lint/)"
    (cd "$REPO_ROOT/scripts/contract-lint" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# ensure_service_data: the data sets the service embeds, each an npm project of its own pinned by its lock file:
# api/Places/data (municipalities and postal codes, docs/places.md) and api/Calendar/data (Japanese public holidays,
# docs/calendar.md). The build stops with a message when one is missing.
ensure_service_data() {
  ensure_command node nodejs
  ensure_command npm npm
  local data
  for data in "$REPO_ROOT"/api/*/data; do
    [ -f "$data/package.json" ] || continue
    if [ ! -d "$data/node_modules" ] || [ "$data/package-lock.json" -nt "$data/node_modules/.package-lock.json" ]; then
      say "installing a data set the service embeds (npm ci in ${data#"$REPO_ROOT"/}/)"
      (cd "$data" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  done
}
