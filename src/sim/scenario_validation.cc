#include "sim/scenario_validation.h"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "sim/distribution.h"

namespace dialer::sim {
namespace {

// Slack for probabilities that add up to 1 in decimal but not in binary.
constexpr double kSumSlack = 1e-9;

absl::Status OutOfRange(absl::string_view path, absl::string_view expected,
                        double got) {
  return absl::InvalidArgumentError(
      absl::StrCat(path, ": expected ", expected, ", got ", got));
}

absl::Status CheckProbability(absl::string_view path, double p) {
  if (std::isfinite(p) && p >= 0 && p <= 1) return absl::OkStatus();
  return OutOfRange(path, "a probability in [0, 1]", p);
}

absl::Status CheckZone(absl::string_view path, const std::string& zone) {
  absl::TimeZone tz;
  if (absl::LoadTimeZone(zone, &tz)) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      path, ": expected an IANA time zone of the tz database, got \"", zone,
      "\""));
}

std::string HourPath(double hour) {
  return absl::StrCat("$.outcomes.human_by_hour[\"", hour, "\"]");
}

}  // namespace

double HumanProbabilityAt(const Scenario::Outcomes& outcomes,
                          double local_hour) {
  const auto& points = outcomes.human_by_hour;
  if (points.empty()) return outcomes.human;
  if (local_hour <= points.front().first) return points.front().second;
  if (local_hour >= points.back().first) return points.back().second;
  for (size_t i = 1; i < points.size(); ++i) {
    if (local_hour <= points[i].first) {
      const auto& [h0, p0] = points[i - 1];
      const auto& [h1, p1] = points[i];
      return p0 + (p1 - p0) * (local_hour - h0) / (h1 - h0);
    }
  }
  return points.back().second;
}

double MachineProbabilityFor(const Scenario::Outcomes& outcomes,
                             double human_probability) {
  if (outcomes.human >= 1) return 0;
  return outcomes.machine * (1 - human_probability) / (1 - outcomes.human);
}

absl::Status ValidateScenario(const Scenario& s) {
  if (s.format != 1) return OutOfRange("$.format", "1", s.format);
  if (!(std::isfinite(s.duration_s) && s.duration_s > 0)) {
    return OutOfRange("$.duration_s", "a number of seconds > 0", s.duration_s);
  }
  if (auto st = CheckZone("$.time_zone", s.time_zone); !st.ok()) return st;

  if (s.agents.count < 1 || s.agents.count > 100000) {
    return OutOfRange("$.agents.count", "an integer in [1, 100000]",
                      s.agents.count);
  }
  if (auto st = Validate(s.agents.wrap_s, "$.agents.wrap_s"); !st.ok()) {
    return st;
  }
  for (size_t i = 0; i < s.agents.breaks.size(); ++i) {
    const AgentBreak& b = s.agents.breaks[i];
    const std::string path = absl::StrCat("$.agents.breaks[", i, "]");
    if (!(std::isfinite(b.at_s) && b.at_s >= 0)) {
      return OutOfRange(path + ".at_s", "a number >= 0", b.at_s);
    }
    if (!(std::isfinite(b.for_s) && b.for_s > 0)) {
      return OutOfRange(path + ".for_s", "a number > 0", b.for_s);
    }
    if (auto st = CheckProbability(path + ".fraction", b.fraction); !st.ok()) {
      return st;
    }
  }

  if (s.contacts.csv.empty()) {
    if (s.contacts.count < 1 || s.contacts.count > 10000000) {
      return OutOfRange("$.contacts.count", "an integer in [1, 10000000]",
                        s.contacts.count);
    }
    if (s.contacts.time_zones.empty()) {
      return absl::InvalidArgumentError(
          "$.contacts.time_zones: expected at least one zone");
    }
  }
  for (const auto& [zone, weight] : s.contacts.time_zones) {
    const std::string path =
        absl::StrCat("$.contacts.time_zones[\"", zone, "\"]");
    if (auto st = CheckZone(path, zone); !st.ok()) return st;
    if (!(std::isfinite(weight) && weight > 0)) {
      return OutOfRange(path, "a weight > 0", weight);
    }
  }
  if (auto st = CheckProbability("$.contacts.dnc_fraction",
                                 s.contacts.dnc_fraction);
      !st.ok()) {
    return st;
  }

  const Scenario::Outcomes& o = s.outcomes;
  for (const auto& [key, p] :
       {std::pair{"human", o.human}, std::pair{"machine", o.machine},
        std::pair{"busy", o.busy}, std::pair{"failed", o.failed}}) {
    if (auto st = CheckProbability(absl::StrCat("$.outcomes.", key), p);
        !st.ok()) {
      return st;
    }
  }
  const double sum = o.human + o.machine + o.busy + o.failed;
  if (sum > 1 + kSumSlack) {
    return OutOfRange("$.outcomes", "human + machine + busy + failed <= 1",
                      sum);
  }
  for (size_t i = 0; i < o.human_by_hour.size(); ++i) {
    const auto& [hour, p] = o.human_by_hour[i];
    if (!(std::isfinite(hour) && hour >= 0 && hour <= 24)) {
      return OutOfRange(HourPath(hour), "an hour in [0, 24] as the key", hour);
    }
    if (i > 0 && hour <= o.human_by_hour[i - 1].first) {
      return absl::InvalidArgumentError(absl::StrCat(
          HourPath(hour), ": expected each hour once, got it twice"));
    }
    if (auto st = CheckProbability(HourPath(hour), p); !st.ok()) return st;
    const double at_hour = p + MachineProbabilityFor(o, p) + o.busy + o.failed;
    if (at_hour > 1 + kSumSlack) {
      return OutOfRange(HourPath(hour),
                        "a value keeping human + scaled machine + busy + "
                        "failed <= 1",
                        at_hour);
    }
  }

  if (auto st = Validate(s.ring_to_answer_s, "$.ring_to_answer_s"); !st.ok()) {
    return st;
  }
  if (!(std::isfinite(s.no_answer_after_s) && s.no_answer_after_s > 0)) {
    return OutOfRange("$.no_answer_after_s", "a number > 0",
                      s.no_answer_after_s);
  }
  if (auto st = Validate(s.amd.latency_s, "$.amd.latency_s"); !st.ok()) {
    return st;
  }
  if (auto st = CheckProbability("$.amd.human_as_machine",
                                 s.amd.human_as_machine);
      !st.ok()) {
    return st;
  }
  if (auto st = CheckProbability("$.amd.machine_as_human",
                                 s.amd.machine_as_human);
      !st.ok()) {
    return st;
  }
  if (auto st = Validate(s.talk_s, "$.talk_s"); !st.ok()) return st;
  if (auto st = Validate(s.patience_s, "$.patience_s"); !st.ok()) return st;
  if (auto st = Validate(s.bridge_delay_s, "$.bridge_delay_s"); !st.ok()) {
    return st;
  }

  const Scenario::Campaign& c = s.campaign;
  if (c.mode != "power" && c.mode != "parallel" && c.mode != "predictive") {
    return absl::InvalidArgumentError(absl::StrCat(
        "$.campaign.mode: expected one of power|parallel|predictive, got \"",
        c.mode, "\""));
  }
  if (c.lines_per_agent < 1 || c.lines_per_agent > 10) {
    return OutOfRange("$.campaign.lines_per_agent", "an integer in [1, 10]",
                      c.lines_per_agent);
  }
  if (auto st = CheckProbability("$.campaign.abandon_limit", c.abandon_limit);
      !st.ok()) {
    return st;
  }
  return absl::OkStatus();
}

}  // namespace dialer::sim
