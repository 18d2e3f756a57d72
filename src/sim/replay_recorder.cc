#include "sim/replay_recorder.h"

#include <iterator>
#include <sstream>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "core/absl_view.h"
#include "sim/engine_tap.h"

namespace dialer::sim {
namespace {

using CallKind = FacadeCall::Kind;
using CommandKind = ProviderCommand::Kind;

// What the recording shares between its three decorators.
class Recorder final : public EngineTap {
 public:
  Recorder() : clock_(*this), provider_(*this), engine_(*this) {}

  absl::Status error() const { return error_; }
  Recording Take() { return std::move(rec_); }

  Clock* WrapClock(SimulatedClock* clock) override {
    sim_clock_ = clock;
    rec_.start = clock->Now();
    return &clock_;
  }
  TelephonyProvider* WrapProvider(TelephonyProvider* provider) override {
    provider_.inner = provider;
    return &provider_;
  }
  Engine* WrapEngine(Engine* engine) override {
    engine_.inner = engine;
    return &engine_;
  }
  void DayOver(int64_t events) override {
    CatchUp(events);
    rec_.events = events;
  }

 private:
  void Fail(std::string what) {
    if (error_.ok()) {
      error_ = absl::FailedPreconditionError(
          absl::StrCat("the day cannot be replayed: ", what));
    }
  }
  void FailNested(std::string_view call) {
    Fail(absl::StrCat(AbslView(call), " called from inside an engine callback"));
  }

  // Accounts for the simulator's own callbacks up to `ordinal`.
  void CatchUp(int64_t ordinal) {
    if (ordinal <= last_ordinal_) return;
    rec_.steps.push_back({ReplayStep::Kind::kWorldEvents,
                          static_cast<uint32_t>(ordinal - last_ordinal_),
                          sim_clock_->Now()});
    last_ordinal_ = ordinal;
  }
  void Push(ReplayStep::Kind kind, size_t index) {
    rec_.steps.push_back(
        {kind, static_cast<uint32_t>(index), sim_clock_->Now()});
  }
  void TimerFired() {
    // The clock counted this callback before running it.
    const int64_t ordinal = sim_clock_->executed();
    CatchUp(ordinal - 1);
    Push(ReplayStep::Kind::kEngineTimer, 0);
    last_ordinal_ = ordinal;
  }
  // An input from outside: inside one of the simulator's callbacks (which
  // is then counted before it) or between them.
  void Input(ReplayStep::Kind kind, size_t index) {
    CatchUp(sim_clock_->executed());
    Push(kind, index);
  }

  size_t Begin(CallKind kind, std::string_view a, std::string_view b,
               size_t payload) {
    Input(ReplayStep::Kind::kFacadeCall, rec_.calls.size());
    FacadeCall& call = rec_.calls.emplace_back();
    call.kind = kind;
    call.a = std::string(a);
    call.b = std::string(b);
    call.payload = static_cast<uint32_t>(payload);
    return rec_.calls.size() - 1;
  }
  template <typename F>
  auto Forward(F&& f) {
    ++depth_;
    auto result = f();
    --depth_;
    return result;
  }
  // A state-changing call: recorded from outside the strand; from inside,
  // forwarded all the same but the recording is refused.
  template <typename Keep, typename F>
  absl::Status Mutate(CallKind kind, std::string_view a, std::string_view b,
                      size_t payload, Keep&& keep, F&& f) {
    if (depth_ > 0) {
      FacadeCall call;
      call.kind = kind;
      call.a = std::string(a);
      call.b = std::string(b);
      FailNested(Describe(rec_, call));
      return f();
    }
    const size_t i = Begin(kind, a, b, payload);
    keep();
    absl::Status s = Forward(f);
    rec_.calls[i].status = s;
    return s;
  }
  void Imported(size_t call, size_t input,
                const absl::StatusOr<ImportReport>& report) {
    rec_.calls[call].status = report.status();
    rec_.imports[input].status = report.status();
    if (report.ok()) rec_.imports[input].accepted = report->accepted;
  }

  size_t NewCommand(CommandKind kind, CallId call) {
    ProviderCommand& c = rec_.commands.emplace_back();
    c.kind = kind;
    c.call = call;
    c.at = sim_clock_->Now();
    return rec_.commands.size() - 1;
  }
  absl::Status Answered(size_t command, absl::Status status) {
    rec_.commands[command].status = status;
    return status;
  }

