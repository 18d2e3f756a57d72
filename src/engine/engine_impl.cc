#include "engine/engine_impl.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/absl_view.h"
#include "compliance/ring_time.h"
#include "compliance/nanp_number.h"

namespace dialer {
inline namespace v1 {

absl::StatusOr<std::unique_ptr<Engine>> Engine::Create(
    const EngineOptions& options, const EngineEnv& env) {
  if (env.clock == nullptr) {
    return absl::InvalidArgumentError("EngineEnv.clock is required");
  }
  if (env.provider == nullptr) {
    return absl::InvalidArgumentError("EngineEnv.provider is required");
  }
  if (env.store == nullptr) {
    return absl::InvalidArgumentError("EngineEnv.store is required");
  }
  auto rules = compliance::Rules::Default();
  if (!rules.ok()) return rules.status();
  auto engine =
      std::make_unique<engine::EngineImpl>(options, env, *std::move(rules));
  return std::unique_ptr<Engine>(std::move(engine));
}

Engine::~Engine() = default;

}  // namespace v1
}  // namespace dialer

namespace dialer::engine {
namespace {

// The FCC's abandonment clock: a live answer must reach an agent within two
// seconds of the end of the greeting (47 CFR 64.1200(a)(7)).
constexpr absl::Duration kAbandonGrace = absl::Seconds(2);
// How long past the ring timeout a silent call is trusted before the engine
// closes it itself (a lost webhook must not strand an agent).
constexpr absl::Duration kRingGuardSlack = absl::Seconds(30);

std::string_view AutoDispositionFor(CallEndStatus status) {
  switch (status) {
    case CallEndStatus::kBusy: return "busy";
    case CallEndStatus::kNoAnswer: return "no_answer";
    case CallEndStatus::kFailed: return "failed";
    case CallEndStatus::kCanceled: return "canceled";
    case CallEndStatus::kCompleted: return "";
  }
  return "";
}

// The area code of a NANP number in E.164 ("+1NPA..."), or "".
std::string_view AreaCode(std::string_view e164) {
  if (e164.size() == 12 && e164.substr(0, 2) == "+1") return e164.substr(2, 3);
  return {};
}

// When to offer a refused contact again. Only a do-not-call listing or an
// undialable number ends its life in the campaign; a blackout, an abandon
// stop or a caller-ID problem is lifted by people, not by time, so the
// contact is looked at again later instead of being dropped.
absl::Time RetryAfterRefusal(const compliance::Decision& d, absl::Time now) {
  if (d.retry_at != absl::InfiniteFuture()) return d.retry_at;
  for (compliance::Reason r : d.reasons) {
    if (r == compliance::Reason::kDncNational ||
        r == compliance::Reason::kDncState ||
        r == compliance::Reason::kDncInternal ||
        r == compliance::Reason::kInvalidPhone) {
      return absl::InfiniteFuture();
    }
  }
  return now + absl::Minutes(15);
}

// The key of a phone number for the per-number guards: its E.164 digits as
// an integer (at most 15 digits), whatever separators a host's number
// carries (AddContacts takes numbers as given). No allocation; a contact
// keeps its current number's (NumberKeyOf).
uint64_t NumberKey(std::string_view phone) {
  uint64_t key = 0;
  int digits = 0;
  for (char ch : phone) {
    if (ch < '0' || ch > '9') continue;
    // Longer than E.164 allows: fold, so garbage still gets a stable key.
    key = digits < 18 ? key * 10 + static_cast<uint64_t>(ch - '0')
                      : key * 1000003u + static_cast<uint64_t>(ch - '0');
    ++digits;
  }
  // A bare 10-digit NANP number is the same line as its +1 form.
  if (digits == 10 && !phone.empty() && phone.front() != '+') {
    key += 10'000'000'000ull;
  }
  return key;
}

// The contact's current number's key, computed once per number.
uint64_t NumberKeyOf(ContactRuntime& c) {
  if (c.number_key == 0) c.number_key = NumberKey(c.phones[c.phone_index]);
  return c.number_key;
}

}  // namespace

std::string AgentConference(std::string_view agent_id) {
  return absl::StrCat("agent:", AbslView(agent_id));
}

Campaign::Campaign(const CampaignConfig& c)
    : config(c),
      dispositions(c),
      abandon(compliance::ThresholdsForLimit(c.abandon_limit)) {
  gate.id = c.id;
  gate.subject = c.id;
  gate.mode = c.mode;
  gate.allowed_caller_ids.insert(c.caller_ids.begin(), c.caller_ids.end());
  gate.max_attempts_per_24h = c.retry.max_attempts_per_day;
  gate.general_cap = c.general_cap;
}

EngineImpl::EngineImpl(const EngineOptions& options, const EngineEnv& env,
                       compliance::Rules rules)
    : options_(options),
      env_(env),
      timer_token_(TimerToken::Create(this)),
      rules_(std::move(rules)),
      gate_(rules_) {
  rules_.dnc = &dnc_;
  env_.provider->SetListener(this);
  auto dnc = env_.store->InternalDnc();
  if (dnc.ok()) {
    for (const DncEntry& e : *dnc) {
      auto n = compliance::ParseNanpE164(e.phone);
      if (n.has_value()) (void)dnc_.AddInternal(n->national);
    }
  } else {
    Log(LogLevel::kError,
        absl::StrCat("could not load the internal DNC list: ",
                     dnc.status().ToString()));
  }
}

EngineImpl::~EngineImpl() {
  // Before taking the strand: a clock thread already inside a timer waits
  // for the strand, sees the engine gone and leaves; after this no timer
  // enters. (From a thread holding the strand - the engine destroyed from
  // its own callback - waiting could be for ourselves: only mark it.)
  if (strand_.HeldByThisThread()) {
    timer_token_->Kill();
  } else {
    timer_token_->KillAndWait();
  }
  OnStrand([this] {
    env_.provider->SetListener(nullptr);
    for (auto& [id, agent] : agents_) {
      CancelTimer(agent->timer);
      CancelTimer(agent->wrap_max_timer);
      CancelTimer(agent->idle_timer);
    }
    for (auto& [id, campaign] : campaigns_) CancelTimer(campaign->wake_timer);
    for (auto& [id, call] : calls_) CancelTimer(call->guard_timer);
    // Every other pending timer too: the clock destroys their handles now,
    // not after the engine is gone.
    timers_.TakeAll([this](TimerId clock_id) {
      if (clock_id != 0) env_.clock->Cancel(clock_id);
    });
  });
}

// ---- Strand plumbing --------------------------------------------------------

void EngineImpl::Drain() {
  gate_allowed_contact_ = 0;
  if (draining_) return;
  draining_ = true;
  // Provider events that arrived while a step ran are applied first, then
  // host events go out in order. A host callback may add more of either.
  for (;;) {
    if (!pending_provider_events_.empty()) {
      std::vector<ProviderEvent> events = std::move(spare_provider_events_);
      events.swap(pending_provider_events_);
      for (const ProviderEvent& e : events) {
        absl::Status s = ApplyProviderEvent(e);
        (void)s;  // logged inside
      }
      events.clear();
      spare_provider_events_ = std::move(events);
      continue;
    }
    if (!pacing_queue_.empty()) {
      std::vector<Campaign*> campaigns;
      campaigns.swap(pacing_queue_);
      for (Campaign* c : campaigns) RunPacing(*c);
      continue;
    }
    if (pending_events_.empty()) break;
    std::vector<HostEvent> events = std::move(spare_events_);
    events.swap(pending_events_);
    if (env_.sink == nullptr) {
      events.clear();
      spare_events_ = std::move(events);
      continue;
    }
    for (HostEvent& e : events) {
      std::visit(
          [this](auto& ev) {
            using T = std::decay_t<decltype(ev)>;
            if constexpr (std::is_same_v<T, AgentStateEvent>) {
              env_.sink->OnAgentState(ev);
            } else if constexpr (std::is_same_v<T, std::unique_ptr<ScreenPop>>) {
              env_.sink->OnScreenPop(*ev);
            } else if constexpr (std::is_same_v<T, CallEvent>) {
              env_.sink->OnCallEvent(ev);
            } else if constexpr (std::is_same_v<T, Alert>) {
              env_.sink->OnAlert(ev);
            } else {
              env_.sink->OnLog(ev.first, ev.second);
            }
          },
          e);
    }
    events.clear();
    spare_events_ = std::move(events);
  }
  draining_ = false;
}

void EngineImpl::OnProviderEvent(const ProviderEvent& event) {
  // From inside a provider command the step that issued it is not finished:
  // queue the event; Drain applies it once the step is done.
  if (strand_.HeldByThisThread()) {
    pending_provider_events_.push_back(event);
    return;
  }
  OnStrand([&] {
    absl::Status s = ApplyProviderEvent(event);
    (void)s;
  });
}

// What the clock holds for an engine timer: 16 bytes, so AnyInvocable keeps
// it inline (no heap allocation per timer).
struct EngineImpl::TimerFire {
  TimerToken::Ref token;
  TimerSlab::Handle handle;

