#!/usr/bin/env bash
# Installs what BreakoutBot needs on this machine and is missing, and says what it cannot install itself.
# Idempotent: when everything is present it changes nothing and takes well under a second.
#   - .NET 10 SDK (checked only: install it from your distribution or Microsoft's packages)
#   - PostgreSQL server programs and redis-server, for Local infrastructure mode (Debian/Ubuntu: apt-get)
#   - with --tests also chromium, the browser the console's end-to-end tests drive (Playwright), and Node.js with
#     the npm packages of the simulator's conformance suite (ccxt, bybit-api; tests/conformance) and of the Kubernetes
#     schema check (kubernetes-models, yaml; tests/k8s-schema) and the OpenID Connect provider the console's single
#     sign-on tests sign in through (oidc-provider; tests/oidc-idp), each from its lock file
set -euo pipefail

for_tests=false
[ "${1:-}" = "--tests" ] && for_tests=true

missing_packages=()

if ! command -v dotnet >/dev/null 2>&1; then
  echo "prerequisites: the .NET 10 SDK is missing (dotnet not on PATH); install it first" >&2
  exit 1
fi

have_postgres() {
  command -v initdb >/dev/null 2>&1 && return 0
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null 2>&1
}
have_postgres || missing_packages+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing_packages+=(redis-server)
if $for_tests; then
  command -v chromium >/dev/null 2>&1 || missing_packages+=(chromium)
  command -v npm >/dev/null 2>&1 || missing_packages+=(nodejs npm)
fi

# The npm packages of the test suites that use Node.js (the simulator's conformance suite, the Kubernetes schema
# check), exactly as their lock files say (again whenever a lock file is newer).
install_conformance_packages() {
  $for_tests || return 0
  local root suite
  root="$(cd "$(dirname "$0")/.." && pwd)"
  for suite in "$root/tests/conformance" "$root/tests/k8s-schema" "$root/tests/oidc-idp"; do
    if [ ! -d "$suite/node_modules" ] || [ "$suite/package-lock.json" -nt "$suite/node_modules" ]; then
      echo "prerequisites: installing the npm packages of tests/$(basename "$suite")"
      (cd "$suite" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && touch node_modules)
    fi
  done
}

if [ "${#missing_packages[@]}" -eq 0 ]; then
  install_conformance_packages
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "prerequisites: please install ${missing_packages[*]} with your package manager" \
    "(or run with Docker/Podman: Infrastructure:Mode=Containers)" >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then as_root=(sudo); else
    echo "prerequisites: run as root or install sudo to install ${missing_packages[*]}" >&2
    exit 1
  fi
fi

echo "prerequisites: installing ${missing_packages[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >/dev/null
# The Debian packages start system-wide services; BreakoutBot runs its own instances, so stop those.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  "${as_root[@]}" systemctl disable --now redis-server postgresql >/dev/null 2>&1 || true
fi
install_conformance_packages
echo "prerequisites: done"
