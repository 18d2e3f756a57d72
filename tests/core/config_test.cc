#include "dialer/config.h"

#include <limits>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

CustomDisposition Custom(std::string code,
                         absl::Duration retry_after = absl::ZeroDuration()) {
  CustomDisposition d;
  d.code = std::move(code);
  d.retry_after = retry_after;
  return d;
}

CampaignConfig Valid() {
  CampaignConfig c;
  c.id = "q3-outbound";
  c.caller_ids = {"+12125550100"};
  return c;
}

// Expects InvalidArgument whose message names the campaign and `field`.
void ExpectRejected(const CampaignConfig& c, const std::string& field,
                    const std::string& detail = "") {
  const absl::Status s = c.Validate();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  EXPECT_THAT(std::string(s.message()),
              AllOf(HasSubstr("campaign '" + c.id + "'"), HasSubstr(field),
                    HasSubstr(detail)));
}

TEST(CampaignConfigTest, DefaultsWithAnIdAreValid) {
  CampaignConfig c;
  c.id = "x";
  EXPECT_TRUE(c.Validate().ok()) << c.Validate();
  EXPECT_TRUE(Valid().Validate().ok());
}

TEST(CampaignConfigTest, RejectsEmptyId) {
  CampaignConfig c = Valid();
  c.id = "";
  c.name = "Q3";
  const absl::Status s = c.Validate();
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(s.message()),
              AllOf(HasSubstr("id is empty"), HasSubstr("'Q3'")));
}

TEST(CampaignConfigTest, LinesPerAgentCheckedInParallelModeOnly) {
  CampaignConfig c = Valid();
  c.lines_per_agent = 0;
  EXPECT_TRUE(c.Validate().ok());  // power: ignored
  c.mode = DialMode::kPredictive;
  EXPECT_TRUE(c.Validate().ok());
  c.mode = DialMode::kParallel;
  ExpectRejected(c, "lines_per_agent is 0", "1-10");
  c.lines_per_agent = 11;
  ExpectRejected(c, "lines_per_agent is 11", "1-10");
  c.lines_per_agent = 1;
  EXPECT_TRUE(c.Validate().ok());
  c.lines_per_agent = 10;
  EXPECT_TRUE(c.Validate().ok());
}

TEST(CampaignConfigTest, RejectsUnknownMode) {
  CampaignConfig c = Valid();
  c.mode = static_cast<DialMode>(7);
  ExpectRejected(c, "mode is 7", "power, parallel or predictive");
}

TEST(CampaignConfigTest, AutoAdvanceDelayZeroToSixtySeconds) {
  CampaignConfig c = Valid();
  c.auto_advance_delay = absl::ZeroDuration();
  EXPECT_TRUE(c.Validate().ok());
  c.auto_advance_delay = absl::Seconds(60);
  EXPECT_TRUE(c.Validate().ok());
  c.auto_advance_delay = absl::Seconds(61);
  ExpectRejected(c, "auto_advance_delay is 1m1s", "0 to 1m");
  c.auto_advance_delay = absl::Milliseconds(-1);
  ExpectRejected(c, "auto_advance_delay is -1ms");
}

TEST(CampaignConfigTest, PreviewZeroToFiveMinutes) {
  CampaignConfig c = Valid();
  c.preview = absl::Seconds(300);
  EXPECT_TRUE(c.Validate().ok());
  c.preview = absl::Seconds(301);
  ExpectRejected(c, "preview is 5m1s");
  c.preview = absl::Seconds(-1);
  ExpectRejected(c, "preview is -1s");
}

TEST(CampaignConfigTest, RingTimeoutPositiveAndAtMostTwoMinutes) {
  CampaignConfig c = Valid();
  c.ring_timeout = absl::Seconds(5);  // raised to 15 s later, not rejected
  EXPECT_TRUE(c.Validate().ok());
  c.ring_timeout = absl::Seconds(120);
  EXPECT_TRUE(c.Validate().ok());
  c.ring_timeout = absl::Seconds(121);
  ExpectRejected(c, "ring_timeout is 2m1s", "at most 2m");
  c.ring_timeout = absl::ZeroDuration();
  ExpectRejected(c, "ring_timeout is 0");
}

TEST(CampaignConfigTest, AbandonLimitInZeroToThreePercent) {
  CampaignConfig c = Valid();
  c.abandon_limit = 0.01;
  EXPECT_TRUE(c.Validate().ok());
  c.abandon_limit = 0.03;
  EXPECT_TRUE(c.Validate().ok());
  c.abandon_limit = 0.031;
  ExpectRejected(c, "abandon_limit is 0.031", "at most 0.03");
  c.abandon_limit = 0;
  ExpectRejected(c, "abandon_limit is 0");
  c.abandon_limit = std::numeric_limits<double>::quiet_NaN();
  ExpectRejected(c, "abandon_limit is nan");
}