  void operator()() {
    if (!token->Enter()) return;
    token->owner()->FireTimer(handle);
    token->Leave();
  }
};
static_assert(sizeof(TimerToken::Ref) + sizeof(TimerSlab::Handle) <= 16);

TimerId EngineImpl::At(absl::Time when, absl::AnyInvocable<void()> fn) {
  const TimerSlab::Handle handle = timers_.Add(std::move(fn));
  const TimerId clock_id = env_.clock->ScheduleAt(
      when, TimerFire{TimerToken::Ref(timer_token_.get()), handle});
  timers_.SetClockId(handle, clock_id);
  return handle;
}

void EngineImpl::FireTimer(TimerSlab::Handle handle) {
  OnStrand([&] {
    // The engine's destructor kills the token on the strand.
    if (!timer_token_->alive()) return;
    absl::AnyInvocable<void()> fn;
    if (timers_.Take(handle, &fn, nullptr) && fn) fn();
  });
}

void EngineImpl::CancelTimer(TimerId& id) {
  TimerId clock_id = 0;
  if (id != 0 && timers_.Take(id, nullptr, &clock_id) && clock_id != 0) {
    env_.clock->Cancel(clock_id);
  }
  id = 0;
}

void EngineImpl::Log(LogLevel level, std::string message) {
  Emit(std::make_pair(level, std::move(message)));
}

void EngineImpl::RaiseAlert(AlertSeverity severity, std::string code,
                            std::string message, const Campaign* campaign,
                            std::string_view agent_id) {
  Alert a;
  a.severity = severity;
  a.code = std::move(code);
  a.message = std::move(message);
  if (campaign != nullptr) a.campaign_id = campaign->config.id;
  a.agent_id = std::string(agent_id);
  a.at = env_.clock->Now();
  Emit(std::move(a));
}

absl::Status EngineImpl::Write(const WriteBatch& batch) {
  absl::Status s = env_.store->Commit(batch);
  if (!s.ok()) {
    RaiseAlert(AlertSeverity::kCritical, "store_write_failed",
               absl::StrCat("store commit failed: ", s.ToString()), nullptr,
               "");
  }
  return s;
}

// ---- Campaigns and contacts -------------------------------------------------

absl::Status EngineImpl::AddCampaign(const CampaignConfig& config) {
  if (absl::Status s = config.Validate(); !s.ok()) return s;
  return OnStrand([&]() -> absl::Status {
    if (campaigns_.contains(config.id)) {
      return absl::AlreadyExistsError(
          absl::StrCat("campaign '", config.id, "' already exists"));
    }
    auto campaign = std::make_unique<Campaign>(config);
    campaign->config.ring_timeout =
        compliance::EffectiveRingTimeout(config.ring_timeout);
    if (config.mode == DialMode::kPredictive) {
      pacing::PacerOptions po;
      po.abandon_limit = config.abandon_limit;
      po.detector_false_positive_rate = config.detector_false_positive_rate;
      po.lines_per_agent = std::max(1, config.lines_per_agent);
      if (!absl::LoadTimeZone(config.time_zone, &po.time_zone)) {
        return absl::InvalidArgumentError(absl::StrCat(
            "campaign '", config.id, "': time_zone '", config.time_zone,
            "' is not an IANA zone"));
      }
      auto pacer = pacing::MakePacer(
          config.pacer.empty() ? "predictive" : config.pacer, po);
      if (!pacer.ok()) return pacer.status();
      campaign->pacer = *std::move(pacer);
    }
    campaigns_.emplace(config.id, std::move(campaign));
    return absl::OkStatus();
  });
}

absl::Status EngineImpl::ReplacePacerForTesting(
    std::string_view campaign_id, std::unique_ptr<pacing::Pacer> pacer) {
  return OnStrand([&]() -> absl::Status {
    auto it = campaigns_.find(AbslView(campaign_id));
    if (it == campaigns_.end() || it->second->pacer == nullptr) {
      return absl::FailedPreconditionError(absl::StrCat(
          "no predictive-mode campaign '", AbslView(campaign_id), "'"));
    }
    it->second->pacer = std::move(pacer);
    return absl::OkStatus();
  });
}

absl::StatusOr<double> EngineImpl::AbandonRateForTesting(
    std::string_view campaign_id) {
  return OnStrand([&]() -> absl::StatusOr<double> {
    auto it = campaigns_.find(AbslView(campaign_id));
    if (it == campaigns_.end()) {
      return absl::NotFoundError(
          absl::StrCat("no campaign '", AbslView(campaign_id), "'"));
    }
    return it->second->abandon.Rate(env_.clock->Now());
  });
}

absl::StatusOr<std::vector<ContactId>> EngineImpl::AddContacts(
    std::string_view campaign_id, std::vector<Contact> contacts) {
  for (size_t i = 0; i < contacts.size(); ++i) {
    if (contacts[i].phone.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat("contacts[", i, "]: phone is empty"));
    }
  }
  return OnStrand([&]() -> absl::StatusOr<std::vector<ContactId>> {
    auto it = campaigns_.find(AbslView(campaign_id));
    if (it == campaigns_.end()) {
      return absl::NotFoundError(
          absl::StrCat("campaign '", AbslView(campaign_id), "' not found"));
    }
    Campaign& campaign = *it->second;
    auto ids = env_.store->AddContacts(contacts);
    if (!ids.ok()) return ids.status();
    const absl::Time now = env_.clock->Now();
    contacts_.Reserve(contacts.size());
    known_contacts_.Reserve(contacts.size());
    for (size_t i = 0; i < contacts.size(); ++i) {
      Contact& in = contacts[i];
      known_contacts_.Add(in);
      ContactRuntime& c = contacts_[(*ids)[i]];
      c.campaign = &campaign;
      c.phones.reserve(1 + in.alternate_phones.size());
      c.phones.push_back(std::move(in.phone));
      for (std::string& p : in.alternate_phones) c.phones.push_back(std::move(p));
      c.state = std::move(in.state);
      c.zip = std::move(in.zip);
      c.time_zone = std::move(in.time_zone);
      c.agent = std::move(in.assigned_agent);
      c.hot = in.hot;
      campaign.queue.Upsert(
          c.id, in.hot ? queue::Priority::kHot : queue::Priority::kFresh, now,
          c.agent, GroupOf(c));
    }
    WakeCampaign(campaign);
    return *std::move(ids);
  });
}

// ---- Agents -----------------------------------------------------------------

absl::StatusOr<Agent*> EngineImpl::FindAgent(std::string_view agent_id) {
  auto it = agents_.find(AbslView(agent_id));
  if (it == agents_.end() || it->second->state == AgentState::kLoggedOut) {
    return absl::NotFoundError(
        absl::StrCat("agent '", AbslView(agent_id), "' is not logged in"));
  }
  return it->second.get();
}

void EngineImpl::SetAgentState(Agent& agent, AgentState to,
                               std::string_view reason) {
  if (agent.state == to) return;
  if (!IsAgentTransition(agent.state, to)) {
    // A bug, not bad input: every caller checks its preconditions first.
    Log(LogLevel::kError,
        absl::StrCat("agent '", agent.id, "': illegal transition ",
                     AbslView(ToString(agent.state)), " -> ", AbslView(ToString(to)), " (",
                     AbslView(reason), ")"));
  }
  const absl::Time now = env_.clock->Now();
  if (agent.state == AgentState::kWrapUp) {
    agent.campaign->stats.wrap_time += now - agent.since;
  }
  AgentStateEvent& e = EmitInPlace<AgentStateEvent>();
  e.agent_id = agent.id;
  e.campaign_id = agent.campaign->config.id;
  e.from = agent.state;
  e.to = to;
  e.reason = std::string(reason);
  e.at = now;
  const AgentState from = agent.state;
  agent.state = to;
  agent.since = now;
  if (from == AgentState::kReady) CancelTimer(agent.idle_timer);
  if (to == AgentState::kReady) ArmIdleAlert(agent);
}

void EngineImpl::ArmIdleAlert(Agent& agent) {
  CancelTimer(agent.idle_timer);
  const absl::Duration after = agent.campaign->config.agent_idle_alert_after;
  if (after <= absl::ZeroDuration() || after == absl::InfiniteDuration()) {
    return;
  }
  Agent* a = &agent;
  agent.idle_timer = At(env_.clock->Now() + after, [this, a] {
    a->idle_timer = 0;
    if (a->state == AgentState::kReady) RaiseIdleAlert(*a);
  });
}

void EngineImpl::RaiseIdleAlert(Agent& agent) {
  const absl::Time now = env_.clock->Now();
  RaiseAlert(AlertSeverity::kWarning, "agent_idle_too_long",
             absl::StrCat("agent '", agent.id, "' has been ready for ",
                          absl::FormatDuration(now - agent.since),
                          " without a call: ", IdleReason(agent, now)),
             agent.campaign, agent.id);
}

std::string EngineImpl::IdleReason(const Agent& agent, absl::Time now) {
  Campaign& campaign = *agent.campaign;
  if (campaign.queue.empty()) {
    return "no_contacts_left: the campaign has no contact left to dial "
           "(contacts_remaining 0)";
  }
  // What this agent could be offered: the shared queue and their own
  // reservations.
  const queue::Depth depth = campaign.queue.depth(now);
  int64_t due_now = 0, later = 0, closed = 0;
  auto add = [&](const queue::ClassDepths& classes) {
    for (const queue::ClassDepth& d : classes) {
      due_now += d.due_now;
      later += d.later;
      closed += d.window_closed;
    }
  };
  add(depth.shared);
  for (const auto& [owner, classes] : depth.agents) {
    if (owner == agent.id) add(classes);
  }
  const absl::Time next = campaign.queue.NextDue(agent.id);
  const std::string next_text =
      next == absl::InfiniteFuture()
          ? std::string("none is dialable in the coming days")
          : absl::StrCat("the first is dialable at ",
                         absl::FormatTime(absl::RFC3339_sec, next,
                                          absl::UTCTimeZone()));
  if (due_now + later + closed == 0) {
    return absl::StrCat("reserved_for_other_agents: all ",
                        campaign.queue.size(),
                        " contacts left are reserved for other agents");
  }
  if (due_now == 0 && closed > 0) {
    return absl::StrCat("windows_closed: ", closed,
                        " contact(s) wait for their calling window; ",
                        next_text);
  }
  if (due_now == 0) {
    return absl::StrCat("not_due: ", later,
                        " contact(s) are due later (retries, callbacks); ",
                        next_text);
  }
  if (campaign.power_fallback) {
    return absl::StrCat("abandon_stop: the campaign dials as power mode "
                        "after the abandon hard stop; ",
                        due_now, " contact(s) due");
  }
  return absl::StrCat("refused: ", due_now,
                      " contact(s) are due but not dialled (",
                      campaign.stats.blocked_by_compliance,
                      " compliance refusals so far, see the audit log; "
                      "or the same number is on another call)");
}

