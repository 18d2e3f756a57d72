// The engine behind the facade of dialer/engine.h: agent and call state
// machines, the power-mode dial loop, connect-on-answer, wrap-up, and the
// calls out to the compliance gate, the queue and the store.
//
// Every member below is touched only on the strand (see strand.h).
#ifndef DIALER_ENGINE_ENGINE_IMPL_H_
#define DIALER_ENGINE_ENGINE_IMPL_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/container/btree_set.h"
#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "compliance/gate.h"
#include "dialer/engine.h"
#include "dispositions/disposition_set.h"
#include "ingest/ingester.h"
#include "engine/call_state_machine.h"
#include "engine/call_table.h"
#include "engine/contact_index.h"
#include "engine/contact_table.h"
#include "engine/number_history.h"
#include "engine/strand.h"
#include "engine/timer_slab.h"
#include "pacing/pacer.h"
#include "queue/contact_queue.h"
#include "queue/retry_policy.h"

namespace dialer::engine {

struct Campaign;

// The conference an agent waits and talks in: "agent:<id>".
std::string AgentConference(std::string_view agent_id);

// What the engine keeps of a contact between attempts (the Store keeps the
// rest). Small on purpose: the engine holds one per contact it dials.
struct ContactRuntime {
  ContactId id = 0;
  Campaign* campaign = nullptr;
  // Primary first; most contacts have only that one, kept inline.
  absl::InlinedVector<std::string, 1> phones;
  size_t phone_index = 0;           // the number currently being tried
  // Where the campaign's history of that number is (NumberHistories),
  // once known; reset with phone_index.
  uint32_t number_history = NumberHistories::kNone;
  // NumberKey of that number once computed (0: not yet; every offer of the
  // queue asks for it twice); reset with phone_index.
  uint64_t number_key = 0;
  std::string state, zip, time_zone;
  std::string agent;  // reservation ("" = shared queue)
  int attempts = 0;
  int recycles = 0;
  bool hot = false;
  // Recent attempt start times, oldest first (bounded: enough for the
  // longest frequency rule).
  absl::InlinedVector<absl::Time, 8> recent_attempts;
  absl::Time last_conversation = absl::InfinitePast();
  queue::WindowGroup group = 0;  // 0 until computed for the current phone
  bool in_flight = false;  // a call to this contact is not over yet
  bool done = false;       // terminal: never offered again
};

struct Call {
  CallId id = 0;
  Campaign* campaign = nullptr;
  ContactId contact = 0;
  std::string agent;  // attached agent, "" when none
  std::string phone;
  uint64_t number = 0;  // NumberKey(phone): the in-flight guard's key
  std::string caller_id;
  CallFacts facts;
  bool cancel_requested = false;
  bool agent_listening = false;  // power mode: agent hears the call
  bool human = false;            // engine's belief (detector or agent)
  bool connected = false;
  bool abandoned = false;
  bool voicemail_dropped = false;
  bool attempt_closed = false;  // AttemptEnded written
  bool live_waiting = false;    // a live person waits for a free agent
  bool classified = false;      // counted as a person or a machine
  // When this call entered the 30-day abandon window as a live answer (in
  // time or abandoned), so a machine the detector passed as a person can be
  // taken out again when the agent recognises it.
  absl::Time live_counted_at = absl::InfinitePast();
  // Bridged at pick-up to a free agent, before the detector decided: the
  // agent hears the greeting, as in power mode.
  bool early_bridge = false;
  AmdMode amd_mode = AmdMode::kOff;
  std::string owner;  // parallel mode: the agent whose lines this call is
  AmdResult amd = AmdResult::kUnknown;
  CallEndStatus end_status = CallEndStatus::kCompleted;
  std::string auto_disposition;  // applied when the call ends, if any
  std::string provider_error;
  absl::Time placed_at, answered_at = absl::InfinitePast(),
                        greeting_end_at = absl::InfinitePast(),
                        connected_at = absl::InfinitePast(), ended_at,
                        bridge_commanded_at = absl::InfinitePast(),
                        verdict_at = absl::InfinitePast();  // detector spoke
  // When the agent hung up a connected call; the provider's completion may
  // come later, and the conversation is measured up to the hang-up.
  absl::Time talk_ended_at = absl::InfiniteFuture();
  absl::Time TalkEnd(absl::Time completed_at) const {
    return std::min(talk_ended_at, completed_at);
  }
  TimerId guard_timer = 0;
  TimerId abandon_timer = 0;
};

struct Agent {
  std::string id;
  Campaign* campaign = nullptr;
  AgentState state = AgentState::kLoggedOut;
  absl::Time since;
  CallId call = 0;              // dialing / on call / wrap-up
  ContactId preview_contact = 0;
  queue::Priority preview_priority = queue::Priority::kFresh;
  TimerId timer = 0;            // advance, preview or wrap-up timer
  TimerId wrap_max_timer = 0;
  TimerId idle_timer = 0;       // agent_idle_too_long, armed while ready
  bool dispositioned = true;    // the call in wrap-up has its disposition
  bool break_requested = false;
  std::string break_reason;
  CallId last_call = 0;
  ContactId last_contact = 0;
  // Parallel mode: the calls ringing on this agent's lines.
  std::vector<CallId> lines;
};

struct Campaign {
  CampaignConfig config;
  dispositions::DispositionSet dispositions;
  queue::ContactQueue queue;
  // What the gate needs of the campaign; caller_id and abandon_state are set
  // per dial.
  compliance::GateCampaign gate;
  compliance::AbandonTracker abandon;
  CampaignStats stats;
  std::vector<Agent*> agents;
  TimerId wake_timer = 0;
  absl::Time wake_at = absl::InfiniteFuture();

