// What happened to every row of an upload: counts per stage, and one entry
// per problem with the row's line, the column and the reason.
//
// Nothing is lost: every data row (blank lines excepted) ends in exactly one
// of accepted, rejected or duplicates, so
//   rows == accepted + rejected + duplicates.
// `dnc` counts the rejected rows whose every number is on a do-not-call list
// (a subset of `rejected`); `merged` the duplicates folded into an earlier
// row (a subset of `duplicates`). Warnings (a value dropped from a row that
// was still accepted) are listed but do not change the row's outcome.
//
// A plain value: copyable, not thread-safe to mutate.
#ifndef DIALER_SRC_INGEST_INGEST_REPORT_H_
#define DIALER_SRC_INGEST_INGEST_REPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/column_mapping.h"
#include "ingest/text_decoder.h"

namespace dialer::ingest {

enum class RowOutcome {
  kRejected,
  kDuplicate,
  kWarning,  // the row was accepted without the value named
};

enum class IssueReason {
  kMalformedRow,          // CSV syntax (unclosed quote, text after a quote)
  kRaggedRow,             // field count differs from the header's
  kMissingRequiredField,
  kInvalidPhone,          // unparseable, or invalid in its region
  kNotDialablePhone,      // premium rate, pager, ... (see PhoneNormalizer)
  kInvalidEmail,
  kDuplicateInFile,
  kDuplicateExisting,
  kDnc,                   // every number of the row is on a DNC list
  // Warnings.
  kPhoneDropped,          // a further number was invalid or not dialable
  kPhoneOnDnc,            // a further number is on a DNC list
  kUnrecognizedState,
  kUnrecognizedZip,
  kUnrecognizedTimeZone,
};

std::string_view ToString(RowOutcome outcome);
std::string_view ToString(IssueReason reason);

struct RowIssue {
  int64_t line = 0;      // physical line where the row starts (header is 1)
  std::string column;    // header text; empty for whole-row problems
  RowOutcome outcome = RowOutcome::kRejected;
  IssueReason reason = IssueReason::kMalformedRow;
  std::string value;     // the offending value as read, if any
  std::string detail;    // human-readable explanation
};

struct StageCounts {
  int64_t rows = 0;        // data rows read (header and blank lines excluded)
  int64_t parsed = 0;      // well-formed rows with the header's field count
  int64_t validated = 0;   // rows that normalised and validated
  int64_t unique = 0;      // rows left after deduplication
  int64_t dnc_clear = 0;   // rows left after the DNC scrub
  int64_t accepted = 0;    // contacts produced (assignment rejects nothing)

  int64_t rejected = 0;
  int64_t duplicates = 0;
  int64_t duplicates_in_file = 0;
  int64_t duplicates_existing = 0;
  int64_t merged = 0;
  int64_t dnc = 0;
  int64_t warnings = 0;
  int64_t blank_lines = 0;
};

struct IngestReport {
  StageCounts counts;
  std::vector<RowIssue> issues;  // in input order
  TextEncoding encoding = TextEncoding::kUnknown;
  int64_t repaired_sequences = 0;
  int64_t bytes = 0;
  // Phone values normalised, and how many of them the memo answered.
  int64_t phone_values = 0;
  int64_t phone_memo_hits = 0;
  // Header text and the field each column fed.
  std::vector<std::pair<std::string, ColumnTarget>> columns;
};

// The issues as CSV: line,column,outcome,reason,value,detail, with a header
// row and RFC 4180 quoting.
std::string IssuesToCsv(const IngestReport& report);

// Quotes `field` for CSV when it holds a comma, quote or line break.
std::string CsvEscape(std::string_view field);

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_INGEST_REPORT_H_
