// Property tests: random contacts, zones, states, instants (dense around both
// 2026 DST transitions and around holidays) and counters. For every decision
// an independent oracle recomputes each rule from the decision's own zones
// and states and checks that the gate never allows what a rule forbids, and
// that retry_at is the first instant the time rules allow.
#include <random>

#include "compliance/embedded_data.h"
#include "compliance/gate.h"
#include "gtest/gtest.h"

namespace dialer::compliance {
namespace {

absl::Time Utc(int y, int mo, int d, int h = 0) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, 0, 0), absl::UTCTimeZone());
}

class GatePropertyTest : public ::testing::Test {
 protected:
  GatePropertyTest() : rules_(*Rules::Default()), gate_(rules_), rng_(20260308) {
    rules_.dnc = &dnc_;
    for (int npa = 200; npa < 1000; ++npa) {
      if (!rules_.resolver->StatesForAreaCode(npa).empty()) us_npas_.push_back(npa);
    }
    for (int i = 0; i < 200; ++i) EXPECT_TRUE(dnc_.AddInternal(RandomNational()).ok());
    // Instants near the 2026 DST transitions (US: Mar 8, Nov 1) and holidays.
    anchors_ = {Utc(2026, 3, 8, 7), Utc(2026, 11, 1, 6)};
    for (const char* s : {"AL", "LA", "PA", "RI", "UT", "NY"}) {
      for (const Holiday& h : rules_.holidays->StateHolidays(*PackStateCode(s), 2026)) {
        anchors_.push_back(absl::FromCivil(absl::CivilSecond(h.date), absl::UTCTimeZone()));
      }
    }
  }

  uint64_t RandomNational() {
    const int npa = us_npas_[rng_() % us_npas_.size()];
    return static_cast<uint64_t>(npa) * 10000000ULL + (2 + rng_() % 8) * 1000000ULL +
           rng_() % 1000000ULL;
  }

  absl::Time RandomInstant() {
    if (rng_() % 3 == 0) {
      return Utc(2026, 1, 1) + absl::Seconds(rng_() % (366LL * 86400));
    }
    const absl::Time a = anchors_[rng_() % anchors_.size()];
    return a + absl::Seconds(static_cast<int64_t>(rng_() % (4 * 86400)) - 2 * 86400);
  }

  GateContact RandomContact() {
    static const char* kStates[] = {"", "", "FL", "TX", "AL", "RI", "PA", "UT", "LA", "OK",
                                    "NY", "CA", "AZ", "IN", "MS", "WA", "zz"};
    static const char* kZones[] = {"", "", "", "America/New_York", "America/Phoenix",
                                   "America/Indiana/Knox", "Pacific/Honolulu", "Bogus/Zone"};
    GateContact c;
    const uint64_t roll = rng_() % 20;
    if (roll == 0) {
      c.phone_e164 = "+1729" + std::to_string(2000000 + rng_() % 8000000);  // unmapped NPA
    } else if (roll == 1) {
      c.phone_e164 = "+1416" + std::to_string(2000000 + rng_() % 8000000);  // Canada
    } else if (roll == 2) {
      c.phone_e164 = "not a phone";
    } else {
      c.phone_e164 = FormatE164(RandomNational());
    }
    c.state = kStates[rng_() % std::size(kStates)];
    c.time_zone = kZones[rng_() % std::size(kZones)];
    return c;
  }

  GateCampaign RandomCampaign() {
    GateCampaign k;
    k.id = "p";
    k.caller_id = "+12125550199";
    k.allowed_caller_ids = {"+12125550199"};
    if (rng_() % 10 == 0) k.caller_id = "+13125550199";
    if (rng_() % 3 == 0) {
      k.SetDailyWindow({static_cast<int>(rng_() % 720), static_cast<int>(720 + rng_() % 721)});
    }
    if (rng_() % 7 == 0) k.window[rng_() % 7] = DailyWindow::Closed();
    k.max_attempts_per_24h = static_cast<int>(rng_() % 5);
    if (rng_() % 2 == 0) k.general_cap = {7, absl::Hours(24 * 7), absl::Hours(24 * 7)};
    k.abandon_state = static_cast<AbandonState>(rng_() % 4);
    k.mode = static_cast<DialMode>(rng_() % 3);
    return k;
  }

