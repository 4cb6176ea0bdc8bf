#!/usr/bin/env bash
# Installs the Debian packages SocialScan builds and tests with, only those that are missing.
# As root it calls apt-get directly; otherwise sudo apt-get, and only when something is missing.
# Swift itself is never run under sudo.
set -euo pipefail

# python3-jsonschema: the SARIF tests validate reports against the official schema.
packages=(pkg-config libxml2-dev libcurl4-openssl-dev libpcre2-dev python3 python3-jsonschema)
# Baseline tools for `make bench` only.
[ "${SOCIALSCAN_BENCH:-}" = 1 ] && packages+=(libxml2-utils ripgrep)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
else
  apt_get=(sudo apt-get)
fi
"${apt_get[@]}" update -qq
DEBIAN_FRONTEND=noninteractive "${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"
