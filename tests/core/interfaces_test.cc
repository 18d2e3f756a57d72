// The interfaces' destructors live in core; deleting through the interface
// must reach the implementation, and the documented defaults must hold.
#include <memory>
#include <string_view>

#include "dialer/clock.h"
#include "dialer/events.h"
#include "dialer/telephony.h"

#include "absl/status/status.h"
#include "gtest/gtest.h"

namespace dialer {
namespace {

class CountingProvider : public TelephonyProvider {
 public:
  explicit CountingProvider(int* destroyed) : destroyed_(destroyed) {}
  ~CountingProvider() override { ++*destroyed_; }
  void SetListener(ProviderEventListener*) override {}
  absl::Status PlaceCall(const DialRequest&) override {
    return absl::OkStatus();
  }
  absl::Status CancelCall(CallId) override { return absl::OkStatus(); }
  absl::Status Hangup(CallId) override { return absl::OkStatus(); }
  absl::Status Bridge(CallId, std::string_view) override {
    return absl::OkStatus();
  }
  absl::Status PlayAndHangup(CallId, std::string_view, bool) override {
    return absl::OkStatus();
  }

 private:
  int* destroyed_;
};

class CountingSink : public EventSink {
 public:
  explicit CountingSink(int* destroyed) : destroyed_(destroyed) {}
  ~CountingSink() override { ++*destroyed_; }

 private:
  int* destroyed_;
};

TEST(InterfacesTest, DeletingThroughTheInterfaceRunsTheImplementation) {
  int destroyed = 0;
  std::unique_ptr<TelephonyProvider> provider =
      std::make_unique<CountingProvider>(&destroyed);
  std::unique_ptr<EventSink> sink = std::make_unique<CountingSink>(&destroyed);
  provider.reset();
  sink.reset();
  EXPECT_EQ(destroyed, 2);
}

TEST(InterfacesTest, SetParticipantDefaultsToUnimplemented) {
  int destroyed = 0;
  CountingProvider provider(&destroyed);
  EXPECT_EQ(
      provider.SetParticipant("conf", "mgr", ParticipantRole::kListen).code(),
      absl::StatusCode::kUnimplemented);
}

TEST(InterfacesTest, EventSinkDefaultsAcceptEveryEvent) {
  int destroyed = 0;
  CountingSink sink(&destroyed);
  EventSink& base = sink;
  base.OnAgentState(AgentStateEvent{});
  base.OnScreenPop(ScreenPop{});
  base.OnCallEvent(CallEvent{});
  base.OnAlert(Alert{});
  base.OnLog(LogLevel::kInfo, "message");
  EXPECT_EQ(destroyed, 0);
}

}  // namespace
}  // namespace dialer
