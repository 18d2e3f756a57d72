#include "sim/simulated_provider.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "core/absl_view.h"
#include "sim/distribution.h"
#include "sim/scenario_validation.h"

namespace dialer::sim {
namespace {

// Stream tag of the per-call draws (see random.h).
constexpr uint64_t kCallStream = 0xCA11;

bool IsNanpE164(std::string_view to) {
  if (to.size() != 12 || to[0] != '+' || to[1] != '1') return false;
  for (size_t i = 2; i < to.size(); ++i) {
    if (to[i] < '0' || to[i] > '9') return false;
  }
  return to[2] >= '2' && to[5] >= '2';
}

double LocalHour(absl::Time t, absl::TimeZone tz) {
  const absl::CivilSecond cs = absl::ToCivilSecond(t, tz);
  return cs.hour() + cs.minute() / 60.0 + cs.second() / 3600.0;
}

}  // namespace

std::string_view ToString(Outcome outcome) {
  switch (outcome) {
    case Outcome::kHuman: return "human";
    case Outcome::kMachine: return "machine";
    case Outcome::kBusy: return "busy";
    case Outcome::kFailed: return "failed";
    case Outcome::kNoAnswer: return "no_answer";
  }
  return "unknown";
}

SimulatedProvider::SimulatedProvider(const Scenario& scenario, uint64_t seed,
                                     absl::TimeZone center, Clock* clock,
                                     ContactLookup lookup,
                                     NetworkTraits traits)
    : scenario_(scenario),
      seed_(seed),
      center_(center),
      clock_(clock),
      lookup_(std::move(lookup)),
      traits_(traits) {}

SimulatedProvider::~SimulatedProvider() {
  for (Entry& e : entries_) {
    for (TimerId id : e.timers) clock_->Cancel(id);
  }
}

void SimulatedProvider::SetListener(ProviderEventListener* listener) {
  listener_ = listener;
}

const CallTruth* SimulatedProvider::Find(CallId call) const {
  const size_t i = by_id_.Find(call);
  return i == IdIndex::kNone ? nullptr : &entries_[i].truth;
}

SimulatedProvider::Entry* SimulatedProvider::FindEntry(CallId call) {
  const size_t i = by_id_.Find(call);
  return i == IdIndex::kNone ? nullptr : &entries_[i];
}

absl::Status SimulatedProvider::FindLive(CallId call, Entry** out) {
  Entry* e = FindEntry(call);
  if (e == nullptr) {
    return absl::NotFoundError(absl::StrCat("call ", call, " is unknown"));
  }
  if (e->truth.ended) {
    return absl::FailedPreconditionError(
        absl::StrCat("call ", call, " has ended"));
  }
  if (!e->truth.picked_up) {
    return absl::FailedPreconditionError(
        absl::StrCat("call ", call, " is not answered"));
  }
  *out = e;
  return absl::OkStatus();
}

TimerId SimulatedProvider::At(Entry& e, absl::Time when,
                              void (SimulatedProvider::*fn)(Entry&)) {
  // The callback names the call by position and the action by its index in
  // this table: with `this` that is 16 bytes, which AnyInvocable stores
  // inline, where an Entry* and a member pointer (24 bytes with `this`)
  // cost a heap allocation for each of the ~4 actions of every call.
  static constexpr void (SimulatedProvider::*kActions[])(Entry&) = {
      &SimulatedProvider::Ringing,       &SimulatedProvider::PickUp,
      &SimulatedProvider::ReportAmd,     &SimulatedProvider::PersonHangsUp,
      &SimulatedProvider::Bridged,       &SimulatedProvider::ConversationOver,
      &SimulatedProvider::MachineHangsUp, &SimulatedProvider::PlaybackDone,
      &SimulatedProvider::RingOut,       &SimulatedProvider::BusySignal,
      &SimulatedProvider::NetworkFailure};
  uint32_t action = 0;
  while (kActions[action] != fn) ++action;  // every action is listed
  const auto position = static_cast<uint32_t>(by_id_.Find(e.truth.call_id));
  TimerId id = clock_->ScheduleAt(when, [this, position, action] {
    Entry& entry = entries_[position];
    if (!entry.truth.ended) (this->*kActions[action])(entry);
  });
  e.timers.push_back(id);
  return id;
}

ProviderEvent SimulatedProvider::EventFor(const CallTruth& c,
                                          ProviderEventType type) const {
  ProviderEvent event;
  event.type = type;
  event.call_id = c.call_id;
  event.at = clock_->Now();
  return event;
}

void SimulatedProvider::Deliver(ProviderEvent event) {
  if (observer_ != nullptr) observer_->OnEvent(event);
  if (listener_ != nullptr) listener_->OnProviderEvent(event);
}

absl::Status SimulatedProvider::Record(std::string_view command, CallId call,
                                       std::string_view detail,
                                       absl::Status result) {
  if (observer_ != nullptr) {
    observer_->OnCommand(command, call, detail, result);
  }
  return result;
}

absl::Status SimulatedProvider::PlaceCall(const DialRequest& request) {
  // Only the observer (the event log) reads it.
  const std::string detail =
      observer_ == nullptr
          ? std::string()
          : absl::StrCat(request.to, " amd=", AbslView(ToString(request.amd)),
                         request.conference.empty() ? "" : " conference=",
                         request.conference);
  if (request.call_id == 0 ||
      by_id_.Find(request.call_id) != IdIndex::kNone) {
    return Record("place_call", request.call_id, detail,
                  absl::InvalidArgumentError(absl::StrCat(
                      "call id ", request.call_id, " is 0 or already used")));
  }
  if (!IsNanpE164(request.to)) {
    return Record("place_call", request.call_id, detail,
                  absl::InvalidArgumentError(absl::StrCat(
                      "\"", request.to, "\" is not a NANP E.164 number")));
  }
  const absl::Time now = clock_->Now();
  const uint64_t number_key = StableHash(request.to);
  by_id_.Add(request.call_id);  // at position entries_.size()
  Entry& e = entries_.emplace_back();
  ++in_flight_;
  CallTruth& c = e.truth;
  c.call_id = request.call_id;
  c.contact = lookup_ ? lookup_(request.to) : -1;
  c.phone = request.to;
  int* attempts;
  if (c.contact >= 0) {
    const auto index = static_cast<size_t>(c.contact);
    if (index >= attempts_by_contact_.size()) {
      attempts_by_contact_.resize(
          std::max(index + 1, 2 * attempts_by_contact_.size()), 0);
    }
    attempts = &attempts_by_contact_[index];
  } else {
    attempts = &attempts_[number_key];
  }
  c.attempt = (*attempts)++;
  c.placed_at = now;
  c.conference = !request.conference.empty();
  c.amd = request.amd;

  // A fixed number of draws in a fixed order keeps every stream aligned.
  e.rng = Rng(StreamSeed({seed_, kCallStream, number_key,
                          static_cast<uint64_t>(c.attempt)}));
  const double u = e.rng.Uniform01();
  c.ring = SampleDuration(scenario_.ring_to_answer_s, e.rng);
  c.latency = SampleDuration(scenario_.amd.latency_s, e.rng);
  const double u_detector = e.rng.Uniform01();
  c.patience = SampleDuration(scenario_.patience_s, e.rng);
  c.talk = SampleDuration(scenario_.talk_s, e.rng);

  const Scenario::Outcomes& o = scenario_.outcomes;
  const double human = HumanProbabilityAt(o, LocalHour(now, center_));
  const double machine = MachineProbabilityFor(o, human);
  if (u < human) {
    c.outcome = Outcome::kHuman;
  } else if (u < human + machine) {
    c.outcome = Outcome::kMachine;
  } else if (u < human + machine + o.busy) {
    c.outcome = Outcome::kBusy;
  } else if (u < human + machine + o.busy + o.failed) {
    c.outcome = Outcome::kFailed;
  } else {
    c.outcome = Outcome::kNoAnswer;
  }
  c.detector_errs = u_detector < (c.outcome == Outcome::kHuman
                                      ? scenario_.amd.human_as_machine
                                      : scenario_.amd.machine_as_human);
  const absl::Duration limit = std::min(
      absl::Seconds(scenario_.no_answer_after_s), request.ring_timeout);
  if ((c.outcome == Outcome::kHuman || c.outcome == Outcome::kMachine) &&
      c.ring > limit) {
    c.outcome = Outcome::kNoAnswer;
    c.rang_out = true;
  }

  switch (c.outcome) {
    case Outcome::kHuman:
    case Outcome::kMachine:
      At(e, now + std::min(traits_.ringing_after, c.ring),
         &SimulatedProvider::Ringing);
      At(e, now + c.ring, &SimulatedProvider::PickUp);
      break;
    case Outcome::kNoAnswer:
      At(e, now + traits_.ringing_after, &SimulatedProvider::Ringing);
      At(e, now + request.ring_timeout, &SimulatedProvider::RingOut);
      break;
    case Outcome::kBusy:
      At(e, now + traits_.busy_after, &SimulatedProvider::BusySignal);
      break;
    case Outcome::kFailed:
      At(e, now + traits_.failed_after, &SimulatedProvider::NetworkFailure);
      break;
  }
  return Record("place_call", request.call_id, detail, absl::OkStatus());
}

absl::Status SimulatedProvider::CancelCall(CallId call) {
  Entry* e = FindEntry(call);
  if (e == nullptr) {
    return Record("cancel_call", call, "",
                  absl::NotFoundError(absl::StrCat("call ", call, " is unknown")));
  }
  // Answered in the meantime: the answer was reported; the engine decides.
  if (!e->truth.ended && !e->truth.picked_up) {
    e->truth.canceled = true;
    Finish(*e, CallEndStatus::kCanceled, absl::ZeroDuration());
  }
  return Record("cancel_call", call, "", absl::OkStatus());
}

absl::Status SimulatedProvider::Hangup(CallId call) {
  Entry* e = FindEntry(call);
  if (e == nullptr) {
    return Record("hangup", call, "",
                  absl::NotFoundError(absl::StrCat("call ", call, " is unknown")));
  }
  CallTruth& c = e->truth;
  if (!c.ended) {
    if (!c.picked_up) {
      c.canceled = true;
      Finish(*e, CallEndStatus::kCanceled, absl::ZeroDuration());
    } else {
      const absl::Time now = clock_->Now();
      Finish(*e, CallEndStatus::kCompleted,
             c.connected_at <= now ? now - c.connected_at
                                   : absl::ZeroDuration());
    }
  }
  return Record("hangup", call, "", absl::OkStatus());
}

absl::Status SimulatedProvider::Bridge(CallId call,
                                       std::string_view conference) {
  Entry* e = nullptr;
  absl::Status result = FindLive(call, &e);
  if (result.ok() && !e->truth.bridge_requested &&
             e->truth.connected_at == absl::InfiniteFuture()) {
    e->truth.bridge_requested = true;
    At(*e,
       clock_->Now() + SampleDuration(scenario_.bridge_delay_s, e->rng),
       &SimulatedProvider::Bridged);
  }
  return Record("bridge", call, conference, result);
}

absl::Status SimulatedProvider::PlayAndHangup(CallId call,
                                              std::string_view audio,
                                              bool after_beep) {
  const std::string detail =
      observer_ == nullptr
          ? std::string()
          : absl::StrCat(AbslView(audio), after_beep ? " after_beep" : "");
  Entry* e = nullptr;
  absl::Status result = FindLive(call, &e);
  if (result.ok() && !e->truth.playback_requested) {
    CallTruth& c = e->truth;
    c.playback_requested = true;
    // The message replaces whatever was going to happen, except that a
    // person still waiting may hang up before it ends.
    for (TimerId id : e->timers) {
      if (id != e->patience_timer) clock_->Cancel(id);
    }
    e->timers.clear();
    if (e->patience_timer != 0) e->timers.push_back(e->patience_timer);
    const absl::Time now = clock_->Now();
    absl::Time start = now;
    if (after_beep && c.outcome == Outcome::kMachine) {
      start = std::max(now, c.beep_at);
    }
    c.voicemail_left = c.outcome == Outcome::kMachine && start >= c.beep_at;
    At(*e,
       start + (after_beep ? traits_.voicemail_message
                           : traits_.short_message),
       &SimulatedProvider::PlaybackDone);
  }
  return Record("play_and_hangup", call, detail, result);
}

void SimulatedProvider::Finish(Entry& e, CallEndStatus status,
                               absl::Duration duration,
                               ProviderEventType type) {
  CallTruth& c = e.truth;
  for (TimerId id : e.timers) clock_->Cancel(id);
  e.timers.clear();
  c.ended = true;
  c.ended_at = clock_->Now();
  c.end_status = status;
  --in_flight_;
  e.reported_duration = duration;
  // The event is built when it is delivered (at ended_at, the same
  // instant) from what the entry holds: the callback carries 16 bytes, not
  // a whole ProviderEvent that would need a heap allocation per call.
  const auto position = static_cast<uint32_t>(by_id_.Find(c.call_id));
  clock_->ScheduleAt(c.ended_at, [this, position, type] {
    const Entry& ended = entries_[position];
    ProviderEvent event = EventFor(ended.truth, type);
    event.at = ended.truth.ended_at;  // when it ended, as observed then
    event.status = ended.truth.end_status;
    event.duration = ended.reported_duration;
    if (type == ProviderEventType::kFailed) {
      event.error = {503, "simulated network failure"};
    }
    Deliver(std::move(event));
  });
}

void SimulatedProvider::Ringing(Entry& e) {
  Deliver(EventFor(e.truth, ProviderEventType::kRinging));
}

void SimulatedProvider::PickUp(Entry& e) {
  CallTruth& c = e.truth;
  const absl::Time now = clock_->Now();
  c.picked_up = true;
  c.answered_at = now;
  // Everything the far end will do is scheduled before the engine hears of
  // the answer, so that a command it sends in reply can override it.
  if (c.outcome == Outcome::kHuman) {
    c.greeting_end_at = now + c.latency;
    if (c.conference) {
      // Power mode: the agent is already there and hears the hello.
      c.connected_at = now;
      c.greeting_end_at = now;
      At(e, now + c.talk, &SimulatedProvider::ConversationOver);
    } else {
      e.patience_timer = At(e, c.greeting_end_at + c.patience,
                            &SimulatedProvider::PersonHangsUp);
    }
  } else {
    if (c.conference) c.connected_at = now;  // the agent hears the greeting
    c.beep_at = now + std::max(c.latency, traits_.machine_greeting);
    e.machine_timer = At(e, c.beep_at + traits_.machine_record_limit,
                         &SimulatedProvider::MachineHangsUp);
  }
  if (c.amd != AmdMode::kOff) {
    const bool message_end = c.amd == AmdMode::kDetectMessageEnd;
    const bool waits_for_beep = message_end && c.outcome == Outcome::kMachine &&
                                !c.detector_errs;
    At(e, waits_for_beep ? c.beep_at : now + c.latency,
       &SimulatedProvider::ReportAmd);
  }
  Deliver(EventFor(c, ProviderEventType::kAnswered));
}

AmdResult SimulatedProvider::Verdict(const CallTruth& c) const {
  const bool says_human = (c.outcome == Outcome::kHuman) != c.detector_errs;
  if (says_human) return AmdResult::kHuman;
  if (c.amd == AmdMode::kDetect) return AmdResult::kMachineStart;
  return c.outcome == Outcome::kMachine ? AmdResult::kMachineEndBeep
                                        : AmdResult::kMachineEndOther;
}

void SimulatedProvider::ReportAmd(Entry& e) {
  CallTruth& c = e.truth;
  ProviderEvent event = EventFor(c, ProviderEventType::kAmd);
  event.amd = Verdict(c);
  c.amd_reported = true;
  c.amd_said_machine = IsMachine(event.amd);
  Deliver(event);
}

void SimulatedProvider::PersonHangsUp(Entry& e) {
  e.truth.person_hung_up = true;
  Finish(e, CallEndStatus::kCompleted, absl::ZeroDuration());
}

void SimulatedProvider::Bridged(Entry& e) {
  CallTruth& c = e.truth;
  const absl::Time now = clock_->Now();
  c.connected_at = now;
  if (e.patience_timer != 0) {
    clock_->Cancel(e.patience_timer);
    e.patience_timer = 0;
  }
  // A machine keeps recording until its limit; a person talks.
  if (c.outcome == Outcome::kHuman) {
    At(e, now + c.talk, &SimulatedProvider::ConversationOver);
  }
  Deliver(EventFor(c, ProviderEventType::kBridged));
}

void SimulatedProvider::ConversationOver(Entry& e) {
  Finish(e, CallEndStatus::kCompleted, e.truth.talk);
}

void SimulatedProvider::MachineHangsUp(Entry& e) {
  const CallTruth& c = e.truth;
  const absl::Time now = clock_->Now();
  Finish(e, CallEndStatus::kCompleted,
         c.connected_at <= now ? now - c.connected_at : absl::ZeroDuration());
}

void SimulatedProvider::PlaybackDone(Entry& e) {
  const CallTruth& c = e.truth;
  const absl::Time now = clock_->Now();
  Deliver(EventFor(c, ProviderEventType::kPlaybackDone));
  if (e.truth.ended) return;
  Finish(e, CallEndStatus::kCompleted,
         c.connected_at <= now ? now - c.connected_at : absl::ZeroDuration());
}

void SimulatedProvider::RingOut(Entry& e) {
  Finish(e, CallEndStatus::kNoAnswer, absl::ZeroDuration());
}

void SimulatedProvider::BusySignal(Entry& e) {
  Finish(e, CallEndStatus::kBusy, absl::ZeroDuration());
}

void SimulatedProvider::NetworkFailure(Entry& e) {
  Finish(e, CallEndStatus::kFailed, absl::ZeroDuration(),
         ProviderEventType::kFailed);
}

}  // namespace dialer::sim
