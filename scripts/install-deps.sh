#!/usr/bin/env bash
# Installs what building and testing dialer needs on Debian bookworm.
# Idempotent and non-interactive; prints one line per action and nothing when
# everything is already in place. Run as root (or with sudo available).
set -euo pipefail

# Debian packages the build, the tests and the tools need. Later work adds to
# this list; keep one package per line.
PACKAGES=(
  build-essential
  cmake
  ninja-build
  ccache
  pkg-config
  git
  python3
  tzdata
  libboost1.81-dev
  libboost-json1.81-dev
  libabsl-dev
  libeigen3-dev
  libgtest-dev
  libgmock-dev
  libbenchmark-dev
  libsqlite3-dev
  # libphonenumber's runtime libraries; its headers come from the private
  # prefix below. Its headers include protobuf (phonenumber.pb.h) and ICU
  # (geocoding/phonenumber_offline_geocoder.h).
  libphonenumber8
  libgeocoding8
  libprotobuf-dev
  libicu-dev
  # Language bindings (bindings/): pybind11 + pytest for Python, Node with
  # npm for the N-API addon (node-addon-api comes from npm, see below).
  pybind11-dev
  python3-dev
  python3-pytest
  nodejs
)

# libphonenumber-dev cannot be installed beside Boost 1.81 (it depends on the
# default Boost), so its headers are unpacked into this prefix, which
# CMakeLists.txt searches (DIALER_DEPS_PREFIX there too).
DEPS_PREFIX="${DIALER_DEPS_PREFIX:-/opt/dialer-deps}"

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

log() { echo "install-deps: $*"; }

as_root() {
  if [[ ${EUID} -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    log "need root to run: $*" >&2
    exit 1
  fi
}

# Runs a noisy command quietly; shows its output only when it fails.
quietly() {
  local out
  out=$(mktemp)
  if ! "$@" >"${out}" 2>&1; then
    cat "${out}" >&2
    rm -f "${out}"
    log "failed: $*" >&2
    exit 1
  fi
  rm -f "${out}"
}

is_installed() {
  [[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" == installed ]]
}

missing=()
for pkg in "${PACKAGES[@]}"; do
  is_installed "${pkg}" || missing+=("${pkg}")
done
# Debian's nodejs comes without npm (NodeSource's nodejs includes it).
command -v npm >/dev/null 2>&1 || missing+=(npm)
if ((${#missing[@]})); then
  log "apt-get update"
  quietly as_root apt-get update -q
  log "apt-get install ${missing[*]}"
  quietly as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Absolute path of an installed package's file whose name ends with $2.
package_file() {
  dpkg-query -L "$1" | grep -E "/$2\$" | head -n 1
}

phonenumber_ready() {
  [[ -f /usr/include/phonenumbers/phonenumberutil.h ]] && return 0
  [[ -f "${DEPS_PREFIX}/include/phonenumbers/phonenumberutil.h" &&
     -e "${DEPS_PREFIX}/lib/libphonenumber.so" &&
     -e "${DEPS_PREFIX}/lib/libgeocoding.so" ]]
}

if ! phonenumber_ready; then
  log "unpacking libphonenumber-dev into ${DEPS_PREFIX}"
  work=$(mktemp -d)
  trap 'rm -rf "${work}"' EXIT
  # The headers must match the installed runtime library exactly.
  want="libphonenumber-dev=$(dpkg-query -W -f='${Version}' libphonenumber8)"
  # apt's download sandbox user cannot write into a root-only temp dir.
  download=(as_root apt-get download -q -o APT::Sandbox::User=root "${want}")
  if ! (cd "${work}" && "${download[@]}" >/dev/null 2>&1); then
    log "apt-get update"
    quietly as_root apt-get update -q
    (cd "${work}" && quietly "${download[@]}")
  fi
  dpkg-deb -x "${work}"/libphonenumber-dev_*.deb "${work}/root"
  as_root mkdir -p "${DEPS_PREFIX}/include" "${DEPS_PREFIX}/lib"
  as_root rm -rf "${DEPS_PREFIX}/include/phonenumbers"
  as_root cp -R "${work}/root/usr/include/phonenumbers" "${DEPS_PREFIX}/include/"
  # The package's own lib*.so links are relative and would dangle here; point
  # them at the runtime libraries that apt installed.
  as_root ln -sfn "$(package_file libphonenumber8 'libphonenumber\.so\.[0-9]+')" \
    "${DEPS_PREFIX}/lib/libphonenumber.so"
  as_root ln -sfn "$(package_file libgeocoding8 'libgeocoding\.so\.[0-9]+')" \
    "${DEPS_PREFIX}/lib/libgeocoding.so"
  phonenumber_ready || { log "libphonenumber prefix is incomplete" >&2; exit 1; }
fi

# The Node binding's build dependency (node-addon-api headers), from npm at
# the version package-lock.json pins; --ignore-scripts: the addon itself is
# built by CMake, not by npm's install hook.
node_dir="${ROOT}/bindings/node"
if [[ -f "${node_dir}/package-lock.json" &&
      ! -f "${node_dir}/node_modules/node-addon-api/napi.h" ]]; then
  log "npm ci in bindings/node"
  (cd "${node_dir}" && quietly npm ci --ignore-scripts --no-audit --no-fund)
fi

# node-addon-api (npm) for the Node binding, when Node is installed; its
# install script is skipped because the CMake build compiles the addon.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if command -v npm >/dev/null 2>&1 &&
   [[ ! -f "${root}/bindings/node/node_modules/node-addon-api/napi.h" ]]; then
  log "npm install (bindings/node: node-addon-api)"
  (cd "${root}/bindings/node" && quietly npm install --ignore-scripts --no-audit --no-fund)
fi
