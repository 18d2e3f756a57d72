// Test support for the queue's window tests and benchmark: the US time zones
// of the system tz database and the federal calling window (08:00-21:00
// local, 47 CFR 64.1200(c)(1)) over a set of candidate zones, as the
// compliance module's group check answers it.
#ifndef DIALER_TESTS_QUEUE_FEDERAL_WINDOW_H_
#define DIALER_TESTS_QUEUE_FEDERAL_WINDOW_H_

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "queue/contact_queue.h"

namespace dialer::queue_testing {

// Every zone /usr/share/zoneinfo/zone.tab lists for the US and its
// territories (US, PR, VI, GU, MP, AS) that absl can load.
inline std::vector<absl::TimeZone> UsZones() {
  std::ifstream in("/usr/share/zoneinfo/zone.tab");
  const std::set<std::string> countries = {"US", "PR", "VI", "GU", "MP", "AS"};
  std::vector<absl::TimeZone> zones;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string cc, coordinates, name;
    fields >> cc >> coordinates >> name;
    absl::TimeZone tz;
    if (countries.contains(cc) && absl::LoadTimeZone(name, &tz)) {
      zones.push_back(tz);
    }
  }
  return zones;
}

// Open iff 08:00 <= local time < 21:00 in every zone of `zones`; otherwise
// not before the earliest instant at which that holds (Never() if the zones
// never share an open hour).
inline queue::Eligibility FederalWindow(const std::vector<absl::TimeZone>& zones,
                                 absl::Time now) {
  auto open_in = [](absl::Time t, const absl::TimeZone& tz) {
    const absl::CivilSecond local = absl::ToCivilSecond(t, tz);
    return local.hour() >= 8 && local.hour() < 21;
  };
  absl::Time t = now;
  for (int round = 0; round < 16; ++round) {
    bool all_open = true;
    for (const absl::TimeZone& tz : zones) {
      if (open_in(t, tz)) continue;
      all_open = false;
      const absl::CivilSecond local = absl::ToCivilSecond(t, tz);
      absl::CivilDay day(local);
      if (local.hour() >= 8) day += 1;
      t = std::max(t, absl::FromCivil(absl::CivilHour(day) + 8, tz));
    }
    if (all_open) {
      return t == now ? queue::Eligibility::Now()
                      : queue::Eligibility::NotBefore(t);
    }
  }
  return queue::Eligibility::Never();
}

}  // namespace dialer::queue_testing

#endif  // DIALER_TESTS_QUEUE_FEDERAL_WINDOW_H_