  // Parallel and predictive modes.
  std::unique_ptr<pacing::Pacer> pacer;  // predictive and baselines only
  bool pace_pending = false;
  TimerId pace_timer = 0;
  absl::Time pace_at = absl::InfiniteFuture();
  // Calls placed and not yet connected to an agent or handled as machines.
  // Ordered: the pacer's snapshot and the shift-end cancels walk it, and a
  // hash set's order changes from process to process (its seed), which
  // would make a seed's event log differ between two runs.
  absl::btree_set<CallId> unconnected;
  std::vector<CallId> live_waiting;  // oldest first
  // How long a bridge takes, learned from kBridged events: the 2-second
  // deadline must leave room for it.
  absl::Duration bridge_estimate = absl::Milliseconds(500);
  // The abandon rate reached the hard stop: dial as power mode until it is
  // back under the throttle level.
  bool power_fallback = false;
  compliance::AbandonState last_alerted = compliance::AbandonState::kNormal;

  // Calls to each number (NumberKey) by any contact of the campaign: one
  // number on two contacts (a CRM sync, AddContacts trusts its input) is
  // one line the law counts calls to (field failure #6).
  NumberHistories numbers;

  explicit Campaign(const CampaignConfig& c);
};

class EngineImpl final : public Engine, private ProviderEventListener {
 public:
  EngineImpl(const EngineOptions& options, const EngineEnv& env,
             compliance::Rules rules);
  ~EngineImpl() override;

  absl::Status AddCampaign(const CampaignConfig& config) override;
  // Tests only: clock threads inside the engine's timers now, and whether
  // the engine still takes timers.
  uint32_t TimersFiringForTesting() const { return timer_token_->firing(); }
  bool TimersAliveForTesting() const { return timer_token_->alive(); }
  // Tests only: replaces the pacer of a predictive-mode campaign, so a test
  // can watch what the engine tells it.
  absl::Status ReplacePacerForTesting(std::string_view campaign_id,
                                      std::unique_ptr<pacing::Pacer> pacer);
  // Tests only: the compliance module's 30-day abandon rate of a campaign.
  absl::StatusOr<double> AbandonRateForTesting(std::string_view campaign_id);
  absl::StatusOr<std::vector<ContactId>> AddContacts(
      std::string_view campaign_id, std::vector<Contact> contacts) override;
  absl::StatusOr<ImportReport> ImportContacts(
      std::string_view campaign_id, std::istream& csv,
      const ImportOptions& options,
      std::function<void(int64_t rows, int64_t bytes)> progress) override;
  absl::StatusOr<ImportReport> ImportRecords(
      std::string_view campaign_id, const std::vector<ImportRecord>& records,
      const ImportOptions& options) override;
  absl::Status Login(std::string_view agent_id,
                     std::string_view campaign_id) override;
  absl::Status Ready(std::string_view agent_id) override;
  absl::Status Break(std::string_view agent_id,
                     std::string_view reason) override;
  absl::Status Logout(std::string_view agent_id) override;
  absl::Status DialNow(std::string_view agent_id) override;
  absl::Status SkipContact(std::string_view agent_id) override;
  absl::Status Hangup(std::string_view agent_id) override;
  absl::Status DropVoicemail(std::string_view agent_id) override;
  absl::Status HangupMachine(std::string_view agent_id) override;
  absl::Status Disposition(std::string_view agent_id,
                           const DispositionInput& input) override;
  absl::Status AddNote(std::string_view agent_id,
                       std::string_view text) override;
  absl::Status AddToDoNotCall(std::string_view phone_e164,
                              std::string_view source) override;
  absl::StatusOr<CampaignStats> GetCampaignStats(
      std::string_view campaign_id) override;
  absl::StatusOr<AgentSnapshot> GetAgent(std::string_view agent_id) override;
  absl::Status HandleProviderEvent(const ProviderEvent& event) override;

