#include "sim/replayer.h"

#include <sstream>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "core/absl_view.h"

namespace dialer::sim {
namespace {

std::string TimeText(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", t, absl::UTCTimeZone());
}

}  // namespace

Replayer::Replayer(const Recording& recording, std::ostream* event_log)
    : rec_(recording),
      clock_(recording.start),
      log_(&clock_, event_log),
      sink_(std::make_unique<EventLogSink>(&log_)),
      provider_(recording.commands, &clock_) {}

// The engine goes first: it cancels its timers on the clock and detaches
// from the provider.
Replayer::~Replayer() { engine_.reset(); }

absl::Status Replayer::Start() {
  if (engine_ != nullptr) {
    return absl::FailedPreconditionError("the replay has already started");
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(
      rec_.engine_options, EngineEnv{&clock_, &provider_, &store_, sink_.get()});
  if (!engine.ok()) return engine.status();
  engine_ = *std::move(engine);
  return absl::OkStatus();
}

absl::Status Replayer::Diverged(const ReplayStep& step,
                                std::string what) const {
  return absl::FailedPreconditionError(
      absl::StrCat("replay diverged at step ", next_step_ + 1, " of ",
                   rec_.steps.size(), " (", TimeText(step.at), "): ", what));
}

absl::Status Replayer::RunUntilEvents(int64_t events) {
  if (engine_ == nullptr) {
    return absl::FailedPreconditionError("Start() the replay first");
  }
  while (next_step_ < rec_.steps.size()) {
    const ReplayStep& step = rec_.steps[next_step_];
    const bool counts = step.kind == ReplayStep::Kind::kWorldEvents ||
                        step.kind == ReplayStep::Kind::kEngineTimer;
    if (counts && events_ >= events) break;
    if (absl::Status s = RunStep(step); !s.ok()) return s;
    ++next_step_;
  }
  return absl::OkStatus();
}

absl::Status Replayer::RunToEnd() {
  if (absl::Status s = RunUntilEvents(rec_.events); !s.ok()) return s;
  if (next_step_ < rec_.steps.size() || events_ != rec_.events) {
    return absl::FailedPreconditionError(absl::StrCat(
        "replay diverged: ", events_, " events at the end of the steps, the day had ",
        rec_.events));
  }
  if (provider_.given() != rec_.commands.size()) {
    return absl::FailedPreconditionError(absl::StrCat(
        "replay diverged: the engine gave ", provider_.given(),
        " provider commands, the day ", rec_.commands.size(),
        "; the first one missing is ", Describe(rec_.commands[provider_.given()]),
        " at ", TimeText(rec_.commands[provider_.given()].at)));
  }
  return absl::OkStatus();
}

absl::Status Replayer::RunStep(const ReplayStep& step) {
  switch (step.kind) {
    case ReplayStep::Kind::kWorldEvents:
      events_ += step.index;
      return absl::OkStatus();
    case ReplayStep::Kind::kEngineTimer: {
      const absl::Time due = clock_.NextDeadline();
      if (due != step.at) {
        return Diverged(
            step, absl::StrCat("the day ran an engine timer due then; the "
                               "replay's next engine timer is ",
                               due == absl::InfiniteFuture()
                                   ? std::string("none")
                                   : absl::StrCat("due at ", TimeText(due))));
      }
      clock_.RunNext();
      ++events_;
      break;
    }
    case ReplayStep::Kind::kProviderEvent:
    case ReplayStep::Kind::kFacadeCall:
      if (absl::Status s = Deliver(step); !s.ok()) return s;
      break;
  }
  return provider_.divergence();
}

absl::Status Replayer::Deliver(const ReplayStep& step) {
  const absl::Time due = clock_.NextDeadline();
  if (due < step.at) {
    return Diverged(step,
                    absl::StrCat("an engine timer due at ", TimeText(due),
                                 " is pending; the day ran none before this "
                                 "input"));
  }
  if (clock_.Now() > step.at) {
    return Diverged(step, absl::StrCat("the replay's clock is already at ",
                                       TimeText(clock_.Now())));
  }
  clock_.AdvanceTo(step.at);
  ++inputs_;
  if (step.kind == ReplayStep::Kind::kFacadeCall) {
    return Call(rec_.calls[step.index]);
  }
  if (provider_.listener() == nullptr) {
    return Diverged(step, "the engine is not listening to its provider");
  }
  provider_.listener()->OnProviderEvent(rec_.provider_events[step.index]);
  return absl::OkStatus();
}

absl::Status Replayer::Call(const FacadeCall& call) {
  using Kind = FacadeCall::Kind;
  Engine& e = *engine_;
  absl::Status status;
  int64_t checked = 0, checked2 = 0;
  bool ids_differ = false;
  switch (call.kind) {
    case Kind::kAddCampaign:
      status = e.AddCampaign(rec_.campaigns[call.payload]);
      break;
    case Kind::kAddContacts: {
      absl::StatusOr<std::vector<ContactId>> ids =
          e.AddContacts(call.a, rec_.contact_lists[call.payload]);
      status = ids.status();
      ids_differ = ids.ok() && *ids != rec_.contact_ids[call.payload];
      break;
    }
    case Kind::kImportContacts:
    case Kind::kImportRecords: {
      const ImportInput& input = rec_.imports[call.payload];
      absl::StatusOr<ImportReport> report;
      if (call.kind == Kind::kImportContacts) {
        std::istringstream csv(input.csv);
        report = e.ImportContacts(call.a, csv, input.options);
      } else {
        report = e.ImportRecords(call.a, input.records, input.options);
      }
      status = report.status();
      if (report.ok()) checked = report->accepted;
      ids_differ = report.ok() && checked != input.accepted;
      break;
    }
    case Kind::kLogin: status = e.Login(call.a, call.b); break;
    case Kind::kReady: status = e.Ready(call.a); break;
    case Kind::kBreak: status = e.Break(call.a, call.b); break;
    case Kind::kLogout: status = e.Logout(call.a); break;
    case Kind::kDialNow: status = e.DialNow(call.a); break;
    case Kind::kSkipContact: status = e.SkipContact(call.a); break;
    case Kind::kHangup: status = e.Hangup(call.a); break;
    case Kind::kDropVoicemail: status = e.DropVoicemail(call.a); break;
    case Kind::kHangupMachine: status = e.HangupMachine(call.a); break;
    case Kind::kDisposition:
      status = e.Disposition(call.a, rec_.dispositions[call.payload]);
      break;
    case Kind::kAddNote: status = e.AddNote(call.a, call.b); break;
    case Kind::kAddToDoNotCall: status = e.AddToDoNotCall(call.a, call.b); break;
    case Kind::kGetCampaignStats: {
      absl::StatusOr<CampaignStats> stats = e.GetCampaignStats(call.a);
      status = stats.status();
      if (stats.ok()) checked = stats->dials;
      break;
    }
    case Kind::kGetAgent: {
      absl::StatusOr<AgentSnapshot> agent = e.GetAgent(call.a);
      status = agent.status();
      if (agent.ok()) {
        checked = static_cast<int64_t>(agent->state);
        checked2 = static_cast<int64_t>(agent->call_id);
      }
      break;
    }
    case Kind::kHandleProviderEvent:
      status = e.HandleProviderEvent(rec_.provider_events[call.payload]);
      break;
  }
  const bool is_query =
      call.kind == Kind::kGetCampaignStats || call.kind == Kind::kGetAgent;
  if (status != call.status || ids_differ ||
      (is_query && (checked != call.checked || checked2 != call.checked2))) {
    const ReplayStep& step = rec_.steps[next_step_];
    return Diverged(
        step, absl::StrCat(Describe(rec_, call), " answered ",
                           status.ToString(),
                           is_query ? absl::StrCat(" (", checked, ", ", checked2, ")")
                                    : std::string(),
                           ids_differ ? " (other contact ids or counts)" : "",
                           "; the day got ", call.status.ToString(),
                           is_query ? absl::StrCat(" (", call.checked, ", ",
                                                   call.checked2, ")")
                                    : std::string()));
  }
  return absl::OkStatus();
}

absl::Status Replay(const Recording& recording, std::ostream* event_log) {
  Replayer replayer(recording, event_log);
  if (absl::Status s = replayer.Start(); !s.ok()) return s;
  return replayer.RunToEnd();
}

}  // namespace dialer::sim
