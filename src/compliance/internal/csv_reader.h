// Minimal RFC 4180 reader for the shared data files (quoted fields, doubled
// quotes, CRLF, newlines inside quotes).
//
// Not thread-safe: use one reader from one thread. The text must outlive it.
#ifndef DIALER_COMPLIANCE_INTERNAL_CSV_READER_H_
#define DIALER_COMPLIANCE_INTERNAL_CSV_READER_H_

#include <string>
#include <string_view>
#include <vector>

namespace dialer::compliance_internal {

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  // Reads the next record into *fields; returns false at end of text.
  // *line is the 1-based line on which the record starts. Blank lines are
  // skipped.
  bool Next(std::vector<std::string>* fields, int* line);

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace dialer::compliance_internal

#endif  // DIALER_COMPLIANCE_INTERNAL_CSV_READER_H_
