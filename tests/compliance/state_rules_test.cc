#include "compliance/state_rules.h"

#include "compliance/embedded_data.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::compliance {
namespace {

using ::testing::HasSubstr;

TEST(StateRulesTest, ParsesTheSharedCsv) {
  auto rules = StateRules::Parse(EmbeddedStateRules());
  ASSERT_TRUE(rules.ok()) << rules.status();
  EXPECT_EQ(rules->rows().size(), 18u);
  // Fla. Stat. 501.616(6): 8-20 every day, 3 per 24 h.
  const StateRule* fl = rules->Find(*PackStateCode("FL"));
  ASSERT_NE(fl, nullptr);
  EXPECT_EQ(fl->windows[0], (DailyWindow{8 * 60, 20 * 60}));
  EXPECT_EQ(fl->windows[6], (DailyWindow{8 * 60, 20 * 60}));
  EXPECT_EQ(fl->max_attempts_per_24h, 3);
  // R.I. Gen. Laws 5-61-2(2): 9-18 weekdays, 10-17 Saturday, Sunday closed.
  const StateRule* ri = rules->Find(*PackStateCode("RI"));
  ASSERT_NE(ri, nullptr);
  EXPECT_EQ(ri->windows[4], (DailyWindow{9 * 60, 18 * 60}));
  EXPECT_EQ(ri->windows[5], (DailyWindow{10 * 60, 17 * 60}));
  EXPECT_TRUE(ri->windows[6].closed());
  EXPECT_TRUE(ri->holidays_restricted);
  // Tex. Bus. & Com. Code 301.051: Sunday from noon.
  EXPECT_EQ(rules->Find(*PackStateCode("TX"))->windows[6], (DailyWindow{12 * 60, 21 * 60}));
  EXPECT_EQ(rules->Find(*PackStateCode("NY")), nullptr);
}

TEST(StateRulesTest, ErrorsNameLineAndColumn) {
  const std::string header =
      "state,weekday_start,weekday_end,saturday_start,saturday_end,sunday_start,"
      "sunday_end,holidays_restricted,max_attempts_per_24h,source,confidence\n";
  auto bad_time = StateRules::Parse(header + "FL,8am,20:00,08:00,20:00,08:00,20:00,no,3,x,high\n");
  EXPECT_THAT(bad_time.status().message(), HasSubstr("line 2: column weekday_start '8am'"));
  auto bad_cap = StateRules::Parse(header + "FL,08:00,20:00,08:00,20:00,08:00,20:00,no,-1,x,high\n");
  EXPECT_THAT(bad_cap.status().message(), HasSubstr("max_attempts_per_24h"));
  auto dup = StateRules::Parse(header + "FL,08:00,20:00,08:00,20:00,08:00,20:00,no,,x,high\n" +
                               "FL,08:00,20:00,08:00,20:00,08:00,20:00,no,,x,high\n");
  EXPECT_THAT(dup.status().message(), HasSubstr("line 3: state FL appears twice"));
  auto half_closed = StateRules::Parse(header + "AL,08:00,20:00,08:00,20:00,closed,20:00,yes,,x,m\n");
  EXPECT_THAT(half_closed.status().message(), HasSubstr("both be 'closed'"));
  EXPECT_FALSE(StateRules::Parse("state,foo\n").ok());
  EXPECT_FALSE(StateRules::Parse("").ok());
}

}  // namespace
}  // namespace dialer::compliance
