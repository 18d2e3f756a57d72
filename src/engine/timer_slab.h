// The engine's pending timer callbacks, kept by the engine itself so that
// what it hands the clock is a 16-byte handle (inside AnyInvocable's inline
// storage: no heap allocation per timer).
//
// TimerSlab holds the callbacks in reusable slots; a handle names a slot
// and the slot's generation, so a stale handle (fired, cancelled, reused
// slot) never matches. TimerToken is the engine's liveness flag, shared by
// reference count with the handles the clock holds: a clock may run (or
// destroy) a handle after the engine is gone, and then the token says so.
//
// Not thread-safe: the engine uses the slab on its strand. The token's
// count and flag are atomic (a clock thread reads and releases them).
#ifndef DIALER_SRC_ENGINE_TIMER_SLAB_H_
#define DIALER_SRC_ENGINE_TIMER_SLAB_H_

#include <atomic>
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "dialer/clock.h"

namespace dialer::engine {

class EngineImpl;

class TimerSlab {
 public:
  // An engine timer handle: never 0.
  using Handle = uint64_t;

  // Keeps `fn` until Take(); its clock timer is set with SetClockId().
  Handle Add(absl::AnyInvocable<void()> fn) {
    uint32_t index;
    if (free_.empty()) {
      index = static_cast<uint32_t>(slots_.size());
      slots_.emplace_back();
    } else {
      index = free_.back();
      free_.pop_back();
    }
    Slot& slot = slots_[index];
    ++slot.generation;
    slot.pending = true;
    slot.clock_id = 0;
    slot.fn = std::move(fn);
    ++pending_;
    return (static_cast<uint64_t>(slot.generation) << 32) | (uint64_t{index} + 1);
  }

  // Records the clock's id of a pending timer (ignored when `h` is stale:
  // a clock thread may already have run it).
  void SetClockId(Handle h, TimerId clock_id) {
    if (Slot* slot = Find(h)) slot->clock_id = clock_id;
  }

  // Removes a pending timer: true and its callback and clock id, or false
  // (outputs untouched) when `h` is not pending.
  bool Take(Handle h, absl::AnyInvocable<void()>* fn, TimerId* clock_id) {
    Slot* slot = Find(h);
    if (slot == nullptr) return false;
    if (fn != nullptr) *fn = std::move(slot->fn);
    if (clock_id != nullptr) *clock_id = slot->clock_id;
    slot->fn = nullptr;
    slot->pending = false;
    free_.push_back(static_cast<uint32_t>((h & 0xffffffffu) - 1));
    --pending_;
    return true;
  }

  // Calls f(clock_id) for every pending timer and drops them all.
  template <typename F>
  void TakeAll(F&& f) {
    for (size_t i = 0; i < slots_.size(); ++i) {
      Slot& slot = slots_[i];
      if (!slot.pending) continue;
      f(slot.clock_id);
      slot.fn = nullptr;
      slot.pending = false;
      free_.push_back(static_cast<uint32_t>(i));
    }
    pending_ = 0;
  }

  size_t pending() const { return pending_; }

 private:
  struct Slot {
    absl::AnyInvocable<void()> fn;
    TimerId clock_id = 0;
    uint32_t generation = 0;
    bool pending = false;
  };

  Slot* Find(Handle h) {
    const uint64_t low = h & 0xffffffffu;
    if (low == 0 || low > slots_.size()) return nullptr;
    Slot& slot = slots_[low - 1];
    if (!slot.pending || slot.generation != static_cast<uint32_t>(h >> 32)) {
      return nullptr;
    }
    return &slot;
  }

  std::vector<Slot> slots_;
  std::vector<uint32_t> free_;
  size_t pending_ = 0;
};

// The engine's liveness, counted by reference: the engine holds one
// reference and every handle given to the clock another.
class TimerToken {
 public:
  // A counted reference (move-only, 8 bytes).
  class Ref {
   public:
    Ref() = default;
    explicit Ref(TimerToken* token) : token_(token) {
      if (token_ != nullptr) token_->refs_.fetch_add(1, std::memory_order_relaxed);
    }
    Ref(Ref&& other) noexcept : token_(std::exchange(other.token_, nullptr)) {}
    Ref& operator=(Ref&& other) noexcept {
      if (this != &other) {
        Release();
        token_ = std::exchange(other.token_, nullptr);
      }
      return *this;
    }
    Ref(const Ref&) = delete;
    Ref& operator=(const Ref&) = delete;
    ~Ref() { Release(); }

    TimerToken* get() const { return token_; }
    TimerToken* operator->() const { return token_; }

   private:
    void Release() {
      if (token_ != nullptr &&
          token_->refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        delete token_;
      }
      token_ = nullptr;
    }
    TimerToken* token_ = nullptr;
  };

  // A new token for `owner`, alive, whose only reference is the one
  // returned.
  static Ref Create(EngineImpl* owner) {
    Ref ref(new TimerToken(owner));
    ref->refs_.fetch_sub(1, std::memory_order_relaxed);  // Ref's own count
    return ref;
  }

  bool alive() const {
    return (state_.load(std::memory_order_acquire) & kDead) == 0;
  }
  // A clock thread about to call into the engine: false once the engine is
  // being destroyed. On true, call Leave() when the call has returned.
  bool Enter() {
    uint32_t s = state_.load(std::memory_order_acquire);
    while ((s & kDead) == 0) {
      if (state_.compare_exchange_weak(s, s + kOneFiring,
                                       std::memory_order_acq_rel)) {
        return true;
      }
    }
    return false;
  }
  void Leave() {
    const uint32_t s =
        state_.fetch_sub(kOneFiring, std::memory_order_acq_rel) - kOneFiring;
    if ((s & kDead) != 0 && s / kOneFiring == 0) state_.notify_all();
  }
  // Marks the engine gone for timers not yet entered.
  void Kill() { state_.fetch_or(kDead, std::memory_order_acq_rel); }
  // Kill(), then waits until no clock thread is inside the engine. Never
  // from a thread inside a timer (it would wait for itself).
  void KillAndWait() {
    uint32_t s = state_.fetch_or(kDead, std::memory_order_acq_rel) | kDead;
    while (s / kOneFiring != 0) {
      state_.wait(s, std::memory_order_acquire);
      s = state_.load(std::memory_order_acquire);
    }
  }
  // Clock threads inside the engine now (tests).
  uint32_t firing() const {
    return state_.load(std::memory_order_acquire) / kOneFiring;
  }
  // The engine; only to be used between a successful Enter() and Leave().
  EngineImpl* owner() const { return owner_; }

 private:
  static constexpr uint32_t kDead = 1;
  static constexpr uint32_t kOneFiring = 2;
  explicit TimerToken(EngineImpl* owner) : owner_(owner) {}
  EngineImpl* const owner_;
  std::atomic<int32_t> refs_{1};
  std::atomic<uint32_t> state_{0};  // kDead | firing * kOneFiring
};

}  // namespace dialer::engine

#endif  // DIALER_SRC_ENGINE_TIMER_SLAB_H_
