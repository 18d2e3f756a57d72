# Fails unless README.md's code block after "<!-- example: embed_power.cc -->"
# is exactly examples/embed_power.cc, so the README never shows code that the
# tests do not compile.
file(READ "${README}" readme)
file(READ "${EXAMPLE}" example)
set(marker "<!-- example: embed_power.cc -->")
string(FIND "${readme}" "${marker}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "README.md has no '${marker}' marker")
endif()
string(SUBSTRING "${readme}" ${at} -1 rest)
string(FIND "${rest}" "```cpp\n" open)
if(open EQUAL -1)
  message(FATAL_ERROR "no ```cpp block after the marker in README.md")
endif()
math(EXPR start "${open} + 7")
string(SUBSTRING "${rest}" ${start} -1 rest)
string(FIND "${rest}" "```" close)
string(SUBSTRING "${rest}" 0 ${close} block)
if(NOT block STREQUAL example)
  message(FATAL_ERROR "README.md's example differs from examples/embed_power.cc; "
                      "copy the file into the README block")
endif()
message(STATUS "README example matches examples/embed_power.cc")