  GateCounters RandomCounters(absl::Time now) {
    GateCounters c;
    c.attempts_24h = static_cast<int>(rng_() % 6);
    c.attempts_general = static_cast<int>(rng_() % 10);
    if (rng_() % 4 == 0) c.last_conversation = now - absl::Hours(rng_() % 400);
    return c;
  }

  // Every rule recomputed from the decision's zones and states.
  void ExpectOracleAgrees(const GateContact& contact, const GateCampaign& campaign,
                          const GateCounters& counters, absl::Time now, const Decision& d) {
    SCOPED_TRACE(DecisionToJson(d));
    const auto number = ParseNanpE164(contact.phone_e164);
    bool forbidden = false;
    if (!number) {
      forbidden = true;
      EXPECT_TRUE(d.Has(Reason::kInvalidPhone));
    } else {
      for (const std::string& s : rules_.resolver->StatesForAreaCode(number->npa)) {
        EXPECT_NE(std::find(d.states.begin(), d.states.end(), s), d.states.end());
      }
    }
    EXPECT_FALSE(d.zones.empty());
    for (const std::string& name : d.zones) {
      absl::TimeZone tz;
      ASSERT_TRUE(absl::LoadTimeZone(name, &tz));
      const absl::CivilSecond local = tz.At(now).cs;
      const absl::CivilDay day(local);
      const int wd = static_cast<int>(absl::GetWeekday(day));
      const int minute = local.hour() * 60 + local.minute();
      if (local.hour() < 8 || local.hour() >= 21) {
        forbidden = true;
        EXPECT_TRUE(d.Has(Reason::kOutsideFederalWindow)) << name;
      }
      const DailyWindow& cw = campaign.window[wd];
      if (minute < cw.start_minute || minute >= cw.end_minute) {
        forbidden = true;
        EXPECT_TRUE(d.Has(Reason::kOutsideCampaignWindow)) << name;
      }
      for (const std::string& s : d.states) {
        const StateRule* rule = rules_.state_rules.Find(*PackStateCode(s));
        if (rule == nullptr) continue;
        const DailyWindow& w = rule->windows[wd];
        if (w.closed() || minute < w.start_minute || minute >= w.end_minute) {
          forbidden = true;
          EXPECT_TRUE(d.Has(Reason::kOutsideStateWindow) || d.Has(Reason::kSundayBan))
              << name << " " << s;
        }
        if (rule->holidays_restricted) {
          for (const Holiday& h : rules_.holidays->StateHolidays(rule->state, day.year())) {
            if (h.date == day) {
              forbidden = true;
              EXPECT_TRUE(d.Has(Reason::kStateHoliday)) << name << " " << s << " " << h.name;
            }
          }
        }
        if (rule->max_attempts_per_24h > 0 && counters.attempts_24h >= rule->max_attempts_per_24h) {
          forbidden = true;
          EXPECT_TRUE(d.Has(Reason::kAttemptCapState));
        }
      }
    }
    if (!contact.state.empty() && PackStateCode(contact.state)) {
      std::string upper = UnpackStateCode(*PackStateCode(contact.state));
      EXPECT_NE(std::find(d.states.begin(), d.states.end(), upper), d.states.end());
    }
    if (!contact.time_zone.empty()) {
      absl::TimeZone tz;
      if (absl::LoadTimeZone(contact.time_zone, &tz)) {
        EXPECT_NE(std::find(d.zones.begin(), d.zones.end(), contact.time_zone), d.zones.end());
      } else {
        forbidden = true;
        EXPECT_TRUE(d.Has(Reason::kInvalidTimeZone));
      }
    }
    if (number && dnc_.Check(number->national, {}).internal) {
      forbidden = true;
      EXPECT_TRUE(d.Has(Reason::kDncInternal));
    }
    if (campaign.max_attempts_per_24h > 0 &&
        counters.attempts_24h >= campaign.max_attempts_per_24h) {
      forbidden = true;
      EXPECT_TRUE(d.Has(Reason::kAttemptCapCampaign));
    }
    if (campaign.general_cap.count > 0 &&
        counters.attempts_general >= campaign.general_cap.count) {
      forbidden = true;
      EXPECT_TRUE(d.Has(Reason::kAttemptCapGeneral));
    }
    if (campaign.general_cap.cool_off_after_conversation > absl::ZeroDuration() &&
        now < counters.last_conversation + campaign.general_cap.cool_off_after_conversation) {
      forbidden = true;
      EXPECT_TRUE(d.Has(Reason::kConversationCoolOff));
    }
    if (campaign.abandon_state == AbandonState::kStop && campaign.mode != DialMode::kPower) {
      forbidden = true;
      EXPECT_TRUE(d.Has(Reason::kAbandonStop));
    }
    if (!campaign.allowed_caller_ids.contains(campaign.caller_id)) {
      forbidden = true;
      EXPECT_TRUE(d.Has(Reason::kCallerIdNotAllowed));
    }
    EXPECT_EQ(d.allowed, !forbidden);
    EXPECT_EQ(d.allowed, d.reasons.empty());
  }

