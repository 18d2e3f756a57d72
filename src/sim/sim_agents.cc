#include "sim/sim_agents.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "sim/agent_breaks.h"
#include "sim/distribution.h"

namespace dialer::sim {
namespace {

constexpr uint64_t kAgentStream = 0xA6E47;

std::string_view DispositionFor(const CallTruth* c) {
  if (c == nullptr) return "no_answer";
  if (c->outcome == Outcome::kHuman && c->connected_at != absl::InfiniteFuture()) {
    return "connected";
  }
  if (c->outcome == Outcome::kMachine && c->voicemail_left) return "voicemail";
  if (c->outcome == Outcome::kBusy) return "busy";
  return "no_answer";
}

}  // namespace

SimAgents::SimAgents(const Scenario& scenario, uint64_t seed,
                     std::string campaign_id, Clock* clock,
                     const SimulatedProvider* provider, EventLog* log)
    : scenario_(scenario),
      seed_(seed),
      campaign_id_(std::move(campaign_id)),
      clock_(clock),
      provider_(provider),
      log_(log) {
  const int n = scenario.agents.count;
  const int width = static_cast<int>(std::to_string(n).size());
  agents_.resize(n);
  for (int i = 0; i < n; ++i) {
    Agent& a = agents_[i];
    a.id = absl::StrFormat("agent-%0*d", width, i + 1);
    a.rng = Rng(StreamSeed({seed_, kAgentStream, static_cast<uint64_t>(i)}));
    a.since = clock_->Now();
    ids_.push_back(a.id);
    index_[a.id] = i;
  }
}

SimAgents::Agent* SimAgents::Find(const std::string& id) {
  // Every agent event names its agent: read the number out of
  // "agent-<n>" and check that agent's id, before hashing the string.
  constexpr std::string_view kPrefix = "agent-";
  if (id.size() > kPrefix.size() && id.size() <= kPrefix.size() + 9 &&
      std::string_view(id).substr(0, kPrefix.size()) == kPrefix) {
    size_t n = 0;
    bool digits = true;
    for (size_t k = kPrefix.size(); k < id.size() && digits; ++k) {
      digits = id[k] >= '0' && id[k] <= '9';
      n = n * 10 + static_cast<size_t>(id[k] - '0');
    }
    if (digits && n >= 1 && n <= agents_.size() && agents_[n - 1].id == id) {
      return &agents_[n - 1];
    }
  }
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &agents_[it->second];
}

void SimAgents::Act(Agent& agent, std::string_view action,
                    std::string_view detail, absl::Status status) {
  if (!status.ok()) ++command_errors_;
  log_->AgentAction(agent.id, action, detail, status);
}

void SimAgents::Start() {
  for (Agent& a : agents_) {
    Act(a, "login", campaign_id_, engine_->Login(a.id, campaign_id_));
    Act(a, "ready", "", engine_->Ready(a.id));
  }
  for (size_t b = 0; b < scenario_.agents.breaks.size(); ++b) {
    const absl::Time at =
        clock_->Now() + absl::Seconds(scenario_.agents.breaks[b].at_s);
    clock_->ScheduleAt(at, [this, b] { TakeBreak(b); });
  }
}

void SimAgents::TakeBreak(size_t break_index) {
  if (day_over_) return;
  const AgentBreak& b = scenario_.agents.breaks[break_index];
  // Who takes it: a seeded shuffle, the same for every pacer (and for the
  // staffing profile of the physical limit).
  for (size_t taker :
       BreakTakers(seed_, break_index, agents_.size(), b.fraction)) {
    Agent& a = agents_[taker];
    if (a.state == AgentState::kLoggedOut) continue;
    if (a.state == AgentState::kBreak) {
      // Already away (an earlier break): this break extends it, so the
      // agent is back at the later of the two ends (sim::StaffingProfile
      // replays this).
      ReturnFromBreakAt(a, clock_->Now() + absl::Seconds(b.for_s));
      continue;
    }
    a.break_for_s = b.for_s;
    Act(a, "break", absl::StrCat(b.for_s, "s"), engine_->Break(a.id, "break"));
  }
}

void SimAgents::ReturnFromBreakAt(Agent& agent, absl::Time until) {
  if (until <= agent.back_at) return;
  agent.back_at = until;
  const std::string id = agent.id;
  clock_->ScheduleAt(until, [this, id, until] {
    Agent* back = Find(id);
    if (back != nullptr && !day_over_ && back->state == AgentState::kBreak &&
        back->back_at == until) {
      Act(*back, "ready", "break_over", engine_->Ready(id));
    }
  });
}

void SimAgents::EndOfDay() {
  day_over_ = true;
  for (Agent& a : agents_) {
    if (Busy(a.state)) Act(a, "break", "end_of_day", engine_->Break(a.id, "end_of_day"));
  }
}

void SimAgents::LogoutAll() {
  for (Agent& a : agents_) {
    if (a.state != AgentState::kLoggedOut) {
      Act(a, "logout", "", engine_->Logout(a.id));
    }
  }
}

absl::Duration SimAgents::TimeIn(AgentState state) const {
  const int s = static_cast<int>(state);
  absl::Duration total;
  for (const Agent& a : agents_) {
    total += a.time_in[s];
    if (a.state == state) total += clock_->Now() - a.since;
  }
  return total;
}

void SimAgents::OnAgentState(const AgentStateEvent& event) {
  Agent* agent = Find(event.agent_id);
  if (agent == nullptr) return;
  Agent& a = *agent;
  const absl::Time now = clock_->Now();
  a.time_in[static_cast<int>(a.state)] += now - a.since;
  if (Busy(a.state)) --busy_;
  a.state = event.to;
  a.since = now;
  if (Busy(a.state)) ++busy_;

  switch (event.to) {
    case AgentState::kOnCall:
      OnCall(a);
      break;
    case AgentState::kWrapUp:
      WrapUp(a);
      break;
    case AgentState::kBreak:
      if (a.break_for_s > 0 && !day_over_) {
        ReturnFromBreakAt(a, now + absl::Seconds(a.break_for_s));
      }
      a.break_for_s = 0;
      break;
    default:
      break;
  }
}

void SimAgents::OnCall(Agent& a) {
  auto snapshot = engine_->GetAgent(a.id);
  if (!snapshot.ok()) return;
  const CallTruth* truth = provider_->Find(snapshot->call_id);
  if (truth == nullptr || truth->outcome != Outcome::kMachine) return;
  Recognize(a.id, snapshot->call_id);
}

void SimAgents::Recognize(const std::string& id, CallId call) {
  Agent* agent = Find(id);
  if (agent == nullptr || agent->state != AgentState::kOnCall) return;
  auto on = engine_->GetAgent(id);
  const CallTruth* truth = provider_->Find(call);
  if (!on.ok() || on->call_id != call || truth == nullptr || truth->ended) {
    return;
  }
  // The agent hears the machine once the call reaches them (at the pick-up
  // in power mode, when bridged otherwise) and needs as long as a detector
  // to be sure. A bridge still under way is looked at again then.
  const absl::Time now = clock_->Now();
  const absl::Time at =
      truth->connected_at == absl::InfiniteFuture()
          ? now + truth->latency
          : std::max(now, truth->connected_at + truth->latency);
  if (at > now || truth->connected_at == absl::InfiniteFuture()) {
    clock_->ScheduleAt(at, [this, id, call] { Recognize(id, call); });
    return;
  }
  if (scenario_.campaign.voicemail_drop) {
    Act(*agent, "drop_voicemail", absl::StrCat(call),
        engine_->DropVoicemail(id));
  } else {
    Act(*agent, "hangup_machine", absl::StrCat(call),
        engine_->HangupMachine(id));
  }
}

void SimAgents::WrapUp(Agent& a) {
  auto snapshot = engine_->GetAgent(a.id);
  const CallId call = snapshot.ok() ? snapshot->call_id : 0;
  const absl::Duration wrap = SampleDuration(scenario_.agents.wrap_s, a.rng);
  const std::string id = a.id;
  clock_->ScheduleAt(clock_->Now() + wrap, [this, id, call] {
    Agent* agent = Find(id);
    if (agent == nullptr || agent->state != AgentState::kWrapUp) return;
    DispositionInput input;
    input.code = std::string(DispositionFor(provider_->Find(call)));
    Act(*agent, "disposition", input.code, engine_->Disposition(id, input));
  });
}

}  // namespace dialer::sim
