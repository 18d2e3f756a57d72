// The contact queue of one campaign: which contact to dial next.
//
// Every contact is in the queue at most once, in one priority class, with a
// due time (not offered before it), an optional agent reservation and a
// window group. PopDue() hands out the best contact that is due now and that
// the caller's eligibility hook accepts; contacts it rejects are filed again
// at the time the hook names.
//
// Order. Best = lowest Priority; within a class the asking agent's own
// reservations before the shared queue; then earliest due; then insertion
// order (every Upsert and every re-filing counts as an insertion).
//
// Window groups. Calling windows depend on the contact's candidate zones and
// state, so the engine gives each entry a WindowGroup: a small integer that
// the compliance side assigns to each distinct (zone set, state) combination.
// Its promise: when the group check says "group g not before T", no contact
// of g is eligible before T. The queue then parks the whole group (for that
// owner) until T in O(log n) and never looks at its contacts before T, so a
// closed time zone costs one hook call once, not one per contact. The contact check is still asked for every contact offered (it is
// the dial-time gate: DNC, per-contact caps, ...). See docs/queue.md.
//
// Times. Due times are kept to the second, rounded up: an entry due at
// 10:00:00.2 is offered from 10:00:01 on, never before its due time.
//
// Cost. Upsert, Remove, Contains: O(log n) amortized. PopDue: O(log n)
// amortized per candidate it looks at; it looks at one contact per
// rejection the hooks make and one lane per group found closed, and each
// rejected contact or group moves past `now`, so the same one is not looked
// at twice in a call. "Amortized": entries filed far ahead wait unsorted in
// time buckets, and the call that reaches a bucket sorts it (see
// queue/internal/due_index.h). depth(): see below.
// Memory: about 63 bytes per contact (hash slot plus a 16-byte key).
//
// Example:
//   ContactQueue q;
//   q.Upsert(42, Priority::kFresh, now, "", group_of_contact_42);
//   auto entry = q.PopDue(now, "agent-7", group_check, contact_check);
//   if (entry) { /* dial entry->contact */ }
//
// Thread-safety: not thread-safe; the engine's strand owns the queue.
#ifndef DIALER_QUEUE_CONTACT_QUEUE_H_
#define DIALER_QUEUE_CONTACT_QUEUE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/btree_set.h"
#include "absl/container/flat_hash_map.h"
#include "core/id_index.h"
#include "absl/functional/function_ref.h"
#include "absl/time/time.h"
#include "dialer/types.h"
#include "queue/internal/due_index.h"
#include "queue/priority.h"

namespace dialer::queue {

// Identifies a set of contacts that share their calling window (same
// candidate zones, same state rules). 0 is a valid group ("no grouping").
using WindowGroup = uint32_t;

// One queued contact, as PopDue() returns it.
struct Entry {
  ContactId contact = 0;
  Priority priority = Priority::kFresh;
  absl::Time due;
  std::string agent;  // the reservation; "" = shared queue
  WindowGroup group = 0;
};

// The answer of an eligibility hook at the `now` of the PopDue() call:
// eligible now, or not before `retry_at` (InfiniteFuture() = never).
struct Eligibility {
  bool eligible = true;
  absl::Time retry_at = absl::InfinitePast();

