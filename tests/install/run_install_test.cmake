# The `install` ctest: installs the build tree into a scratch prefix, checks
# what was installed, then builds and runs the consumer in this folder against
# it, once through find_package(dialer) and once through pkg-config.
#
# Inputs (-D): BUILD_DIR, CONSUMER_DIR, WORK_DIR, GENERATOR, CXX_COMPILER,
# LIBDIR (CMAKE_INSTALL_LIBDIR), INCLUDEDIR (CMAKE_INSTALL_INCLUDEDIR).
cmake_minimum_required(VERSION 3.25)

function(run)
  message(STATUS "+ ${ARGN}")
  execute_process(COMMAND ${ARGN} COMMAND_ERROR_IS_FATAL ANY)
endfunction()

set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${WORK_DIR}")

run("${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")

foreach(expected
    "${INCLUDEDIR}/dialer/version.h"
    "${INCLUDEDIR}/dialer/export.h"
    "${INCLUDEDIR}/dialer/engine.h"
    "${LIBDIR}/libdialer.a"
    "${LIBDIR}/libdialer.so"
    "${LIBDIR}/cmake/dialer/dialerConfig.cmake"
    "${LIBDIR}/cmake/dialer/dialerConfigVersion.cmake"
    "${LIBDIR}/cmake/dialer/dialerTargets.cmake"
    "${LIBDIR}/pkgconfig/dialer.pc")
  if(NOT EXISTS "${prefix}/${expected}")
    message(FATAL_ERROR "not installed: ${expected}")
  endif()
endforeach()
file(GLOB_RECURSE headers RELATIVE "${prefix}/${INCLUDEDIR}" "${prefix}/${INCLUDEDIR}/*")
foreach(header IN LISTS headers)
  if(NOT header MATCHES "^dialer/[^/]+\\.h$")
    message(FATAL_ERROR "installed a non-public header: ${header}")
  endif()
endforeach()

# find_package(dialer): both library flavours.
run("${CMAKE_COMMAND}" -S "${CONSUMER_DIR}" -B "${WORK_DIR}/consumer"
    -G "${GENERATOR}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
    "-DCMAKE_PREFIX_PATH=${prefix}")
run("${CMAKE_COMMAND}" --build "${WORK_DIR}/consumer")
run("${WORK_DIR}/consumer/consumer_shared")
run("${WORK_DIR}/consumer/consumer_static")

# pkg-config: the shared library.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} "${prefix}/${LIBDIR}/pkgconfig")
execute_process(COMMAND "${PKG_CONFIG}" --cflags --libs dialer
                OUTPUT_VARIABLE flags OUTPUT_STRIP_TRAILING_WHITESPACE
                COMMAND_ERROR_IS_FATAL ANY)
message(STATUS "pkg-config --cflags --libs dialer: ${flags}")
separate_arguments(flags UNIX_COMMAND "${flags}")
run("${CXX_COMPILER}" -std=c++20 "${CONSUMER_DIR}/main.cc" ${flags}
    -o "${WORK_DIR}/consumer_pkgconfig")
run("${CMAKE_COMMAND}" -E env "LD_LIBRARY_PATH=${prefix}/${LIBDIR}"
    "${WORK_DIR}/consumer_pkgconfig")
