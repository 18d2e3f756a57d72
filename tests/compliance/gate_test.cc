#include "compliance/gate.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::compliance {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

absl::Time Local(const char* zone, int y, int mo, int d, int h, int mi, int s = 0) {
  absl::TimeZone tz;
  EXPECT_TRUE(absl::LoadTimeZone(zone, &tz));
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s), tz);
}

class GateTest : public ::testing::Test {
 protected:
  GateTest() : rules_(*Rules::Default()), gate_(rules_) {
    rules_.dnc = &dnc_;
    campaign_.id = "c1";
    campaign_.subject = "solar";
    campaign_.caller_id = "+12125550199";
    campaign_.allowed_caller_ids = {"+12125550199", "+13055550199"};
  }

  Decision Check(const std::string& phone, absl::Time at, const std::string& state = "",
                 const GateCounters& counters = {}) {
    GateContact contact{phone, state, "", ""};
    return gate_.Check(contact, campaign_, counters, at);
  }

  Rules rules_;
  DncLists dnc_;
  GateCampaign campaign_;
  Gate gate_;
};

// 47 CFR 64.1200(c)(1): no calls before 8 a.m. or after 9 p.m. local time.
TEST_F(GateTest, FederalWindow47CFR64_1200c1) {
  const char* ny = "America/New_York";
  auto early = Check("+12125550100", Local(ny, 2026, 3, 10, 7, 59, 59));
  EXPECT_FALSE(early.allowed);
  EXPECT_THAT(early.reasons, ElementsAre(Reason::kOutsideFederalWindow));
  EXPECT_EQ(early.retry_at, Local(ny, 2026, 3, 10, 8, 0));
  EXPECT_TRUE(Check("+12125550100", Local(ny, 2026, 3, 10, 8, 0)).allowed);
  EXPECT_TRUE(Check("+12125550100", Local(ny, 2026, 3, 10, 20, 59, 59)).allowed);
  auto late = Check("+12125550100", Local(ny, 2026, 3, 10, 21, 0));
  EXPECT_THAT(late.reasons, ElementsAre(Reason::kOutsideFederalWindow));
  EXPECT_EQ(late.retry_at, Local(ny, 2026, 3, 11, 8, 0));
  EXPECT_THAT(late.zones, ElementsAre("America/New_York"));
  EXPECT_EQ(late.local_times[0], absl::CivilSecond(2026, 3, 10, 21, 0, 0));
}

// Field failure #3: DST. 2026-03-08 clocks go 02:00 EST -> 03:00 EDT.
TEST_F(GateTest, FederalWindowAcrossSpringForward2026) {
  const absl::Time utc_1230 = absl::FromCivil(absl::CivilSecond(2026, 3, 8, 12, 30, 0),
                                              absl::UTCTimeZone());
  EXPECT_TRUE(Check("+12125550100", utc_1230).allowed);  // 08:30 EDT
  const absl::Time day_before = utc_1230 - absl::Hours(24);  // 07:30 EST
  auto d = Check("+12125550100", day_before);
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kOutsideFederalWindow));
  EXPECT_EQ(d.retry_at, Local("America/New_York", 2026, 3, 7, 8, 0));
}

// 2026-11-01 clocks go back 02:00 EDT -> 01:00 EST.
TEST_F(GateTest, FederalWindowAcrossFallBack2026) {
  const absl::Time utc_1230 = absl::FromCivil(absl::CivilSecond(2026, 11, 1, 12, 30, 0),
                                              absl::UTCTimeZone());
  auto d = Check("+12125550100", utc_1230);  // 07:30 EST
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kOutsideFederalWindow));
  EXPECT_EQ(d.retry_at, utc_1230 + absl::Minutes(30));
  EXPECT_TRUE(Check("+12125550100", utc_1230 - absl::Hours(24)).allowed);  // 08:30 EDT
}

