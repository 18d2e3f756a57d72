#include "sim/agent_breaks.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <tuple>
#include <utility>

#include "sim/random.h"

namespace dialer::sim {
namespace {

// SimAgents' stream for its breaks (StreamSeed({seed, kBreakStream, b})).
constexpr uint64_t kBreakStream = 0xB2EA6;

}  // namespace

std::vector<size_t> BreakTakers(uint64_t seed, size_t break_index,
                                size_t agents, double fraction) {
  std::vector<size_t> order(agents);
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  Rng rng(StreamSeed({seed, kBreakStream, break_index}));
  for (size_t i = order.size(); i > 1; --i) {
    std::swap(order[i - 1], order[rng.Below(i)]);
  }
  const size_t takers = std::min(
      agents, static_cast<size_t>(
                  std::llround(fraction * static_cast<double>(agents))));
  order.resize(takers);
  return order;
}

std::vector<StaffingSegment> StaffingProfile(const Scenario& scenario,
                                             uint64_t seed) {
  const int n = scenario.agents.count;
  const double end = scenario.duration_s;
  const std::vector<AgentBreak>& breaks = scenario.agents.breaks;

  // The simulator's clock runs callbacks due at the same instant in the
  // order they were scheduled; `late` stands for "a moment after": a
  // taker's break starts once its call ends, so its return is due a moment
  // after at_s + for_s, while the return SimAgents schedules for an agent
  // already away is due at at_s + for_s exactly.
  enum Kind { kTakeBreak, kStartBreak, kReady };
  struct Event {
    double t;
    int late;
    uint64_t seq;
    Kind kind;
    size_t who;  // the break (kTakeBreak) or the agent
    bool operator>(const Event& o) const {
      return std::tie(t, late, seq) > std::tie(o.t, o.late, o.seq);
    }
  };
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> events;
  uint64_t seq = 0;
  // SimAgents::Start schedules every break, in order, before anything else.
  for (size_t b = 0; b < breaks.size(); ++b) {
    events.push({breaks[b].at_s, 0, seq++, kTakeBreak, b});
  }

  enum State { kWorking, kPending, kAway };
  std::vector<State> state(n, kWorking);
  std::vector<double> pending_for(n, 0);
  // The end of each agent's break in progress (SimAgents' Agent::back_at):
  // a return due earlier is stale.
  std::vector<double> back_at(n, 0);
  int away = 0;
  // (time, agents at work from then on), in time order.
  std::vector<std::pair<double, int>> changes = {{0.0, n}};
  while (!events.empty()) {
    const Event e = events.top();
    events.pop();
    if (e.t >= end) break;
    switch (e.kind) {
      case kTakeBreak: {
        const AgentBreak& b = breaks[e.who];
        for (size_t a : BreakTakers(seed, e.who, n, b.fraction)) {
          if (state[a] == kAway) {
            // SimAgents: already away - the break is extended to the
            // later of the two ends.
            if (e.t + b.for_s > back_at[a]) {
              back_at[a] = e.t + b.for_s;
              events.push({back_at[a], 0, seq++, kReady, a});
            }
            continue;
          }
          if (state[a] == kWorking) {
            events.push({e.t, 1, seq++, kStartBreak, a});
            state[a] = kPending;
          }
          pending_for[a] = b.for_s;  // a second request overrides the first
        }
        break;
      }
      case kStartBreak:
        state[e.who] = kAway;
        ++away;
        back_at[e.who] = e.t + pending_for[e.who];
        events.push({back_at[e.who], 1, seq++, kReady, e.who});
        break;
      case kReady:
        // Already back, or a stale return of a break since extended.
        if (state[e.who] != kAway || e.t != back_at[e.who]) break;
        state[e.who] = kWorking;
        --away;
        break;
    }
    if (e.kind != kTakeBreak) {
      if (changes.back().first == e.t) {
        changes.back().second = n - away;
      } else {
        changes.emplace_back(e.t, n - away);
      }
    }
  }

  std::vector<StaffingSegment> out;
  for (size_t i = 0; i < changes.size(); ++i) {
    const double from = changes[i].first;
    const double to = i + 1 < changes.size() ? changes[i + 1].first : end;
    if (to <= from) continue;
    if (!out.empty() && out.back().agents == changes[i].second) {
      out.back().length_s = to - out.back().start_s;
      continue;
    }
    out.push_back({from, to - from, changes[i].second});
  }
  return out;
}

}  // namespace dialer::sim
