#include "dialer/version.h"

#include <string>

#include "dialer/engine.h"

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace dialer {
namespace {

TEST(VersionTest, LibraryMatchesHeaderMacros) {
  EXPECT_EQ(Version(), DIALER_VERSION_STRING);
  EXPECT_EQ(std::string(Version()),
            absl::StrCat(DIALER_VERSION_MAJOR, ".", DIALER_VERSION_MINOR, ".",
                         DIALER_VERSION_PATCH));
  EXPECT_TRUE(DIALER_VERSION_AT_LEAST(
      DIALER_VERSION_MAJOR, DIALER_VERSION_MINOR, DIALER_VERSION_PATCH));
  EXPECT_FALSE(DIALER_VERSION_AT_LEAST(DIALER_VERSION_MAJOR + 1, 0, 0));
}

}  // namespace
}  // namespace dialer