// Arizona keeps MST all year: 08:30 in Phoenix is 09:30 in Denver in July.
TEST_F(GateTest, ArizonaHasNoDst) {
  EXPECT_TRUE(Check("+16025550100", Local("America/Phoenix", 2026, 7, 1, 8, 30)).allowed);
  EXPECT_FALSE(Check("+16025550100", Local("America/Phoenix", 2026, 7, 1, 7, 59)).allowed);
}

// Multi-zone area codes: the window must hold in every candidate zone.
TEST_F(GateTest, MultiZoneAreaCodeNeedsEveryZoneOpen) {
  // 208 (Idaho, Mountain + Pacific): 08:30 Mountain is 07:30 Pacific.
  auto d = Check("+12082015555", Local("America/Denver", 2026, 5, 5, 8, 30));
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kOutsideFederalWindow));
  EXPECT_EQ(d.retry_at, Local("America/Los_Angeles", 2026, 5, 5, 8, 0));
  // 20:30 Pacific is 21:30 Mountain.
  EXPECT_FALSE(Check("+12082015555", Local("America/Los_Angeles", 2026, 5, 5, 20, 30)).allowed);
  EXPECT_TRUE(Check("+12082015555", Local("America/Los_Angeles", 2026, 5, 5, 19, 30)).allowed);
}

// Fla. Stat. 501.616(6)(a): 8 a.m.-8 p.m.; applies by area code
// (501.059(8)(d)) even when the address is elsewhere.
TEST_F(GateTest, FloridaWindowFlStat501_616ByAreaCode) {
  const char* ny = "America/New_York";
  auto d = Check("+13055550100", Local(ny, 2026, 5, 5, 20, 0), "NY");
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kOutsideStateWindow));
  EXPECT_THAT(d.states, ElementsAre("FL", "NY"));
  EXPECT_TRUE(Check("+13055550100", Local(ny, 2026, 5, 5, 19, 59), "NY").allowed);
}

// The contact's address state applies too: a New York number of a Texas
// resident (Tex. Bus. & Com. Code 301.051: Sunday from noon).
TEST_F(GateTest, TexasSundayNoonBusCom301_051ByAddress) {
  // 2026-05-03 is a Sunday. TX adds Central and Mountain zones.
  auto d = Check("+12125550100", Local("America/Denver", 2026, 5, 3, 11, 30), "TX");
  EXPECT_TRUE(d.Has(Reason::kOutsideStateWindow));
  EXPECT_EQ(d.retry_at, Local("America/Denver", 2026, 5, 3, 12, 0));
  EXPECT_TRUE(Check("+12125550100", Local("America/Denver", 2026, 5, 3, 12, 0), "TX").allowed);
}

// Ala. Admin. Code r. 770-X-5-.17(1)(b): no calls on Sundays or holidays.
TEST_F(GateTest, AlabamaSundayBanAndHoliday770X5_17) {
  const char* ct = "America/Chicago";
  auto sunday = Check("+12055550100", Local(ct, 2026, 5, 3, 12, 0));
  EXPECT_THAT(sunday.reasons, ElementsAre(Reason::kSundayBan));
  EXPECT_EQ(sunday.retry_at, Local(ct, 2026, 5, 4, 8, 0));
  // Independence Day 2026 is a Saturday, observed Friday July 3: both banned.
  auto observed = Check("+12055550100", Local(ct, 2026, 7, 3, 12, 0));
  EXPECT_THAT(observed.reasons, ElementsAre(Reason::kStateHoliday));
  // Sat Jul 4 holiday, Sun Jul 5 closed: next opening Monday Jul 6.
  EXPECT_EQ(observed.retry_at, Local(ct, 2026, 7, 6, 8, 0));
}

// 73 P.S. 2245(a)(10): no solicitation on legal holidays (Good Friday 2026).
TEST_F(GateTest, PennsylvaniaLegalHoliday73PS2245a10) {
  auto d = Check("+12155550100", Local("America/New_York", 2026, 4, 3, 12, 0));
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kStateHoliday));
  EXPECT_TRUE(Check("+12155550100", Local("America/New_York", 2026, 4, 2, 12, 0)).allowed);
}