  static bool TimeAllowed(const Decision& d) {
    for (Reason r : d.reasons) {
      if (r == Reason::kOutsideFederalWindow || r == Reason::kOutsideStateWindow ||
          r == Reason::kOutsideCampaignWindow || r == Reason::kStateHoliday ||
          r == Reason::kSundayBan) {
        return false;
      }
    }
    return true;
  }

  Rules rules_;
  DncLists dnc_;
  Gate gate_;
  std::mt19937_64 rng_;
  std::vector<int> us_npas_;
  std::vector<absl::Time> anchors_;
};

TEST_F(GatePropertyTest, NeverAllowsWhatARuleForbids) {
  for (int i = 0; i < 8000; ++i) {
    const GateContact contact = RandomContact();
    const GateCampaign campaign = RandomCampaign();
    const absl::Time now = RandomInstant();
    const GateCounters counters = RandomCounters(now);
    const Decision d = gate_.Check(contact, campaign, counters, now);
    ExpectOracleAgrees(contact, campaign, counters, now, d);
    if (HasFailure()) break;
  }
}

TEST_F(GatePropertyTest, RetryAtIsTheFirstInstantTheWindowsAllow) {
  const GateCounters none;
  int checked = 0;
  for (int i = 0; i < 4000; ++i) {
    GateContact contact = RandomContact();
    if (!ParseNanpE164(contact.phone_e164)) continue;
    if (contact.time_zone == "Bogus/Zone") contact.time_zone.clear();
    GateCampaign campaign = RandomCampaign();
    campaign.abandon_state = AbandonState::kNormal;
    campaign.caller_id = "+12125550199";
    const absl::Time now = RandomInstant();
    const Decision d = gate_.Check(contact, campaign, none, now);
    if (d.allowed || d.retry_at == absl::InfiniteFuture() ||
        d.Has(Reason::kDncInternal)) {
      continue;
    }
    ++checked;
    SCOPED_TRACE(DecisionToJson(d));
    ASSERT_GT(d.retry_at, now);
    EXPECT_TRUE(TimeAllowed(gate_.Check(contact, campaign, none, d.retry_at)));
    EXPECT_FALSE(TimeAllowed(gate_.Check(contact, campaign, none, d.retry_at - absl::Seconds(1))));
    for (int k = 0; k < 4; ++k) {
      const absl::Time t = now + (d.retry_at - now) * (static_cast<double>(rng_() % 1000) / 1000);
      EXPECT_FALSE(TimeAllowed(gate_.Check(contact, campaign, none, t)));
    }
    if (HasFailure()) break;
  }
  EXPECT_GT(checked, 500);
}

}  // namespace
}  // namespace dialer::compliance