  // The engine's clock: the day's, with each engine timer noted when it
  // fires.
  class TapClock final : public Clock {
   public:
    explicit TapClock(Recorder& r) : r_(r) {}
    absl::Time Now() override { return r_.sim_clock_->Now(); }
    TimerId ScheduleAt(absl::Time when,
                       absl::AnyInvocable<void()> fn) override {
      Recorder* r = &r_;
      return r->sim_clock_->ScheduleAt(
          when, [r, fn = std::move(fn)]() mutable {
            r->TimerFired();
            ++r->depth_;
            fn();
            --r->depth_;
          });
    }
    bool Cancel(TimerId id) override { return r_.sim_clock_->Cancel(id); }

   private:
    Recorder& r_;
  };

  // The engine's provider: forwards to the simulated one, noting each
  // command with its answer and each event delivered.
  class TapProvider final : public TelephonyProvider,
                            public ProviderEventListener {
   public:
    explicit TapProvider(Recorder& r) : r_(r) {}
    TelephonyProvider* inner = nullptr;

    void SetListener(ProviderEventListener* listener) override {
      listener_ = listener;
      inner->SetListener(listener != nullptr ? this : nullptr);
    }
    absl::Status PlaceCall(const DialRequest& request) override {
      const size_t i = r_.NewCommand(CommandKind::kPlaceCall, request.call_id);
      r_.rec_.commands[i].request = request;
      return r_.Answered(i, inner->PlaceCall(request));
    }
    absl::Status CancelCall(CallId call) override {
      const size_t i = r_.NewCommand(CommandKind::kCancelCall, call);
      return r_.Answered(i, inner->CancelCall(call));
    }
    absl::Status Hangup(CallId call) override {
      const size_t i = r_.NewCommand(CommandKind::kHangup, call);
      return r_.Answered(i, inner->Hangup(call));
    }
    absl::Status Bridge(CallId call, std::string_view conference) override {
      const size_t i = r_.NewCommand(CommandKind::kBridge, call);
      r_.rec_.commands[i].text = std::string(conference);
      return r_.Answered(i, inner->Bridge(call, conference));
    }
    absl::Status PlayAndHangup(CallId call, std::string_view audio,
                               bool after_beep) override {
      const size_t i = r_.NewCommand(CommandKind::kPlayAndHangup, call);
      r_.rec_.commands[i].text = std::string(audio);
      r_.rec_.commands[i].after_beep = after_beep;
      return r_.Answered(i, inner->PlayAndHangup(call, audio, after_beep));
    }
    absl::Status SetParticipant(std::string_view conference,
                                std::string_view participant,
                                ParticipantRole role) override {
      const size_t i = r_.NewCommand(CommandKind::kSetParticipant, 0);
      r_.rec_.commands[i].text = std::string(conference);
      r_.rec_.commands[i].request.to = std::string(participant);
      r_.rec_.commands[i].role = role;
      return r_.Answered(i, inner->SetParticipant(conference, participant, role));
    }

    void OnProviderEvent(const ProviderEvent& event) override {
      if (r_.depth_ > 0) {
        r_.Fail(absl::StrCat("provider event ", AbslView(ToString(event.type)),
                             " of call ", event.call_id,
                             " delivered inside an engine step"));
      } else {
        r_.Input(ReplayStep::Kind::kProviderEvent,
                 r_.rec_.provider_events.size());
        r_.rec_.provider_events.push_back(event);
      }
      if (listener_ == nullptr) return;
      ++r_.depth_;
      listener_->OnProviderEvent(event);
      --r_.depth_;
    }

   private:
    Recorder& r_;
    ProviderEventListener* listener_ = nullptr;
  };

  // The facade the simulator drives: forwards to the engine, noting each
  // call made from outside the engine's strand.
  class TapEngine final : public Engine {
   public:
    explicit TapEngine(Recorder& r) : r_(r) {}
    Engine* inner = nullptr;

    absl::Status AddCampaign(const CampaignConfig& config) override {
      return r_.Mutate(CallKind::kAddCampaign, "", "", r_.rec_.campaigns.size(),
                       [&] { r_.rec_.campaigns.push_back(config); },
                       [&] { return inner->AddCampaign(config); });
    }

