// Do-not-call scrubbing as the ingest pipeline sees it: is this number on a
// list, and which one.
//
// The compliance module owns the lists (national, state, internal); the
// pipeline only asks through this interface, so that it stays pure and can be
// tested with a small list. InternalDncList is a plain in-memory list for
// callers that have nothing else (tests, the CLI's --dnc file).
//
// Implementations must be callable from the thread running the pipeline.
#ifndef DIALER_SRC_INGEST_DNC_CHECKER_H_
#define DIALER_SRC_INGEST_DNC_CHECKER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"

namespace dialer::ingest {

class DncChecker {
 public:
  virtual ~DncChecker() = default;
  // The name of a list that holds `e164` ("national", "state:TX",
  // "internal"), or an empty view if no list does. `state` is the contact's
  // USPS state code (may be empty), for state lists.
  virtual std::string_view ListHolding(std::string_view e164,
                                       std::string_view state) const = 0;
};

// Never blocks anything.
class NoDncLists final : public DncChecker {
 public:
  std::string_view ListHolding(std::string_view, std::string_view) const override {
    return {};
  }
};

// An exact set of E.164 numbers under one list name. Not thread-safe while
// being filled; immutable (and thread-safe) afterwards.
class InternalDncList final : public DncChecker {
 public:
  explicit InternalDncList(std::string name = "internal")
      : name_(std::move(name)) {}

  // Adds `e164`. Fails, naming it, unless it has the E.164 shape.
  [[nodiscard]] absl::Status Add(std::string_view e164);
  size_t size() const { return numbers_.size(); }

  std::string_view ListHolding(std::string_view e164,
                               std::string_view state) const override;

 private:
  std::string name_;
  absl::flat_hash_set<uint64_t> numbers_;  // digits after '+', as a number
};

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_DNC_CHECKER_H_