// R.I. Gen. Laws 5-61-2(2): Saturday 10-17 only.
TEST_F(GateTest, RhodeIslandSaturday5_61_2) {
  auto d = Check("+14015550100", Local("America/New_York", 2026, 5, 2, 17, 0));
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kOutsideStateWindow));
  // Sunday closed, so Monday 09:00.
  EXPECT_EQ(d.retry_at, Local("America/New_York", 2026, 5, 4, 9, 0));
}

// La. R.S. 45:844.31: all solicitation banned during a declared emergency.
TEST_F(GateTest, LouisianaBlackoutRS45_844_31) {
  const absl::Time noon = Local("America/Chicago", 2026, 5, 5, 12, 0);
  ASSERT_TRUE(rules_.blackouts.Set("LA", true).ok());
  auto d = Check("+15045550100", noon);
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kStateBlackout));
  EXPECT_EQ(d.retry_at, absl::InfiniteFuture());
  // Applies by address too.
  EXPECT_FALSE(Check("+12125550100", noon, "LA").allowed);
  ASSERT_TRUE(rules_.blackouts.Set("LA", false).ok());
  EXPECT_TRUE(Check("+15045550100", noon).allowed);
  EXPECT_FALSE(rules_.blackouts.Set("Louisiana", true).ok());
}

// 47 CFR 64.1200(c)(2) national registry; 64.1200(d) internal list; state lists.
TEST_F(GateTest, DncNationalStateInternal64_1200) {
  const absl::Time noon = Local("America/New_York", 2026, 5, 5, 12, 0);
  DncSetBuilder national;
  national.Add(2125550100);
  dnc_.SetNational(std::move(national).Build());
  DncSetBuilder texas;
  texas.Add(2125550101);
  ASSERT_TRUE(dnc_.SetState("TX", std::move(texas).Build()).ok());

  auto n = Check("+12125550100", noon);
  EXPECT_THAT(n.reasons, ElementsAre(Reason::kDncNational));
  EXPECT_EQ(n.retry_at, absl::InfiniteFuture());
  EXPECT_TRUE(Check("+12125550101", noon).allowed);  // TX list, NY person
  EXPECT_THAT(Check("+12125550101", noon, "TX").reasons, ElementsAre(Reason::kDncState));
  // An internal DNC takes effect at the next check.
  EXPECT_TRUE(Check("+12125550102", noon).allowed);
  ASSERT_TRUE(dnc_.AddInternal(2125550102).ok());
  EXPECT_THAT(Check("+12125550102", noon).reasons, ElementsAre(Reason::kDncInternal));
}

// Fla. Stat. 501.616(6)(b), 15 O.S. 775C.4, Md. Com. Law 14-4502: 3 per 24 h.
TEST_F(GateTest, StateAttemptCapFlOkMd) {
  const absl::Time noon = Local("America/New_York", 2026, 5, 5, 12, 0);
  GateCounters k;
  k.attempts_24h = 2;
  EXPECT_TRUE(Check("+13055550100", noon, "", k).allowed);
  k.attempts_24h = 3;
  k.oldest_attempt_24h = noon - absl::Hours(20);
  auto d = Check("+13055550100", noon, "", k);
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kAttemptCapState));
  EXPECT_EQ(d.retry_at, noon + absl::Hours(4));
  // Oklahoma by address, Maryland by area code.
  EXPECT_TRUE(Check("+12125550100", noon, "OK", k).Has(Reason::kAttemptCapState));
  EXPECT_TRUE(Check("+14105550100", noon, "", k).Has(Reason::kAttemptCapState));
  EXPECT_TRUE(Check("+12125550100", noon, "", k).allowed);  // NY: no state cap
}

