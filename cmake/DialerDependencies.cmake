# Finds the third-party packages the modules, tests and benchmarks use.
# Modules name the imported targets in dialer_module(... DEPS ...); the
# packages themselves are found once, here. scripts/install-deps.sh installs
# all of them on Debian bookworm.

find_package(Threads REQUIRED)
find_package(absl CONFIG REQUIRED)
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS json)
find_package(SQLite3 REQUIRED)
find_package(Eigen3 3.4 CONFIG REQUIRED)

include(DialerLibphonenumber)
if(NOT dialer_libphonenumber_FOUND)
  message(FATAL_ERROR
    "libphonenumber not found (headers searched in ${DIALER_DEPS_PREFIX}/include "
    "and /usr/include, libraries libphonenumber/libgeocoding, plus protobuf and "
    "ICU). Run scripts/install-deps.sh as root, or set DIALER_DEPS_PREFIX.")
endif()

if(DIALER_BUILD_TESTS)
  find_package(GTest CONFIG)
  if(NOT TARGET GTest::gmock_main)
    message(WARNING "GoogleTest/GoogleMock not found: unit tests are not built. "
                    "Run scripts/install-deps.sh.")
  endif()
endif()

if(DIALER_BUILD_BENCHMARKS)
  find_package(benchmark CONFIG)
  if(NOT TARGET benchmark::benchmark_main)
    message(WARNING "Google Benchmark not found: benchmarks are not built. "
                    "Run scripts/install-deps.sh.")
  endif()
endif()