  static Eligibility Now() { return {true, absl::InfinitePast()}; }
  static Eligibility NotBefore(absl::Time t) { return {false, t}; }
  static Eligibility Never() { return {false, absl::InfiniteFuture()}; }
};

// Asked once per contact about to be offered. A rejection with a time
// re-files the contact (same class and reservation) at that time; Never()
// drops it from the queue.
using ContactCheck = absl::FunctionRef<Eligibility(ContactId)>;
// Asked about the group of a contact about to be offered, at most once per
// group per call (the answer holds for the agent's and the shared lanes).
// A rejection parks the group until its time (rounded up to the second);
// Never() parks it until ReopenGroups(). REQUIRES: the group stays closed
// until the time the check names.
using GroupCheck = absl::FunctionRef<Eligibility(WindowGroup)>;

// Counts of one priority class. due_now + later + window_closed = total.
struct ClassDepth {
  int64_t due_now = 0;        // due, in a group not known to be closed
  int64_t later = 0;          // due after `now`
  int64_t window_closed = 0;  // in a group closed at `now` (as last asked)
  int64_t total() const { return due_now + later + window_closed; }
};
using ClassDepths = std::array<ClassDepth, kPriorityCount>;  // by Priority

struct Depth {
  ClassDepths shared;  // the campaign's shared queue
  // Per agent with at least one reservation, sorted by agent.
  std::vector<std::pair<std::string, ClassDepths>> agents;
  ClassDepths all;  // shared plus every agent
  int64_t dropped = 0;  // contacts a contact check answered Never(), ever
};

class ContactQueue {
 public:
  static constexpr uint32_t kSequenceLimit = (1u << 30) - 1;
  struct Options {
    // Insertion numbers have 30 bits; after this many (at most 2^30) the
    // queue renumbers its entries (O(n log n), keeping their order).
    // Lowered only by tests. REQUIRES: more than the queue's size.
    uint32_t max_sequence = kSequenceLimit;
  };

  ContactQueue();
  explicit ContactQueue(Options options);
  ContactQueue(const ContactQueue&) = delete;
  ContactQueue& operator=(const ContactQueue&) = delete;
  ContactQueue(ContactQueue&&) = default;
  ContactQueue& operator=(ContactQueue&&) = default;

  enum class UpsertResult {
    kInserted,      // the contact was not in the queue
    kMoved,         // it was; it now has the new class/due/agent/group
    kKeptCallback,  // it holds a pending callback and `priority` is not
                    // kCallback: nothing changed (a retry, recycle or hot
                    // flag never pulls a promised callback earlier)
  };
  // Adds the contact, or moves it when it is already queued (a contact is in
  // the queue at most once). `agent` reserves it for that agent ("" =
  // shared). To replace a callback with another class, Remove() it first.
  // REQUIRES: id != 0; due is finite.
  UpsertResult Upsert(ContactId id, Priority priority, absl::Time due,
                      std::string_view agent = {}, WindowGroup group = 0);

  // Returns true iff the contact was queued (and is now removed).
  bool Remove(ContactId id);
  bool Contains(ContactId id) const;
  // The queued entry of `id`, if any.
  std::optional<Entry> Find(ContactId id) const;

  // Removes and returns the best entry (see the order above) with due <= now
  // among `agent`'s reservations and the shared queue that both hooks
  // accept; nullopt if there is none. Rejected entries are re-filed or
  // parked as described at ContactCheck and GroupCheck; a rejection whose
  // time is not after `now` is treated as the next second so the call ends.
  std::optional<Entry> PopDue(absl::Time now, std::string_view agent,
                              GroupCheck group_check,
                              ContactCheck contact_check);
  // Same, for callers without window groups: every group is open.
  std::optional<Entry> PopDue(absl::Time now, std::string_view agent,
                              ContactCheck contact_check);

  // A lower bound of the next time PopDue() for `agent` can return an entry
  // (the earliest due time of its and the shared open groups, or the
  // earliest time a parked group is asked again); InfiniteFuture() when
  // nothing could ever be offered. O(log n).
  absl::Time NextDue(std::string_view agent) const;

  // Moves every reservation of `from` to `to` ("" = shared queue), keeping
  // class and due: for an agent who logged out, so their callbacks are not
  // missed. Returns how many entries moved. O(k log n) for k entries.
  size_t Reassign(std::string_view from, std::string_view to);

  // Forgets every group closure, so each group is asked again (call it when
  // the compliance rules or holidays change).
  void ReopenGroups();

  // Counts per class, for the shared queue and each agent, split at `now`.
  // For the dashboard, not per dial: O(lanes + min(due now, later) +
  // buckets + one bucket) per group and class.
  Depth depth(absl::Time now) const;
  size_t size() const { return queued_; }
  bool empty() const { return queued_ == 0; }