absl::Status EngineImpl::Login(std::string_view agent_id,
                               std::string_view campaign_id) {
  if (agent_id.empty()) return absl::InvalidArgumentError("agent id is empty");
  return OnStrand([&]() -> absl::Status {
    auto cit = campaigns_.find(AbslView(campaign_id));
    if (cit == campaigns_.end()) {
      return absl::NotFoundError(
          absl::StrCat("campaign '", AbslView(campaign_id), "' not found"));
    }
    auto& slot = agents_[AbslView(agent_id)];
    if (slot == nullptr) {
      slot = std::make_unique<Agent>();
      slot->id = std::string(agent_id);
    } else if (slot->state != AgentState::kLoggedOut) {
      return absl::FailedPreconditionError(absl::StrCat(
          "agent '", AbslView(agent_id), "' is already logged in to campaign '",
          slot->campaign->config.id, "'"));
    }
    Agent& agent = *slot;
    Campaign& campaign = *cit->second;
    agent.campaign = &campaign;
    agent.break_requested = false;
    agent.dispositioned = true;
    if (std::find(campaign.agents.begin(), campaign.agents.end(), &agent) ==
        campaign.agents.end()) {
      campaign.agents.push_back(&agent);
    }
    SetAgentState(agent, AgentState::kBreak, "login");
    return absl::OkStatus();
  });
}

absl::Status EngineImpl::Ready(std::string_view agent_id) {
  return OnAgent(agent_id, [&](Agent& a) -> absl::Status {
    switch (a.state) {
      case AgentState::kReady:
      case AgentState::kPreview:
      case AgentState::kDialing:
        return absl::OkStatus();  // already working; Ready is idempotent
      case AgentState::kOnCall:
        return absl::FailedPreconditionError(absl::StrCat(
            "agent '", a.id, "' is on a call; hang up and disposition first"));
      case AgentState::kWrapUp:
        if (!a.dispositioned) {
          return absl::FailedPreconditionError(absl::StrCat(
              "agent '", a.id, "' must disposition call ", a.call,
              " before Ready"));
        }
        a.break_requested = false;
        MakeReady(a, a.campaign->config.auto_advance_delay, "agent_ready");
        return absl::OkStatus();
      case AgentState::kBreak:
        a.break_requested = false;
        MakeReady(a, absl::ZeroDuration(), "agent_ready");
        return absl::OkStatus();
      case AgentState::kLoggedOut:
        break;
    }
    return absl::FailedPreconditionError("agent is logged out");
  });
}

void EngineImpl::MakeReady(Agent& agent, absl::Duration delay,
                           std::string_view reason) {
  CancelTimer(agent.timer);
  CancelTimer(agent.wrap_max_timer);
  agent.call = 0;
  if (agent.break_requested) {
    agent.break_requested = false;
    SetAgentState(agent, AgentState::kBreak, agent.break_reason);
    return;
  }
  const absl::Time now = env_.clock->Now();
  if (agent.state == AgentState::kWrapUp && agent.campaign->pacer != nullptr) {
    agent.campaign->pacer->OnWrapEnded(now, now - agent.since);
  }
  SetAgentState(agent, AgentState::kReady, reason);
  if (Pooled(*agent.campaign)) {
    // The agent waits in the conference; calls are already ringing for the
    // pool, so there is no per-agent advance delay.
    OnAgentAvailable(agent);
    return;
  }
  // A parallel or predictive campaign in the hard-stop fallback dials as
  // power mode, but a person who picked up before the fallback may still be
  // waiting: they are the agent's before any new dial (field failure #13).
  if (ConnectWaitingPerson(agent)) return;
  Agent* a = &agent;
  agent.timer = At(now + delay, [this, a] {
    a->timer = 0;
    Advance(*a);
  });
}

absl::Status EngineImpl::Break(std::string_view agent_id,
                               std::string_view reason) {
  return OnAgent(agent_id, [&](Agent& a) -> absl::Status {
    a.break_reason = reason.empty() ? "break" : std::string(reason);
    switch (a.state) {
      case AgentState::kBreak:
        return absl::OkStatus();
      case AgentState::kPreview:
        Requeue(contacts_[a.preview_contact], a.preview_priority,
                env_.clock->Now());
        a.preview_contact = 0;
        [[fallthrough]];
      case AgentState::kReady:
        CancelTimer(a.timer);
        SetAgentState(a, AgentState::kBreak, a.break_reason);
        return absl::OkStatus();
      case AgentState::kWrapUp:
        if (a.dispositioned) {
          CancelTimer(a.timer);
          CancelTimer(a.wrap_max_timer);
          a.call = 0;
          SetAgentState(a, AgentState::kBreak, a.break_reason);
          return absl::OkStatus();
        }
        a.break_requested = true;
        return absl::OkStatus();
      case AgentState::kDialing:
        if (a.call == 0) {
          // Parallel lines still ringing: they are cancelled; an answer
          // that crosses the cancel is offered to another agent.
          CancelLines(a, 0);
          SetAgentState(a, AgentState::kBreak, a.break_reason);
          return absl::OkStatus();
        }
        a.break_requested = true;
        return absl::OkStatus();
      default:
        a.break_requested = true;  // taken when the call is finished
        return absl::OkStatus();
    }
  });
}

absl::Status EngineImpl::Logout(std::string_view agent_id) {
  return OnAgent(agent_id, [&](Agent& a) -> absl::Status {
    switch (a.state) {
      case AgentState::kOnCall:
        return absl::FailedPreconditionError(absl::StrCat(
            "agent '", a.id, "' is on a call; hang up before logging out"));
      case AgentState::kWrapUp:
        if (!a.dispositioned) {
          return absl::FailedPreconditionError(absl::StrCat(
              "agent '", a.id, "' must disposition call ", a.call,
              " before logging out"));
        }
        CancelTimer(a.wrap_max_timer);
        // The wrap-up is over: go through break so the log shows it.
        SetAgentState(a, AgentState::kBreak, "logout");
        break;
      case AgentState::kDialing: {
        CancelLines(a, 0);
        auto it = calls_.find(a.call);
        if (it != calls_.end()) {
          Call& call = *it->second;
          call.cancel_requested = true;
          call.agent.clear();
          call.agent_listening = false;
          absl::Status s = env_.provider->CancelCall(call.id);
          if (!s.ok()) {
            Log(LogLevel::kWarning,
                absl::StrCat("cancel of call ", call.id, " failed: ",
                             s.ToString()));
          }
        }
        break;
      }
      case AgentState::kPreview:
        Requeue(contacts_[a.preview_contact], a.preview_priority,
                env_.clock->Now());
        a.preview_contact = 0;
        break;
      default:
        break;
    }
    CancelTimer(a.timer);
    a.call = 0;
    a.break_requested = false;
    SetAgentState(a, AgentState::kLoggedOut, "logout");
    return absl::OkStatus();
  });
}

absl::Status EngineImpl::DialNow(std::string_view agent_id) {
  return OnAgent(agent_id, [&](Agent& a) -> absl::Status {
    if (a.state != AgentState::kPreview) {
      return absl::FailedPreconditionError(absl::StrCat(
          "agent '", a.id, "' is not previewing a contact (state ",
          AbslView(ToString(a.state)), ")"));
    }
    CancelTimer(a.timer);
    ContactId id = a.preview_contact;
    a.preview_contact = 0;
    Dial(a, id);
    return absl::OkStatus();
  });
}

absl::Status EngineImpl::SkipContact(std::string_view agent_id) {
  return OnAgent(agent_id, [&](Agent& a) -> absl::Status {
    if (a.state != AgentState::kPreview) {
      return absl::FailedPreconditionError(absl::StrCat(
          "agent '", a.id, "' is not previewing a contact"));
    }
    CancelTimer(a.timer);
    ContactRuntime& c = contacts_[a.preview_contact];
    a.preview_contact = 0;
    // A skipped contact goes to the back of its class, not out of the list.
    Requeue(c, a.preview_priority,
            env_.clock->Now() + a.campaign->config.retry.min_delay);
    MakeReady(a, absl::ZeroDuration(), "skipped");
    return absl::OkStatus();
  });
}

absl::Status EngineImpl::Hangup(std::string_view agent_id) {
  return OnAgent(agent_id, [&](Agent& a) -> absl::Status {
    auto it = calls_.find(a.call);
    if ((a.state != AgentState::kDialing && a.state != AgentState::kOnCall) ||
        (it == calls_.end() && a.lines.empty())) {
      return absl::FailedPreconditionError(
          absl::StrCat("agent '", a.id, "' has no live call"));
    }
    if (it == calls_.end() && a.state == AgentState::kDialing &&
        !a.lines.empty()) {
      CancelLines(a, 0);
      SetAgentState(a, AgentState::kReady, "agent_hangup");
      return absl::OkStatus();
    }
    Call& call = *it->second;
    if (a.state == AgentState::kDialing) {
      call.cancel_requested = true;
      call.agent.clear();
      call.agent_listening = false;
      absl::Status s = env_.provider->CancelCall(call.id);
      if (!s.ok()) return s;
      MakeReady(a, a.campaign->config.auto_advance_delay, "agent_hangup");
      return absl::OkStatus();
    }
    absl::Status s = env_.provider->Hangup(call.id);
    if (!s.ok()) return s;
    // The agent is done talking now; the provider's completion closes the
    // attempt when it arrives.
    if (call.connected && call.talk_ended_at == absl::InfiniteFuture()) {
      call.talk_ended_at = env_.clock->Now();
    }
    EnterWrapUp(a, call);
    call.agent.clear();
    return absl::OkStatus();
  });
}