 private:
  // A screen pop carries the whole Contact: boxed, so the other events,
  // which are far more frequent, do not each take its size in the queue.
  using HostEvent =
      std::variant<AgentStateEvent, std::unique_ptr<ScreenPop>, CallEvent,
                   Alert, std::pair<LogLevel, std::string>>;

  // Runs `f` on the strand, then delivers queued host events and provider
  // events that arrived during it.
  template <typename F>
  auto OnStrand(F&& f) {
    return strand_.Run(std::forward<F>(f), [this] { Drain(); });
  }
  // OnStrand for a command about a logged-in agent: NotFound otherwise.
  template <typename F>
  absl::Status OnAgent(std::string_view agent_id, F&& f) {
    return OnStrand([&]() -> absl::Status {
      absl::StatusOr<Agent*> agent = FindAgent(agent_id);
      if (!agent.ok()) return agent.status();
      return f(**agent);
    });
  }
  void Drain();
  // The import pipeline (contact_import.cc): `ingest` runs the Ingester it is
  // given on the calling thread; the result is re-checked and added in one
  // strand step.
  absl::StatusOr<ImportReport> RunImport(
      std::string_view campaign_id, const ImportOptions& options,
      absl::FunctionRef<absl::StatusOr<ingest::IngestResult>(ingest::Ingester&)>
          ingest);
  void OnProviderEvent(const ProviderEvent& event) override;
  // Schedules `fn` on the clock, to run on the strand. The id returned is
  // the engine's (TimerSlab's handle), for CancelTimer, not the clock's.
  TimerId At(absl::Time when, absl::AnyInvocable<void()> fn);
  void CancelTimer(TimerId& id);
  struct TimerFire;  // the clock's callback for an engine timer
  // Runs the engine timer `handle` on the strand, if still pending.
  void FireTimer(TimerSlab::Handle handle);

  absl::Status ApplyProviderEvent(const ProviderEvent& event);

  // Agents.
  absl::StatusOr<Agent*> FindAgent(std::string_view agent_id);
  void SetAgentState(Agent& agent, AgentState to, std::string_view reason);
  void MakeReady(Agent& agent, absl::Duration delay, std::string_view reason);
  void EnterWrapUp(Agent& agent, Call& call);
  // The agent's call, if they are on an answered call (DropVoicemail,
  // HangupMachine); FailedPrecondition otherwise.
  absl::StatusOr<Call*> ListenedAnsweredCall(Agent& agent);
  // The agent has told the engine the call is a machine (and the provider
  // has been told what to do with it): counted as a machine, dispositioned
  // `disposition` automatically, the agent ready with no wrap-up.
  void ReleaseAgentFromMachine(Agent& agent, Call& call,
                               std::string_view disposition,
                               std::string_view detail,
                               std::string_view reason);
  void AfterDisposition(Agent& agent);
  void Advance(Agent& agent);
  void WakeCampaign(Campaign& campaign);
  void ScheduleWake(Campaign& campaign, absl::Time at);
  // agent_idle_too_long: armed when the agent becomes ready, cancelled when
  // they leave ready; raised once per ready spell.
  void ArmIdleAlert(Agent& agent);
  void RaiseIdleAlert(Agent& agent);
  // Why a ready agent has nothing dialled, for the alert: a stable token
  // then the details.
  std::string IdleReason(const Agent& agent, absl::Time now);

