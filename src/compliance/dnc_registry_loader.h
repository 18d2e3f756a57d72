// Loads do-not-call registry files as the registry ships them.
//
// Format: one number per line. A line holds a 10-digit national number
// ("2125550100"); separators ' ', '-', '.', '(', ')', ',' and a leading
// "+1"/"1" are tolerated. An area-code file (the FTC ships one file per
// area code) may hold 7-digit local numbers: pass its area code and they are
// prefixed with it; a 10-digit line in such a file must then belong to that
// area code. Blank lines are skipped. Any other line is bad: it is counted,
// the first few are reported by line number, and loading goes on.
//
// Example:
//   DncSetBuilder builder;
//   DncRegistryParser parser(&builder, {.area_code = 0});
//   parser.Feed(chunk1); parser.Feed(chunk2); parser.Finish();
//   DncLoadReport report = parser.report();
//   DncSet national = std::move(builder).Build();
//
// Not thread-safe: one parser per file, used from one thread.
#ifndef DIALER_COMPLIANCE_DNC_REGISTRY_LOADER_H_
#define DIALER_COMPLIANCE_DNC_REGISTRY_LOADER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "compliance/dnc_set.h"

namespace dialer::compliance {

struct DncLoadReport {
  uint64_t lines = 0;      // lines read, blank ones included
  uint64_t good = 0;       // numbers added
  uint64_t bad = 0;        // lines rejected
  uint64_t bytes = 0;      // bytes consumed
  struct BadLine {
    uint64_t line = 0;
    std::string text;      // truncated to 40 characters
  };
  std::vector<BadLine> first_bad;  // at most kMaxBadLinesKept
  static constexpr size_t kMaxBadLinesKept = 10;
};

struct DncLoadOptions {
  // 200-999 for an area-code file; 0 for a file of 10-digit numbers.
  int area_code = 0;
  // Called every `progress_every_lines` lines and once at the end. May be
  // empty.
  std::function<void(const DncLoadReport&)> progress;
  uint64_t progress_every_lines = 10'000'000;
};

class DncRegistryParser {
 public:
  // REQUIRES: builder outlives the parser.
  DncRegistryParser(DncSetBuilder* builder, DncLoadOptions options);

  // Consumes the next piece of the file; lines may span pieces.
  void Feed(std::string_view chunk);
  // Ends the file (a last line without newline counts).
  void Finish();

  const DncLoadReport& report() const { return report_; }

 private:
  void Line(std::string_view line);

  DncSetBuilder* builder_;
  DncLoadOptions options_;
  DncLoadReport report_;
  std::string partial_;
};

// Reads a registry file from disk into `builder`. Errors: NotFound or
// Internal (I/O) naming the path; bad lines are not errors (see the report).
[[nodiscard]] absl::StatusOr<DncLoadReport> LoadDncRegistryFile(
    const std::string& path, DncSetBuilder* builder, DncLoadOptions options = {});

}  // namespace dialer::compliance

#endif  // DIALER_COMPLIANCE_DNC_REGISTRY_LOADER_H_