TEST_F(GateTest, CampaignCapAndRegulationFGeneralRule) {
  const absl::Time noon = Local("America/New_York", 2026, 5, 5, 12, 0);
  campaign_.max_attempts_per_24h = 2;
  GateCounters k;
  k.attempts_24h = 2;
  auto d = Check("+12125550100", noon, "", k);
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kAttemptCapCampaign));
  EXPECT_EQ(d.retry_at, noon + absl::Hours(24));  // oldest unknown
  // 12 CFR 1006.14(b)(2): 7 calls in 7 days, 7 days after a conversation.
  campaign_.max_attempts_per_24h = 0;
  campaign_.general_cap = {7, absl::Hours(24 * 7), absl::Hours(24 * 7)};
  k = {};
  k.attempts_general = 7;
  k.oldest_attempt_general = noon - absl::Hours(24 * 6);
  d = Check("+12125550100", noon, "", k);
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kAttemptCapGeneral));
  EXPECT_EQ(d.retry_at, noon + absl::Hours(24));
  k = {};
  k.last_conversation = noon - absl::Hours(24);
  d = Check("+12125550100", noon, "", k);
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kConversationCoolOff));
  EXPECT_EQ(d.retry_at, noon + absl::Hours(24 * 6));
}

// A cap that clears at night waits for the window too.
TEST_F(GateTest, RetryAtCombinesCapAndWindow) {
  const absl::Time evening = Local("America/New_York", 2026, 5, 5, 20, 0);
  campaign_.max_attempts_per_24h = 1;
  GateCounters k;
  k.attempts_24h = 1;
  k.oldest_attempt_24h = evening - absl::Hours(23);  // clears 21:00, window closed
  auto d = Check("+12125550100", evening, "", k);
  EXPECT_EQ(d.retry_at, Local("America/New_York", 2026, 5, 6, 8, 0));
}

TEST_F(GateTest, CampaignWindowIsCheckedInCalledPartysTime) {
  campaign_.SetDailyWindow({10 * 60, 17 * 60});
  auto d = Check("+13105550100", Local("America/New_York", 2026, 5, 5, 12, 0));  // 09:00 PT
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kOutsideCampaignWindow));
  EXPECT_EQ(d.retry_at, Local("America/Los_Angeles", 2026, 5, 5, 10, 0));
  campaign_.window[1] = DailyWindow::Closed();  // no Tuesdays
  EXPECT_EQ(Check("+13105550100", Local("America/Los_Angeles", 2026, 5, 5, 12, 0)).retry_at,
            Local("America/Los_Angeles", 2026, 5, 6, 10, 0));
  campaign_.SetDailyWindow(DailyWindow::Closed());
  EXPECT_EQ(Check("+13105550100", Local("America/Los_Angeles", 2026, 5, 5, 12, 0)).retry_at,
            absl::InfiniteFuture());
}

// 47 CFR 64.1200(a)(7): parallel/predictive stop at the abandon limit; power
// mode cannot abandon.
TEST_F(GateTest, AbandonStop64_1200a7) {
  const absl::Time noon = Local("America/New_York", 2026, 5, 5, 12, 0);
  campaign_.abandon_state = AbandonState::kStop;
  campaign_.mode = DialMode::kPredictive;
  EXPECT_THAT(Check("+12125550100", noon).reasons, ElementsAre(Reason::kAbandonStop));
  campaign_.mode = DialMode::kParallel;
  EXPECT_FALSE(Check("+12125550100", noon).allowed);
  campaign_.mode = DialMode::kPower;
  EXPECT_TRUE(Check("+12125550100", noon).allowed);
  campaign_.mode = DialMode::kPredictive;
  campaign_.abandon_state = AbandonState::kThrottle;
  EXPECT_TRUE(Check("+12125550100", noon).allowed);
}

// 47 CFR 64.1601(e); Truth in Caller ID Act, 47 U.S.C. 227(e).
TEST_F(GateTest, CallerIdMustBeOwned64_1601e) {
  const absl::Time noon = Local("America/New_York", 2026, 5, 5, 12, 0);
  campaign_.caller_id = "+13055550199";
  EXPECT_TRUE(Check("+12125550100", noon).allowed);
  campaign_.caller_id = "+14155550199";
  EXPECT_THAT(Check("+12125550100", noon).reasons, ElementsAre(Reason::kCallerIdNotAllowed));
  campaign_.caller_id = "";
  EXPECT_THAT(Check("+12125550100", noon).reasons, ElementsAre(Reason::kCallerIdNotAllowed));
}