absl::StatusOr<Call*> EngineImpl::ListenedAnsweredCall(Agent& a) {
  auto it = calls_.find(a.call);
  if (a.state != AgentState::kOnCall || it == calls_.end() ||
      it->second->facts.state != CallState::kConnected) {
    return absl::FailedPreconditionError(absl::StrCat(
        "agent '", a.id, "' is not listening to an answered call"));
  }
  return it->second.get();
}

void EngineImpl::ReleaseAgentFromMachine(Agent& a, Call& call,
                                         std::string_view disposition,
                                         std::string_view detail,
                                         std::string_view reason) {
  Campaign& campaign = *a.campaign;
  const absl::Time now = env_.clock->Now();
  if (call.classified && call.human) {
    UncountPerson(call, now);
  } else {
    RecordOutcome(call, /*human=*/false, now);
  }
  call.facts.state = CallState::kMachine;
  call.connected = false;
  call.auto_disposition = std::string(disposition);
  call.agent.clear();
  call.agent_listening = false;
  if (call.early_bridge && campaign.pacer != nullptr) {
    campaign.pacer->OnScreeningEnded(now, now - call.answered_at);
  }
  EmitCall(call, detail);
  // One click and the agent is on to the next dial, with no wrap-up: the
  // engine dispositions the machine (the brief saves 30-60 s per voicemail).
  MakeReady(a, campaign.config.auto_advance_delay, reason);
}

absl::Status EngineImpl::DropVoicemail(std::string_view agent_id) {
  return OnAgent(agent_id, [&](Agent& a) -> absl::Status {
    absl::StatusOr<Call*> call = ListenedAnsweredCall(a);
    if (!call.ok()) return call.status();
    Campaign& campaign = *a.campaign;
    if (campaign.config.voicemail_audio.empty()) {
      return absl::FailedPreconditionError(absl::StrCat(
          "campaign '", campaign.config.id, "' has no voicemail_audio"));
    }
    absl::Status s = env_.provider->PlayAndHangup(
        (*call)->id, campaign.config.voicemail_audio, /*after_beep=*/true);
    if (!s.ok()) return s;
    (*call)->voicemail_dropped = true;
    campaign.stats.voicemails_dropped++;
    ReleaseAgentFromMachine(a, **call, "voicemail", "voicemail_drop",
                            "voicemail_dropped");
    return absl::OkStatus();
  });
}

absl::Status EngineImpl::HangupMachine(std::string_view agent_id) {
  return OnAgent(agent_id, [&](Agent& a) -> absl::Status {
    absl::StatusOr<Call*> call = ListenedAnsweredCall(a);
    if (!call.ok()) return call.status();
    absl::Status s = env_.provider->Hangup((*call)->id);
    if (!s.ok()) return s;
    ReleaseAgentFromMachine(a, **call, "machine", "machine_hangup",
                            "machine_hung_up");
    return absl::OkStatus();
  });
}

void EngineImpl::EnterWrapUp(Agent& agent, Call& call) {
  agent.call = call.id;
  agent.last_call = call.id;
  agent.last_contact = call.contact;
  agent.dispositioned = false;
  SetAgentState(agent, AgentState::kWrapUp, "call_ended");
  const absl::Duration max = agent.campaign->config.wrap_up.max;
  if (max > absl::ZeroDuration()) {
    Agent* a = &agent;
    agent.wrap_max_timer = At(env_.clock->Now() + max, [this, a] {
      a->wrap_max_timer = 0;
      if (a->state != AgentState::kWrapUp) return;
      if (!a->dispositioned) {
        ContactRuntime* contact = contacts_.Find(a->last_contact);
        const dispositions::Definition* def =
            a->campaign->dispositions.Find("wrap_up_expired");
        if (contact != nullptr && def != nullptr) {
          ApplyDisposition(*a->campaign, *contact, a->last_call, a->id,
                           *def, DispositionInput{}, env_.clock->Now());
        }
        a->dispositioned = true;
      }
      RaiseAlert(AlertSeverity::kInfo, "wrap_up_expired",
                 absl::StrCat("agent '", a->id,
                              "' reached the forced wrap-up maximum"),
                 a->campaign, a->id);
      MakeReady(*a, absl::ZeroDuration(), "wrap_up_expired");
    });
  }
}

absl::Status EngineImpl::Disposition(std::string_view agent_id,
                                     const DispositionInput& input) {
  return OnAgent(agent_id, [&](Agent& a) -> absl::Status {
    if (a.state != AgentState::kWrapUp) {
      return absl::FailedPreconditionError(absl::StrCat(
          "agent '", a.id, "' has no call in wrap-up (state ",
          AbslView(ToString(a.state)), ")"));
    }
    if (a.dispositioned) {
      return absl::FailedPreconditionError(absl::StrCat(
          "call ", a.last_call, " of agent '", a.id,
          "' is already dispositioned"));
    }
    const absl::Time now = env_.clock->Now();
    auto def = a.campaign->dispositions.Validate(input, now);
    if (!def.ok()) return def.status();
    ContactRuntime* contact = contacts_.Find(a.last_contact);
    if (contact == nullptr) {
      return absl::InternalError(
          absl::StrCat("contact ", a.last_contact, " of the call is unknown"));
    }
    // The agent is the judge of who was on the line. A call counted as a
    // person that the agent says was no conversation (a machine hung up on
    // without a message, a dead line) is no live answer: counted, each would
    // dilute the 30-day rate the gate holds under the limit. When the agent
    // is wrong, one live answer less is the safe side.
    if ((*def)->agent_selectable && !(*def)->conversation) {
      if (auto it = calls_.find(a.last_call); it != calls_.end()) {
        Call& call = *it->second;
        if (call.classified && call.human) UncountPerson(call, now);
      }
    }
    ApplyDisposition(*a.campaign, *contact, a.last_call, a.id, **def,
                     input, now);
    a.dispositioned = true;
    AfterDisposition(a);
    return absl::OkStatus();
  });
}

void EngineImpl::AfterDisposition(Agent& agent) {
  if (agent.break_requested) {
    MakeReady(agent, absl::ZeroDuration(), "break");
    return;
  }
  const WrapUpConfig& wrap = agent.campaign->config.wrap_up;
  if (wrap.mode == WrapUpConfig::Mode::kAuto) {
    CancelTimer(agent.timer);
    Agent* a = &agent;
    agent.timer = At(env_.clock->Now() + wrap.auto_ready_after, [this, a] {
      a->timer = 0;
      if (a->state == AgentState::kWrapUp) {
        MakeReady(*a, a->campaign->config.auto_advance_delay,
                  "wrap_up_done");
      }
    });
  }
}

absl::Status EngineImpl::AddNote(std::string_view agent_id,
                                 std::string_view text) {
  if (text.empty()) return absl::InvalidArgumentError("note text is empty");
  return OnAgent(agent_id, [&](Agent& a) -> absl::Status {
    CallId call_id = a.call != 0 ? a.call : a.last_call;
    ContactId contact = 0;
    if (auto it = calls_.find(call_id); it != calls_.end()) {
      contact = it->second->contact;
    } else if (a.state == AgentState::kPreview) {
      contact = a.preview_contact;
      call_id = 0;
    }
    if (contact == 0) {
      return absl::FailedPreconditionError(absl::StrCat(
          "agent '", a.id, "' has no current or last contact to note"));
    }
    NoteRecord note;
    note.contact_id = contact;
    note.call_id = call_id;
    note.agent_id = a.id;
    note.text = std::string(text);
    note.at = env_.clock->Now();
    return Write(WriteBatch{}.Add(std::move(note)));
  });
}

absl::Status EngineImpl::AddToDoNotCall(std::string_view phone_e164,
                                        std::string_view source) {
  const auto number = compliance::ParseNanpE164(phone_e164);
  if (!number.has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat("phone '", AbslView(phone_e164),
                     "' is not a NANP number in E.164 form (+1NPANXXXXXX)"));
  }
  return OnStrand([&]() -> absl::Status {
    DncEntry e;
    e.phone = std::string(phone_e164);
    e.source = source.empty() ? "api" : std::string(source);
    e.at = env_.clock->Now();
    if (absl::Status s = Write(WriteBatch{}.Add(e)); !s.ok()) return s;
    return dnc_.AddInternal(number->national);
    return absl::OkStatus();
  });
}

absl::StatusOr<CampaignStats> EngineImpl::GetCampaignStats(
    std::string_view campaign_id) {
  return OnStrand([&]() -> absl::StatusOr<CampaignStats> {
    auto it = campaigns_.find(AbslView(campaign_id));
    if (it == campaigns_.end()) {
      return absl::NotFoundError(
          absl::StrCat("campaign '", AbslView(campaign_id), "' not found"));
    }
    CampaignStats stats = it->second->stats;
    stats.contacts_remaining = static_cast<int64_t>(it->second->queue.size());
    for (const Agent* a : it->second->agents) stats.agents_by_state[a->state]++;
    return stats;
  });
}

