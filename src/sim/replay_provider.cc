#include "sim/replay_provider.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"

namespace dialer::sim {
namespace {

std::string TimeText(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%E6SZ", t, absl::UTCTimeZone());
}

}  // namespace

const ProviderCommand* ReplayProvider::Next(ProviderCommand::Kind kind,
                                            CallId call) const {
  if (!divergence_.ok() || next_ >= expected_.size()) return nullptr;
  const ProviderCommand& e = expected_[next_];
  if (e.kind != kind || e.call != call || e.at != clock_->Now()) return nullptr;
  return &e;
}

absl::Status ReplayProvider::Diverged(const ProviderCommand& actual) {
  if (divergence_.ok()) {
    divergence_ = absl::FailedPreconditionError(absl::StrCat(
        "replay diverged at provider command #", next_ + 1, ": the engine gave ",
        Describe(actual), " at ", TimeText(actual.at), "; the recording has ",
        next_ < expected_.size()
            ? absl::StrCat(Describe(expected_[next_]), " at ",
                           TimeText(expected_[next_].at))
            : std::string("no more commands")));
  }
  return divergence_;
}

absl::Status ReplayProvider::Answer(const ProviderCommand& actual) {
  const ProviderCommand* e = Next(actual.kind, actual.call);
  if (e == nullptr || e->text != actual.text ||
      e->after_beep != actual.after_beep || e->role != actual.role ||
      e->request.to != actual.request.to) {
    return Diverged(actual);
  }
  ++next_;
  return e->status;
}

absl::Status ReplayProvider::PlaceCall(const DialRequest& request) {
  // The hot command: compared in place, the request copied only to report
  // a divergence.
  const ProviderCommand* e =
      Next(ProviderCommand::Kind::kPlaceCall, request.call_id);
  if (e != nullptr && e->request.to == request.to &&
      e->request.caller_id == request.caller_id &&
      e->request.ring_timeout == request.ring_timeout &&
      e->request.amd == request.amd &&
      e->request.conference == request.conference) {
    ++next_;
    return e->status;
  }
  ProviderCommand actual;
  actual.kind = ProviderCommand::Kind::kPlaceCall;
  actual.call = request.call_id;
  actual.at = clock_->Now();
  actual.request = request;
  return Diverged(actual);
}

absl::Status ReplayProvider::CallOnly(ProviderCommand::Kind kind,
                                      CallId call) {
  if (const ProviderCommand* e = Next(kind, call)) {
    ++next_;
    return e->status;
  }
  ProviderCommand actual;
  actual.kind = kind;
  actual.call = call;
  actual.at = clock_->Now();
  return Diverged(actual);
}

absl::Status ReplayProvider::CancelCall(CallId call) {
  return CallOnly(ProviderCommand::Kind::kCancelCall, call);
}

absl::Status ReplayProvider::Hangup(CallId call) {
  return CallOnly(ProviderCommand::Kind::kHangup, call);
}

absl::Status ReplayProvider::Bridge(CallId call, std::string_view conference) {
  ProviderCommand actual;
  actual.kind = ProviderCommand::Kind::kBridge;
  actual.call = call;
  actual.at = clock_->Now();
  actual.text = std::string(conference);
  return Answer(actual);
}

absl::Status ReplayProvider::PlayAndHangup(CallId call, std::string_view audio,
                                           bool after_beep) {
  ProviderCommand actual;
  actual.kind = ProviderCommand::Kind::kPlayAndHangup;
  actual.call = call;
  actual.at = clock_->Now();
  actual.text = std::string(audio);
  actual.after_beep = after_beep;
  return Answer(actual);
}

absl::Status ReplayProvider::SetParticipant(std::string_view conference,
                                            std::string_view participant,
                                            ParticipantRole role) {
  ProviderCommand actual;
  actual.kind = ProviderCommand::Kind::kSetParticipant;
  actual.at = clock_->Now();
  actual.text = std::string(conference);
  actual.request.to = std::string(participant);
  actual.role = role;
  return Answer(actual);
}

}  // namespace dialer::sim
