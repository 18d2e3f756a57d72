# The product libraries and their installation.
#
#  - dialer_shared (libdialer.so, alias dialer::dialer) and dialer_static
#    (libdialer.a, alias dialer::dialer_static), both made of the objects of
#    every module registered with dialer_module();
#  - install(): public headers include/dialer/*.h and the generated version.h,
#    both libraries, the CMake package (dialerConfig.cmake,
#    dialerConfigVersion.cmake, dialerTargets.cmake, namespace dialer::) and
#    lib/pkgconfig/dialer.pc.
#
# Include after every module's add_subdirectory().

include_guard(GLOBAL)
include(CMakePackageConfigHelpers)

# Third-party targets the public headers expose (absl::Status, absl::Time);
# consumers of either library link them.
set(DIALER_PUBLIC_DEPS absl::status absl::statusor absl::time)
# pkg-config names of the same, for dialer.pc.
set(DIALER_PUBLIC_PKGCONFIG "absl_status absl_statusor absl_time")

get_property(_dialer_modules GLOBAL PROPERTY DIALER_MODULES)
get_property(_dialer_external GLOBAL PROPERTY DIALER_EXTERNAL_DEPS)
list(REMOVE_DUPLICATES _dialer_external)
list(REMOVE_ITEM _dialer_external ${DIALER_PUBLIC_DEPS})

set(_dialer_objects)
foreach(module IN LISTS _dialer_modules)
  list(APPEND _dialer_objects "$<TARGET_OBJECTS:${module}>")
endforeach()

set(_dialer_include_interface
  "$<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>"
  "$<BUILD_INTERFACE:${DIALER_GENERATED_INCLUDE_DIR}>"
  "$<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>")

add_library(dialer_shared SHARED ${_dialer_objects})
add_library(dialer::dialer ALIAS dialer_shared)
set_target_properties(dialer_shared PROPERTIES
  OUTPUT_NAME dialer
  EXPORT_NAME dialer
  VERSION ${PROJECT_VERSION}
  SOVERSION ${PROJECT_VERSION_MAJOR}
  CXX_VISIBILITY_PRESET hidden
  VISIBILITY_INLINES_HIDDEN ON)
target_include_directories(dialer_shared PUBLIC ${_dialer_include_interface})
target_compile_features(dialer_shared PUBLIC cxx_std_20)
target_link_libraries(dialer_shared
  PUBLIC ${DIALER_PUBLIC_DEPS}
  PRIVATE ${_dialer_external})
set(_dialer_symbol_map "${PROJECT_SOURCE_DIR}/cmake/libdialer.map")
target_link_options(dialer_shared PRIVATE "LINKER:--version-script=${_dialer_symbol_map}")
set_property(TARGET dialer_shared APPEND PROPERTY LINK_DEPENDS "${_dialer_symbol_map}")
if(NOT DIALER_SANITIZE)
  # Report a symbol no module defines when linking, not when a host loads it.
  target_link_options(dialer_shared PRIVATE "LINKER:--no-undefined")
endif()

add_library(dialer_static STATIC ${_dialer_objects})
add_library(dialer::dialer_static ALIAS dialer_static)
set_target_properties(dialer_static PROPERTIES
  OUTPUT_NAME dialer
  EXPORT_NAME dialer_static)
target_include_directories(dialer_static PUBLIC ${_dialer_include_interface})
target_compile_features(dialer_static PUBLIC cxx_std_20)
# DIALER_STATIC_DEFINE makes DIALER_EXPORT empty for consumers (export.h).
target_compile_definitions(dialer_static INTERFACE DIALER_STATIC_DEFINE)
target_link_libraries(dialer_static
  PUBLIC ${DIALER_PUBLIC_DEPS}
  PRIVATE ${_dialer_external})

# --- Installation ---------------------------------------------------------

