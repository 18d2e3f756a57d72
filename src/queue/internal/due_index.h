// The entries of one lane and class of the contact queue, in due order: an
// ordered set of (order, contact) keys, where `order` is the due second
// above a 30-bit insertion number (see ContactQueue).
//
// Why not one btree: a put-back files a contact at a random time 30 min to
// a day ahead, so an insert into a 10 M-entry btree lands on a random leaf
// and pays several cache misses on the way down. Here the keys due before a
// horizon are an exact btree (`near`), and the keys due later are kept in
// buckets of 2^bucket_bits seconds (`far`), unsorted: an insert into `far`
// appends to its bucket's vector, whose end is one of a few hundred cache
// lines that stay hot. When `near` runs empty, the first bucket of `far` is
// sorted into it, and the horizon moves to that bucket's end. Every near
// key is due before every far key, so front() is always near's first key
// and the order seen from outside is exactly the order of a single set.
// A key filed before the horizon but after near's first bucket lowers the
// horizon to its own bucket when at most kMaxMove near keys lie beyond it
// (they move to far), so `near` stays about one bucket even when keys
// arrive out of order. Erasing a far key only marks it (a hash set of
// erased orders); the mark is dropped when its bucket is sorted into near.
//
// Cost: insert and erase O(log n) (an insert moves at most kMaxMove keys);
// a call that empties `near` also sorts far's first bucket into it
// (O(k log k) for its k keys). A key moves from far to near at most once
// per insertion into far, so that is O(log n) amortized, but one call can
// take a whole bucket's worth (e.g. a 512 s bucket into which a million
// fresh contacts were filed).
//
// Not thread-safe.
#ifndef DIALER_QUEUE_INTERNAL_DUE_INDEX_H_
#define DIALER_QUEUE_INTERNAL_DUE_INDEX_H_

#include <cstddef>
#include <cstdint>

#include <vector>

#include "absl/container/btree_map.h"
#include "absl/container/btree_set.h"
#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "dialer/types.h"

namespace dialer::queue_internal {

inline constexpr int kSeqBits = 30;

struct DueKey {
  uint64_t order;  // due second << kSeqBits | insertion number
  ContactId contact;
  friend bool operator<(const DueKey& a, const DueKey& b) {
    return a.order < b.order;
  }
};

class DueIndex {
 public:
  // Buckets of 2^9 = 512 s: a day ahead is 169 buckets per index.
  static constexpr int kDefaultBucketBits = 9;
  explicit DueIndex(int bucket_bits = kDefaultBucketBits)
      : bucket_shift_(kSeqBits + bucket_bits) {}

  bool empty() const { return near_.empty(); }  // near is empty only if far is
  size_t size() const {
    return near_.size() + static_cast<size_t>(far_size_);
  }
  // The first key. REQUIRES: !empty().
  const DueKey& front() const { return *near_.begin(); }

  // REQUIRES: no key with the same order is in the index.
  void insert(DueKey key);
  // REQUIRES: `key` is in the index.
  void erase(DueKey key);
  void pop_front();
  void clear();

  // Number of keys with order < limit. O(min(before, after) + buckets +
  // one bucket's keys).
  int64_t CountBefore(uint64_t limit) const;
  // Calls `f` on every key, in no particular order.
  void ForEach(absl::FunctionRef<void(const DueKey&)> f) const;

 private:
  struct Bucket {
    std::vector<DueKey> keys;  // in no order; includes erased ones
    int64_t erased = 0;
  };
  // Most near keys an insert moves back to far to lower the horizon.
  static constexpr int kMaxMove = 64;
  uint64_t BucketOf(uint64_t order) const { return order >> bucket_shift_; }
  bool IsNear(uint64_t order) const { return order < horizon_; }
  void AddFar(DueKey key);
  // Restores "near is empty only if far holds nothing": sorts far's first
  // bucket with a key that is not erased into near.
  void Refill();

  int bucket_shift_;
  // Every near key has order < horizon_ <= every far key's order; horizon_
  // is the first order of a bucket.
  uint64_t horizon_ = 0;
  absl::btree_set<DueKey> near_;
  absl::btree_map<uint64_t, Bucket> far_;  // by bucket number
  int64_t far_size_ = 0;                   // not erased
  absl::flat_hash_set<uint64_t> far_erased_;  // orders
};

}  // namespace dialer::queue_internal

#endif  // DIALER_QUEUE_INTERNAL_DUE_INDEX_H_