absl::StatusOr<AgentSnapshot> EngineImpl::GetAgent(std::string_view agent_id) {
  return OnStrand([&]() -> absl::StatusOr<AgentSnapshot> {
    auto it = agents_.find(AbslView(agent_id));
    if (it == agents_.end()) {
      return absl::NotFoundError(absl::StrCat("agent '", AbslView(agent_id), "' unknown"));
    }
    const Agent& a = *it->second;
    AgentSnapshot s;
    s.agent_id = a.id;
    s.campaign_id = a.campaign != nullptr ? a.campaign->config.id : "";
    s.state = a.state;
    s.since = a.since;
    s.call_id = a.call;
    if (auto cit = calls_.find(a.call); cit != calls_.end()) {
      s.contact_id = cit->second->contact;
    } else {
      s.contact_id = a.preview_contact;
    }
    return s;
  });
}

// ---- The dial loop ----------------------------------------------------------

void EngineImpl::WakeCampaign(Campaign& campaign) {
  if (campaign.config.mode != DialMode::kPower) {
    RequestPace(campaign);
    return;
  }
  for (Agent* a : campaign.agents) {
    if (a->state == AgentState::kReady && a->timer == 0) Advance(*a);
  }
}

void EngineImpl::ScheduleCallbackRelease(Campaign& campaign,
                                         ContactId contact, absl::Time at) {
  Campaign* c = &campaign;
  // Not kept: the engine may forget the timer (At checks it is alive), and
  // ReleaseCallback looks at the queue as it is when the timer fires.
  (void)At(at, [this, c, contact] { ReleaseCallback(*c, contact); });
}

void EngineImpl::ReleaseCallback(Campaign& campaign, ContactId contact) {
  const std::optional<queue::Entry> e = campaign.queue.Find(contact);
  // Dialled, rescheduled or already shared: nothing to do here (a new
  // callback has its own release).
  if (!e.has_value() || e->priority != queue::Priority::kCallback ||
      e->agent.empty()) {
    return;
  }
  const absl::Time now = env_.clock->Now();
  const absl::Duration grace = campaign.config.callback_owner_grace;
  if (e->due + grace > now) {
    ScheduleCallbackRelease(campaign, contact, e->due + grace);
    return;
  }
  // The wait counts while the person may be called: a callback that fell
  // due at night waits for its owner from the window's opening on.
  const absl::Time opens =
      e->group != 0 && e->group < group_keys_.size()
          ? gate_.WindowOpensAt(group_keys_[e->group], campaign.gate, now)
          : now;
  if (opens > now) {
    if (opens != absl::InfiniteFuture()) {
      ScheduleCallbackRelease(campaign, contact, opens + grace);
    }
    return;
  }
  campaign.queue.Upsert(contact, queue::Priority::kCallback, e->due, "",
                        e->group);
  Log(LogLevel::kInfo,
      absl::StrCat("callback of contact ", contact, " for agent '", e->agent,
                   "' is open to every agent of campaign '",
                   campaign.config.id, "' (callback_owner_grace ",
                   absl::FormatDuration(grace), " passed)"));
  WakeCampaign(campaign);
}

void EngineImpl::ScheduleWake(Campaign& campaign, absl::Time at) {
  if (at == absl::InfiniteFuture() || at >= campaign.wake_at) return;
  CancelTimer(campaign.wake_timer);
  campaign.wake_at = at;
  Campaign* c = &campaign;
  campaign.wake_timer = At(at, [this, c] {
    c->wake_timer = 0;
    c->wake_at = absl::InfiniteFuture();
    WakeCampaign(*c);
  });
}

compliance::Decision EngineImpl::AskGate(Campaign& campaign,
                                         ContactRuntime& c,
                                         std::string_view caller_id,
                                         absl::Time now) {
  compliance::GateContact& contact = gate_contact_;
  contact.phone_e164 = c.phones[c.phone_index];
  contact.state = c.state;
  contact.zip = c.zip;
  contact.time_zone = c.time_zone;
  if (campaign.gate.caller_id != caller_id) {
    campaign.gate.caller_id = std::string(caller_id);
  }
  campaign.gate.abandon_state = campaign.abandon.State(now);
  // During the hard-stop fallback the campaign dials as power mode, which
  // cannot abandon, so the abandon stop does not apply to those dials.
  campaign.gate.mode =
      campaign.power_fallback ? DialMode::kPower : campaign.config.mode;
  // The person's calls on all their numbers, plus the calls other contacts
  // of the campaign made to this number: the caps count calls to a line,
  // whichever contact record dialled it.
  compliance::GateCounters counters;
  const absl::Duration general_window = campaign.gate.general_cap.window;
  auto count = [&](absl::Time t) {
    if (campaign.gate.general_cap.count > 0 && t > now - general_window) {
      if (counters.attempts_general == 0 ||
          t < counters.oldest_attempt_general) {
        counters.oldest_attempt_general = t;
      }
      counters.attempts_general++;
    }
    if (t <= now - absl::Hours(24)) return;
    if (counters.attempts_24h == 0 || t < counters.oldest_attempt_24h) {
      counters.oldest_attempt_24h = t;
    }
    counters.attempts_24h++;
  };
  for (absl::Time t : c.recent_attempts) count(t);
  counters.last_conversation = c.last_conversation;
  if (const NumberHistory* h =
          campaign.numbers.Find(NumberKeyOf(c), &c.number_history)) {
    for (const auto& [t, by] : h->attempts) {
      if (by != c.id) count(t);
    }
    counters.last_conversation =
        std::max(counters.last_conversation, h->last_conversation);
  }
  // Only refusals are audited: an allowed answer skips the echoed inputs.
  return gate_.Check(contact, campaign.gate, counters, now,
                     compliance::Gate::Echo::kRefusalsOnly);
}

void EngineImpl::Audit(const Campaign& campaign, const ContactRuntime& c,
                       const compliance::Decision& d) {
  AuditRecord audit;
  audit.at = d.at;
  audit.campaign_id = campaign.config.id;
  audit.contact_id = c.id;
  audit.phone = c.phones[c.phone_index];
  for (compliance::Reason r : d.reasons) {
    if (!audit.decision.empty()) audit.decision += ' ';
    audit.decision += compliance::ReasonCode(r);
  }
  audit.inputs = compliance::DecisionToJson(d);
  (void)Write(WriteBatch{}.Add(std::move(audit)));
}

queue::Eligibility EngineImpl::CheckEligible(Campaign& campaign, ContactId id,
                                             absl::Time now) {
  ContactRuntime* found = contacts_.Find(id);
  if (found == nullptr || found->done) return queue::Eligibility::Never();
  ContactRuntime& c = *found;
  // Never two calls to one person at once (field failure #6), nor to one
  // number held by two contacts.
  if (c.in_flight) return queue::Eligibility::NotBefore(now + absl::Minutes(1));
  if (const absl::Time free = NumberFreeAt(campaign, c, now); free > now) {
    return queue::Eligibility::NotBefore(free);
  }
  compliance::Decision d =
      AskGate(campaign, c, ChooseCallerId(campaign, c.phones[c.phone_index]),
              now);
  if (d.allowed) {
    gate_allowed_contact_ = c.id;
    return queue::Eligibility::Now();
  }
  campaign.stats.blocked_by_compliance++;
  Audit(campaign, c, d);
  const absl::Time retry = RetryAfterRefusal(d, now);
  if (retry == absl::InfiniteFuture()) {
    c.done = true;
    return queue::Eligibility::Never();
  }
  return queue::Eligibility::NotBefore(retry);
}

absl::Time EngineImpl::NumberFreeAt(const Campaign& campaign,
                                    ContactRuntime& c,
                                    absl::Time now) const {
  const uint64_t key = NumberKeyOf(c);
  absl::Time free = absl::InfinitePast();
  if (auto it = numbers_in_flight_.find(key); it != numbers_in_flight_.end()) {
    // Looked at again a minute on, or when the gap below ends.
    free = now + absl::Minutes(1);
  }
  if (const NumberHistory* h =
          campaign.numbers.Find(key, &c.number_history)) {
    for (const auto& [t, by] : h->attempts) {
      if (by != c.id) {
        free = std::max(free, t + campaign.config.retry.min_delay);
      }
    }
  }
  return free;
}

const std::string& EngineImpl::ChooseCallerId(const Campaign& campaign,
                                              std::string_view phone) const {
  static const std::string* const kNone = new std::string();
  const std::vector<std::string>& ids = campaign.config.caller_ids;
  if (ids.empty()) return *kNone;
  // Local presence, simplest form: a caller ID in the contact's area code
  // when the campaign owns one.
  std::string_view npa = AreaCode(phone);
  if (!npa.empty()) {
    for (const std::string& id : ids) {
      if (AreaCode(id) == npa) return id;
    }
  }
  return ids.front();
}

void EngineImpl::Advance(Agent& agent) {
  if (agent.state != AgentState::kReady) return;
  Campaign& campaign = *agent.campaign;
  const absl::Time now = env_.clock->Now();
  auto entry = PopNext(campaign, agent.id, now);
  if (!entry.has_value()) {
    ScheduleWake(campaign, campaign.queue.NextDue(agent.id));
    return;
  }
  if (campaign.config.preview > absl::ZeroDuration()) {
    StartPreview(agent, entry->contact, entry->priority);
  } else {
    Dial(agent, entry->contact);
  }
}