TEST(CampaignConfigTest, CallbackGraceAndIdleAlertAreNotNegative) {
  CampaignConfig c = Valid();
  c.callback_owner_grace = absl::ZeroDuration();
  c.agent_idle_alert_after = absl::ZeroDuration();
  EXPECT_TRUE(c.Validate().ok());
  c.callback_owner_grace = absl::InfiniteDuration();  // the owner only
  c.agent_idle_alert_after = absl::InfiniteDuration();
  EXPECT_TRUE(c.Validate().ok());
  c.callback_owner_grace = absl::Seconds(-1);
  ExpectRejected(c, "callback_owner_grace is -1s", "0s or more");
  c.callback_owner_grace = absl::Minutes(5);
  c.agent_idle_alert_after = absl::Seconds(-1);
  ExpectRejected(c, "agent_idle_alert_after is -1s", "0s or more");
}

TEST(CampaignConfigTest, CallerIdsMustBeE164) {
  CampaignConfig c = Valid();
  c.caller_ids = {"+12125550100", "2125550101"};
  ExpectRejected(c, "caller_ids[1] is '2125550101'", "E.164");
  c.caller_ids = {"+1212555010x"};
  ExpectRejected(c, "caller_ids[0]");
  c.caller_ids = {"+12125550100", "+442079460000"};
  EXPECT_TRUE(c.Validate().ok());
}

TEST(CampaignConfigTest, WrapUp) {
  CampaignConfig c = Valid();
  c.wrap_up.auto_ready_after = absl::Seconds(-1);
  ExpectRejected(c, "wrap_up.auto_ready_after is -1s");
  c.wrap_up.auto_ready_after = absl::Seconds(30);
  c.wrap_up.max = absl::Seconds(-5);
  ExpectRejected(c, "wrap_up.max is -5s");
  c.wrap_up.max = absl::Seconds(20);
  ExpectRejected(c, "wrap_up.auto_ready_after is 30s", "at most wrap_up.max");
  c.wrap_up.max = absl::Seconds(30);
  EXPECT_TRUE(c.Validate().ok());
  c.wrap_up.max = absl::Seconds(20);
  c.wrap_up.mode = WrapUpConfig::Mode::kManual;  // auto_ready_after unused
  EXPECT_TRUE(c.Validate().ok());
  c.wrap_up.mode = static_cast<WrapUpConfig::Mode>(9);
  ExpectRejected(c, "wrap_up.mode is 9");
}

TEST(CampaignConfigTest, Retry) {
  CampaignConfig c = Valid();
  c.retry.max_attempts = 0;
  ExpectRejected(c, "retry.max_attempts is 0", "1 or more");
  c = Valid();
  c.retry.max_attempts_per_day = 0;
  ExpectRejected(c, "retry.max_attempts_per_day is 0");
  c = Valid();
  c.retry.min_delay = absl::Minutes(-1);
  ExpectRejected(c, "retry.min_delay is -1m");
  c = Valid();
  c.retry.by_disposition["busy"] = absl::Seconds(-1);
  ExpectRejected(c, "retry.by_disposition['busy'] is -1s");
  c = Valid();
  c.retry.by_disposition["bussy"] = absl::Minutes(5);
  ExpectRejected(c, "retry.by_disposition['bussy']", "disposition code");
  c.custom_dispositions.push_back(Custom("bussy"));
  EXPECT_TRUE(c.Validate().ok()) << c.Validate();
}

TEST(CampaignConfigTest, RetryScheduleAndRecycling) {
  CampaignConfig c = Valid();
  c.retry.schedule = {absl::Hours(1), absl::Hours(4), absl::Hours(24)};
  c.retry.recycle_after = absl::Hours(24 * 30);
  c.retry.max_recycles = 0;
  EXPECT_TRUE(c.Validate().ok()) << c.Validate();
  c.retry.schedule[1] = absl::Minutes(-5);
  ExpectRejected(c, "retry.schedule[1] is -5m", "0s or more");
  c.retry.schedule[1] = absl::InfiniteDuration();
  ExpectRejected(c, "retry.schedule[1] is inf", "a finite delay");
  c = Valid();
  c.retry.recycle_after = absl::Hours(-1);
  ExpectRejected(c, "retry.recycle_after is -1h", "0s or more");
  c.retry.recycle_after = absl::InfiniteDuration();
  ExpectRejected(c, "retry.recycle_after is inf", "a finite delay");
  c = Valid();
  c.retry.max_recycles = -1;
  ExpectRejected(c, "retry.max_recycles is -1", "0 or more");
}

