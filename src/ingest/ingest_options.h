// How an upload is read and judged: region for phone numbers, column mapping,
// required fields, the duplicate rule, assignment.
//
// A plain value.
#ifndef DIALER_SRC_INGEST_INGEST_OPTIONS_H_
#define DIALER_SRC_INGEST_INGEST_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ingest/assignment.h"
#include "ingest/column_mapping.h"
#include "ingest/phone_normalizer.h"

namespace dialer::ingest {

enum class DuplicatePolicy {
  // A row whose phone or email matches an earlier accepted row is skipped.
  kSkip,
  // ... is folded into the earlier contact: its further numbers become
  // alternates and its non-empty values fill the earlier contact's empty
  // fields. Existing contacts (already in the store) are never changed: a
  // row matching one is skipped under both policies.
  kMerge,
};

struct IngestOptions {
  PhoneNormalizer::Options phone;
  ExplicitMapping mapping;
  // Fields a row must have to be accepted. kPhone means "at least one valid,
  // dialable number in any phone column"; kFullName means a first or last
  // name.
  std::vector<ContactField> required = {ContactField::kPhone};
  DuplicatePolicy duplicates = DuplicatePolicy::kSkip;
  // Two rows with the same email are duplicates (phones always are).
  bool dedupe_by_email = true;
  AssignmentOptions assignment;
  char delimiter = ',';
  // Bytes read from the input at a time, and the longest quoted field
  // accepted before it is reported as unclosed.
  size_t chunk_bytes = size_t{1} << 20;
  size_t max_record_bytes = size_t{1} << 20;
  // Phone values remembered with their result, so that a value repeated in
  // the file (a company's main line, "N/A", a duplicate row) is parsed by
  // libphonenumber once. Exact: keyed by the trimmed text. The memo is
  // emptied when full; 0 turns it off.
  size_t phone_memo_entries = 65536;
  // Rows between two progress callbacks.
  int64_t progress_every_rows = 10000;
};

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_INGEST_OPTIONS_H_
