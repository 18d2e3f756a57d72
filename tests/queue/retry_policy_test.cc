#include "queue/retry_policy.h"

#include <random>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "gtest/gtest.h"

namespace dialer::queue {
namespace {

class RetryPolicyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(absl::LoadTimeZone("America/New_York", &ny_));
    // Tuesday 2026-11-24 10:00 New York.
    t0_ = absl::FromCivil(absl::CivilHour(2026, 11, 24, 10), ny_);
  }

  AttemptOutcome Outcome(std::string_view code, int attempts = 1,
                         int today = 1) const {
    AttemptOutcome o;
    o.disposition = code;
    o.attempts_so_far = attempts;
    o.attempts_today = today;
    o.last_attempt = t0_;
    o.now = t0_ + absl::Minutes(2);
    return o;
  }

  RetryDecision Decide(const AttemptOutcome& o,
                       const std::vector<CustomDisposition>& custom = {}) {
    auto decision = NextAttempt(rules_, custom, ny_, o);
    EXPECT_TRUE(decision.ok()) << decision.status();
    return decision.ok() ? *decision : RetryDecision{};
  }

  RetryRules rules_;
  absl::TimeZone ny_;
  absl::Time t0_;
};

TEST_F(RetryPolicyTest, TerminalDispositionsEndCalling) {
  for (std::string_view code :
       {"connected", "meeting_booked", "not_interested", "dnc"}) {
    const RetryDecision d = Decide(Outcome(code));
    EXPECT_FALSE(d.retry) << code;
    EXPECT_NE(d.reason.find(std::string(code)), std::string::npos) << d.reason;
  }
}

TEST_F(RetryPolicyTest, BadNumberEndsUnlessAnAlternateIsLeft) {
  for (std::string_view code : {"wrong_number", "bad_data"}) {
    AttemptOutcome o = Outcome(code);
    EXPECT_FALSE(Decide(o).retry) << code;
    o.alternate_number_left = true;
    const RetryDecision d = Decide(o);
    EXPECT_TRUE(d.retry) << code;
    EXPECT_EQ(d.priority, Priority::kRetry);
    EXPECT_EQ(d.due, o.now);
  }
}

TEST_F(RetryPolicyTest, CallbackAtTheRequestedTimeIgnoringBudgets) {
  AttemptOutcome o = Outcome("callback", /*attempts=*/6, /*today=*/2);
  o.callback_at = t0_ + absl::Hours(28);
  const RetryDecision d = Decide(o);
  EXPECT_TRUE(d.retry);
  EXPECT_EQ(d.priority, Priority::kCallback);
  EXPECT_EQ(d.due, o.callback_at);
}

TEST_F(RetryPolicyTest, CallbackInThePastIsDueNow) {
  AttemptOutcome o = Outcome("callback");
  o.callback_at = t0_ - absl::Hours(1);
  EXPECT_EQ(Decide(o).due, o.now);
}

