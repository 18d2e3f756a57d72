#include "core/e164.h"

#include "gtest/gtest.h"

namespace dialer::core {
namespace {

TEST(E164Test, AcceptsPlusAndEightToFifteenDigits) {
  EXPECT_TRUE(IsE164("+12125550100"));
  EXPECT_TRUE(IsE164("+44207946000"));
  EXPECT_TRUE(IsE164("+12345678"));         // 8 digits
  EXPECT_TRUE(IsE164("+123456789012345"));  // 15 digits
}

TEST(E164Test, RejectsOtherShapes) {
  EXPECT_FALSE(IsE164(""));
  EXPECT_FALSE(IsE164("+"));
  EXPECT_FALSE(IsE164("12125550100"));
  EXPECT_FALSE(IsE164("+1234567"));           // 7 digits
  EXPECT_FALSE(IsE164("+1234567890123456"));  // 16 digits
  EXPECT_FALSE(IsE164("+02125550100"));       // country code starts with 0
  EXPECT_FALSE(IsE164("+1 212 555 0100"));
  EXPECT_FALSE(IsE164("+1212555010a"));
  EXPECT_FALSE(IsE164("++12125550100"));
}

}  // namespace
}  // namespace dialer::core