    absl::StatusOr<std::vector<ContactId>> AddContacts(
        std::string_view campaign_id, std::vector<Contact> contacts) override {
      if (r_.depth_ > 0) {
        r_.FailNested("add_contacts");
        return inner->AddContacts(campaign_id, std::move(contacts));
      }
      const size_t i = r_.Begin(CallKind::kAddContacts, campaign_id, "",
                                r_.rec_.contact_lists.size());
      r_.rec_.contact_lists.push_back(contacts);
      absl::StatusOr<std::vector<ContactId>> ids = r_.Forward(
          [&] { return inner->AddContacts(campaign_id, std::move(contacts)); });
      r_.rec_.calls[i].status = ids.status();
      r_.rec_.contact_ids.push_back(ids.ok() ? *ids : std::vector<ContactId>());
      return ids;
    }

    absl::StatusOr<ImportReport> ImportContacts(
        std::string_view campaign_id, std::istream& csv,
        const ImportOptions& options,
        std::function<void(int64_t rows, int64_t bytes)> progress) override {
      // The replay reads the same bytes from memory.
      std::string text((std::istreambuf_iterator<char>(csv)),
                       std::istreambuf_iterator<char>());
      std::istringstream in(text);
      if (r_.depth_ > 0) {
        r_.FailNested("import_contacts");
        return inner->ImportContacts(campaign_id, in, options,
                                     std::move(progress));
      }
      const size_t i = r_.Begin(CallKind::kImportContacts, campaign_id, "",
                                r_.rec_.imports.size());
      const size_t k = r_.rec_.imports.size();
      r_.rec_.imports.emplace_back();
      r_.rec_.imports[k].csv = std::move(text);
      r_.rec_.imports[k].options = options;
      absl::StatusOr<ImportReport> report = r_.Forward([&] {
        return inner->ImportContacts(campaign_id, in, options,
                                     std::move(progress));
      });
      r_.Imported(i, k, report);
      return report;
    }

    absl::StatusOr<ImportReport> ImportRecords(
        std::string_view campaign_id, const std::vector<ImportRecord>& records,
        const ImportOptions& options) override {
      if (r_.depth_ > 0) {
        r_.FailNested("import_records");
        return inner->ImportRecords(campaign_id, records, options);
      }
      const size_t i = r_.Begin(CallKind::kImportRecords, campaign_id, "",
                                r_.rec_.imports.size());
      const size_t k = r_.rec_.imports.size();
      r_.rec_.imports.emplace_back();
      r_.rec_.imports[k].records = records;
      r_.rec_.imports[k].options = options;
      absl::StatusOr<ImportReport> report = r_.Forward(
          [&] { return inner->ImportRecords(campaign_id, records, options); });
      r_.Imported(i, k, report);
      return report;
    }

