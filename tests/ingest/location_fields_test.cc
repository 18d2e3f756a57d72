#include "ingest/location_fields.h"

#include "gtest/gtest.h"

namespace dialer::ingest {
namespace {

TEST(LocationFieldsTest, StateCodesAndNames) {
  EXPECT_EQ(NormalizeStateCode("ny"), "NY");
  EXPECT_EQ(NormalizeStateCode(" New  York "), "NY");
  EXPECT_EQ(NormalizeStateCode("Ill."), std::nullopt);  // not an abbreviation we know
  EXPECT_EQ(NormalizeStateCode("district of columbia"), "DC");
  EXPECT_EQ(NormalizeStateCode("Ontario"), "ON");
  EXPECT_EQ(NormalizeStateCode("ZZ"), std::nullopt);
  EXPECT_EQ(NormalizeStateCode(""), std::nullopt);
}

TEST(LocationFieldsTest, Zips) {
  EXPECT_EQ(NormalizeZip("10001"), "10001");
  EXPECT_EQ(NormalizeZip("2134"), "02134");
  EXPECT_EQ(NormalizeZip("021341234"), "02134-1234");
  EXPECT_EQ(NormalizeZip(" 02134-1234 "), "02134-1234");
  EXPECT_EQ(NormalizeZip("123"), std::nullopt);
  EXPECT_EQ(NormalizeZip("ABCDE"), std::nullopt);
  EXPECT_EQ(NormalizeZip("02134-12"), std::nullopt);
}

TEST(LocationFieldsTest, TimeZones) {
  EXPECT_EQ(NormalizeTimeZoneName("America/New_York"), "America/New_York");
  EXPECT_EQ(NormalizeTimeZoneName("America/Argentina/Buenos_Aires"),
            "America/Argentina/Buenos_Aires");
  EXPECT_EQ(NormalizeTimeZoneName("Eastern"), "America/New_York");
  EXPECT_EQ(NormalizeTimeZoneName("pst"), "America/Los_Angeles");
  EXPECT_EQ(NormalizeTimeZoneName("US/Arizona"), "America/Phoenix");
  EXPECT_EQ(NormalizeTimeZoneName("UTC"), "UTC");
  EXPECT_EQ(NormalizeTimeZoneName("MST"), std::nullopt);  // ambiguous
  EXPECT_EQ(NormalizeTimeZoneName("AST"), std::nullopt);
  EXPECT_EQ(NormalizeTimeZoneName("bogus zone"), std::nullopt);
  EXPECT_EQ(NormalizeTimeZoneName("america/new york"), std::nullopt);
}

}  // namespace
}  // namespace dialer::ingest
