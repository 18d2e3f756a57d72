// End to end over a full day (issue 4): a list spread over every
// continental US zone, Arizona (no DST) and Hawaii (Alaska's only area code
// spans two zones, so the simulator cannot place a number in one of them), dialed from 06:00 in New York
// until 06:00 the next morning. Zero violations, and each zone's calls start
// when its window opens and stop before it closes, in its own local time.
#include <map>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "boost/json.hpp"
#include "compliance/zone_resolver.h"
#include "dialer/simulator.h"
#include "gtest/gtest.h"

namespace dialer {
namespace {

constexpr char kScenario[] = R"({
  "format": 1,
  "name": "multi-zone full day",
  "seed": 7,
  "start": "2026-11-03T06:00:00",
  "time_zone": "America/New_York",
  "duration_s": 86400,
  "agents": {"count": 12, "wrap_s": {"dist": "const", "value": 20}},
  "contacts": {"count": 20000, "time_zones": {
    "America/New_York": 1, "America/Chicago": 1, "America/Denver": 1,
    "America/Phoenix": 1, "America/Los_Angeles": 1,
    "Pacific/Honolulu": 1}},
  "outcomes": {"human": 0.2, "machine": 0.3, "busy": 0.05, "failed": 0.02},
  "talk_s": {"dist": "const", "value": 60},
  "campaign": {"mode": "power"}
})";

struct ZoneSpan {
  absl::CivilSecond first = absl::CivilSecond::max();
  absl::CivilSecond last = absl::CivilSecond::min();
  int dials = 0;
};

TEST(CallingWindowDayTest, EveryZoneIsDialedOnlyInsideItsOwnWindow) {
  auto scenario = ParseScenario(kScenario);
  ASSERT_TRUE(scenario.ok()) << scenario.status();
  std::ostringstream log;
  SimOptions options;
  options.event_log = &log;
  auto report = RunSimulation(*scenario, options);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->compliance_violations, 0);

  const compliance::ZoneResolver& resolver =
      compliance::ZoneResolver::Default();
  std::map<std::string, ZoneSpan> spans;
  std::istringstream lines(log.str());
  for (std::string line; std::getline(lines, line);) {
    if (line.find("\"type\":\"command\"") == std::string::npos ||
        line.find("\"command\":\"place_call\"") == std::string::npos) {
      continue;
    }
    boost::json::object o = boost::json::parse(line).as_object();
    absl::Time t;
    std::string err;
    ASSERT_TRUE(absl::ParseTime(absl::RFC3339_full,
                                std::string(o.at("t").as_string()), &t, &err))
        << err;
    // The detail of a placed call starts with the number dialed.
    std::string detail(o.at("detail").as_string());
    std::string phone = detail.substr(0, detail.find(' '));
    auto zones = resolver.CandidateZones(phone, "", "", "");
    ASSERT_TRUE(zones.ok()) << phone;
    ASSERT_EQ(zones->size(), 1u) << phone << " should have one zone";
    absl::TimeZone tz;
    ASSERT_TRUE(absl::LoadTimeZone(zones->front(), &tz));
    absl::CivilSecond local = absl::ToCivilSecond(t, tz);
    // 47 CFR 64.1200(c)(1): 08:00-21:00 at the called party's location.
    EXPECT_GE(local.hour(), 8) << phone << " dialed at " << local;
    EXPECT_LT(local.hour(), 21) << phone << " dialed at " << local;
    ZoneSpan& s = spans[zones->front()];
    s.first = std::min(s.first, local);
    s.last = std::max(s.last, local);
    s.dials++;
  }
  ASSERT_EQ(spans.size(), 6u);
  for (const auto& [zone, s] : spans) {
    SCOPED_TRACE(zone);
    EXPECT_GT(s.dials, 50);
    // The window opens at 08:00 local and the engine starts right then.
    EXPECT_EQ(s.first.hour(), 8);
    EXPECT_LT(s.first.minute(), 5);
    // It keeps dialing into the evening (some states close at 20:00).
    EXPECT_GE(s.last.hour(), 19);
  }
}

}  // namespace
}  // namespace dialer