TEST_F(RetryPolicyTest, CallbackWithoutTimeIsAnError) {
  const auto d = NextAttempt(rules_, {}, ny_, Outcome("callback"));
  EXPECT_EQ(d.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(d.status().message().find("callback_at"), absl::string_view::npos);
}

TEST_F(RetryPolicyTest, NegativeCountersAreAnError) {
  AttemptOutcome o = Outcome("busy");
  o.attempts_today = -1;
  EXPECT_EQ(NextAttempt(rules_, {}, ny_, o).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(RetryPolicyTest, DispositionRulesChooseTheDelay) {
  const RetryDecision busy = Decide(Outcome("busy"));
  EXPECT_TRUE(busy.retry);
  EXPECT_EQ(busy.priority, Priority::kRetry);
  EXPECT_EQ(busy.due, t0_ + absl::Minutes(30));
  EXPECT_EQ(Decide(Outcome("no_answer")).due, t0_ + absl::Hours(4));
  EXPECT_EQ(Decide(Outcome("voicemail")).due, t0_ + absl::Hours(24));
}

TEST_F(RetryPolicyTest, HotContactsRetryAsHot) {
  AttemptOutcome o = Outcome("no_answer");
  o.hot = true;
  EXPECT_EQ(Decide(o).priority, Priority::kHot);
}

TEST_F(RetryPolicyTest, CustomDispositionsTerminalOrWithTheirDelay) {
  std::vector<CustomDisposition> custom(2);
  custom[0].code = "moved_on";
  custom[0].terminal = true;
  custom[1].code = "send_info";
  custom[1].retry_after = absl::Hours(48);
  EXPECT_FALSE(Decide(Outcome("moved_on"), custom).retry);
  EXPECT_EQ(Decide(Outcome("send_info"), custom).due, t0_ + absl::Hours(48));
}

TEST_F(RetryPolicyTest, UnknownCodesUseScheduleByAttemptNumber) {
  rules_.schedule = {absl::Hours(4), absl::Hours(24), absl::Minutes(10)};
  rules_.max_attempts_per_day = 0;
  EXPECT_EQ(Decide(Outcome("machine", 1)).due, t0_ + absl::Hours(4));
  EXPECT_EQ(Decide(Outcome("machine", 2)).due, t0_ + absl::Hours(24));
  // Raised to min_delay (1 h), and the last entry repeats.
  EXPECT_EQ(Decide(Outcome("machine", 3)).due, t0_ + absl::Hours(1));
  EXPECT_EQ(Decide(Outcome("machine", 5)).due, t0_ + absl::Hours(1));
  rules_.schedule.clear();
  EXPECT_EQ(Decide(Outcome("machine", 2)).due, t0_ + rules_.min_delay);
}

TEST_F(RetryPolicyTest, DueIsNeverBeforeNow) {
  AttemptOutcome o = Outcome("busy");
  o.now = t0_ + absl::Hours(2);  // a long wrap-up
  EXPECT_EQ(Decide(o).due, o.now);
}

TEST_F(RetryPolicyTest, DailyCapMovesToTheNextDayInTheDayZone) {
  const RetryDecision d = Decide(Outcome("busy", /*attempts=*/2, /*today=*/2));
  EXPECT_TRUE(d.retry);
  EXPECT_EQ(d.due, absl::FromCivil(absl::CivilDay(2026, 11, 25), ny_));
  EXPECT_NE(d.reason.find("daily cap"), std::string::npos) << d.reason;
  rules_.max_attempts_per_day = 0;
  EXPECT_EQ(Decide(Outcome("busy", 2, 2)).due, t0_ + absl::Minutes(30));
}

TEST_F(RetryPolicyTest, DayStartFollowsTheZoneAcrossDst) {
  const absl::Time in_fall_back_day =
      absl::FromCivil(absl::CivilHour(2026, 11, 1, 15), ny_);
  EXPECT_EQ(CampaignDayStart(in_fall_back_day, ny_),
            absl::FromCivil(absl::CivilDay(2026, 11, 1), ny_));
  EXPECT_EQ(CampaignDayStart(in_fall_back_day, ny_),
            absl::FromCivil(absl::CivilHour(2026, 11, 1, 4),
                            absl::UTCTimeZone()));
}

TEST_F(RetryPolicyTest, AttemptsUsedUpWithoutRecycling) {
  const RetryDecision d = Decide(Outcome("no_answer", 6, 1));
  EXPECT_FALSE(d.retry);
  EXPECT_NE(d.reason.find("used up"), std::string::npos) << d.reason;
}

// Field failure #9: recycling is its own counter; after max_recycles the
// contact is done.
TEST_F(RetryPolicyTest, RecyclingAfterRestWithItsOwnCounter) {
  rules_.recycle_after = absl::Hours(24 * 14);
  rules_.max_recycles = 2;
  AttemptOutcome o = Outcome("no_answer", 6, 1);
  RetryDecision d = Decide(o);
  EXPECT_TRUE(d.retry);
  EXPECT_EQ(d.priority, Priority::kRecycled);
  EXPECT_EQ(d.due, t0_ + absl::Hours(24 * 14));
  o.recycles_so_far = 1;  // second round: 12 attempts in all
  o.attempts_so_far = 7;
  d = Decide(o);
  EXPECT_EQ(d.priority, Priority::kRetry);
  o.attempts_so_far = 12;
  EXPECT_EQ(Decide(o).priority, Priority::kRecycled);
  o.recycles_so_far = 2;
  o.attempts_so_far = 18;
  EXPECT_FALSE(Decide(o).retry);
}

// Field failure #7: whatever mix of dispositions, the number of retries
// never exceeds max_attempts per round (budgets do not stack).
TEST_F(RetryPolicyTest, BudgetsNeverStackAcrossDispositions) {
  const std::vector<std::string> codes = {"busy", "no_answer", "failed",
                                          "voicemail", "abandoned",
                                          "gatekeeper", "machine"};
  for (uint32_t seed : {1u, 7u, 99u}) {
    std::mt19937 rng(seed);
    AttemptOutcome o;
    o.now = t0_;
    int attempts = 0;
    while (true) {
      ++attempts;
      ASSERT_LE(attempts, rules_.max_attempts) << seed;
      o.disposition = codes[rng() % codes.size()];
      o.attempts_so_far = attempts;
      o.attempts_today = 1;
      o.last_attempt = o.now;
      auto d = NextAttempt(rules_, {}, ny_, o);
      ASSERT_TRUE(d.ok());
      if (!d->retry) break;
      ASSERT_GT(d->due, o.last_attempt) << o.disposition;
      o.now = d->due;
    }
    EXPECT_EQ(attempts, rules_.max_attempts) << seed;
  }
}

TEST_F(RetryPolicyTest, RecycleRespectsTheDailyCap) {
  rules_.recycle_after = absl::Minutes(1);
  const RetryDecision d = Decide(Outcome("no_answer", 6, 2));
  EXPECT_EQ(d.priority, Priority::kRecycled);
  EXPECT_EQ(d.due, absl::FromCivil(absl::CivilDay(2026, 11, 25), ny_));
}

TEST(TerminalDispositionTest, OnlyTheFourStandardTerminalCodes) {
  EXPECT_TRUE(IsTerminalStandardDisposition("dnc"));
  EXPECT_FALSE(IsTerminalStandardDisposition("busy"));
  EXPECT_FALSE(IsTerminalStandardDisposition("wrong_number"));
  EXPECT_FALSE(IsTerminalStandardDisposition("callback"));
}

// Reason::kSkip changes nothing but the reason: over codes of every path,
// counters, recycling, schedules and the daily cap, the decision (or the
// error) is the one kExplain gives, and the reason is empty.
TEST_F(RetryPolicyTest, SkippingTheReasonKeepsTheDecision) {
  std::vector<CustomDisposition> custom(2);
  custom[0].code = "gone_fishing";
  custom[0].terminal = true;
  custom[1].code = "try_next_week";
  custom[1].retry_after = absl::Hours(24 * 7);
  std::vector<RetryRules> variants(3);
  variants[1].schedule = {absl::Minutes(10), absl::Hours(4), absl::Hours(48)};
  variants[1].recycle_after = absl::Hours(24 * 30);
  variants[1].max_recycles = 2;
  variants[2].max_attempts = 0;
  variants[2].max_attempts_per_day = 0;
  int compared = 0;
  for (const RetryRules& rules : variants) {
    for (std::string_view code :
         {"callback", "connected", "gone_fishing", "try_next_week",
          "wrong_number", "no_answer", "busy", "voicemail", "abandoned"}) {
      for (int attempts = -1; attempts <= 7; ++attempts) {
        for (int today = 0; today <= 3; ++today) {
          for (int recycles = 0; recycles <= 2; ++recycles) {
            AttemptOutcome o = Outcome(code, attempts, today);
            o.recycles_so_far = recycles;
            o.alternate_number_left = (attempts + today) % 2 == 0;
            o.hot = recycles == 1;
            if (attempts != 3) o.callback_at = t0_ + absl::Hours(attempts);
            const auto a = NextAttempt(rules, custom, ny_, o, Reason::kExplain);
            const auto b = NextAttempt(rules, custom, ny_, o, Reason::kSkip);
            ASSERT_EQ(a.status(), b.status()) << code << " " << attempts;
            ++compared;
            if (!a.ok()) continue;
            EXPECT_EQ(a->retry, b->retry) << code << " " << attempts;
            EXPECT_EQ(a->priority, b->priority) << code << " " << attempts;
            EXPECT_EQ(a->due, b->due) << code << " " << attempts;
            EXPECT_FALSE(a->reason.empty()) << code << " " << attempts;
            EXPECT_TRUE(b->reason.empty()) << b->reason;
          }
        }
      }
    }
  }
  EXPECT_EQ(compared, 3 * 9 * 9 * 4 * 3);
}

}  // namespace
}  // namespace dialer::queue