set(DIALER_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/dialer")

install(TARGETS dialer_shared dialer_static
  EXPORT dialerTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/dialer"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
install(FILES "${DIALER_GENERATED_INCLUDE_DIR}/dialer/version.h"
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/dialer)
install(EXPORT dialerTargets
  NAMESPACE dialer::
  DESTINATION ${DIALER_INSTALL_CMAKEDIR})

# dialerConfig.cmake must find every package whose targets the exported link
# interfaces name (the static library's include all modules' third-party
# deps), and dialer.pc must list the same for `pkg-config --static`.
set(_dialer_packages)
set(_dialer_boost_components)
set(_dialer_pc_requires_private)
set(_dialer_pc_libs_private)
foreach(dep IN LISTS DIALER_PUBLIC_DEPS _dialer_external)
  if(dep MATCHES "^absl::(.+)$")
    list(APPEND _dialer_packages "absl CONFIG")
    if(NOT dep IN_LIST DIALER_PUBLIC_DEPS)
      list(APPEND _dialer_pc_requires_private absl_${CMAKE_MATCH_1})
    endif()
  elseif(dep MATCHES "^Boost::(.+)$")
    set(_component ${CMAKE_MATCH_1})
    if(NOT _component MATCHES "^(headers|boost)$")
      list(APPEND _dialer_boost_components ${_component})
      list(APPEND _dialer_pc_libs_private -lboost_${_component})
    endif()
  elseif(dep MATCHES "^Threads::")
    list(APPEND _dialer_packages "Threads")
    list(APPEND _dialer_pc_libs_private -pthread)
  elseif(dep MATCHES "^SQLite::")
    list(APPEND _dialer_packages "SQLite3")
    list(APPEND _dialer_pc_requires_private sqlite3)
  elseif(dep MATCHES "^Eigen3::")
    list(APPEND _dialer_packages "Eigen3 CONFIG")
    list(APPEND _dialer_pc_requires_private eigen3)
  elseif(dep STREQUAL "dialer::libphonenumber")
    set(_dialer_need_libphonenumber TRUE)
    list(APPEND _dialer_pc_requires_private protobuf icu-i18n icu-uc)
    get_filename_component(_dir "${DIALER_PHONENUMBER_LIBRARY}" DIRECTORY)
    list(APPEND _dialer_pc_libs_private -L${_dir} -lgeocoding -lphonenumber)
  else()
    message(FATAL_ERROR "DialerProducts.cmake: no package is known for '${dep}'; "
      "add it to the list that dialerConfig.cmake and dialer.pc are made from.")
  endif()
endforeach()

set(DIALER_FIND_DEPENDENCIES)
list(REMOVE_DUPLICATES _dialer_packages)
foreach(package IN LISTS _dialer_packages)
  string(APPEND DIALER_FIND_DEPENDENCIES "find_dependency(${package})\n")
endforeach()
if(_dialer_boost_components)
  list(REMOVE_DUPLICATES _dialer_boost_components)
  list(JOIN _dialer_boost_components " " _components)
  string(APPEND DIALER_FIND_DEPENDENCIES
    "find_dependency(Boost ${Boost_VERSION} CONFIG COMPONENTS ${_components})\n")
endif()
if(_dialer_need_libphonenumber)
  string(APPEND DIALER_FIND_DEPENDENCIES
    "if(NOT DEFINED DIALER_DEPS_PREFIX)\n"
    "  set(DIALER_DEPS_PREFIX \"${DIALER_DEPS_PREFIX}\")\n"
    "endif()\n"
    "include(\"\${CMAKE_CURRENT_LIST_DIR}/DialerLibphonenumber.cmake\")\n"
    "if(NOT dialer_libphonenumber_FOUND)\n"
    "  set(dialer_FOUND FALSE)\n"
    "  set(dialer_NOT_FOUND_MESSAGE \"libphonenumber not found (DIALER_DEPS_PREFIX=\${DIALER_DEPS_PREFIX}); run dialer's scripts/install-deps.sh\")\n"
    "  return()\n"
    "endif()\n")
  install(FILES "${PROJECT_SOURCE_DIR}/cmake/DialerLibphonenumber.cmake"
    DESTINATION ${DIALER_INSTALL_CMAKEDIR})
endif()
list(REMOVE_DUPLICATES _dialer_pc_requires_private)
list(REMOVE_DUPLICATES _dialer_pc_libs_private)
list(JOIN _dialer_pc_requires_private " " DIALER_PC_REQUIRES_PRIVATE)
list(JOIN _dialer_pc_libs_private " " DIALER_PC_LIBS_PRIVATE)

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/dialerConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/dialerConfig.cmake"
  INSTALL_DESTINATION ${DIALER_INSTALL_CMAKEDIR})
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/dialerConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/dialerConfig.cmake"
  "${PROJECT_BINARY_DIR}/dialerConfigVersion.cmake"
  DESTINATION ${DIALER_INSTALL_CMAKEDIR})

# dialer.pc finds its prefix from its own location, so the tree can be moved.
file(RELATIVE_PATH DIALER_PC_PREFIX_FROM_PCFILEDIR
  "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
string(REGEX REPLACE "/$" "" DIALER_PC_PREFIX_FROM_PCFILEDIR "${DIALER_PC_PREFIX_FROM_PCFILEDIR}")
configure_file("${PROJECT_SOURCE_DIR}/cmake/dialer.pc.in"
  "${PROJECT_BINARY_DIR}/dialer.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/dialer.pc"
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
