#!/usr/bin/env bash
# Prints libabigail's whitelist of the C ABI: every DIALER_API function of
# include/dialer/c.h and c_provider.h. Usage: abi_whitelist.sh <repo root>
set -euo pipefail
echo "[abi_whitelist]"
cat "$1/include/dialer/c.h" "$1/include/dialer/c_provider.h" | tr '\n' ' ' |
  grep -oE 'DIALER_API[^;]*;' | grep -oE '\bdialer_[a-z0-9_]+ *\(' |
  tr -d ' (' | sort -u | sed 's/^/  /'
