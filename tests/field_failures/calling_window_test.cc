// Field failures #1-#3: leads dialled at the wrong hour or never, windows
// checked in UTC/server/campaign time, DST and window arithmetic. Every test
// runs whole days through the public engine and checks each dial against
// the wall clock of the zones the person may be in, computed here apart
// from the engine (LocalHour).
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/field_failures/harness.h"

namespace dialer::field {
namespace {

// Every call is busy at once, and busy is retried every 30 minutes with
// budgets that never run out: the engine dials each contact as often as its
// window lets it, so a window boundary off by an hour shows up as a dial.
CampaignConfig BusyAllDay() {
  CampaignConfig c;
  c.retry.max_attempts = 1000;
  c.retry.max_attempts_per_day = 1000;
  c.retry.by_disposition["busy"] = absl::Minutes(30);
  return c;
}

class CallingWindowTest : public ::testing::Test {
 protected:
  // Starts the engine at `start`, adds `contacts`, one agent dials until
  // `until`. Returns the dial instants per number.
  std::map<std::string, std::vector<absl::Time>> DialUntil(
      absl::Time start, absl::Time until, std::vector<Contact> contacts,
      CampaignConfig config = BusyAllDay()) {
    rig_ = std::make_unique<Rig>(start);
    rig_->Start(std::move(config));
    rig_->provider().on_place = [this](const DialRequest& r) {
      rig_->provider().Send(E::kCompleted, r.call_id, CallEndStatus::kBusy);
    };
    rig_->Add(std::move(contacts));
    rig_->LoginReady("alice");
    rig_->clock().AdvanceTo(until);
    std::map<std::string, std::vector<absl::Time>> by_number;
    for (const AttemptStarted& a : rig_->store().Snapshot().attempts_started) {
      by_number[a.phone].push_back(a.at);
    }
    return by_number;
  }

  // Every dial of `times` is between 08:00 and 21:00 on the wall clock of
  // each of `zones`.
  static void ExpectInsideWindow(const std::vector<absl::Time>& times,
                                 const std::vector<const char*>& zones,
                                 const std::string& who) {
    for (absl::Time t : times) {
      for (const char* zone : zones) {
        const int h = LocalHour(t, zone);
        EXPECT_TRUE(h >= 8 && h < 21)
            << who << " dialed at " << absl::FormatTime(t) << " = " << h
            << ":xx in " << zone;
      }
    }
  }

  // A New Yorker dialled from 20:00 on `saturday` to 09:00 the next day,
  // across a DST change. Every dial is inside the window on the New York
  // wall clock; returns the Sunday ones.
  std::vector<absl::Time> SundayDials(absl::CivilDay saturday) {
    const char* ny = "America/New_York";
    const absl::CivilDay sunday = saturday + 1;
    auto dials = DialUntil(
        At(ny, absl::CivilSecond(saturday.year(), saturday.month(),
                                 saturday.day(), 20, 0, 0)),
        At(ny, absl::CivilSecond(sunday.year(), sunday.month(), sunday.day(),
                                 9, 0, 0)),
        {Person("+12122345678")});
    const std::vector<absl::Time>& times = dials["+12122345678"];
    EXPECT_FALSE(times.empty());
    ExpectInsideWindow(times, {ny}, "212");
    std::vector<absl::Time> out;
    const absl::Time midnight = At(ny, absl::CivilSecond(sunday));
    for (absl::Time t : times) {
      if (t >= midnight) out.push_back(t);
    }
    return out;
  }

  // The first dial comes when the window opens: not before, and not an
  // hour late (one agent may take a few seconds per contact due at once).
  static void ExpectFirstDialAt(const std::vector<absl::Time>& times,
                                absl::Time open, const std::string& who) {
    ASSERT_FALSE(times.empty()) << who << " never dialled";
    EXPECT_GE(times.front(), open) << who;
    EXPECT_LT(times.front(), open + absl::Minutes(1)) << who;
  }

