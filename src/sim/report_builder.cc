#include "sim/report_builder.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/time/civil_time.h"

namespace dialer::sim {
namespace {

// Federal calling window, 47 CFR 64.1200(c)(1): not before 8 a.m. and not
// after 9 p.m. at the called party's location.
constexpr int kWindowOpen = 8 * 3600;
constexpr int kWindowClose = 21 * 3600;

bool OutsideWindow(absl::Time t, const absl::TimeZone& tz) {
  const absl::CivilSecond cs = absl::ToCivilSecond(t, tz);
  const int s = cs.hour() * 3600 + cs.minute() * 60 + cs.second();
  return s < kWindowOpen || s > kWindowClose ||
         (s == kWindowClose && absl::ToUnixNanos(t) % 1000000000 != 0);
}

double Ratio(double num, double den) { return den > 0 ? num / den : 0; }

}  // namespace

bool IsComplianceViolation(const ContactBook& contacts, int64_t contact,
                           absl::Time at) {
  if (contact < 0 || static_cast<size_t>(contact) >= contacts.contacts().size()) {
    return true;  // a number the simulator never listed
  }
  const SimContact& who = contacts.contacts()[contact];
  if (who.dnc || who.zones.empty()) return true;
  for (int z : who.zones) {
    if (OutsideWindow(at, contacts.zones()[z].tz)) return true;
  }
  return false;
}

std::optional<double> Percentile(std::vector<double> values, double p) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  size_t rank = static_cast<size_t>(std::ceil(p * values.size()));
  rank = std::clamp<size_t>(rank, 1, values.size());
  return values[rank - 1];
}

std::optional<double> MaxWindowRate(
    std::vector<std::pair<absl::Time, bool>> answers, absl::Duration window,
    int min_answers) {
  std::sort(answers.begin(), answers.end());
  const size_t n = answers.size();
  std::vector<int64_t> abandoned(n + 1, 0);  // prefix sums
  for (size_t i = 0; i < n; ++i) {
    abandoned[i + 1] = abandoned[i] + (answers[i].second ? 1 : 0);
  }
  std::optional<double> worst;
  // A window [s, s + w) holds the run i..j with i the first answer at or
  // after s. For s in (t[i-1], t[i]] the last answer j moves from the last
  // one at or before t[i-1] + w to the last one before t[i] + w; every run
  // in between is one window's content.
  size_t lo = 0, hi = 0;  // hi: one past the last index < t[i] + w
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && answers[i].first == answers[i - 1].first) continue;
    while (hi < n && answers[hi].first < answers[i].first + window) ++hi;
    size_t first_end = i;
    if (i > 0) {
      while (lo < n && answers[lo].first <= answers[i - 1].first + window) ++lo;
      first_end = std::max(i, lo == 0 ? 0 : lo - 1);
    }
    for (size_t j = first_end; j < hi; ++j) {
      const int64_t count = static_cast<int64_t>(j - i + 1);
      if (count < min_answers) continue;
      const double rate =
          static_cast<double>(abandoned[j + 1] - abandoned[i]) / count;
      if (!worst || rate > *worst) worst = rate;
    }
  }
  return worst;
}

SimReport BuildReport(const RunFacts& facts, const SimulatedProvider& provider,
                      const ContactBook& contacts) {
  SimReport r;
  r.scenario = facts.scenario;
  r.pacer = facts.pacer;
  r.seed = facts.seed;
  r.agents = facts.agents;
  const double agent_hours = absl::ToDoubleHours(facts.logged_in);
  r.agent_hours = agent_hours;

  std::vector<std::pair<absl::Time, bool>> live;
  std::vector<double> speed;
  absl::Duration talk;
  for (size_t i = 0; i < provider.call_count(); ++i) {
    const CallTruth& c = provider.call(i);
    ++r.dials;
    if (IsComplianceViolation(contacts, c.contact, c.placed_at)) {
      ++r.compliance_violations;
    }
    if (c.voicemail_left) ++r.voicemails_left;
    if (!c.picked_up) {
      if (c.canceled) {
        ++r.canceled;
      } else if (c.outcome == Outcome::kBusy) {
        ++r.busy;
      } else if (c.outcome == Outcome::kFailed) {
        ++r.failed;
      } else {
        ++r.no_answers;
      }
      continue;
    }
    if (c.outcome == Outcome::kMachine) {
      ++r.machine_answers;
      continue;
    }
    ++r.human_answers;
    const bool talked = c.connected_at != absl::InfiniteFuture();
    const bool in_time =
        talked && c.connected_at <= c.greeting_end_at + kConnectLimit;
    if (talked) {
      ++r.conversations;
      talk += c.ended_at - c.connected_at;
      speed.push_back(absl::ToDoubleSeconds(
          std::max(absl::ZeroDuration(), c.connected_at - c.greeting_end_at)));
    }
    if (in_time) {
      ++r.connects;
    } else {
      ++r.abandoned;
      if (c.amd_said_machine) ++r.amd_abandons;
    }
    live.emplace_back(c.answered_at, !in_time);
  }

  r.abandon_rate = Ratio(r.abandoned, r.human_answers);
  r.pacing_abandon_rate = Ratio(r.abandoned - r.amd_abandons, r.human_answers);
  r.observed_abandon_rate =
      Ratio(facts.engine.abandoned, facts.engine.human_answers);
  r.max_abandon_rate_30min = MaxWindowRate(std::move(live), absl::Minutes(30), 20);

  const double talk_s = absl::ToDoubleSeconds(talk);
  const double wrap_s = absl::ToDoubleSeconds(facts.wrap);
  const double logged_s = absl::ToDoubleSeconds(facts.logged_in);
  r.talk_s_per_agent_hour = Ratio(talk_s, agent_hours);
  r.conversations_per_agent_hour = Ratio(r.conversations, agent_hours);
  r.dials_per_agent_hour = Ratio(r.dials, agent_hours);
  r.idle_s_per_agent_hour =
      Ratio(std::max(0.0, logged_s - talk_s - wrap_s), agent_hours);
  r.occupancy = Ratio(talk_s + wrap_s, logged_s);
  r.speed_to_answer_p50_s = Percentile(speed, 0.50);
  r.speed_to_answer_p95_s = Percentile(std::move(speed), 0.95);

  r.blocked_by_compliance = facts.engine.blocked_by_compliance;
  r.agent_command_errors = facts.agent_command_errors;
  r.events = facts.events;
  r.simulated_s = absl::ToDoubleSeconds(facts.simulated);
  r.wall_s = facts.wall_s;
  return r;
}

}  // namespace dialer::sim
