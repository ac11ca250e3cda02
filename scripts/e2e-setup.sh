#!/usr/bin/env bash
# Prepares the offline VS Code that the end-to-end tests drive: Debian packages (Chromium, ripgrep and
# the toolchain code-server's native modules build with), then code-server from npm into an ignored
# cache folder. A second run finds everything in place and returns in a moment.
#
# Environment:
#   IAM_ATLAS_E2E_CACHE   where code-server goes (default: .vscode-test/code-server)
#   IAM_ATLAS_CHROMIUM    the Chromium to drive (default: /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/.."

# VS Code 1.100.3: the newest code-server whose engines.node is 20 (later ones need Node 24).
readonly CODE_SERVER_VERSION=4.100.3
# The ripgrep archive @vscode/ripgrep looks for in its cache instead of downloading it.
readonly RIPGREP_CACHE=vscode-ripgrep-cache-1.15.11
readonly RIPGREP_ARCHIVE=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
readonly APT_PACKAGES=(ripgrep chromium build-essential python3 libkrb5-dev)
ROOT="${IAM_ATLAS_E2E_CACHE:-$PWD/.vscode-test/code-server}"
CHROMIUM="${IAM_ATLAS_CHROMIUM:-/usr/bin/chromium}"

say() { echo "e2e-setup: $*"; }
fail() { echo "e2e-setup: $*" >&2; exit 1; }

install_debian_packages() {
  if ! command -v dpkg-query >/dev/null; then
    say "not a Debian system: make sure ripgrep, Chromium, a C/C++ toolchain, python3 and the Kerberos headers are installed"
    return
  fi
  local missing=()
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -ne 0 ]; then
    fail "missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}"
  fi
  say "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_code_server() {
  local stamp="$ROOT/cs/.installed"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$CODE_SERVER_VERSION" ]; then
    say "code-server $CODE_SERVER_VERSION already in $ROOT"
    return
  fi
  say "installing code-server $CODE_SERVER_VERSION into $ROOT (about 300 MB, a few minutes)"
  rm -rf "$ROOT/cs" "$ROOT/tmp" "$ROOT/rgstage"
  mkdir -p "$ROOT/cs" "$ROOT/tmp/$RIPGREP_CACHE" "$ROOT/rgstage"
  cp "$(command -v rg)" "$ROOT/rgstage/rg"
  tar czf "$ROOT/tmp/$RIPGREP_CACHE/$RIPGREP_ARCHIVE" -C "$ROOT/rgstage" rg

  # npm 11 runs no dependency install script unless package.json's allowScripts names the package;
  # code-server's postinstall installs VS Code's own modules (node-pty, spdlog, ...) and builds them.
  # Older npm ignores the field and runs every script.
  cat >"$ROOT/cs/package.json" <<JSON
{
  "name": "iam-atlas-e2e-host",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  # Native modules build from source against the installed Node's headers (prebuilt downloads fail
  # offline and fall back to that by themselves); node-pty's postinstall runs `npx node-gyp`.
  # code-server's own postinstall refuses to run as root unless npm_config_unsafe_perm is set.
  (
    cd "$ROOT/cs"
    TMPDIR="$ROOT/tmp" \
      npm_config_unsafe_perm=true \
      npm_config_yes=true \
      npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")" \
      npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION"
  ) || fail "npm install code-server@$CODE_SERVER_VERSION failed (see above)"
  [ -x "$ROOT/cs/node_modules/.bin/code-server" ] || fail "code-server was not installed in $ROOT/cs"
  echo "$CODE_SERVER_VERSION" >"$stamp"
}

install_debian_packages
[ -x "$CHROMIUM" ] || fail "no Chromium at $CHROMIUM: install Debian's chromium or set IAM_ATLAS_CHROMIUM"
command -v rg >/dev/null || fail "ripgrep (rg) is missing: install Debian's ripgrep"
install_code_server
say "ready: $ROOT/cs/node_modules/.bin/code-server, $CHROMIUM"
