#!/usr/bin/env bash
# Installs the Debian packages the kiosk and its tests need: Chromium, CJK fonts, the real protocol peers
# (pcscd + vpcd, socat, CUPS ippeveprinter/ipptool, SANE airscan) and the tools native modules build with.
# Needs root (uses sudo when not root). `npm start` runs it when a package is missing; also: npm run setup:debian
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
packages=$(grep -v '^#' "$here/debian-packages.txt" | xargs)
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
$sudo apt-get update
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $packages