void EngineImpl::StartPreview(Agent& agent, ContactId contact_id,
                              queue::Priority priority) {
  gate_allowed_contact_ = 0;  // the dial comes later: ask again then
  agent.preview_contact = contact_id;
  agent.preview_priority = priority;
  SetAgentState(agent, AgentState::kPreview, "preview");
  EmitScreenPop(agent, nullptr, contact_id, /*preview=*/true);
  Agent* a = &agent;
  agent.timer =
      At(env_.clock->Now() + agent.campaign->config.preview, [this, a] {
        a->timer = 0;
        if (a->state != AgentState::kPreview) return;
        ContactId id = a->preview_contact;
        a->preview_contact = 0;
        Dial(*a, id);
      });
}

queue::WindowGroup EngineImpl::GroupOf(ContactRuntime& c) {
  if (c.group != 0) return c.group;
  compliance::GateContact& contact = gate_contact_;
  contact.phone_e164 = c.phones[c.phone_index];
  contact.state = c.state;
  contact.zip = c.zip;
  contact.time_zone = c.time_zone;
  compliance::WindowKey key = gate_.WindowKeyOf(contact);
  auto [it, inserted] = group_ids_.try_emplace(
      key, static_cast<queue::WindowGroup>(group_keys_.size()));
  if (inserted) group_keys_.push_back(std::move(key));
  c.group = it->second;
  return c.group;
}

std::optional<queue::Entry> EngineImpl::PopNext(Campaign& campaign,
                                                const std::string& agent,
                                                absl::Time now) {
  return campaign.queue.PopDue(
      now, agent,
      [&](queue::WindowGroup g) {
        const absl::Time opens =
            gate_.WindowOpensAt(group_keys_[g], campaign.gate, now);
        return opens <= now ? queue::Eligibility::Now()
                            : queue::Eligibility::NotBefore(opens);
      },
      [&](ContactId id) { return CheckEligible(campaign, id, now); });
}

void EngineImpl::Requeue(ContactRuntime& c, queue::Priority priority,
                         absl::Time due) {
  if (c.done || c.campaign == nullptr) return;
  c.campaign->queue.Upsert(c.id, priority, due, c.agent, GroupOf(c));
  ScheduleWake(*c.campaign, due);
}

void EngineImpl::Dial(Agent& agent, ContactId contact_id) {
  Campaign& campaign = *agent.campaign;
  ContactRuntime* contact = contacts_.Find(contact_id);
  if (contact == nullptr) {
    MakeReady(agent, absl::ZeroDuration(), "contact_unknown");
    return;
  }
  Call* call = StartCall(campaign, *contact, agent.id, /*listening=*/true);
  if (call == nullptr) {
    MakeReady(agent, absl::ZeroDuration(), "dial_blocked");
    return;
  }
  agent.call = call->id;
  SetAgentState(agent, AgentState::kDialing, "dialing");
  EmitScreenPop(agent, call, contact_id, false);
  Launch(*call);
}

Call* EngineImpl::StartCall(Campaign& campaign, ContactRuntime& c,
                            const std::string& agent_id, bool listening) {
  const absl::Time now = env_.clock->Now();
  const std::string& phone = c.phones[c.phone_index];
  const std::string& caller_id = ChooseCallerId(campaign, phone);

  // The gate is asked again at the instant of the dial: a preview may have
  // lasted past the end of the window, or the number joined the DNC list.
  // Only a "yes" given earlier in this same step, for this contact, stands.
  const bool just_allowed = gate_allowed_contact_ == c.id;
  gate_allowed_contact_ = 0;
  // The same for another contact's call to this number (a preview may have
  // lasted while another agent dialled it).
  if (const absl::Time free = NumberFreeAt(campaign, c, now); free > now) {
    Requeue(c, queue::Priority::kRetry, free);
    return nullptr;
  }
  compliance::Decision d;
  if (!just_allowed) d = AskGate(campaign, c, caller_id, now);
  if (!just_allowed && !d.allowed) {
    campaign.stats.blocked_by_compliance++;
    Audit(campaign, c, d);
    const absl::Time retry = RetryAfterRefusal(d, now);
    if (retry == absl::InfiniteFuture()) {
      c.done = true;
    } else {
      Requeue(c, queue::Priority::kRetry, retry);
    }
    return nullptr;
  }

  // Written before the call exists, so a crash never causes a blind redial.
  const CallId id = next_call_id_;
  AttemptStarted started;
  started.call_id = id;
  started.contact_id = c.id;
  started.campaign_id = campaign.config.id;
  started.agent_id = agent_id;
  started.phone = phone;
  started.caller_id = caller_id;
  started.at = now;
  if (!Write(WriteBatch{}.Add(std::move(started))).ok()) {
    Requeue(c, queue::Priority::kRetry, now + absl::Minutes(1));
    return nullptr;
  }
  ++next_call_id_;
  auto call_ptr = std::make_unique<Call>();
  Call& call = *call_ptr;
  call.id = id;
  call.campaign = &campaign;
  call.contact = c.id;
  call.phone = phone;
  call.number = NumberKeyOf(c);
  call.caller_id = caller_id;
  call.placed_at = now;
  call.agent_listening = listening;
  if (listening) {
    call.agent = agent_id;
  } else {
    call.owner = agent_id;
    campaign.unconnected.insert(id);
  }
  call.amd_mode = listening ? AmdMode::kOff : AmdMode::kDetectMessageEnd;
  c.attempts++;
  c.in_flight = true;
  // Enough history for every cap the gate counts: the 24-hour caps stop
  // well below 8, a general cap (e.g. 7 in 7 days) may ask for more.
  const size_t kept = std::max<size_t>(
      8, static_cast<size_t>(campaign.config.general_cap.count));
  if (c.recent_attempts.size() >= kept) {
    c.recent_attempts.erase(c.recent_attempts.begin());
  }
  c.recent_attempts.push_back(now);
  numbers_in_flight_[call.number] = id;
  auto& by_number =
      campaign.numbers.Get(call.number, &c.number_history).attempts;
  if (by_number.size() >= kept) {
    by_number.erase(by_number.begin());
  }
  by_number.emplace_back(now, c.id);
  campaign.stats.dials++;
  if (campaign.pacer != nullptr) campaign.pacer->OnDialPlaced(now);
  calls_.emplace(id, std::move(call_ptr));
  EmitCall(call, "");
  return &call;
}

void EngineImpl::Launch(Call& call) {
  DialRequest req;
  req.call_id = call.id;
  req.to = call.phone;
  req.caller_id = call.caller_id;
  req.ring_timeout = call.campaign->config.ring_timeout;
  req.amd = call.amd_mode;
  if (call.agent_listening) req.conference = AgentConference(call.agent);
  ArmGuard(call, req.ring_timeout + kRingGuardSlack);
  absl::Status s = env_.provider->PlaceCall(req);
  if (!s.ok()) {
    OnCallEnded(call, CallEndStatus::kFailed, absl::ZeroDuration(),
                s.ToString(), env_.clock->Now());
  }
}

void EngineImpl::ArmGuard(Call& call, absl::Duration after) {
  CancelTimer(call.guard_timer);
  const CallId id = call.id;
  call.guard_timer = At(env_.clock->Now() + after, [this, id] {
    auto it = calls_.find(id);
    if (it == calls_.end()) return;
    Call& c = *it->second;
    c.guard_timer = 0;
    if (c.facts.state == CallState::kEnded) return;
    RaiseAlert(AlertSeverity::kWarning, "call_guard_expired",
               absl::StrCat("call ", id, " in state ", AbslView(ToString(c.facts.state)),
                            ": no provider event in time; closing it"),
               c.campaign, c.agent);
    absl::Status s = c.facts.answered ? env_.provider->Hangup(id)
                                      : env_.provider->CancelCall(id);
    (void)s;
    OnCallEnded(c,
                c.facts.answered ? CallEndStatus::kCompleted
                                 : CallEndStatus::kNoAnswer,
                absl::ZeroDuration(), "", env_.clock->Now());
  });
}

// ---- Provider events --------------------------------------------------------

absl::Status EngineImpl::HandleProviderEvent(const ProviderEvent& event) {
  if (strand_.HeldByThisThread()) {
    pending_provider_events_.push_back(event);
    return absl::OkStatus();
  }
  return OnStrand([&] { return ApplyProviderEvent(event); });
}