TEST_F(GateTest, InvalidInputIsRefusedVisibly) {
  const absl::Time noon = Local("America/New_York", 2026, 5, 5, 12, 0);
  auto d = Check("212-555-0100", noon);
  EXPECT_TRUE(d.Has(Reason::kInvalidPhone));
  EXPECT_EQ(d.retry_at, absl::InfiniteFuture());
  GateContact contact{"+12125550100", "", "", "Eastern"};
  d = gate_.Check(contact, campaign_, {}, noon);
  EXPECT_THAT(d.reasons, ElementsAre(Reason::kInvalidTimeZone));
}

TEST_F(GateTest, EveryRuleThatSaysNoIsListed) {
  const absl::Time sunday_night = Local("America/Chicago", 2026, 5, 3, 22, 0);
  ASSERT_TRUE(dnc_.AddInternal(2055550100).ok());
  campaign_.caller_id = "";
  GateCounters k;
  k.attempts_24h = 5;
  auto d = Check("+12055550100", sunday_night, "FL", k);
  EXPECT_THAT(d.reasons,
              ElementsAre(Reason::kOutsideFederalWindow, Reason::kOutsideStateWindow,
                          Reason::kSundayBan, Reason::kDncInternal,
                          Reason::kAttemptCapState, Reason::kCallerIdNotAllowed));
  EXPECT_THAT(d.states, ElementsAre("AL", "FL"));
}

TEST_F(GateTest, AllowedDecisionHasNoReasons) {
  const absl::Time noon = Local("America/New_York", 2026, 5, 5, 12, 0);
  auto d = Check("+12125550100", noon);
  EXPECT_TRUE(d.allowed);
  EXPECT_THAT(d.reasons, IsEmpty());
  EXPECT_EQ(d.retry_at, noon);
}

// The engine asks with Echo::kRefusalsOnly: a refusal (what the audit log
// records) must be the very same decision, field for field, and an allowed
// answer the same verdict and retry time.
TEST_F(GateTest, RefusalsOnlyEchoKeepsRefusalsWhole) {
  GateCounters capped;
  capped.attempts_24h = 5;
  capped.oldest_attempt_24h = Local("America/New_York", 2026, 5, 5, 9, 0);
  ASSERT_TRUE(dnc_.AddInternal(2125550111).ok());
  int refusals = 0;
  int allowed = 0;
  for (const char* phone : {"+12125550100", "+12125550111", "+13055550100",
                            "+12082015555", "+16025550100", "+1212"}) {
    for (const char* state : {"", "NY", "TX", "FL"}) {
      for (int hour = 0; hour < 24; hour += 3) {
        for (const GateCounters& k : {GateCounters{}, capped}) {
          const absl::Time at = Local("America/New_York", 2026, 5, 3, hour, 30);
          GateContact contact{phone, state, "", ""};
          const Decision full = gate_.Check(contact, campaign_, k, at);
          const Decision brief =
              gate_.Check(contact, campaign_, k, at, Gate::Echo::kRefusalsOnly);
          ASSERT_EQ(full.allowed, brief.allowed);
          EXPECT_EQ(full.at, brief.at);
          EXPECT_EQ(full.retry_at, brief.retry_at);
          EXPECT_EQ(full.reasons, brief.reasons);
          if (full.allowed) {
            ++allowed;
            EXPECT_TRUE(brief.phone_e164.empty());
            EXPECT_TRUE(brief.zones.empty());
          } else {
            ++refusals;
            EXPECT_EQ(DecisionToJson(full), DecisionToJson(brief));
            EXPECT_EQ(DecisionToText(full), DecisionToText(brief));
          }
        }
      }
    }
  }
  EXPECT_GT(refusals, 0);
  EXPECT_GT(allowed, 0);
}

}  // namespace
}  // namespace dialer::compliance
