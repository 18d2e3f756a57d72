// The engine's destruction against a timer already firing on another thread
// (a real clock fires on its own thread, as SystemClock does).
#include <atomic>
#include <latch>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "dialer/clock.h"
#include "dialer/engine.h"
#include "dialer/store.h"
#include "engine/engine_impl.h"
#include "gtest/gtest.h"
#include "tests/engine/fakes.h"

namespace dialer {
namespace {

using ::dialer::testing::FakeProvider;
using ::dialer::testing::RecordingSink;

// Tuesday 2026-03-10, 10:00 in New York (EDT): inside every calling window.
const absl::Time kTuesdayTenAmNewYork = absl::FromUnixSeconds(1773151200);

// Keeps what the engine schedules so a test can run it on a thread of its
// choosing; cancels nothing (a cancelled timer may still be running).
class HeldTimersClock : public Clock {
 public:
  absl::Time Now() override { return kTuesdayTenAmNewYork; }
  TimerId ScheduleAt(absl::Time, absl::AnyInvocable<void()> fn) override {
    std::lock_guard<std::mutex> lock(mu_);
    timers_.push_back(std::move(fn));
    return timers_.size();
  }
  bool Cancel(TimerId) override { return false; }
  absl::AnyInvocable<void()> Take() {
    std::lock_guard<std::mutex> lock(mu_);
    absl::AnyInvocable<void()> fn = std::move(timers_.front());
    timers_.erase(timers_.begin());
    return fn;
  }
  size_t size() {
    std::lock_guard<std::mutex> lock(mu_);
    return timers_.size();
  }

 private:
  std::mutex mu_;
  std::vector<absl::AnyInvocable<void()>> timers_;
};

TEST(EngineLifetimeTest, DestructionWaitsForATimerAlreadyFiring) {
  HeldTimersClock clock;
  FakeProvider provider;
  MemoryStore store;
  RecordingSink sink;
  auto created = Engine::Create({}, {&clock, &provider, &store, &sink});
  ASSERT_TRUE(created.ok()) << created.status();
  std::unique_ptr<Engine> engine = *std::move(created);
  auto* impl = static_cast<engine::EngineImpl*>(engine.get());
  CampaignConfig c;
  c.id = "c1";
  c.caller_ids = {"+12125550100"};
  ASSERT_TRUE(engine->AddCampaign(c).ok());
  Contact contact;
  contact.first_name = "Ada";
  contact.phone = "+12127341000";
  contact.time_zone = "America/New_York";
  ASSERT_TRUE(engine->AddContacts("c1", {contact}).ok());
  ASSERT_TRUE(engine->Login("alice", "c1").ok());
  ASSERT_TRUE(engine->Ready("alice").ok());
  ASSERT_GT(clock.size(), 0u);  // at least the placed call's guard
  absl::AnyInvocable<void()> timer = clock.Take();

  // A host thread holds the strand: its event callback blocks.
  std::latch inside_callback(1), release_callback(1);
  std::atomic<bool> block{true};
  sink.on_agent_state = [&](const AgentStateEvent&) {
    if (!block.exchange(false)) return;
    inside_callback.count_down();
    release_callback.wait();
  };
  std::thread host([&] { (void)engine->Break("alice", "lunch"); });
  inside_callback.wait();

  // The clock's thread enters the timer and waits for the strand.
  std::thread clock_thread([&] { timer(); });
  while (impl->TimersFiringForTesting() == 0) std::this_thread::yield();

  // The engine is destroyed meanwhile; no timer may enter from now on.
  std::thread destroyer([&] { engine.reset(); });
  while (impl->TimersAliveForTesting()) std::this_thread::yield();

  // The strand is released: the firing timer finds the engine gone and
  // leaves before the engine's memory is freed.
  release_callback.count_down();
  host.join();
  clock_thread.join();
  destroyer.join();
  EXPECT_EQ(engine, nullptr);
  // A timer run after the engine is gone does nothing.
  if (clock.size() > 0) clock.Take()();
}

}  // namespace
}  // namespace dialer