    absl::Status Login(std::string_view agent_id,
                       std::string_view campaign_id) override {
      return r_.Mutate(CallKind::kLogin, agent_id, campaign_id, 0, [] {},
                       [&] { return inner->Login(agent_id, campaign_id); });
    }
    absl::Status Ready(std::string_view agent_id) override {
      return r_.Mutate(CallKind::kReady, agent_id, "", 0, [] {},
                       [&] { return inner->Ready(agent_id); });
    }
    absl::Status Break(std::string_view agent_id,
                       std::string_view reason) override {
      return r_.Mutate(CallKind::kBreak, agent_id, reason, 0, [] {},
                       [&] { return inner->Break(agent_id, reason); });
    }
    absl::Status Logout(std::string_view agent_id) override {
      return r_.Mutate(CallKind::kLogout, agent_id, "", 0, [] {},
                       [&] { return inner->Logout(agent_id); });
    }
    absl::Status DialNow(std::string_view agent_id) override {
      return r_.Mutate(CallKind::kDialNow, agent_id, "", 0, [] {},
                       [&] { return inner->DialNow(agent_id); });
    }
    absl::Status SkipContact(std::string_view agent_id) override {
      return r_.Mutate(CallKind::kSkipContact, agent_id, "", 0, [] {},
                       [&] { return inner->SkipContact(agent_id); });
    }
    absl::Status Hangup(std::string_view agent_id) override {
      return r_.Mutate(CallKind::kHangup, agent_id, "", 0, [] {},
                       [&] { return inner->Hangup(agent_id); });
    }
    absl::Status DropVoicemail(std::string_view agent_id) override {
      return r_.Mutate(CallKind::kDropVoicemail, agent_id, "", 0, [] {},
                       [&] { return inner->DropVoicemail(agent_id); });
    }
    absl::Status HangupMachine(std::string_view agent_id) override {
      return r_.Mutate(CallKind::kHangupMachine, agent_id, "", 0, [] {},
                       [&] { return inner->HangupMachine(agent_id); });
    }
    absl::Status Disposition(std::string_view agent_id,
                             const DispositionInput& input) override {
      return r_.Mutate(CallKind::kDisposition, agent_id, "",
                       r_.rec_.dispositions.size(),
                       [&] { r_.rec_.dispositions.push_back(input); },
                       [&] { return inner->Disposition(agent_id, input); });
    }
    absl::Status AddNote(std::string_view agent_id,
                         std::string_view text) override {
      return r_.Mutate(CallKind::kAddNote, agent_id, text, 0, [] {},
                       [&] { return inner->AddNote(agent_id, text); });
    }
    absl::Status AddToDoNotCall(std::string_view phone_e164,
                                std::string_view source) override {
      return r_.Mutate(
          CallKind::kAddToDoNotCall, phone_e164, source, 0, [] {},
          [&] { return inner->AddToDoNotCall(phone_e164, source); });
    }
    absl::Status HandleProviderEvent(const ProviderEvent& event) override {
      return r_.Mutate(CallKind::kHandleProviderEvent, "", "",
                       r_.rec_.provider_events.size(),
                       [&] { r_.rec_.provider_events.push_back(event); },
                       [&] { return inner->HandleProviderEvent(event); });
    }

    // Queries change nothing inside a step; from outside the strand they
    // are steps of their own (the engine drains after them), so they are
    // replayed there too, and their answers checked.
    absl::StatusOr<CampaignStats> GetCampaignStats(
        std::string_view campaign_id) override {
      if (r_.depth_ > 0) return inner->GetCampaignStats(campaign_id);
      const size_t i = r_.Begin(CallKind::kGetCampaignStats, campaign_id, "", 0);
      absl::StatusOr<CampaignStats> stats =
          r_.Forward([&] { return inner->GetCampaignStats(campaign_id); });
      r_.rec_.calls[i].status = stats.status();
      if (stats.ok()) r_.rec_.calls[i].checked = stats->dials;
      return stats;
    }
    absl::StatusOr<AgentSnapshot> GetAgent(std::string_view agent_id) override {
      if (r_.depth_ > 0) return inner->GetAgent(agent_id);
      const size_t i = r_.Begin(CallKind::kGetAgent, agent_id, "", 0);
      absl::StatusOr<AgentSnapshot> agent =
          r_.Forward([&] { return inner->GetAgent(agent_id); });
      r_.rec_.calls[i].status = agent.status();
      if (agent.ok()) {
        r_.rec_.calls[i].checked = static_cast<int64_t>(agent->state);
        r_.rec_.calls[i].checked2 = static_cast<int64_t>(agent->call_id);
      }
      return agent;
    }

   private:
    Recorder& r_;
  };

  TapClock clock_;
  TapProvider provider_;
  TapEngine engine_;
  SimulatedClock* sim_clock_ = nullptr;
  Recording rec_;
  // Clock callbacks accounted for in rec_.steps.
  int64_t last_ordinal_ = 0;
  // > 0 while the engine runs (a facade call, a provider event, a timer).
  int depth_ = 0;
  absl::Status error_;
};

}  // namespace

absl::StatusOr<Recording> RecordSimulation(const Scenario& scenario,
                                           const SimOptions& options,
                                           SimReport* report) {
  Recorder recorder;
  absl::StatusOr<SimReport> r = RunTappedSimulation(scenario, options, &recorder);
  if (!r.ok()) return r.status();
  if (!recorder.error().ok()) return recorder.error();
  if (report != nullptr) *report = *std::move(r);
  return recorder.Take();
}

}  // namespace dialer::sim
