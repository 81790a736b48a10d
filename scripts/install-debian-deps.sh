#!/usr/bin/env bash
# Installs the Debian packages the kiosk and its tests need: Chromium, CJK fonts, and the real protocol
# peers (pcscd + vpcd, socat, CUPS ippeveprinter/ipptool, SANE airscan). Run as root: npm run setup:debian
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
packages=$(grep -v '^#' "$here/debian-packages.txt" | xargs)
if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends $packages
