// The engine's per-contact runtime records (ContactRuntime), by ContactId,
// kept in a vector in the order they were added and found through an
// IdIndex: contacts are mostly dialed in the order they were added, so
// consecutive dials touch neighbouring records instead of a random slot of
// a hash map tens of megabytes large (see id_index.h).
//
// References and pointers to records stay valid until the next insertion
// (as with a vector, or a hash map's rehash); the engine never holds one
// across an insertion.
//
// Not thread-safe: the engine touches it only on its strand.
#ifndef DIALER_ENGINE_CONTACT_TABLE_H_
#define DIALER_ENGINE_CONTACT_TABLE_H_

#include <cstddef>
#include <vector>

#include "dialer/types.h"
#include "core/id_index.h"

namespace dialer::engine {

// Record: default-constructible, with a ContactId member `id`.
template <typename Record>
class ContactTable {
 public:
  // Makes room for `n` more records, so adding a list does not move the
  // existing ones again and again.
  void Reserve(size_t n) { rows_.reserve(rows_.size() + n); }

  // The record of `id`, or nullptr.
  Record* Find(ContactId id) {
    const size_t i = index_.Find(id);
    return i == IdIndex::kNone ? nullptr : &rows_[i];
  }

  // The record of `id`, default-constructed with `id` set if it is new (the
  // semantics of a map's operator[]).
  Record& operator[](ContactId id) {
    if (Record* r = Find(id); r != nullptr) return *r;
    index_.Add(id);
    Record& r = rows_.emplace_back();
    r.id = id;
    return r;
  }

  size_t size() const { return rows_.size(); }
  bool dense() const { return index_.dense(); }

 private:
  std::vector<Record> rows_;  // in insertion order
  IdIndex index_;
};

}  // namespace dialer::engine

#endif  // DIALER_ENGINE_CONTACT_TABLE_H_
