#!/usr/bin/env bash
# Runs a command inside a private network + mount namespace with its own pcscd (and the vpcd virtual reader, which
# listens on all interfaces: hence the private network). Usage: unshare --net --mount --fork bash pcsc-namespace.sh CMD...
# Recipe: docs/testing-peers.md, "Smart cards".
set -euo pipefail
ip link set lo up
# quick ACKs on loopback cut each APDU from ~44 ms (Nagle + delayed ACK) to ~0.1 ms
ip route change local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1 quickack 1 2>/dev/null || true
ip route change local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 quickack 1 2>/dev/null || true
mount -t tmpfs tmpfs /run
mkdir -p /run/pcscd
log=${PCSCD_LOG:-/dev/null}
pcscd --foreground --apdu --debug >"$log" 2>&1 &
pcscd_pid=$!
trap 'kill $pcscd_pid 2>/dev/null || true' EXIT
# pcscd creates its socket when it is ready to serve
for _ in $(seq 1 200); do
  [ -S /run/pcscd/pcscd.comm ] && break
  kill -0 $pcscd_pid 2>/dev/null || { echo "pcscd exited; see $log" >&2; exit 1; }
  sleep 0.02
done
"$@"
