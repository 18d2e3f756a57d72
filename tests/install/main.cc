// Checks that an installed dialer can be used: the public headers compile
// without the source tree, and the library's version matches the headers'.
#include <cstdio>
#include <string_view>

#include <dialer/engine.h>
#include <dialer/version.h>

static_assert(DIALER_VERSION_AT_LEAST(0, 1, 0));
static_assert(!DIALER_VERSION_AT_LEAST(DIALER_VERSION_MAJOR + 1, 0, 0));

int main() {
  const std::string_view library = dialer::Version();
  if (library != DIALER_VERSION_STRING) {
    std::fprintf(stderr, "library version %.*s != header version %s\n",
                 static_cast<int>(library.size()), library.data(),
                 DIALER_VERSION_STRING);
    return 1;
  }
  std::printf("dialer %s\n", DIALER_VERSION_STRING);
  return 0;
}