 private:
  // Seconds since the Unix epoch; due times rounded up, `now` down.
  using Seconds = int64_t;
  using LaneId = uint32_t;
  using OwnerId = uint32_t;  // 0 = shared queue
  static constexpr uint32_t kMaxLanes = 1u << 24;
  static constexpr int kSeqBits = queue_internal::kSeqBits;

  // A 64-bit order: due second (34 bits, until the year 2514) above the
  // insertion number, so a btree key is 16 bytes (more keys per node, fewer
  // cache misses per operation at 10 M entries).
  using Order = uint64_t;
  static Order MakeOrder(Seconds due, uint32_t seq) {
    return (static_cast<uint64_t>(due) << kSeqBits) | seq;
  }
  static Seconds DueOf(Order order) {
    return static_cast<Seconds>(order >> kSeqBits);
  }

  struct Record {
    Order order;
    uint32_t lane : 24;
    uint32_t priority : 8;
    // Whether the contact is queued, in what would be padding: a slot
    // (below) is 24 bytes, not 32.
    uint32_t queued = 0;
  };
  using Key = queue_internal::DueKey;
  // A lane's best entry of one class, in its owner's head index.
  struct Head {
    Order order;
    LaneId lane;
    friend bool operator<(const Head& a, const Head& b) {
      return a.order != b.order ? a.order < b.order : a.lane < b.lane;
    }
  };
  struct Parked {
    Seconds reopen;
    LaneId lane;
    friend bool operator<(const Parked& a, const Parked& b) {
      return a.reopen != b.reopen ? a.reopen < b.reopen : a.lane < b.lane;
    }
  };
  // The entries of one owner in one window group.
  struct Lane {
    OwnerId owner;
    WindowGroup group;
    bool parked = false;
    Seconds reopen = 0;
    std::array<queue_internal::DueIndex, kPriorityCount> by_class;
  };
  struct Owner {
    std::string name;
    std::array<absl::btree_set<Head>, kPriorityCount> heads;  // open lanes
    absl::btree_set<Parked> parked;
    std::vector<LaneId> lanes;
  };

  static Seconds DueSeconds(absl::Time t);  // rounded up, clamped to 0..2^34
  static Seconds NowSeconds(absl::Time t);  // rounded down
  static absl::Time FromSeconds(Seconds s);

  OwnerId InternOwner(std::string_view agent);
  std::optional<OwnerId> FindOwner(std::string_view agent) const;
  LaneId InternLane(OwnerId owner, WindowGroup group);
  uint32_t NextSeq();
  void Renumber();

  // Files the entry; `id` must not be queued.
  void Insert(ContactId id, LaneId lane, int priority, Order order);
  // Unfiles the entry and forgets it; returns what it was.
  Record Erase(size_t slot);
  // The slot of a queued contact, or IdIndex::kNone.
  size_t FindSlot(ContactId id) const {
    const size_t slot = slot_of_.Find(id);
    return slot != IdIndex::kNone && slots_[slot].record.queued ? slot : IdIndex::kNone;
  }
  void Park(LaneId lane, Seconds reopen);
  void Unpark(LaneId lane);
  void UnparkDue(OwnerId owner, Seconds now);
  Entry MakeEntry(ContactId id, const Record& record, LaneId lane) const;

  Options options_;
  // Each contact ever queued keeps a slot (the engine's contacts are never
  // forgotten either); its ids come 1, 2, 3, ... from the store, so
  // IdIndex finds the slot by a subtraction instead of a hash probe, and a
  // record is one cache line read, not a control byte and a slot.
  struct Slot {
    Record record;  // record.queued: the contact is in the queue
    ContactId id = 0;
  };
  static_assert(sizeof(Slot) == 24);
  IdIndex slot_of_;
  std::vector<Slot> slots_;
  size_t queued_ = 0;
  std::vector<Lane> lanes_;
  absl::flat_hash_map<uint64_t, LaneId> lane_index_;  // (owner, group)
  std::vector<Owner> owners_;
  absl::flat_hash_map<std::string, OwnerId> owner_index_;
  uint32_t next_seq_ = 0;
  int64_t dropped_ = 0;
};

}  // namespace dialer::queue

#endif  // DIALER_QUEUE_CONTACT_QUEUE_H_
