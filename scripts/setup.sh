#!/usr/bin/env bash
# Installs everything Lastline's tests and benchmarks need on a fresh Debian machine:
#   1. Debian packages: Chromium (UI/host tests), ripgrep (for code-server's postinstall),
#      the -dev libraries code-server's native modules build against, and bandit (a bench peer);
#   2. the project's npm dependencies (npm ci);
#   3. code-server (a real VS Code, from the npm registry) into a per-user cache, because
#      @vscode/test-electron downloads VS Code from the internet, which these machines cannot reach.
# Safe to run again: every step checks first and skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

CODE_SERVER_VERSION="$(node -p "require('./package.json').lastline.codeServerVersion")"
RIPGREP_CACHE_VERSION="1.15.11"          # @vscode/ripgrep version code-server pins
RIPGREP_ASSET="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
CODE_SERVER_DIR="$(node scripts/code-server-dir.mjs)"

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

debian_packages=(chromium ripgrep libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev bandit git)
missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null; then
    echo "setup: missing Debian packages: ${missing[*]} (run as root or install them yourself)" >&2
    exit 2
  fi
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  log "installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ ! -d node_modules ]] || [[ package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "installing npm dependencies"
  npm ci --no-audit --no-fund
fi

if [[ -x "$CODE_SERVER_DIR/node_modules/.bin/code-server" ]]; then
  log "code-server $CODE_SERVER_VERSION already in $CODE_SERVER_DIR"
else
  log "installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR (builds native modules; a few minutes)"
  # code-server's @vscode/ripgrep postinstall would download rg from GitHub; it looks in this
  # cache first, so a tarball holding Debian's rg satisfies it without network.
  tmp="${TMPDIR:-/tmp}"
  rg_cache="$tmp/vscode-ripgrep-cache-$RIPGREP_CACHE_VERSION"
  if [[ ! -f "$rg_cache/$RIPGREP_ASSET" ]]; then
    mkdir -p "$rg_cache"
    staging="$(mktemp -d)"
    cp "$(command -v rg)" "$staging/rg"
    tar -czf "$rg_cache/$RIPGREP_ASSET" -C "$staging" rg
    rm -rf "$staging"
  fi
  rm -rf "$CODE_SERVER_DIR.partial"
  mkdir -p "$CODE_SERVER_DIR.partial"
  (
    cd "$CODE_SERVER_DIR.partial"
    echo '{"name":"lastline-code-server","private":true,"allowScripts":{"code-server":true,"argon2":true}}' > package.json
    npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION" >install.log 2>&1 \
      || { tail -40 install.log >&2; echo "setup: code-server install failed (log: $PWD/install.log)" >&2; exit 2; }
  )
  # Only a complete install takes the final name, so an interrupted run is retried next time.
  rm -rf "$CODE_SERVER_DIR"
  mv "$CODE_SERVER_DIR.partial" "$CODE_SERVER_DIR"
fi
log "ready"