  std::unique_ptr<Rig> rig_;
};

// #1: Indiana is split between Eastern and Central. 219 (Gary) is on
// Central time although libphonenumber files the area code under New York;
// 812-464 (Evansville) is Central inside an Eastern area code; 317
// (Indianapolis) is Eastern. Nobody may be called before 08:00 or from
// 21:00 on either clock, and nobody is left undialled.
TEST_F(CallingWindowTest, IndianaSplitZoneLeadsAreDialledOnlyInsideBothClocks) {
  const char* ny = "America/New_York";
  auto dials = DialUntil(
      At(ny, absl::CivilSecond(2026, 3, 10, 6, 0, 0)),
      At(ny, absl::CivilSecond(2026, 3, 11, 23, 0, 0)),
      {Person("+12192345678"), Person("+18124642345"),
       Person("+13172345678")});
  const std::vector<const char*> indiana = {"America/Chicago",
                                            "America/Indiana/Indianapolis"};
  for (const char* n : {"+12192345678", "+18124642345"}) {
    ASSERT_FALSE(dials[n].empty()) << n << " never dialled";
    ExpectInsideWindow(dials[n], indiana, n);
    // The first dial is the first instant both clocks allow: 08:00 Central.
    ExpectFirstDialAt(
        dials[n],
        At("America/Chicago", absl::CivilSecond(2026, 3, 10, 8, 0, 0)), n);
  }
  // Indianapolis alone: from 08:00 Eastern, an hour earlier.
  ASSERT_FALSE(dials["+13172345678"].empty());
  ExpectInsideWindow(dials["+13172345678"], {"America/Indiana/Indianapolis"},
                     "317");
  ExpectFirstDialAt(dials["+13172345678"],
                    At(ny, absl::CivilSecond(2026, 3, 10, 8, 0, 0)), "317");
  // Both days were dialled: the window reopens the next morning.
  EXPECT_EQ(LocalHour(dials["+13172345678"].back(), ny), 20);
}

// #1: Arizona keeps MST all year; the Navajo Nation (explicit zone
// America/Denver on a 928 number) keeps DST. In July 08:00 in Phoenix is
// 09:00 in Denver: a dialer that gives Arizona Mountain DST calls at 07:00.
TEST_F(CallingWindowTest, ArizonaWithoutDstAndNavajoWithDst) {
  const char* phx = "America/Phoenix";
  const char* den = "America/Denver";
  Contact navajo = Person("+19282345678", den);
  auto dials = DialUntil(At(phx, absl::CivilSecond(2026, 7, 1, 5, 0, 0)),
                         At(phx, absl::CivilSecond(2026, 7, 2, 5, 0, 0)),
                         {Person("+16022345678"), navajo});
  const auto& phoenix = dials["+16022345678"];
  ASSERT_FALSE(phoenix.empty());
  ExpectInsideWindow(phoenix, {phx}, "602");
  ExpectFirstDialAt(phoenix, At(phx, absl::CivilSecond(2026, 7, 1, 8, 0, 0)),
                    "602");
  // The Phoenix window really runs to 21:00 Phoenix (midnight in Denver).
  EXPECT_EQ(LocalHour(phoenix.back(), phx), 20);
  const auto& nav = dials["+19282345678"];
  ASSERT_FALSE(nav.empty());
  ExpectInsideWindow(nav, {phx, den}, "Navajo");
  ExpectFirstDialAt(nav, At(phx, absl::CivilSecond(2026, 7, 1, 8, 0, 0)),
                    "Navajo");
  EXPECT_EQ(LocalHour(nav.back(), den), 20);
  EXPECT_EQ(LocalHour(nav.back(), phx), 19);
}

// #1: a blank zone is not "never": the area code places the person. A wrong
// explicit zone cannot make a call earlier than the number's own zone
// allows (both must be open). An unknown zone name is refused visibly, in
// the audit log and the stats, rather than silently skipped.
TEST_F(CallingWindowTest, BlankWrongAndInvalidZonesAreSafeAndVisible) {
  const char* la = "America/Los_Angeles";
  const char* ny = "America/New_York";
  auto dials = DialUntil(
      At(ny, absl::CivilSecond(2026, 3, 10, 6, 0, 0)),
      At(ny, absl::CivilSecond(2026, 3, 11, 3, 0, 0)),
      {Person("+14152345678"),                      // blank: San Francisco
       Person("+12122345678", la),                  // New Yorker filed as LA
       Person("+16462345678", "America/Nowhere")});  // not a zone
  ASSERT_FALSE(dials["+14152345678"].empty()) << "blank zone never dialled";
  ExpectFirstDialAt(dials["+14152345678"],
                    At(la, absl::CivilSecond(2026, 3, 10, 8, 0, 0)), "415");
  ExpectInsideWindow(dials["+14152345678"], {la}, "415");
  ASSERT_FALSE(dials["+12122345678"].empty());
  ExpectInsideWindow(dials["+12122345678"], {ny, la}, "212 filed as LA");
  ExpectFirstDialAt(dials["+12122345678"],
                    At(la, absl::CivilSecond(2026, 3, 10, 8, 0, 0)),
                    "212 filed as LA");
  EXPECT_TRUE(dials["+16462345678"].empty());
  bool audited = false;
  for (const AuditRecord& a : rig_->store().Snapshot().audit) {
    if (a.phone == "+16462345678" &&
        absl::StrContains(a.decision, "invalid_time_zone")) {
      audited = true;
    }
  }
  EXPECT_TRUE(audited) << "an unusable zone must leave a trace";
  EXPECT_GT(rig_->Stats().blocked_by_compliance, 0);
}

// #2: the window is the called party's, never UTC, the server's zone or the
// campaign's. The campaign says Kolkata, the process says Kiritimati
// (UTC+14); the person is in Los Angeles. 14:00 UTC (07:00 PDT) is inside
// a UTC window and is refused; 03:30 UTC (20:30 PDT) is outside it and is
// dialled.
TEST_F(CallingWindowTest, WindowIsTheCalledPartysNotUtcServerOrCampaign) {
  const char* previous = std::getenv("TZ");
  const std::string saved = previous != nullptr ? previous : "";
  setenv("TZ", "Pacific/Kiritimati", 1);
  CampaignConfig config = BusyAllDay();
  config.time_zone = "Asia/Kolkata";
  auto dials =
      DialUntil(Utc(absl::CivilSecond(2026, 3, 10, 14, 0, 0)),
                Utc(absl::CivilSecond(2026, 3, 11, 14, 0, 0)),
                {Person("+13102345678")}, config);
  if (previous != nullptr) {
    setenv("TZ", saved.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  const auto& times = dials["+13102345678"];
  ASSERT_FALSE(times.empty());
  ExpectInsideWindow(times, {"America/Los_Angeles"}, "310");
  ExpectFirstDialAt(times, Utc(absl::CivilSecond(2026, 3, 10, 15, 0, 0)),
                    "310");
  bool after_utc_evening = false;
  for (absl::Time t : times) {
    after_utc_evening |= LocalHour(t, "UTC") >= 1 && LocalHour(t, "UTC") < 4;
  }
  EXPECT_TRUE(after_utc_evening) << "20:xx Pacific is inside the window";
}

// #3: spring forward (2026-03-08, a Sunday): 08:00 EDT is 12:00 UTC, an
// hour earlier in UTC than the day before. A zone offset computed the night
// before would open at 13:00 UTC; the engine opens at 12:00 UTC, and never
// before (nothing in the night, nothing in the missing 02:00-03:00 hour).
TEST_F(CallingWindowTest, SpringForwardOpensAtEightLocalOnTheDay) {
  ExpectFirstDialAt(SundayDials(absl::CivilDay(2026, 3, 7)),
                    Utc(absl::CivilSecond(2026, 3, 8, 12, 0, 0)), "Sunday");
}

// #3: fall back (2026-11-01, a Sunday): 08:00 EST is 13:00 UTC. Yesterday's
// offset (EDT) would call at 12:00 UTC, which is 07:00 in New York.
TEST_F(CallingWindowTest, FallBackDoesNotCallAtSevenLocal) {
  ExpectFirstDialAt(SundayDials(absl::CivilDay(2026, 10, 31)),
                    Utc(absl::CivilSecond(2026, 11, 1, 13, 0, 0)), "Sunday");
}

// #3: window arithmetic at the end of the day. A retry that falls due after
// 21:00 (or at 03:00, the surveda bug) waits for 08:00 the next morning; a
// promised callback for 21:30 cannot override the law either.
TEST_F(CallingWindowTest, RetriesAndCallbacksDueAtNightWaitForTheMorning) {
  const char* ny = "America/New_York";
  rig_ = std::make_unique<Rig>(At(ny, absl::CivilSecond(2026, 3, 10, 20, 50, 0)));
  CampaignConfig config;
  config.retry.by_disposition["no_answer"] = absl::Hours(6);  // due 03:15
  rig_->Start(config);
  rig_->Add({Person("+12122345678"), Person("+12122345679")});
  rig_->LoginReady("alice");
  ASSERT_EQ(rig_->Dials().size(), 1u);
  rig_->RingOut(rig_->provider().LastPlaced());  // 20:50:25, retry 02:50:25
  rig_->clock().Advance(absl::Seconds(2));
  ASSERT_EQ(rig_->Dials().size(), 2u);
  rig_->Talk(rig_->provider().LastPlaced(), absl::Seconds(30));
  DispositionInput cb;
  cb.code = "callback";
  cb.callback_at = At(ny, absl::CivilSecond(2026, 3, 10, 21, 30, 0));
  ASSERT_TRUE(rig_->engine().Disposition("alice", cb).ok());
  rig_->clock().AdvanceTo(At(ny, absl::CivilSecond(2026, 3, 11, 7, 59, 59)));
  EXPECT_EQ(rig_->Dials().size(), 2u) << "a call between 21:00 and 08:00";
  rig_->clock().AdvanceTo(At(ny, absl::CivilSecond(2026, 3, 11, 8, 0, 30)));
  ASSERT_GE(rig_->DialTimes().size(), 3u);
  EXPECT_EQ(rig_->DialTimes()[2],
            At(ny, absl::CivilSecond(2026, 3, 11, 8, 0, 0)));
  // The callback comes first in the morning: it is the highest class.
  EXPECT_EQ(rig_->Dials()[2].to, "+12122345679");
}

}  // namespace
}  // namespace dialer::field
