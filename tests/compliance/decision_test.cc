#include "compliance/decision.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::compliance {
namespace {

TEST(DecisionTest, JsonIsStable) {
  Decision d;
  d.allowed = false;
  d.reasons = {Reason::kOutsideFederalWindow, Reason::kDncInternal};
  d.zones = {"America/New_York"};
  d.local_times = {absl::CivilSecond(2026, 3, 8, 7, 30, 0)};
  d.retry_at = absl::InfiniteFuture();
  d.at = absl::FromCivil(absl::CivilSecond(2026, 3, 8, 11, 30, 0), absl::UTCTimeZone());
  d.phone_e164 = "+12125550100";
  d.contact_state = "NY";
  d.states = {"NY"};
  d.campaign_id = "c\"1";
  d.mode = DialMode::kPredictive;
  EXPECT_EQ(DecisionToJson(d),
            "{\"allowed\":false,\"reasons\":[\"outside_federal_window\",\"dnc_internal\"],"
            "\"zones\":[\"America/New_York\"],\"local_times\":[\"2026-03-08T07:30:00\"],"
            "\"retry_at\":null,\"at\":\"2026-03-08T11:30:00Z\",\"inputs\":{\"phone\":"
            "\"+12125550100\",\"state\":\"NY\",\"zip\":\"\",\"time_zone\":\"\",\"states\":"
            "[\"NY\"],\"campaign_id\":\"c\\\"1\",\"subject\":\"\",\"caller_id\":\"\","
            "\"mode\":\"predictive\",\"abandon_state\":\"normal\",\"attempts_24h\":0,"
            "\"attempts_general\":0,\"last_conversation\":null}}");
  EXPECT_THAT(DecisionToText(d), ::testing::HasSubstr(
                                     "REFUSED +12125550100 campaign c\"1 at 2026-03-08T11:30:00Z "
                                     "reasons [outside_federal_window,dnc_internal] retry_at never"));
}

TEST(DecisionTest, ReasonCodesRoundTrip) {
  for (int i = 0; i < kReasonCount; ++i) {
    const auto r = static_cast<Reason>(i);
    EXPECT_EQ(ReasonFromCode(ReasonCode(r)), r);
  }
  EXPECT_EQ(ReasonFromCode("nope"), std::nullopt);
  EXPECT_EQ(ReasonCode(Reason::kCallerIdNotAllowed), "caller_id_not_allowed");
}

}  // namespace
}  // namespace dialer::compliance