// Every retry delay is added to the time of an attempt to make a due time;
// an infinite one would give a due time the queue refuses, so a retry the
// rules promise would never be scheduled. "Never retry" is a terminal
// disposition, not an infinite delay.
TEST(CampaignConfigTest, RetryDelaysAreFinite) {
  CampaignConfig c = Valid();
  c.retry.min_delay = absl::InfiniteDuration();
  ExpectRejected(c, "retry.min_delay is inf", "a finite delay");
  c = Valid();
  c.retry.by_disposition["busy"] = absl::InfiniteDuration();
  ExpectRejected(c, "retry.by_disposition['busy'] is inf", "a finite delay");
  c = Valid();
  c.custom_dispositions.push_back(
      CustomDisposition{.code = "demo_booked", .retry_after = absl::InfiniteDuration()});
  ExpectRejected(c, "custom_dispositions[0].retry_after is inf",
                 "a finite delay");
}

TEST(CampaignConfigTest, GeneralCap) {
  CampaignConfig c = Valid();
  c.general_cap.count = 7;  // Regulation F: 7 calls in 7 days
  c.general_cap.cool_off_after_conversation = absl::Hours(24 * 7);
  EXPECT_TRUE(c.Validate().ok()) << c.Validate();
  c.general_cap.count = -1;
  ExpectRejected(c, "general_cap.count is -1", "0 (no cap) or more");
  c = Valid();
  c.general_cap.count = 3;
  c.general_cap.window = absl::ZeroDuration();
  ExpectRejected(c, "general_cap.window is 0s", "longer than 0s");
  c.general_cap.window = absl::InfiniteDuration();
  ExpectRejected(c, "general_cap.window is inf", "a finite delay");
  c = Valid();
  c.general_cap.cool_off_after_conversation = absl::Hours(-2);
  ExpectRejected(c, "general_cap.cool_off_after_conversation is -2h",
                 "0s or more");
}

TEST(CampaignConfigTest, CustomDispositions) {
  CampaignConfig c = Valid();
  c.custom_dispositions = {Custom("demo_scheduled"),
                           Custom("sent_info", absl::Hours(48))};
  EXPECT_TRUE(c.Validate().ok()) << c.Validate();

  c.custom_dispositions[1].code = "Sent-Info";
  ExpectRejected(c, "custom_dispositions[1].code is 'Sent-Info'", "snake_case");
  c.custom_dispositions[1].code = "demo_scheduled";
  ExpectRejected(c, "custom_dispositions[1].code is 'demo_scheduled'",
                 "unique");
  c.custom_dispositions[1].code = "meeting_booked";
  ExpectRejected(c, "custom_dispositions[1].code is 'meeting_booked'",
                 "not a standard or system");
  c.custom_dispositions[1].code = "wrap_up_expired";
  ExpectRejected(c, "custom_dispositions[1].code is 'wrap_up_expired'",
                 "not a standard or system");
  c.custom_dispositions[1].code = "sent_info";
  c.custom_dispositions[1].retry_after = absl::Hours(-1);
  ExpectRejected(c, "custom_dispositions[1].retry_after is -1h");
  c.custom_dispositions[1].retry_after = absl::Hours(1);
  c.custom_dispositions[1].terminal = true;
  ExpectRejected(c, "custom_dispositions[1].retry_after is 1h", "terminal");
  c.custom_dispositions[1].terminal = false;
  c.custom_dispositions[1].required_fields = {"deal_value", ""};
  ExpectRejected(c, "custom_dispositions[1].required_fields[1] is empty");
}

TEST(CampaignConfigTest, PacerDetectorRateAndTimeZone) {
  CampaignConfig c = Valid();
  for (const char* pacer :
       {"", "predictive", "baseline-ratio", "baseline-adaptive"}) {
    c.pacer = pacer;
    EXPECT_TRUE(c.Validate().ok()) << pacer;
  }
  c.pacer = "baseline_ratio";
  ExpectRejected(c, "pacer is 'baseline_ratio'", "baseline-ratio");
  c = Valid();
  c.detector_false_positive_rate = 0.5;
  EXPECT_TRUE(c.Validate().ok());
  c.detector_false_positive_rate = 0.51;
  ExpectRejected(c, "detector_false_positive_rate is 0.51", "0-0.5");
  c.detector_false_positive_rate = -0.01;
  ExpectRejected(c, "detector_false_positive_rate is -0.01");
  c = Valid();
  c.time_zone = "America/Los_Angeles";
  EXPECT_TRUE(c.Validate().ok());
  c.time_zone = "Mars/Olympus_Mons";
  ExpectRejected(c, "time_zone is 'Mars/Olympus_Mons'", "IANA");
}

}  // namespace
}  // namespace dialer
