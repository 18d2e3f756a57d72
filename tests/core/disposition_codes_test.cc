#include "core/disposition_codes.h"

#include "gtest/gtest.h"

namespace dialer::core {
namespace {

TEST(DispositionCodesTest, StandardAndSystemSetsAreDisjointAndSnakeCase) {
  for (std::string_view code : kStandardDispositionCodes) {
    EXPECT_TRUE(IsStandardDispositionCode(code)) << code;
    EXPECT_FALSE(IsSystemDispositionCode(code)) << code;
    EXPECT_TRUE(IsSnakeCase(code)) << code;
  }
  for (std::string_view code : kSystemDispositionCodes) {
    EXPECT_TRUE(IsSystemDispositionCode(code)) << code;
    EXPECT_FALSE(IsStandardDispositionCode(code)) << code;
    EXPECT_TRUE(IsSnakeCase(code)) << code;
  }
}

TEST(DispositionCodesTest, KnowsTheDocumentedCodes) {
  EXPECT_TRUE(IsStandardDispositionCode("meeting_booked"));
  EXPECT_TRUE(IsStandardDispositionCode("dnc"));
  EXPECT_TRUE(IsSystemDispositionCode("wrap_up_expired"));
  EXPECT_TRUE(IsSystemDispositionCode("skipped"));
  EXPECT_FALSE(IsStandardDispositionCode("demo_scheduled"));
  EXPECT_FALSE(IsSystemDispositionCode("demo_scheduled"));
  EXPECT_FALSE(IsStandardDispositionCode("Busy"));
}

TEST(DispositionCodesTest, SnakeCase) {
  EXPECT_TRUE(IsSnakeCase("a"));
  EXPECT_TRUE(IsSnakeCase("follow_up_q3"));
  EXPECT_TRUE(IsSnakeCase("demo2"));
  EXPECT_FALSE(IsSnakeCase(""));
  EXPECT_FALSE(IsSnakeCase("Follow_up"));
  EXPECT_FALSE(IsSnakeCase("_x"));
  EXPECT_FALSE(IsSnakeCase("x_"));
  EXPECT_FALSE(IsSnakeCase("a__b"));
  EXPECT_FALSE(IsSnakeCase("3d"));
  EXPECT_FALSE(IsSnakeCase("follow-up"));
  EXPECT_FALSE(IsSnakeCase("follow up"));
}

}  // namespace
}  // namespace dialer::core
