// The provider of a replayed day: answers each command the engine gives
// with the answer the simulated provider gave in the recording, after
// checking that it is the recorded command (same kind, call, time and
// arguments). It never delivers events itself; the replay driver
// (sim/replayer.h) hands the recorded events to listener().
//
// A command that differs from the recording, or one more than it holds, is
// a divergence: the provider answers it with the error and keeps the first
// one in divergence(), which names both commands.
//
// Not thread-safe (one replay runs on one thread).
#ifndef DIALER_SIM_REPLAY_PROVIDER_H_
#define DIALER_SIM_REPLAY_PROVIDER_H_

#include <cstddef>
#include <vector>

#include "absl/status/status.h"
#include "dialer/clock.h"
#include "dialer/telephony.h"
#include "sim/replay_recording.h"

namespace dialer::sim {

class ReplayProvider final : public TelephonyProvider {
 public:
  // `expected` and `clock` must outlive the provider.
  ReplayProvider(const std::vector<ProviderCommand>& expected, Clock* clock)
      : expected_(expected), clock_(clock) {}

  void SetListener(ProviderEventListener* listener) override {
    listener_ = listener;
  }
  ProviderEventListener* listener() const { return listener_; }

  absl::Status PlaceCall(const DialRequest& request) override;
  absl::Status CancelCall(CallId call) override;
  absl::Status Hangup(CallId call) override;
  absl::Status Bridge(CallId call, std::string_view conference) override;
  absl::Status PlayAndHangup(CallId call, std::string_view audio,
                             bool after_beep) override;
  absl::Status SetParticipant(std::string_view conference,
                              std::string_view participant,
                              ParticipantRole role) override;

  // OK, or the first difference from the recording.
  const absl::Status& divergence() const { return divergence_; }
  // Commands given so far.
  size_t given() const { return next_; }

 private:
  // The recorded answer when `actual` is the next recorded command, the
  // divergence otherwise.
  absl::Status Answer(const ProviderCommand& actual);
  // The next recorded command if it has `kind` and `call` (the cheap test
  // first), else null.
  const ProviderCommand* Next(ProviderCommand::Kind kind, CallId call) const;
  absl::Status Diverged(const ProviderCommand& actual);
  // A command that names only a call (cancel, hang up).
  absl::Status CallOnly(ProviderCommand::Kind kind, CallId call);

  const std::vector<ProviderCommand>& expected_;
  Clock* const clock_;
  ProviderEventListener* listener_ = nullptr;
  size_t next_ = 0;
  absl::Status divergence_;
};

}  // namespace dialer::sim

#endif  // DIALER_SIM_REPLAY_PROVIDER_H_
