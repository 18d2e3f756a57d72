#include "queue/internal/due_index.h"

#include <algorithm>
#include <iterator>
#include <vector>

namespace dialer::queue_internal {

void DueIndex::AddFar(DueKey key) {
  far_[BucketOf(key.order)].keys.push_back(key);
  ++far_size_;
}

void DueIndex::insert(DueKey key) {
  if (!IsNear(key.order)) {
    AddFar(key);
    if (near_.empty()) Refill();
    return;
  }
  const uint64_t bucket = BucketOf(key.order);
  if (near_.empty() || bucket <= BucketOf(near_.begin()->order)) {
    near_.insert(key);
    return;
  }
  // The key is before the horizon but after near's first bucket: lower the
  // horizon to the key's bucket if that moves few near keys (see the
  // header), else file it in near.
  const uint64_t start = bucket << bucket_shift_;
  auto tail = near_.end();
  int moving = 0;
  while (moving <= kMaxMove) {
    auto prev = std::prev(tail);
    if (prev->order < start) break;
    tail = prev;
    ++moving;
  }
  if (moving > kMaxMove) {
    near_.insert(key);
    return;
  }
  for (auto it = tail; it != near_.end(); ++it) AddFar(*it);
  near_.erase(tail, near_.end());
  horizon_ = start;
  AddFar(key);
}

void DueIndex::erase(DueKey key) {
  if (IsNear(key.order)) {
    near_.erase(key);
    if (near_.empty()) Refill();
    return;
  }
  // Marked only; dropped when its bucket is sorted into near.
  ++far_[BucketOf(key.order)].erased;
  far_erased_.insert(key.order);
  --far_size_;
}

void DueIndex::pop_front() {
  near_.erase(near_.begin());
  if (near_.empty()) Refill();
}

void DueIndex::clear() {
  near_.clear();
  far_.clear();
  far_erased_.clear();
  far_size_ = 0;
  horizon_ = 0;
}

void DueIndex::Refill() {
  while (near_.empty() && !far_.empty()) {
    auto first = far_.begin();
    std::vector<DueKey> keys = std::move(first->second.keys);
    const int64_t erased = first->second.erased;
    horizon_ = (first->first + 1) << bucket_shift_;
    far_.erase(first);
    if (erased > 0) {
      keys.erase(std::remove_if(keys.begin(), keys.end(),
                                [this](const DueKey& k) {
                                  return far_erased_.erase(k.order) == 1;
                                }),
                 keys.end());
    }
    far_size_ -= static_cast<int64_t>(keys.size());
    std::sort(keys.begin(), keys.end());
    // Sorted, so each insert appends to near's last leaf.
    for (const DueKey& key : keys) near_.insert(near_.end(), key);
  }
}

int64_t DueIndex::CountBefore(uint64_t limit) const {
  // Walks from both ends at once: O(min(before, after)).
  const auto n = static_cast<int64_t>(near_.size());
  auto front = near_.begin();
  auto back = near_.end();
  int64_t ahead = 0;
  int64_t behind = 0;
  int64_t count = -1;
  while (ahead + behind < n) {
    if (front->order >= limit) break;
    ++front;
    ++ahead;
    if (ahead + behind == n) break;
    --back;
    if (back->order < limit) {
      count = n - behind;
      break;
    }
    ++behind;
  }
  if (count < 0) count = ahead;
  if (limit <= horizon_) return count;
  // Far: whole buckets before limit's bucket, then the keys of limit's own
  // bucket that are before it.
  const uint64_t limit_bucket = BucketOf(limit);
  for (const auto& [bucket, b] : far_) {
    if (bucket > limit_bucket) break;
    if (bucket < limit_bucket) {
      count += static_cast<int64_t>(b.keys.size()) - b.erased;
      continue;
    }
    for (const DueKey& k : b.keys) {
      count += k.order < limit && !(b.erased > 0 && far_erased_.contains(k.order));
    }
  }
  return count;
}

void DueIndex::ForEach(absl::FunctionRef<void(const DueKey&)> f) const {
  for (const DueKey& key : near_) f(key);
  for (const auto& [bucket, b] : far_) {
    for (const DueKey& key : b.keys) {
      if (b.erased > 0 && far_erased_.contains(key.order)) continue;
      f(key);
    }
  }
}

}  // namespace dialer::queue_internal
