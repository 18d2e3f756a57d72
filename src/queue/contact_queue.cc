#include "queue/contact_queue.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "core/absl_view.h"

namespace dialer::queue {
namespace {

constexpr int64_t kNever = std::numeric_limits<int64_t>::max();

}  // namespace

ContactQueue::ContactQueue() : ContactQueue(Options{}) {}

ContactQueue::ContactQueue(Options options) : options_(options) {
  owners_.emplace_back();  // OwnerId 0: the shared queue, name "".
  owner_index_.emplace("", 0);
}

ContactQueue::Seconds ContactQueue::DueSeconds(absl::Time t) {
  constexpr Seconds kLast = (Seconds{1} << (64 - kSeqBits)) - 1;
  const absl::Duration since_epoch = t - absl::UnixEpoch();
  Seconds s = absl::ToInt64Seconds(since_epoch);
  if (s < kLast && absl::Seconds(s) < since_epoch) ++s;
  return std::clamp<Seconds>(s, 0, kLast);
}

ContactQueue::Seconds ContactQueue::NowSeconds(absl::Time t) {
  // Before the epoch nothing is due (due times are clamped to >= 0).
  return std::max<Seconds>(absl::ToUnixSeconds(t), -1);
}

absl::Time ContactQueue::FromSeconds(Seconds s) {
  if (s == kNever) return absl::InfiniteFuture();
  return absl::FromUnixSeconds(s);
}

ContactQueue::OwnerId ContactQueue::InternOwner(std::string_view agent) {
  auto [it, inserted] =
      owner_index_.try_emplace(AbslView(agent), static_cast<OwnerId>(owners_.size()));
  if (inserted) owners_.emplace_back().name = std::string(agent);
  return it->second;
}

std::optional<ContactQueue::OwnerId> ContactQueue::FindOwner(
    std::string_view agent) const {
  auto it = owner_index_.find(AbslView(agent));
  if (it == owner_index_.end()) return std::nullopt;
  return it->second;
}

ContactQueue::LaneId ContactQueue::InternLane(OwnerId owner,
                                              WindowGroup group) {
  const uint64_t key = (uint64_t{owner} << 32) | group;
  auto [it, inserted] =
      lane_index_.try_emplace(key, static_cast<LaneId>(lanes_.size()));
  if (inserted) {
    assert(lanes_.size() < kMaxLanes);
    Lane& lane = lanes_.emplace_back();
    lane.owner = owner;
    lane.group = group;
    owners_[owner].lanes.push_back(it->second);
  }
  return it->second;
}

uint32_t ContactQueue::NextSeq() {
  if (next_seq_ >= std::min(options_.max_sequence, kSequenceLimit)) Renumber();
  return next_seq_++;
}

// Sequence numbers only order entries with equal due seconds, so
// renumbering them densely in their current order changes nothing
// observable.
void ContactQueue::Renumber() {
  constexpr Order kSeqMask = (Order{1} << kSeqBits) - 1;
  std::vector<std::pair<uint32_t, ContactId>> order;
  order.reserve(queued_);
  for (const Slot& slot : slots_) {
    if (!slot.record.queued) continue;
    order.emplace_back(static_cast<uint32_t>(slot.record.order & kSeqMask),
                       slot.id);
  }
  std::sort(order.begin(), order.end());
  for (Lane& lane : lanes_) {
    for (auto& set : lane.by_class) set.clear();
  }
  for (Owner& owner : owners_) {
    for (auto& heads : owner.heads) heads.clear();
  }
  uint32_t seq = 0;
  for (const auto& [old_seq, id] : order) {
    Record& record = slots_[FindSlot(id)].record;
    record.order = MakeOrder(DueOf(record.order), seq++);
    lanes_[record.lane].by_class[record.priority].insert(Key{record.order, id});
  }
  for (LaneId lane_id = 0; lane_id < lanes_.size(); ++lane_id) {
    const Lane& lane = lanes_[lane_id];
    if (lane.parked) continue;
    for (int p = 0; p < kPriorityCount; ++p) {
      if (lane.by_class[p].empty()) continue;
      owners_[lane.owner].heads[p].insert(
          Head{lane.by_class[p].front().order, lane_id});
    }
  }
  next_seq_ = seq;
}

void ContactQueue::Insert(ContactId id, LaneId lane_id, int priority,
                          Order order) {
  Lane& lane = lanes_[lane_id];
  auto& set = lane.by_class[priority];
  if (!lane.parked && (set.empty() || order < set.front().order)) {
    auto& heads = owners_[lane.owner].heads[priority];
    if (!set.empty()) heads.erase(Head{set.front().order, lane_id});
    heads.insert(Head{order, lane_id});
  }
  set.insert(Key{order, id});
  size_t slot = slot_of_.Find(id);
  if (slot == IdIndex::kNone) {
    slot = slots_.size();
    slot_of_.Add(id);
    slots_.emplace_back().id = id;
  }
  Slot& s = slots_[slot];
  if (!s.record.queued) ++queued_;
  s.record = Record{order, lane_id, static_cast<uint32_t>(priority), 1};
}

ContactQueue::Record ContactQueue::Erase(size_t slot) {
  Slot& s = slots_[slot];
  const ContactId id = s.id;
  const Record record = s.record;
  s.record.queued = 0;
  --queued_;
  Lane& lane = lanes_[record.lane];
  auto& set = lane.by_class[record.priority];
  if (set.front().order != record.order) {
    set.erase(Key{record.order, id});
    return record;
  }
  set.pop_front();
  if (!lane.parked) {
    auto& heads = owners_[lane.owner].heads[record.priority];
    heads.erase(Head{record.order, record.lane});
    if (!set.empty()) heads.insert(Head{set.front().order, record.lane});
  }
  return record;
}

void ContactQueue::Park(LaneId lane_id, Seconds reopen) {
  Lane& lane = lanes_[lane_id];
  Owner& owner = owners_[lane.owner];
  for (int p = 0; p < kPriorityCount; ++p) {
    if (lane.by_class[p].empty()) continue;
    owner.heads[p].erase(Head{lane.by_class[p].front().order, lane_id});
  }
  lane.parked = true;
  lane.reopen = reopen;
  owner.parked.insert(Parked{reopen, lane_id});
}

void ContactQueue::Unpark(LaneId lane_id) {
  Lane& lane = lanes_[lane_id];
  Owner& owner = owners_[lane.owner];
  owner.parked.erase(Parked{lane.reopen, lane_id});
  lane.parked = false;
  for (int p = 0; p < kPriorityCount; ++p) {
    if (lane.by_class[p].empty()) continue;
    owner.heads[p].insert(Head{lane.by_class[p].front().order, lane_id});
  }
}

void ContactQueue::UnparkDue(OwnerId owner_id, Seconds now) {
  auto& parked = owners_[owner_id].parked;
  while (!parked.empty() && parked.begin()->reopen <= now) {
    Unpark(parked.begin()->lane);
  }
}

Entry ContactQueue::MakeEntry(ContactId id, const Record& record,
                              LaneId lane_id) const {
  const Lane& lane = lanes_[lane_id];
  return Entry{id, static_cast<Priority>(record.priority),
               FromSeconds(DueOf(record.order)), owners_[lane.owner].name,
               lane.group};
}

ContactQueue::UpsertResult ContactQueue::Upsert(ContactId id,
                                                Priority priority,
                                                absl::Time due,
                                                std::string_view agent,
                                                WindowGroup group) {
  assert(id != 0);
  assert(due != absl::InfiniteFuture() && due != absl::InfinitePast());
  UpsertResult result = UpsertResult::kInserted;
  if (const size_t slot = FindSlot(id); slot != IdIndex::kNone) {
    if (slots_[slot].record.priority ==
            static_cast<uint32_t>(Priority::kCallback) &&
        priority != Priority::kCallback) {
      return UpsertResult::kKeptCallback;
    }
    Erase(slot);
    result = UpsertResult::kMoved;
  }
  const OwnerId owner = agent.empty() ? 0 : InternOwner(agent);
  const LaneId lane = InternLane(owner, group);
  const uint32_t seq = NextSeq();
  Insert(id, lane, static_cast<int>(priority), MakeOrder(DueSeconds(due), seq));
  return result;
}

bool ContactQueue::Remove(ContactId id) {
  const size_t slot = FindSlot(id);
  if (slot == IdIndex::kNone) return false;
  Erase(slot);
  return true;
}

bool ContactQueue::Contains(ContactId id) const {
  return FindSlot(id) != IdIndex::kNone;
}

std::optional<Entry> ContactQueue::Find(ContactId id) const {
  const size_t slot = FindSlot(id);
  if (slot == IdIndex::kNone) return std::nullopt;
  const Record& record = slots_[slot].record;
  return MakeEntry(id, record, record.lane);
}

std::optional<Entry> ContactQueue::PopDue(absl::Time now,
                                          std::string_view agent,
                                          ContactCheck contact_check) {
  return PopDue(
      now, agent, [](WindowGroup) { return Eligibility::Now(); },
      contact_check);
}

std::optional<Entry> ContactQueue::PopDue(absl::Time now,
                                          std::string_view agent,
                                          GroupCheck group_check,
                                          ContactCheck contact_check) {
  // `now` rounded down and dues rounded up: due <= now_s implies due <= now.
  const Seconds now_s = NowSeconds(now);
  const Order due_limit = MakeOrder(now_s + 1, 0);
  absl::InlinedVector<OwnerId, 2> owners;
  if (!agent.empty()) {
    if (auto own = FindOwner(agent)) owners.push_back(*own);
  }
  owners.push_back(0);
  for (OwnerId owner : owners) UnparkDue(owner, now_s);

  // Group answers of this call, so a group is asked once per call.
  absl::InlinedVector<std::pair<WindowGroup, Eligibility>, 8> groups_seen;
  auto group_answer = [&](WindowGroup group) {
    for (const auto& [g, answer] : groups_seen) {
      if (g == group) return answer;
    }
    Eligibility answer = group_check(group);
    groups_seen.emplace_back(group, answer);
    return answer;
  };
  auto not_before = [&](absl::Time t) {
    if (t == absl::InfiniteFuture()) return kNever;
    return std::max(DueSeconds(t), now_s + 1);
  };

  while (true) {
    const Head* best = nullptr;
    int best_class = 0;
    for (int p = 0; p < kPriorityCount && best == nullptr; ++p) {
      for (OwnerId owner : owners) {
        const auto& heads = owners_[owner].heads[p];
        if (!heads.empty() && heads.begin()->order < due_limit) {
          best = &*heads.begin();
          best_class = p;
          break;
        }
      }
    }
    if (best == nullptr) return std::nullopt;

    const LaneId lane_id = best->lane;
    const Eligibility group_ok = group_answer(lanes_[lane_id].group);
    if (!group_ok.eligible) {
      Park(lane_id, not_before(group_ok.retry_at));
      continue;
    }
    const OwnerId owner = lanes_[lane_id].owner;
    const ContactId id = lanes_[lane_id].by_class[best_class].front().contact;
    // The record is a likely cache miss on a large queue: load it while the
    // check (the gate, the number's history) runs.
    // (The index needs no look at the slot: no miss before the prefetch.)
    const size_t slot = slot_of_.Find(id);
    assert(slot != IdIndex::kNone && slots_[slot].record.queued);
    __builtin_prefetch(&slots_[slot]);
    const Eligibility contact_ok = contact_check(id);
    const Record record = Erase(slot);
    if (contact_ok.eligible) {
      // The next pop most likely takes the new best entry of this class:
      // start loading its record, a cache miss on a large queue.
      const auto& heads = owners_[owner].heads[best_class];
      if (!heads.empty()) {
        const size_t next = slot_of_.Find(
            lanes_[heads.begin()->lane].by_class[best_class].front().contact);
        if (next != IdIndex::kNone) __builtin_prefetch(&slots_[next]);
      }
      return MakeEntry(id, record, lane_id);
    }
    if (contact_ok.retry_at == absl::InfiniteFuture()) {
      ++dropped_;
      continue;
    }
    const Seconds retry = not_before(contact_ok.retry_at);
    const uint32_t seq = NextSeq();
    Insert(id, lane_id, best_class, MakeOrder(retry, seq));
  }
}

absl::Time ContactQueue::NextDue(std::string_view agent) const {
  Seconds next = kNever;
  auto consider = [&](OwnerId owner_id) {
    const Owner& owner = owners_[owner_id];
    for (const auto& heads : owner.heads) {
      if (!heads.empty()) next = std::min(next, DueOf(heads.begin()->order));
    }
    if (!owner.parked.empty()) {
      next = std::min(next, owner.parked.begin()->reopen);
    }
  };
  if (!agent.empty()) {
    if (auto own = FindOwner(agent)) consider(*own);
  }
  consider(0);
  return FromSeconds(next);
}

size_t ContactQueue::Reassign(std::string_view from, std::string_view to) {
  const std::optional<OwnerId> from_id = FindOwner(from);
  if (!from_id) return 0;
  const OwnerId to_id = InternOwner(to);
  if (*from_id == to_id) return 0;
  struct Moving {
    ContactId id;
    WindowGroup group;
    int priority;
    Order order;
  };
  std::vector<Moving> moving;
  for (LaneId lane_id : owners_[*from_id].lanes) {
    const Lane& lane = lanes_[lane_id];
    for (int p = 0; p < kPriorityCount; ++p) {
      lane.by_class[p].ForEach([&](const Key& key) {
        moving.push_back({key.contact, lane.group, p, key.order});
      });
    }
  }
  for (const Moving& m : moving) {
    Erase(FindSlot(m.id));
    Insert(m.id, InternLane(to_id, m.group), m.priority, m.order);
  }
  return moving.size();
}

void ContactQueue::ReopenGroups() {
  for (Owner& owner : owners_) {
    while (!owner.parked.empty()) Unpark(owner.parked.begin()->lane);
  }
}

Depth ContactQueue::depth(absl::Time now) const {
  const Seconds now_s = NowSeconds(now);
  const Order due_limit = MakeOrder(now_s + 1, 0);
  Depth depth;
  depth.dropped = dropped_;
  for (OwnerId owner_id = 0; owner_id < owners_.size(); ++owner_id) {
    const Owner& owner = owners_[owner_id];
    ClassDepths counts{};
    for (LaneId lane_id : owner.lanes) {
      const Lane& lane = lanes_[lane_id];
      for (int p = 0; p < kPriorityCount; ++p) {
        const auto& set = lane.by_class[p];
        const auto n = static_cast<int64_t>(set.size());
        // A lane whose reopen time has passed is only unparked by the next
        // PopDue(); it is not counted as closed any more.
        if (lane.parked && lane.reopen > now_s) {
          counts[p].window_closed += n;
          continue;
        }
        const int64_t due_now = set.CountBefore(due_limit);
        counts[p].due_now += due_now;
        counts[p].later += n - due_now;
      }
    }
    for (int p = 0; p < kPriorityCount; ++p) {
      depth.all[p].due_now += counts[p].due_now;
      depth.all[p].later += counts[p].later;
      depth.all[p].window_closed += counts[p].window_closed;
    }
    if (owner_id == 0) {
      depth.shared = counts;
      continue;
    }
    int64_t total = 0;
    for (const ClassDepth& c : counts) total += c.total();
    if (total > 0) depth.agents.emplace_back(owner.name, counts);
  }
  std::sort(depth.agents.begin(), depth.agents.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  return depth;
}

}  // namespace dialer::queue
