// The contact ingest pipeline: one path for CSV uploads, API insertion and
// manual entry.
//
//   parse -> map columns -> normalise -> validate -> deduplicate -> DNC scrub
//   -> assign
//
// and the caller enqueues the resulting contacts (adds them to its store).
// The pipeline is pure: it reads only the bytes it is handed, and asks about
// existing contacts and DNC lists through the interfaces it is given. It
// streams: a CSV is read in chunks and only the accepted contacts (and the
// report) are held, never all rows.
//
// A file that cannot be read at all (I/O error, binary data, no header row,
// a mapping naming a missing column, no phone column while phone is
// required) fails as a whole with no result, so nothing from it gets written.
// Otherwise every data row is accounted for in the report:
// rows == accepted + rejected + duplicates.
//
// Not thread-safe: one Ingester per upload at a time. The collaborators must
// outlive it.
#ifndef DIALER_SRC_INGEST_INGESTER_H_
#define DIALER_SRC_INGEST_INGESTER_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "dialer/contact.h"
#include "ingest/dnc_checker.h"
#include "ingest/existing_contacts.h"
#include "ingest/ingest_options.h"
#include "ingest/ingest_report.h"
#include "ingest/phone_normalizer.h"

namespace dialer::ingest {

struct IngestProgress {
  int64_t rows_done = 0;
  int64_t bytes_read = 0;
  int64_t total_bytes = 0;  // as given by the caller; 0 when unknown
};

using ProgressCallback = std::function<void(const IngestProgress&)>;

struct IngestResult {
  // The accepted contacts, in input order, normalised and assigned; id 0.
  std::vector<Contact> contacts;
  IngestReport report;
};

// One record from the API or a form: (field or header name, value) pairs,
// named as a CSV header would be ("first_name", "Phone", "Mobile", ...).
using FieldValues = std::vector<std::pair<std::string, std::string>>;

class Ingester {
 public:
  // Fails if the options are inconsistent (unknown default region, bad
  // assignment rules). `existing` and `dnc` must outlive the Ingester.
  [[nodiscard]] static absl::StatusOr<Ingester> Create(
      IngestOptions options, const ExistingContacts& existing,
      const DncChecker& dnc);

  // Reads a CSV file from `in` to its end. `progress` (may be empty) is
  // called every options.progress_every_rows rows and once at the end;
  // `total_bytes` is passed through to it (the file size, 0 if unknown).
  [[nodiscard]] absl::StatusOr<IngestResult> IngestCsv(
      std::istream& in, const ProgressCallback& progress = {},
      int64_t total_bytes = 0);

  // Runs `records` through the same stages; record i is reported as line
  // i + 1. Each record is mapped by its own names (options.mapping applies).
  // Fails only when a record's names cannot be mapped (explicit mapping
  // naming an absent field is not an error here: it applies where present).
  [[nodiscard]] absl::StatusOr<IngestResult> IngestRecords(
      const std::vector<FieldValues>& records);

 private:
  Ingester(IngestOptions options, PhoneNormalizer phones,
           const ExistingContacts& existing, const DncChecker& dnc)
      : options_(std::move(options)),
        phones_(std::move(phones)),
        existing_(&existing),
        dnc_(&dnc) {}

  IngestOptions options_;
  PhoneNormalizer phones_;
  const ExistingContacts* existing_;
  const DncChecker* dnc_;
};

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_INGESTER_H_
