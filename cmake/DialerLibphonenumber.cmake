# Defines the imported target dialer::libphonenumber: libphonenumber and its
# offline geocoder, with the protobuf and ICU libraries their headers need.
#
# libphonenumber ships no CMake or pkg-config files, and on Debian bookworm its
# -dev package cannot be installed beside Boost 1.81, so scripts/install-deps.sh
# unpacks the headers into a private prefix (DIALER_DEPS_PREFIX, default
# /opt/dialer-deps). /usr is searched too. This file is also installed beside
# dialerConfig.cmake so that consumers of the static library get the target.
#
# Sets dialer_libphonenumber_FOUND.

include_guard(GLOBAL)

if(NOT DEFINED DIALER_DEPS_PREFIX)
  if(DEFINED ENV{DIALER_DEPS_PREFIX})
    set(_dialer_deps_prefix "$ENV{DIALER_DEPS_PREFIX}")
  else()
    set(_dialer_deps_prefix /opt/dialer-deps)
  endif()
  set(DIALER_DEPS_PREFIX "${_dialer_deps_prefix}" CACHE PATH
      "Private prefix holding libphonenumber's headers (see scripts/install-deps.sh)")
endif()

find_path(DIALER_PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h
          HINTS "${DIALER_DEPS_PREFIX}/include")
find_library(DIALER_PHONENUMBER_LIBRARY phonenumber
             HINTS "${DIALER_DEPS_PREFIX}/lib")
find_library(DIALER_GEOCODING_LIBRARY geocoding
             HINTS "${DIALER_DEPS_PREFIX}/lib")

set(dialer_libphonenumber_FOUND FALSE)
if(DIALER_PHONENUMBER_INCLUDE_DIR AND DIALER_PHONENUMBER_LIBRARY AND
   DIALER_GEOCODING_LIBRARY)
  # phonenumber.pb.h includes protobuf; the geocoder header includes ICU.
  find_package(Protobuf QUIET)
  find_package(ICU QUIET COMPONENTS uc i18n)
  if(Protobuf_FOUND AND ICU_FOUND)
    set(dialer_libphonenumber_FOUND TRUE)
  endif()
endif()

if(dialer_libphonenumber_FOUND AND NOT TARGET dialer::libphonenumber)
  add_library(dialer::libphonenumber INTERFACE IMPORTED)
  # Debian builds libphonenumber against Abseil, not Boost, and with POSIX
  # locks, so its headers need no I18N_PHONENUMBERS_USE_* definitions.
  set_target_properties(dialer::libphonenumber PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${DIALER_PHONENUMBER_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES
      "${DIALER_GEOCODING_LIBRARY};${DIALER_PHONENUMBER_LIBRARY};protobuf::libprotobuf;ICU::i18n;ICU::uc")
endif()