  // Callbacks: after `grace` past its due time (with the window open), an
  // owner's callback goes to the shared queue (CampaignConfig::
  // callback_owner_grace).
  void ScheduleCallbackRelease(Campaign& campaign, ContactId contact,
                               absl::Time at);
  void ReleaseCallback(Campaign& campaign, ContactId contact);

  // Dialing.
  queue::Eligibility CheckEligible(Campaign& campaign, ContactId id,
                                   absl::Time now);
  // When the contact's current number may be dialled again, as far as other
  // contacts with the same number go: a call to it still in flight (any
  // campaign), or one placed by another contact of the campaign less than
  // retry.min_delay ago. InfinitePast() when nothing holds it.
  absl::Time NumberFreeAt(const Campaign& campaign, ContactRuntime& c,
                          absl::Time now) const;
  compliance::Decision AskGate(Campaign& campaign, ContactRuntime& c,
                               std::string_view caller_id, absl::Time now);
  void Audit(const Campaign& campaign, const ContactRuntime& c,
             const compliance::Decision& d);
  // A reference into the campaign's config (or to an empty string): it is
  // asked for every contact the queue offers.
  const std::string& ChooseCallerId(const Campaign& campaign,
                                    std::string_view phone) const;
  void Dial(Agent& agent, ContactId contact_id);
  // Checks the gate, writes the attempt and creates the call; nullptr when
  // the gate or the store refused (the contact is then re-filed).
  Call* StartCall(Campaign& campaign, ContactRuntime& c,
                  const std::string& agent_id, bool listening);
  // Arms the guard and hands the call to the provider.
  void Launch(Call& call);

  // Parallel and predictive modes.
  bool Pooled(const Campaign& campaign) const;
  void RequestPace(Campaign& campaign);
  void RunPacing(Campaign& campaign);
  void UpdateAbandonState(Campaign& campaign, absl::Time now);
  pacing::Snapshot BuildSnapshot(const Campaign& campaign, absl::Time now);
  // Pooled modes: true when every agent is on a break, logged out or leaves
  // after the call in progress; then the calls still ringing are cancelled.
  bool NoAgentWillFree(const Campaign& campaign) const;
  void CancelUnanswered(Campaign& campaign);
  // Parallel mode: tops the free agent's lines up to lines_per_agent. The
  // lines beyond their first take one each of `spare`, and stop at 0.
  void DialLines(Agent& agent, int64_t& spare);
  // Parallel mode: how many lines beyond the free agents' first may be
  // placed now. Unlimited below the approaching level (2 %); past it, the
  // abandons the 30-day window can take below the stop level, less the
  // calls in flight beyond the free agents (each might be a person nobody
  // is free for): even if they all abandoned, the rate would stay under it.
  int64_t SpareParallelLines(const Campaign& campaign, absl::Time now) const;
  bool DialPooled(Campaign& campaign);
  void OnAgentAvailable(Agent& agent);
  // Bridges the longest-waiting live person to `agent` if the agent is
  // free; false when nobody waits (or the agent is not free).
  bool ConnectWaitingPerson(Agent& agent);
  // Connect on pick-up: bridges a free agent to the pick-up that has awaited
  // the detector's verdict longest. False if there is none.
  bool BridgeAwaitingPickup(Agent& agent);
  // A call counted as a person turned out a machine: out of the stats and
  // the abandon window.
  void UncountPerson(Call& call, absl::Time at);
  Agent* PickAgent(Campaign& campaign, const std::string& preferred);
  void ConnectLive(Call& call, Agent& agent);
  void OfferLive(Call& call);
  void AbandonLive(Call& call, std::string_view why);
  void CancelLines(Agent& agent, CallId keep);
  void HandleMachine(Call& call, AmdResult result);
  void EarlyBridge(Call& call, Agent& agent);
  // Removes a call from its owner's lines (parallel mode).
  void DetachFromOwner(Call& call);
  // Counts the call once as a live person or a machine and tells the pacer.
  void RecordOutcome(Call& call, bool human, absl::Time at);
  void StartPreview(Agent& agent, ContactId contact_id,
                    queue::Priority priority);
  void Requeue(ContactRuntime& c, queue::Priority priority, absl::Time due);
  // The queue's window group of the contact's current number: contacts
  // whose calling windows open and close together share one.
  queue::WindowGroup GroupOf(ContactRuntime& c);
  // The best contact due now for `agent` that the gate allows; closed
  // window groups are set aside whole.
  std::optional<queue::Entry> PopNext(Campaign& campaign,
                                      const std::string& agent,
                                      absl::Time now);