absl::Status EngineImpl::ApplyProviderEvent(const ProviderEvent& event) {
  auto it = calls_.find(event.call_id);
  if (it == calls_.end()) {
    Log(LogLevel::kWarning, absl::StrCat("provider event ",
                                         AbslView(ToString(event.type)),
                                         " for unknown call ", event.call_id));
    return absl::NotFoundError(
        absl::StrCat("call ", event.call_id, " is unknown"));
  }
  Call& call = *it->second;
  const Verdict verdict = Classify(call.facts, event.type);
  if (verdict == Verdict::kDuplicate || verdict == Verdict::kStale) {
    Log(LogLevel::kDebug,
        absl::StrCat("call ", call.id, ": ", AbslView(ToString(verdict)), " ",
                     AbslView(ToString(event.type)), " ignored in state ",
                     AbslView(ToString(call.facts.state))));
    return absl::OkStatus();
  }
  if (verdict == Verdict::kReject) {
    std::string msg =
        absl::StrCat("call ", call.id, ": ", AbslView(ToString(event.type)),
                     " is impossible in state ", AbslView(ToString(call.facts.state)),
                     call.facts.answered ? " (answered)" : " (never answered)");
    Log(LogLevel::kWarning, msg);
    RaiseAlert(AlertSeverity::kWarning, "provider_event_rejected", msg,
               call.campaign, call.agent);
    return absl::FailedPreconditionError(msg);
  }
  call.facts.seen |= Bit(event.type);
  const absl::Time at = env_.clock->Now();
  switch (event.type) {
    case ProviderEventType::kRinging:
      call.facts.state = CallState::kRinging;
      EmitCall(call, "");
      break;
    case ProviderEventType::kAnswered:
      OnAnswered(call, at);
      break;
    case ProviderEventType::kAmd:
      if (!call.facts.answered) OnAnswered(call, at);
      OnAmd(call, event.amd, at);
      break;
    case ProviderEventType::kBridged: {
      Campaign& campaign = *call.campaign;
      call.facts.state = CallState::kConnected;
      call.connected = true;
      call.connected_at = at;
      campaign.bridge_estimate = campaign.bridge_estimate * 0.9 +
                                 (at - call.bridge_commanded_at) * 0.1;
      if (call.early_bridge && !(call.classified && call.human)) {
        // Connected during the greeting: nobody waited in silence. A person
        // is counted at the detector's verdict (OnAmd), a machine not at all.
        EmitCall(call, "bridged");
        break;
      }
      // A bridge after the verdict, or one begun at the pick-up that the
      // detector's "person" overtook: the person has waited since.
      const absl::Duration wait = at - call.greeting_end_at;
      if (wait <= kAbandonGrace) {
        campaign.stats.connects++;
        campaign.abandon.RecordLiveAnswer(at);
      } else {
        // Connected, but later than the FCC allows: still an abandoned call.
        call.abandoned = true;
        campaign.stats.abandoned++;
        campaign.abandon.RecordAbandon(at);
      }
      call.live_counted_at = at;
      // An early bridge in time is no news to the pacer (as when it
      // completes before the verdict); a late one is an abandon it steers by.
      if (campaign.pacer != nullptr && (!call.early_bridge || call.abandoned)) {
        campaign.pacer->OnLiveAnswerConnected(at, wait);
      }
      EmitCall(call, "bridged");
      break;
    }
    case ProviderEventType::kCompleted:
      OnCallEnded(call, event.status, event.duration, "", at);
      break;
    case ProviderEventType::kFailed:
      OnCallEnded(call, CallEndStatus::kFailed, absl::ZeroDuration(),
                  absl::StrCat(event.error.code, " ", event.error.message),
                  at);
      break;
    case ProviderEventType::kPlaybackDone:
      EmitCall(call, "playback_done");
      break;
  }
  return absl::OkStatus();
}

void EngineImpl::OnAnswered(Call& call, absl::Time at) {
  call.facts.answered = true;
  call.answered_at = at;
  call.facts.state = CallState::kAnswered;
  call.campaign->stats.answers++;
  ArmGuard(call, options_.stuck_call_timeout);
  if (call.cancel_requested && call.amd_mode == AmdMode::kOff) {
    // Answered although the engine canceled it (the cancel crossed the
    // pick-up on the wire) and no detector runs on it: assume a person,
    // whom nobody is waiting for. The identification message beats silence.
    call.human = true;
    call.classified = true;
    call.greeting_end_at = at;
    call.campaign->stats.human_answers++;
    EmitCall(call, "answered_after_cancel");
    AbandonLive(call, "answered_after_cancel");
    return;
  }
  if (call.agent_listening) {
    // Power mode: the agent is already on the line and hears the hello.
    // Whether it is a person or a machine, the agent tells (voicemail drop).
    call.facts.state = CallState::kConnected;
    call.connected = true;
    call.connected_at = at;
    call.greeting_end_at = at;
    auto ait = agents_.find(call.agent);
    if (ait != agents_.end() && ait->second->call == call.id) {
      SetAgentState(*ait->second, AgentState::kOnCall, "call_answered");
    }
    EmitCall(call, "answered");
    return;
  }
  EmitCall(call, "answered");
  // An agent who is free now hears the greeting at once: no dead air for a
  // person, and no abandon if the detector would have taken them for a
  // machine.
  if (!call.campaign->config.connect_on_pickup) return;
  if (Agent* agent = PickAgent(*call.campaign, call.owner); agent != nullptr) {
    EarlyBridge(call, *agent);
  }
}

void EngineImpl::RecordOutcome(Call& call, bool human, absl::Time at) {
  if (call.classified) return;
  call.classified = true;
  call.human = human;
  Campaign& campaign = *call.campaign;
  if (human) {
    campaign.stats.human_answers++;
    if (call.connected) {
      campaign.stats.connects++;
      campaign.abandon.RecordLiveAnswer(at);
      call.live_counted_at = at;
    }
  } else {
    campaign.stats.machine_answers++;
  }
  if (campaign.pacer != nullptr) {
    // The detector's latency, if it has spoken. A call an agent decided
    // (power mode runs no detector; an agent bridged at pick-up may hear a
    // machine first, or talk to a person the detector called a machine)
    // has none: the agent's time, a whole conversation for a person, is not
    // one, and the pacer forecasts verdicts by it.
    const absl::Duration latency =
        call.verdict_at == absl::InfinitePast()
            ? absl::ZeroDuration()
            : std::max(call.verdict_at - call.answered_at,
                       absl::ZeroDuration());
    campaign.pacer->OnDialResolved(
        at,
        {human ? pacing::DialOutcome::kHuman : pacing::DialOutcome::kMachine,
         call.placed_at, call.answered_at - call.placed_at, latency});
  }
}

void EngineImpl::UncountPerson(Call& call, absl::Time at) {
  // The detector passed a machine as a person (its false negative) and the
  // agent it reached has recognised it. It took an agent like a person, but
  // the FCC's rate is abandoned / live-answered people: counted, it would
  // dilute the 30-day rate the gate holds under the limit.
  Campaign& campaign = *call.campaign;
  call.human = false;
  campaign.stats.human_answers--;
  campaign.stats.machine_answers++;
  if (call.live_counted_at != absl::InfinitePast()) {
    campaign.abandon.RetractLiveAnswer(call.live_counted_at, call.abandoned);
    if (call.abandoned) {
      campaign.stats.abandoned--;
      call.abandoned = false;
    } else {
      campaign.stats.connects--;
    }
    call.live_counted_at = absl::InfinitePast();
  }
  if (campaign.pacer != nullptr) campaign.pacer->OnLiveAnswerWasMachine(at);
}

void EngineImpl::OnAmd(Call& call, AmdResult result, absl::Time at) {
  call.amd = result;
  if (call.verdict_at == absl::InfinitePast()) call.verdict_at = at;
  const bool person =
      result == AmdResult::kHuman || result == AmdResult::kUnknown;
  if (call.agent_listening || call.facts.state != CallState::kAnswered) {
    // An agent already hears this call: the agent, not the detector, decides
    // whether it is a machine. A person is confirmed, and the agent's other
    // lines go.
    EmitCall(call, absl::StrCat("amd:", AbslView(ToString(result))));
    if (call.agent_listening && person && !call.classified) {
      call.greeting_end_at = at;
      RecordOutcome(call, true, at);
      if (auto it = agents_.find(call.agent); it != agents_.end()) {
        CancelLines(*it->second, call.id);
      }
    }
    return;
  }
  EmitCall(call, absl::StrCat("amd:", AbslView(ToString(result))));
  RecordOutcome(call, person, at);
  if (!person) {
    HandleMachine(call, result);
    return;
  }
  // "unknown" is treated as a person: a machine bridged to an agent costs a
  // few seconds, a person hung up on is an abandoned call.
  call.greeting_end_at = at;
  OfferLive(call);
}

void EngineImpl::OnCallEnded(Call& call, CallEndStatus status,
                             absl::Duration talk, std::string_view error,
                             absl::Time at) {
  if (call.facts.state == CallState::kEnded) return;
  CancelTimer(call.guard_timer);
  Campaign& campaign = *call.campaign;
  const CallState before = call.facts.state;
  call.facts.state = CallState::kEnded;
  call.ended_at = at;
  call.end_status = status;
  call.provider_error = std::string(error);
  (void)talk;
  CancelTimer(call.abandon_timer);
  campaign.unconnected.erase(call.id);
  if (call.live_waiting) {
    // The person hung up before an agent was free: abandoned (FCC).
    call.live_waiting = false;
    auto& q = campaign.live_waiting;
    q.erase(std::remove(q.begin(), q.end(), call.id), q.end());
    call.abandoned = true;
    call.auto_disposition = "abandoned";
    campaign.stats.abandoned++;
    campaign.abandon.RecordAbandon(at);
    if (campaign.pacer != nullptr) {
      campaign.pacer->OnLiveAnswerAbandoned(at, at - call.greeting_end_at);
    }
  } else if (before == CallState::kConnecting && !call.abandoned &&
             (!call.early_bridge || (call.classified && call.human))) {
    // Hung up while the bridge was under way. A bridge begun before the
    // verdict counts too once the detector said person: they never heard
    // the agent. (Gone before any verdict, it may have been a machine.)
    call.abandoned = true;
    call.auto_disposition = "abandoned";
    campaign.stats.abandoned++;
    campaign.abandon.RecordAbandon(at);
    if (campaign.pacer != nullptr) {
      campaign.pacer->OnLiveAnswerAbandoned(at, at - call.greeting_end_at);
    }
  }
  if (campaign.pacer != nullptr) {
    if (!call.facts.answered && status != CallEndStatus::kCanceled) {
      campaign.pacer->OnDialResolved(
          at,
          {status == CallEndStatus::kBusy     ? pacing::DialOutcome::kBusy
           : status == CallEndStatus::kFailed ? pacing::DialOutcome::kFailed
                                              : pacing::DialOutcome::kNoAnswer,
           call.placed_at, at - call.placed_at, absl::ZeroDuration()});
    } else if (call.facts.answered && !call.classified &&
               !call.agent_listening) {
      // Picked up and gone before the detector spoke: count it as a
      // machine-like resolution so the answer-rate estimate stays honest.
      campaign.pacer->OnDialResolved(
          at, {pacing::DialOutcome::kMachine, call.placed_at,
               call.answered_at - call.placed_at, absl::ZeroDuration()});
    }
    if (call.connected) {
      campaign.pacer->OnTalkEnded(at, call.TalkEnd(at) - call.connected_at);
    }
  }
  if (call.agent_listening && call.facts.answered && !call.classified &&
      !call.voicemail_dropped) {
    // The agent talked to whoever answered and did not call it a machine.
    RecordOutcome(call, /*human=*/true, at);
  }
  DetachFromOwner(call);
  if (campaign.config.mode != DialMode::kPower) RequestPace(campaign);

  if (!call.facts.answered) {
    switch (status) {
      case CallEndStatus::kBusy: campaign.stats.busy++; break;
      case CallEndStatus::kNoAnswer: campaign.stats.no_answers++; break;
      case CallEndStatus::kFailed: campaign.stats.failed++; break;
      default: break;
    }
    if (call.auto_disposition.empty()) {
      call.auto_disposition = std::string(AutoDispositionFor(status));
    }
  }

  Agent* agent = nullptr;
  if (!call.agent.empty()) {
    auto ait = agents_.find(call.agent);
    if (ait != agents_.end() && ait->second->call == call.id) {
      agent = ait->second.get();
    }
  }
  if (call.connected && call.connected_at != absl::InfinitePast()) {
    campaign.stats.talk_time += call.TalkEnd(at) - call.connected_at;
  }
  CloseAttempt(call, at);
  EmitCall(call, call.auto_disposition.empty()
                     ? ToString(status)
                     : std::string_view(call.auto_disposition));

  if (agent != nullptr) {
    if (agent->state == AgentState::kOnCall && call.connected) {
      EnterWrapUp(*agent, call);
    } else if (agent->state == AgentState::kDialing ||
               agent->state == AgentState::kOnCall) {
      MakeReady(*agent, campaign.config.auto_advance_delay,
                call.auto_disposition.empty() ? "call_ended"
                                              : call.auto_disposition);
    }
  }
  call.agent.clear();
}

