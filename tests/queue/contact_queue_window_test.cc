// Invariant tests of ContactQueue with calling windows: across the 2026 DST
// transitions, in every US time zone (and sets of zones), a contact is never
// offered outside 08:00-21:00 local in any of its zones, and a due contact
// whose window is open is never left behind.
#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "queue/contact_queue.h"
#include "tests/queue/federal_window.h"

namespace dialer::queue {
namespace {

absl::TimeZone Load(const std::string& name) {
  absl::TimeZone tz;
  EXPECT_TRUE(absl::LoadTimeZone(name, &tz)) << name;
  return tz;
}

// The independent oracle: formats the local hour as text.
bool InsideWindowByFormat(absl::Time t, const absl::TimeZone& tz) {
  const int hour = std::stoi(absl::FormatTime("%H", t, tz));
  return hour >= 8 && hour < 21;
}

struct Tracked {
  WindowGroup group;
  absl::Time due;
};

void RunAcrossTransition(absl::CivilDay first_day, uint32_t seed) {
  const std::vector<absl::TimeZone> zones = queue_testing::UsZones();
  ASSERT_GE(zones.size(), 25u) << "zone.tab lists too few US zones";

  // Groups: every single zone, then sets of zones as a ported number or a
  // state spanning zones yields.
  std::vector<std::vector<absl::TimeZone>> groups;
  for (const absl::TimeZone& tz : zones) groups.push_back({tz});
  std::mt19937 rng(seed);
  for (int i = 0; i < 12; ++i) {
    std::vector<absl::TimeZone> set;
    const int size = 2 + static_cast<int>(rng() % 2);
    for (int k = 0; k < size; ++k) set.push_back(zones[rng() % zones.size()]);
    groups.push_back(set);
  }

  const absl::TimeZone utc = absl::UTCTimeZone();
  const absl::Time start = absl::FromCivil(first_day, utc);
  const absl::Time end = start + absl::Hours(72);
  ContactQueue queue;
  std::map<ContactId, Tracked> tracked;
  for (ContactId id = 1; id <= 1500; ++id) {
    const auto group = static_cast<WindowGroup>(rng() % groups.size());
    const absl::Time due = start + absl::Minutes(rng() % (24 * 60));
    queue.Upsert(id, static_cast<Priority>(rng() % kPriorityCount), due, "",
                 group);
    tracked[id] = {group, due};
  }

  absl::Time now = start;
  auto group_check = [&](WindowGroup g) { return queue_testing::FederalWindow(groups[g], now); };
  auto contact_check = [](ContactId) { return Eligibility::Now(); };
  std::set<ContactId> offered;
  int offers = 0;
  while (now < end) {
    while (auto entry = queue.PopDue(now, "", group_check, contact_check)) {
      ++offers;
      offered.insert(entry->contact);
      ASSERT_LE(entry->due, now);
      for (const absl::TimeZone& tz : groups[entry->group]) {
        ASSERT_TRUE(InsideWindowByFormat(now, tz))
            << "contact " << entry->contact << " offered at "
            << absl::FormatTime(now, utc) << " outside its window in "
            << tz.name();
      }
      const absl::Time retry = now + absl::Minutes(30 + rng() % 300);
      queue.Upsert(entry->contact, Priority::kRetry, retry, "", entry->group);
      tracked[entry->contact].due = retry;
    }
    // Liveness: nothing due whose window is open was left in the queue.
    for (const auto& [id, t] : tracked) {
      if (t.due > now) continue;
      bool open = true;
      for (const absl::TimeZone& tz : groups[t.group]) {
        open = open && InsideWindowByFormat(now, tz);
      }
      ASSERT_FALSE(open) << "contact " << id << " due and inside its window at "
                         << absl::FormatTime(now, utc) << " was not offered";
    }
    now += absl::Seconds(30 + rng() % 600);
  }
  EXPECT_GT(offers, 1500);
  // Every contact whose zones share an open hour got its turn.
  for (const auto& [id, t] : tracked) {
    if (queue_testing::FederalWindow(groups[t.group], start).retry_at ==
        absl::InfiniteFuture()) {
      continue;
    }
    EXPECT_TRUE(offered.contains(id)) << "contact " << id << " never offered";
  }
}

TEST(ContactQueueWindowTest, SpringForward2026InEveryUsZone) {
  RunAcrossTransition(absl::CivilDay(2026, 3, 7), 11);
}

TEST(ContactQueueWindowTest, FallBack2026InEveryUsZone) {
  RunAcrossTransition(absl::CivilDay(2026, 10, 31), 12);
}

TEST(ContactQueueWindowTest, ClosedZoneReentersExactlyWhenItsWindowOpens) {
  absl::TimeZone la = Load("America/Los_Angeles");
  std::vector<absl::TimeZone> set = {la};
  ContactQueue queue;
  // 2026-03-08 is the spring-forward day: 08:00 PDT is 15:00 UTC (the day
  // before, 08:00 PST was 16:00 UTC).
  const absl::Time opens = absl::FromCivil(absl::CivilHour(2026, 3, 8, 8), la);
  ASSERT_EQ(opens, absl::FromCivil(absl::CivilHour(2026, 3, 8, 15),
                                   absl::UTCTimeZone()));
  queue.Upsert(1, Priority::kFresh, opens - absl::Hours(6), "", 0);
  absl::Time now = opens - absl::Hours(5);
  auto group_check = [&](WindowGroup) { return queue_testing::FederalWindow(set, now); };
  auto always = [](ContactId) { return Eligibility::Now(); };
  EXPECT_FALSE(queue.PopDue(now, "", group_check, always));
  EXPECT_EQ(queue.NextDue(""), opens);
  now = opens - absl::Microseconds(1);
  EXPECT_FALSE(queue.PopDue(now, "", group_check, always));
  now = opens;
  auto entry = queue.PopDue(now, "", group_check, always);
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->contact, 1);
}

}  // namespace
}  // namespace dialer::queue