  // Calls.
  void OnAnswered(Call& call, absl::Time at);
  void OnAmd(Call& call, AmdResult result, absl::Time at);
  void OnCallEnded(Call& call, CallEndStatus status, absl::Duration talk,
                   std::string_view error, absl::Time at);
  void CloseAttempt(Call& call, absl::Time at);
  // Writes the disposition (and what it implies, such as a DNC entry) in
  // one commit, after the ops already in `with` if given, then requeues or
  // retires the contact.
  void ApplyDisposition(Campaign& campaign, ContactRuntime& contact,
                        CallId call_id, std::string_view agent_id,
                        const dispositions::Definition& def,
                        const DispositionInput& input, absl::Time now,
                        WriteBatch* with = nullptr);
  void ArmGuard(Call& call, absl::Duration after);
  void EmitCall(const Call& call, std::string_view detail);
  void EmitScreenPop(const Agent& agent, const Call* call,
                     ContactId contact_id, bool preview);

  void Emit(HostEvent event) { pending_events_.push_back(std::move(event)); }
  // Appends an empty host event of type E and returns it to fill in: built
  // in place, its strings are not moved twice more on the way into the
  // queue (the frequent agent-state and call events).
  template <typename E>
  E& EmitInPlace() {
    return std::get<E>(pending_events_.emplace_back(std::in_place_type<E>));
  }
  void Log(LogLevel level, std::string message);
  void RaiseAlert(AlertSeverity severity, std::string code,
                  std::string message, const Campaign* campaign,
                  std::string_view agent_id);
  // Commits `batch`; on failure raises an alert and returns the status.
  absl::Status Write(const WriteBatch& batch);

  const EngineOptions options_;
  const EngineEnv env_;
  Strand strand_;
  // The engine's timers (see At): the callbacks, and the liveness the
  // clock's handles check, for the engine may be gone when they run.
  TimerToken::Ref timer_token_;
  TimerSlab timers_;
  compliance::DncLists dnc_;
  compliance::Rules rules_;  // points at dnc_
  compliance::Gate gate_;    // reads rules_ on every check

  absl::flat_hash_map<std::string, std::unique_ptr<Campaign>> campaigns_;
  absl::flat_hash_map<std::string, std::unique_ptr<Agent>> agents_;
  ContactTable<ContactRuntime> contacts_;
  // Phones and emails of every contact added, for import deduplication.
  ContactIndex known_contacts_;
  CallTable<Call> calls_;
  // Numbers (NumberKey) with a call not over yet, in any campaign, and the
  // call: never two lines to one number, whatever contact holds it.
  absl::flat_hash_map<uint64_t, CallId> numbers_in_flight_;
  CallId next_call_id_ = 1;
  // Window groups: index = queue::WindowGroup (0 unused).
  absl::flat_hash_map<compliance::WindowKey, queue::WindowGroup> group_ids_;
  std::vector<compliance::WindowKey> group_keys_{compliance::WindowKey{}};

  std::vector<HostEvent> pending_events_;
  std::vector<ProviderEvent> pending_provider_events_;
  // Drain's emptied buffers, kept so the next step reuses their capacity
  // instead of growing a fresh vector for every step.
  std::vector<HostEvent> spare_events_;
  std::vector<ProviderEvent> spare_provider_events_;
  std::vector<Campaign*> pacing_queue_;
  // The contact the gate allowed in the current strand step, so the dial
  // that follows in the same step does not ask it twice with the same
  // inputs. Cleared when the step ends.
  ContactId gate_allowed_contact_ = 0;
  // The contact as the gate sees it, reused by every AskGate: assigning
  // into strings that keep their capacity allocates nothing.
  compliance::GateContact gate_contact_;
  bool draining_ = false;
};

}  // namespace dialer::engine

#endif  // DIALER_ENGINE_ENGINE_IMPL_H_
