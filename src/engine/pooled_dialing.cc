// Parallel and predictive dialing: calls placed ahead of agents, the
// connect-on-answer path, the 2-second rule and the pacer.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>

#include "core/absl_view.h"
#include "engine/engine_impl.h"

#include "absl/strings/str_cat.h"

namespace dialer::engine {
namespace {

// 47 CFR 64.1200(a)(7): a live answer must reach a representative within
// two seconds of the end of the greeting.
constexpr absl::Duration kTwoSecondRule = absl::Seconds(2);
// A pacer asking to be woken "now" is woken this much later, so a pacer that
// keeps answering "now" cannot spin the strand.
constexpr absl::Duration kMinReview = absl::Milliseconds(100);

pacing::AgentActivity ActivityOf(const Agent& a) {
  switch (a.state) {
    case AgentState::kOnCall:
      return pacing::AgentActivity::kOnCall;
    case AgentState::kWrapUp:
      return pacing::AgentActivity::kWrapUp;
    case AgentState::kBreak:
    case AgentState::kLoggedOut:
      return pacing::AgentActivity::kBreak;
    default:
      return pacing::AgentActivity::kReady;
  }
}

bool IsFree(const Agent& a) {
  return (a.state == AgentState::kReady || a.state == AgentState::kDialing) &&
         a.call == 0 && !a.break_requested;
}

}  // namespace

bool EngineImpl::Pooled(const Campaign& campaign) const {
  return campaign.config.mode != DialMode::kPower && !campaign.power_fallback;
}

void EngineImpl::RequestPace(Campaign& campaign) {
  if (campaign.pace_pending) return;
  campaign.pace_pending = true;
  pacing_queue_.push_back(&campaign);
}

void EngineImpl::UpdateAbandonState(Campaign& campaign, absl::Time now) {
  const compliance::AbandonState state = campaign.abandon.State(now);
  if (state != campaign.last_alerted) {
    if (state > campaign.last_alerted &&
        state >= compliance::AbandonState::kApproaching) {
      const bool stop = state == compliance::AbandonState::kStop;
      RaiseAlert(stop ? AlertSeverity::kCritical : AlertSeverity::kWarning,
                 stop ? "abandon_rate_stop"
                      : (state == compliance::AbandonState::kThrottle
                             ? "abandon_rate_throttle"
                             : "abandon_rate_approaching"),
                 absl::StrCat("campaign '", campaign.config.id,
                              "': 30-day abandon rate ",
                              campaign.abandon.Rate(now) * 100, "%"),
                 &campaign, "");
    }
    campaign.last_alerted = state;
  }
  if (campaign.config.mode == DialMode::kPower) return;
  if (state == compliance::AbandonState::kStop && !campaign.power_fallback) {
    // Power mode cannot abandon: the agent is on the line before the hello.
    campaign.power_fallback = true;
    for (Agent* a : campaign.agents) CancelLines(*a, 0);
  } else if (campaign.power_fallback &&
             state < compliance::AbandonState::kThrottle) {
    campaign.power_fallback = false;
    RaiseAlert(AlertSeverity::kInfo, "abandon_rate_resumed",
               absl::StrCat("campaign '", campaign.config.id,
                            "' is back under the throttle level"),
               &campaign, "");
  }
}

void EngineImpl::RunPacing(Campaign& campaign) {
  campaign.pace_pending = false;
  const absl::Time now = env_.clock->Now();
  UpdateAbandonState(campaign, now);
  // Live people waiting come first: a free agent is theirs before any dial,
  // also in the hard-stop fallback (people who picked up before it).
  while (!campaign.live_waiting.empty()) {
    Agent* a = PickAgent(campaign, "");
    if (a == nullptr) break;
    ConnectLive(*calls_.at(campaign.live_waiting.front()), *a);
  }
  if (!Pooled(campaign)) {
    for (Agent* a : campaign.agents) {
      if (a->state == AgentState::kReady && a->timer == 0 && a->call == 0) {
        Advance(*a);
      }
    }
    return;
  }
  if (campaign.config.mode == DialMode::kParallel) {
    int64_t spare = SpareParallelLines(campaign, now);
    for (Agent* a : campaign.agents) {
      if (IsFree(*a)) DialLines(*a, spare);
    }
    return;
  }
  if (!campaign.unconnected.empty() && NoAgentWillFree(campaign)) {
    CancelUnanswered(campaign);
  }
  pacing::Plan plan = campaign.pacer->Decide(BuildSnapshot(campaign, now));
  for (int i = 0; i < plan.dials_to_place_now; ++i) {
    if (!DialPooled(campaign)) break;
  }
  absl::Time review = std::max(plan.review_at, now + kMinReview);
  if (review != absl::InfiniteFuture() &&
      (campaign.pace_timer == 0 || review < campaign.pace_at)) {
    CancelTimer(campaign.pace_timer);
    campaign.pace_at = review;
    Campaign* c = &campaign;
    campaign.pace_timer = At(review, [this, c] {
      c->pace_timer = 0;
      c->pace_at = absl::InfiniteFuture();
      RequestPace(*c);
    });
  }
}

bool EngineImpl::NoAgentWillFree(const Campaign& campaign) const {
  for (const Agent* a : campaign.agents) {
    if (a->state == AgentState::kLoggedOut || a->state == AgentState::kBreak ||
        a->break_requested) {
      continue;
    }
    return false;
  }
  return true;
}

void EngineImpl::CancelUnanswered(Campaign& campaign) {
  // Every agent is on a break or leaves after the call in progress (the
  // end of a shift): a live answer to a pooled call still ringing could
  // only be abandoned. Cancelled before the pick-up it is a no-answer to
  // the callee. Picked-up calls stay with the detector (a machine is
  // handled as usual).
  std::vector<CallId> ringing;
  for (CallId id : campaign.unconnected) {
    const Call& call = *calls_.at(id);
    if (!call.facts.answered && !call.cancel_requested &&
        call.owner.empty()) {
      ringing.push_back(id);
    }
  }
  for (CallId id : ringing) {
    Call& call = *calls_.at(id);
    call.cancel_requested = true;
    absl::Status s = env_.provider->CancelCall(id);
    if (!s.ok()) {
      Log(LogLevel::kWarning,
          absl::StrCat("cancel of call ", id, " failed: ", s.ToString()));
    }
  }
}

pacing::Snapshot EngineImpl::BuildSnapshot(const Campaign& campaign,
                                           absl::Time now) {
  pacing::Snapshot snap;
  snap.now = now;
  snap.agents.reserve(campaign.agents.size());
  for (const Agent* a : campaign.agents) {
    if (a->state == AgentState::kLoggedOut) continue;
    pacing::AgentView v;
    v.activity = ActivityOf(*a);
    v.in_state = now - a->since;
    // Its own lines (parallel), or its own call (power mode: the hard-stop
    // fallback, and calls still ringing after it).
    v.has_call_in_flight = !a->lines.empty() ||
                           (a->state == AgentState::kDialing && a->call != 0);
    v.leaving = a->break_requested;
    if (a->state == AgentState::kOnCall && a->call != 0) {
      // Bridged at pick-up and not yet known to be a person.
      auto it = calls_.find(a->call);
      v.screening = it != calls_.end() && it->second->early_bridge &&
                    !it->second->classified;
    }
    snap.agents.push_back(v);
  }
  snap.calls.reserve(campaign.unconnected.size());
  for (CallId id : campaign.unconnected) {
    const Call& call = *calls_.at(id);
    pacing::CallView v;
    v.age = now - call.placed_at;
    if (call.live_waiting) {
      v.stage = pacing::CallStage::kLiveWaiting;
      v.in_stage = now - call.greeting_end_at;
    } else if (call.facts.answered) {
      v.stage = pacing::CallStage::kAwaitingVerdict;
      v.in_stage = now - call.answered_at;
    } else {
      v.stage = pacing::CallStage::kRinging;
      v.in_stage = v.age;
    }
    snap.calls.push_back(v);
  }
  snap.abandon_rate_30d = campaign.abandon.Rate(now);
  snap.abandon_state = campaign.abandon.State(now);
  snap.abandons_until_stop = campaign.abandon.AbandonsUntilStop(now);
  return snap;
}

int64_t EngineImpl::SpareParallelLines(const Campaign& campaign,
                                       absl::Time now) const {
  // N lines per agent have no model of their risk. Near the stop level the
  // calls already ringing carried the rate past it after the stop (a
  // 5-agent, 4-line hour ended at 3.07 %, a 2-agent, 3-line day at 3.06 %).
  if (campaign.abandon.State(now) < compliance::AbandonState::kApproaching) {
    return std::numeric_limits<int64_t>::max();
  }
  // Every free agent's first line is placed whatever the room: a free agent
  // without a line offsets that line.
  int64_t beyond = static_cast<int64_t>(campaign.unconnected.size());
  for (const Agent* a : campaign.agents) {
    if (IsFree(*a)) beyond -= a->lines.empty() ? 0 : 1;
  }
  return campaign.abandon.AbandonsUntilStop(now) - std::max<int64_t>(0, beyond);
}

void EngineImpl::DialLines(Agent& agent, int64_t& spare) {
  Campaign& campaign = *agent.campaign;
  const absl::Time now = env_.clock->Now();
  const int want = std::max(1, campaign.config.lines_per_agent);
  bool placed = false;
  while (static_cast<int>(agent.lines.size()) < want) {
    if (!agent.lines.empty() && spare <= 0) break;
    auto entry = PopNext(campaign, agent.id, now);
    if (!entry.has_value()) {
      ScheduleWake(campaign, campaign.queue.NextDue(agent.id));
      break;
    }
    Call* call = StartCall(campaign, contacts_[entry->contact], agent.id,
                           /*listening=*/false);
    if (call == nullptr) continue;
    if (!agent.lines.empty()) --spare;
    agent.lines.push_back(call->id);
    placed = true;
    if (agent.state == AgentState::kReady) {
      SetAgentState(agent, AgentState::kDialing, "dialing_lines");
    }
    Launch(*call);
  }
  (void)placed;
}

bool EngineImpl::DialPooled(Campaign& campaign) {
  const absl::Time now = env_.clock->Now();
  // Contacts reserved for an agent (callbacks) are dialed while that agent
  // is free; the longest-idle free agent's reservations go first.
  Agent* preferred = PickAgent(campaign, "");
  const std::string owner = preferred != nullptr ? preferred->id : "";
  for (;;) {
    auto entry = PopNext(campaign, owner, now);
    if (!entry.has_value()) {
      ScheduleWake(campaign, campaign.queue.NextDue(owner));
      return false;
    }
    Call* call = StartCall(campaign, contacts_[entry->contact], "",
                           /*listening=*/false);
    if (call == nullptr) continue;
    Launch(*call);
    return true;
  }
}

void EngineImpl::OnAgentAvailable(Agent& agent) {
  if (!ConnectWaitingPerson(agent)) BridgeAwaitingPickup(agent);
  RequestPace(*agent.campaign);
}

bool EngineImpl::BridgeAwaitingPickup(Agent& agent) {
  Campaign& campaign = *agent.campaign;
  if (!campaign.config.connect_on_pickup || !IsFree(agent)) return false;
  // The pick-up waiting longest for the detector: had this agent been free
  // when it was picked up, it would have been bridged then (OnAnswered).
  // Whoever answered has heard silence since. A person is the agent's now
  // rather than at the verdict, by when a later pick-up may have taken the
  // agent; a machine is recognised and left, as at any early bridge.
  Call* oldest = nullptr;
  for (CallId id : campaign.unconnected) {
    Call& call = *calls_.at(id);
    if (call.facts.state != CallState::kAnswered || call.live_waiting ||
        call.agent_listening) {
      continue;
    }
    if (oldest == nullptr || call.answered_at < oldest->answered_at) {
      oldest = &call;
    }
  }
  if (oldest == nullptr) return false;
  EarlyBridge(*oldest, agent);
  return oldest->early_bridge;
}

bool EngineImpl::ConnectWaitingPerson(Agent& agent) {
  Campaign& campaign = *agent.campaign;
  if (campaign.live_waiting.empty() || !IsFree(agent)) return false;
  ConnectLive(*calls_.at(campaign.live_waiting.front()), agent);
  return true;
}

Agent* EngineImpl::PickAgent(Campaign& campaign, const std::string& preferred) {
  if (!preferred.empty()) {
    auto it = agents_.find(preferred);
    if (it != agents_.end() && it->second->campaign == &campaign &&
        IsFree(*it->second)) {
      return it->second.get();
    }
  }
  // Longest idle first: fairness between agents, and the one whose lines
  // have rung longest.
  Agent* best = nullptr;
  for (Agent* a : campaign.agents) {
    if (IsFree(*a) && (best == nullptr || a->since < best->since)) best = a;
  }
  return best;
}

void EngineImpl::DetachFromOwner(Call& call) {
  if (call.owner.empty()) return;
  if (auto it = agents_.find(call.owner); it != agents_.end()) {
    Agent& owner = *it->second;
    auto& lines = owner.lines;
    lines.erase(std::remove(lines.begin(), lines.end(), call.id), lines.end());
    if (lines.empty() && owner.state == AgentState::kDialing &&
        owner.call == 0) {
      SetAgentState(owner, AgentState::kReady, "lines_ended");
    }
  }
  call.owner.clear();
}

void EngineImpl::EarlyBridge(Call& call, Agent& agent) {
  Campaign& campaign = *call.campaign;
  absl::Status s =
      env_.provider->Bridge(call.id, AgentConference(agent.id));
  if (!s.ok()) {
    Log(LogLevel::kWarning,
        absl::StrCat("early bridge of call ", call.id, " to '", agent.id,
                     "' failed: ", s.ToString(), "; waiting for the detector"));
    return;
  }
  campaign.unconnected.erase(call.id);
  DetachFromOwner(call);
  CancelTimer(agent.timer);  // a power-mode advance (hard-stop fallback)
  call.facts.state = CallState::kConnecting;
  call.early_bridge = true;
  call.agent_listening = true;
  call.bridge_commanded_at = env_.clock->Now();
  call.agent = agent.id;
  agent.call = call.id;
  SetAgentState(agent, AgentState::kOnCall, "call_answered");
  EmitScreenPop(agent, &call, call.contact, false);
  EmitCall(call, "connecting_on_answer");
}

void EngineImpl::CancelLines(Agent& agent, CallId keep) {
  // Issued together, before any bridge (the connect-on-answer flow of the
  // brief): every other line of this agent is cancelled in this same turn.
  for (CallId id : agent.lines) {
    if (id == keep) continue;
    auto it = calls_.find(id);
    if (it == calls_.end()) continue;
    Call& sib = *it->second;
    sib.owner.clear();
    if (sib.facts.state == CallState::kEnded || sib.facts.answered) continue;
    sib.cancel_requested = true;
    absl::Status s = env_.provider->CancelCall(id);
    if (!s.ok()) {
      Log(LogLevel::kWarning,
          absl::StrCat("cancel of call ", id, " failed: ", s.ToString()));
    }
  }
  agent.lines.clear();
  if (keep == 0 && agent.state == AgentState::kDialing && agent.call == 0) {
    SetAgentState(agent, AgentState::kReady, "lines_cancelled");
  }
}

void EngineImpl::ConnectLive(Call& call, Agent& agent) {
  Campaign& campaign = *call.campaign;
  CancelTimer(call.abandon_timer);
  if (call.live_waiting) {
    call.live_waiting = false;
    auto& q = campaign.live_waiting;
    q.erase(std::remove(q.begin(), q.end(), call.id), q.end());
  }
  CancelLines(agent, call.id);
  CancelTimer(agent.timer);  // a power-mode advance (hard-stop fallback)
  absl::Status s =
      env_.provider->Bridge(call.id, AgentConference(agent.id));
  if (!s.ok()) {
    Log(LogLevel::kError, absl::StrCat("bridge of call ", call.id, " to '",
                                       agent.id, "' failed: ", s.ToString()));
    AbandonLive(call, "bridge_failed");
    return;
  }
  campaign.unconnected.erase(call.id);
  call.facts.state = CallState::kConnecting;
  call.bridge_commanded_at = env_.clock->Now();
  call.agent = agent.id;
  call.owner.clear();
  agent.call = call.id;
  SetAgentState(agent, AgentState::kOnCall, "call_connecting");
  EmitScreenPop(agent, &call, call.contact, false);
  EmitCall(call, "connecting");
}

void EngineImpl::OfferLive(Call& call) {
  Campaign& campaign = *call.campaign;
  if (Agent* a = PickAgent(campaign, call.owner); a != nullptr) {
    ConnectLive(call, *a);
    return;
  }
  // Nobody free: wait as long as the 2-second rule allows, keeping room for
  // the bridge itself, then play the identification message.
  call.live_waiting = true;
  campaign.live_waiting.push_back(call.id);
  const absl::Time now = env_.clock->Now();
  const absl::Time deadline = std::max(
      now, call.greeting_end_at + kTwoSecondRule - campaign.bridge_estimate);
  const CallId id = call.id;
  call.abandon_timer = At(deadline, [this, id] {
    auto it = calls_.find(id);
    if (it == calls_.end()) return;
    it->second->abandon_timer = 0;
    if (it->second->live_waiting) AbandonLive(*it->second, "no_agent_in_time");
  });
  EmitCall(call, "waiting_for_agent");
}

void EngineImpl::AbandonLive(Call& call, std::string_view why) {
  Campaign& campaign = *call.campaign;
  const absl::Time now = env_.clock->Now();
  CancelTimer(call.abandon_timer);
  if (call.live_waiting) {
    call.live_waiting = false;
    auto& q = campaign.live_waiting;
    q.erase(std::remove(q.begin(), q.end(), call.id), q.end());
  }
  campaign.unconnected.erase(call.id);
  // The FCC's safe harbor: identify the seller and offer the opt-out before
  // hanging up (47 CFR 64.1200(a)(7)(i)).
  absl::Status s = env_.provider->PlayAndHangup(
      call.id, campaign.config.safe_harbor_audio, /*after_beep=*/false);
  if (!s.ok()) (void)env_.provider->Hangup(call.id);
  call.facts.state = CallState::kAbandoning;
  call.abandoned = true;
  call.auto_disposition = "abandoned";
  campaign.stats.abandoned++;
  campaign.abandon.RecordAbandon(now);
  if (campaign.pacer != nullptr) {
    campaign.pacer->OnLiveAnswerAbandoned(now, now - call.greeting_end_at);
  }
  EmitCall(call, absl::StrCat("abandoned:", AbslView(why)));
  RequestPace(campaign);
}

void EngineImpl::HandleMachine(Call& call, AmdResult result) {
  Campaign& campaign = *call.campaign;
  campaign.unconnected.erase(call.id);
  call.facts.state = CallState::kMachine;
  absl::Status s;
  if (result != AmdResult::kFax && !campaign.config.voicemail_audio.empty()) {
    // Played after the beep, so the message is never truncated (field
    // failure #14).
    s = env_.provider->PlayAndHangup(call.id, campaign.config.voicemail_audio,
                                     /*after_beep=*/true);
    call.voicemail_dropped = s.ok();
    if (s.ok()) campaign.stats.voicemails_dropped++;
    call.auto_disposition = s.ok() ? "voicemail" : "machine";
  } else {
    s = env_.provider->Hangup(call.id);
    call.auto_disposition = "machine";
  }
  if (!s.ok()) {
    Log(LogLevel::kWarning, absl::StrCat("machine handling of call ", call.id,
                                         " failed: ", s.ToString()));
  }
  EmitCall(call, absl::StrCat("machine:", AbslView(ToString(result))));
  RequestPace(campaign);
}

}  // namespace dialer::engine