void EngineImpl::CloseAttempt(Call& call, absl::Time at) {
  if (call.attempt_closed) return;
  call.attempt_closed = true;
  Campaign& campaign = *call.campaign;
  AttemptEnded ended;
  ended.call_id = call.id;
  ended.contact_id = call.contact;
  ended.campaign_id = campaign.config.id;
  ended.status = call.end_status;
  ended.answered = call.facts.answered;
  ended.amd = call.amd;
  ended.connected = call.connected;
  ended.abandoned = call.abandoned;
  ended.voicemail_dropped = call.voicemail_dropped;
  if (call.connected && call.greeting_end_at != absl::InfinitePast()) {
    ended.speed_to_answer = std::max(absl::ZeroDuration(),
                                     call.connected_at - call.greeting_end_at);
  }
  if (call.connected && call.connected_at != absl::InfinitePast()) {
    ended.talk = call.TalkEnd(at) - call.connected_at;
  }
  ended.at = at;
  ended.provider_error = call.provider_error;
  WriteBatch batch;
  batch.ops.reserve(2);  // the end and, most often, its disposition
  batch.Add(std::move(ended));
  if (auto nit = numbers_in_flight_.find(call.number);
      nit != numbers_in_flight_.end() && nit->second == call.id) {
    numbers_in_flight_.erase(nit);
  }
  if (call.connected) {
    absl::Time& last = campaign.numbers.Get(call.number).last_conversation;
    last = std::max(last, call.connected_at);
  }
  ContactRuntime* contact = contacts_.Find(call.contact);
  const dispositions::Definition* def =
      contact == nullptr || call.auto_disposition.empty()
          ? nullptr
          : campaign.dispositions.Find(call.auto_disposition);
  // With an automatic disposition the end of the attempt and the
  // disposition go to the store as one group (one commit, all or nothing).
  if (def == nullptr) (void)Write(batch);
  if (contact == nullptr) return;
  ContactRuntime& c = *contact;
  c.in_flight = false;
  if (call.connected) c.last_conversation = call.connected_at;
  if (def != nullptr) {
    ApplyDisposition(campaign, c, call.id, "", *def, DispositionInput{}, at,
                     &batch);
  }
}

void EngineImpl::ApplyDisposition(Campaign& campaign, ContactRuntime& contact,
                                  CallId call_id, std::string_view agent_id,
                                  const dispositions::Definition& def,
                                  const DispositionInput& input,
                                  absl::Time now, WriteBatch* with) {
  DispositionRecord rec;
  rec.call_id = call_id;
  rec.contact_id = contact.id;
  rec.campaign_id = campaign.config.id;
  rec.agent_id = std::string(agent_id);
  rec.code = def.code;
  rec.notes = input.notes;
  for (const auto& [k, v] : input.fields) rec.fields.emplace_back(k, v);
  rec.callback_at = input.callback_at;
  rec.at = now;
  WriteBatch own;
  WriteBatch& batch = with != nullptr ? *with : own;
  batch.Add(std::move(rec));
  if (def.automation == dispositions::Automation::kDoNotCall) {
    DncEntry dnc;
    dnc.phone = contact.phones[contact.phone_index];
    dnc.source = "disposition";
    dnc.at = now;
    batch.Add(dnc);
    if (auto n = compliance::ParseNanpE164(dnc.phone); n.has_value()) {
      (void)dnc_.AddInternal(n->national);
    }
  }
  (void)Write(batch);

  switch (def.automation) {
    case dispositions::Automation::kDoNotCall:
    case dispositions::Automation::kTerminal:
      contact.done = true;
      campaign.queue.Remove(contact.id);
      return;
    case dispositions::Automation::kCallback: {
      // A promise to call at a time: the owner's callback, never redialed
      // earlier by a retry rule (field failure #8). It waits for its owner
      // callback_owner_grace past the due time, then anyone may keep it.
      const std::string_view owner =
          agent_id.empty() ? std::string_view(contact.agent) : agent_id;
      campaign.queue.Upsert(contact.id, queue::Priority::kCallback,
                            input.callback_at, owner, GroupOf(contact));
      ScheduleWake(campaign, input.callback_at);
      const absl::Duration grace = campaign.config.callback_owner_grace;
      if (!owner.empty() && grace != absl::InfiniteDuration()) {
        ScheduleCallbackRelease(campaign, contact.id,
                                input.callback_at + grace);
      }
      return;
    }
    case dispositions::Automation::kTryAlternate:
      if (contact.phone_index + 1 < contact.phones.size()) {
        contact.phone_index++;
        contact.number_history = NumberHistories::kNone;
        contact.number_key = 0;
        contact.group = 0;  // another number may be in other zones
        Requeue(contact, queue::Priority::kRetry, now);
      } else {
        contact.done = true;
        campaign.queue.Remove(contact.id);
      }
      return;
    case dispositions::Automation::kRetry:
      break;
  }
  // The campaign's day for max_attempts_per_day is the UTC day.
  const absl::TimeZone day_zone = absl::UTCTimeZone();
  const absl::Time day_start = queue::CampaignDayStart(now, day_zone);
  queue::AttemptOutcome outcome;
  outcome.disposition = def.code;
  outcome.attempts_so_far = contact.attempts;
  for (absl::Time t : contact.recent_attempts) {
    if (t >= day_start) outcome.attempts_today++;
  }
  outcome.recycles_so_far = contact.recycles;
  outcome.last_attempt =
      contact.recent_attempts.empty() ? now : contact.recent_attempts.back();
  outcome.now = now;
  outcome.hot = contact.hot;
  auto next = queue::NextAttempt(campaign.config.retry,
                                 campaign.config.custom_dispositions,
                                 day_zone, outcome, queue::Reason::kSkip);
  if (!next.ok() || !next->retry) {
    if (!next.ok()) {
      Log(LogLevel::kError, absl::StrCat("retry decision for contact ",
                                         contact.id, ": ",
                                         next.status().ToString()));
    }
    contact.done = true;
    campaign.queue.Remove(contact.id);
    return;
  }
  if (next->priority == queue::Priority::kRecycled) contact.recycles++;
  Requeue(contact, next->priority, next->due);
}

// ---- Host events ------------------------------------------------------------

void EngineImpl::EmitCall(const Call& call, std::string_view detail) {
  if (env_.sink == nullptr) return;
  CallEvent& e = EmitInPlace<CallEvent>();
  e.call_id = call.id;
  e.campaign_id = call.campaign->config.id;
  e.contact_id = call.contact;
  e.agent_id = call.agent;
  e.phone = call.phone;
  e.state = call.facts.state;
  e.detail = std::string(detail);
  e.at = env_.clock->Now();
}

void EngineImpl::EmitScreenPop(const Agent& agent, const Call* call,
                               ContactId contact_id, bool preview) {
  if (env_.sink == nullptr) return;
  auto contact = env_.store->GetContact(contact_id);
  if (!contact.ok()) {
    Log(LogLevel::kError, absl::StrCat("screen pop: contact ", contact_id,
                                       ": ", contact.status().ToString()));
    return;
  }
  auto pop = std::make_unique<ScreenPop>();
  pop->agent_id = agent.id;
  pop->campaign_id = agent.campaign->config.id;
  pop->call_id = call != nullptr ? call->id : 0;
  pop->preview = preview;
  pop->talk_track = contact->talk_track.empty()
                        ? agent.campaign->config.talk_track
                        : contact->talk_track;
  pop->contact = *std::move(contact);
  pop->at = env_.clock->Now();
  Emit(std::move(pop));
}

}  // namespace dialer::engine
