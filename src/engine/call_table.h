// The engine's calls by CallId, with the part of a map's interface the
// engine uses (find, end, at, emplace, iteration over (id, call) pairs).
//
// The engine numbers its calls 1, 2, 3, ... and keeps every call for the
// day (late provider events must still find theirs), so a hash map would
// hold tens of thousands of entries and every provider event would pay a
// cache miss to find its call; here the entries sit in a vector in id
// order, found through an IdIndex (see id_index.h), and recent calls are
// neighbours. Calls are never removed.
//
// Iterators, references and pointers to entries stay valid until the next
// emplace (the Call objects themselves never move).
//
// Not thread-safe: the engine touches it only on its strand.
#ifndef DIALER_ENGINE_CALL_TABLE_H_
#define DIALER_ENGINE_CALL_TABLE_H_

#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

#include "dialer/types.h"
#include "core/id_index.h"

namespace dialer::engine {

template <typename CallT>
class CallTable {
 public:
  using value_type = std::pair<const CallId, std::unique_ptr<CallT>>;
  using iterator = typename std::vector<value_type>::iterator;

  iterator begin() { return rows_.begin(); }
  iterator end() { return rows_.end(); }

  iterator find(CallId id) {
    const size_t i = index_.Find(id);
    return i == IdIndex::kNone ? rows_.end()
                               : rows_.begin() + static_cast<std::ptrdiff_t>(i);
  }
  bool contains(CallId id) const { return index_.Find(id) != IdIndex::kNone; }

  // As std::map::at: std::out_of_range when `id` is unknown.
  std::unique_ptr<CallT>& at(CallId id) {
    auto it = find(id);
    if (it == end()) throw std::out_of_range("CallTable::at: unknown call id");
    return it->second;
  }

  // Adds `call` under `id`; false (and nothing added) if `id` is taken.
  bool emplace(CallId id, std::unique_ptr<CallT> call) {
    if (contains(id)) return false;
    index_.Add(id);
    rows_.emplace_back(id, std::move(call));
    return true;
  }

  size_t size() const { return rows_.size(); }

 private:
  std::vector<value_type> rows_;  // in insertion order
  IdIndex index_;
};

}  // namespace dialer::engine

#endif  // DIALER_ENGINE_CALL_TABLE_H_
