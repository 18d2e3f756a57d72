# dialer_module(<name> [SOURCE_DIR <dir>] [DEPS <dep>...] [TEST_DEPS <dep>...])
#
# Declares the module in src/<name>/ (call it from src/<name>/CMakeLists.txt;
# a library outside src/, such as capi/, passes its folder as SOURCE_DIR):
#  - library dialer_<name> (alias dialer::<name>) from every .cc file below
#    that folder (internal/ included): a static, position-independent archive
#    with hidden visibility, whose objects also go into the product libraries
#    (see DialerProducts.cmake);
#  - include directories include/, src/ and the generated include/ (version.h);
#  - DEPS: other modules by bare name (`core`) or alias (`dialer::core`), and
#    imported targets of third-party packages (`absl::status`, `Boost::json`,
#    `SQLite::SQLite3`, `dialer::libphonenumber`, ...), linked PUBLIC;
#  - if DIALER_BUILD_TESTS and tests/<name>/ has *_test.cc files: one test
#    binary <name>_test from every .cc file in tests/<name>/, linked with
#    GTest::gmock_main and TEST_DEPS, registered with ctest under label `unit`;
#  - if DIALER_BUILD_BENCHMARKS and benchmarks/<name>/ has *_benchmark.cc
#    files: one binary <name>_benchmark linked with benchmark::benchmark_main
#    (not a ctest: benchmarks are run by hand, see benchmarks/RESULTS.md).
#
# Test and benchmark code can include "tests/..." / "benchmarks/..." from the
# repository root and gets DIALER_SOURCE_DIR and DIALER_SHARED_DIR as string
# macros (absolute paths) to find data files.

include_guard(GLOBAL)

# Every module's library; the product libraries and the CLI link them all.
define_property(GLOBAL PROPERTY DIALER_MODULES
  BRIEF_DOCS "dialer_<name> library targets of all modules")
# Third-party targets the modules link, for the products and the package file.
define_property(GLOBAL PROPERTY DIALER_EXTERNAL_DEPS
  BRIEF_DOCS "imported targets that dialer modules link")

# Splits DEPS into module targets (dialer_<name>) and third-party targets.
# A bare name is a module even when src/<name>/ does not exist yet, so that a
# missing module fails only the targets that link it (dialer_check_modules()
# warns about it at the end of the configure step).
function(_dialer_resolve_deps out_modules out_external)
  set(modules)
  set(external)
  foreach(dep IN LISTS ARGN)
    if(dep MATCHES "^dialer::(.+)$" AND
       EXISTS "${PROJECT_SOURCE_DIR}/src/${CMAKE_MATCH_1}/CMakeLists.txt")
      list(APPEND modules dialer_${CMAKE_MATCH_1})
    elseif(dep MATCHES "::")
      list(APPEND external ${dep})
    else()
      list(APPEND modules dialer_${dep})
    endif()
  endforeach()
  set_property(GLOBAL APPEND PROPERTY DIALER_REFERENCED_MODULES ${modules})
  set(${out_modules} ${modules} PARENT_SCOPE)
  set(${out_external} ${external} PARENT_SCOPE)
endfunction()

# Warns about modules that other modules name in DEPS but nobody defines.
function(dialer_check_modules)
  get_property(referenced GLOBAL PROPERTY DIALER_REFERENCED_MODULES)
  list(REMOVE_DUPLICATES referenced)
  foreach(target IN LISTS referenced)
    if(NOT TARGET ${target})
      string(REGEX REPLACE "^dialer_" "" name "${target}")
      message(WARNING "A module depends on '${name}', but src/${name}/CMakeLists.txt "
                      "does not declare dialer_module(${name}); targets linking it will fail.")
    endif()
  endforeach()
endfunction()

function(_dialer_support_target target)
  target_include_directories(${target} PRIVATE "${PROJECT_SOURCE_DIR}")
  target_compile_definitions(${target} PRIVATE
    "DIALER_SOURCE_DIR=\"${PROJECT_SOURCE_DIR}\""
    "DIALER_SHARED_DIR=\"${DIALER_SHARED_DIR}\"")
endfunction()

function(dialer_module name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "SOURCE_DIR" "DEPS;TEST_DEPS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "dialer_module(${name}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  set(target dialer_${name})
  _dialer_resolve_deps(dep_modules dep_external ${arg_DEPS})

  if(NOT arg_SOURCE_DIR)
    set(arg_SOURCE_DIR "${PROJECT_SOURCE_DIR}/src/${name}")
  endif()
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS "${arg_SOURCE_DIR}/*.cc")
  if(sources)
    add_library(${target} STATIC ${sources})
    set_target_properties(${target} PROPERTIES
      POSITION_INDEPENDENT_CODE ON
      CXX_VISIBILITY_PRESET hidden
      VISIBILITY_INLINES_HIDDEN ON)
    # The objects are also linked into libdialer.so: export its API.
    target_compile_definitions(${target} PRIVATE DIALER_BUILDING)
    set(scope PUBLIC)
    set_property(GLOBAL APPEND PROPERTY DIALER_MODULES ${target})
  else()
    # Header-only module.
    add_library(${target} INTERFACE)
    set(scope INTERFACE)
  endif()
  add_library(dialer::${name} ALIAS ${target})
  target_include_directories(${target} ${scope}
    "${PROJECT_SOURCE_DIR}/include"
    "${PROJECT_SOURCE_DIR}/src"
    "${DIALER_GENERATED_INCLUDE_DIR}")
  target_compile_features(${target} ${scope} cxx_std_20)
  target_link_libraries(${target} ${scope} ${dep_modules} ${dep_external})
  set_property(GLOBAL APPEND PROPERTY DIALER_EXTERNAL_DEPS ${dep_external})

  if(DIALER_BUILD_TESTS AND TARGET GTest::gmock_main)
    file(GLOB test_mains CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/tests/${name}/*_test.cc")
    if(test_mains)
      file(GLOB test_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/tests/${name}/*.cc")
      _dialer_resolve_deps(test_modules test_external ${arg_TEST_DEPS})
      add_executable(${name}_test ${test_sources})
      _dialer_support_target(${name}_test)
      target_link_libraries(${name}_test PRIVATE
        ${target} ${test_modules} ${test_external} GTest::gmock_main)
      add_test(NAME ${name}_test COMMAND ${name}_test --gtest_brief=1)
      set_tests_properties(${name}_test PROPERTIES
        LABELS unit
        TIMEOUT 600
        ENVIRONMENT "${DIALER_TEST_ENVIRONMENT}")
    endif()
  endif()

  if(DIALER_BUILD_BENCHMARKS AND TARGET benchmark::benchmark_main)
    file(GLOB bench_mains CONFIGURE_DEPENDS
         "${PROJECT_SOURCE_DIR}/benchmarks/${name}/*_benchmark.cc")
    if(bench_mains)
      file(GLOB bench_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/benchmarks/${name}/*.cc")
      add_executable(${name}_benchmark ${bench_sources})
      _dialer_support_target(${name}_benchmark)
      target_link_libraries(${name}_benchmark PRIVATE ${target} benchmark::benchmark_main)
    endif()
  endif()
endfunction()
