// The engine's strand: the one logical thread that owns all engine state.
//
// Run(f) executes f with the strand held. From a thread that does not hold
// it, Run waits for it (a mutex) — so a host thread calling the facade gets
// its result synchronously. From the thread that already holds it (a host
// callback calling back into the engine), Run executes f at once
// (dispatch semantics), which is safe because the engine only calls out to
// hosts between steps, when its state is consistent.
//
// Thread-safe.
#ifndef DIALER_ENGINE_STRAND_H_
#define DIALER_ENGINE_STRAND_H_

#include <atomic>
#include <mutex>
#include <thread>
#include <utility>

namespace dialer::engine {

class Strand {
 public:
  bool HeldByThisThread() const {
    return owner_.load(std::memory_order_acquire) == std::this_thread::get_id();
  }

  // Runs `f` on the strand; `after` runs after f, still on the strand, only
  // for the outermost entry (the engine flushes host events there).
  template <typename F, typename After>
  auto Run(F&& f, After&& after) {
    if (HeldByThisThread()) return std::forward<F>(f)();
    std::lock_guard<std::mutex> lock(mu_);
    owner_.store(std::this_thread::get_id(), std::memory_order_release);
    struct Release {
      std::atomic<std::thread::id>& owner;
      ~Release() { owner.store(std::thread::id(), std::memory_order_release); }
    } release{owner_};
    if constexpr (std::is_void_v<decltype(f())>) {
      std::forward<F>(f)();
      after();
    } else {
      auto result = std::forward<F>(f)();
      after();
      return result;
    }
  }

 private:
  std::mutex mu_;
  std::atomic<std::thread::id> owner_{};
};

}  // namespace dialer::engine

#endif  // DIALER_ENGINE_STRAND_H_
