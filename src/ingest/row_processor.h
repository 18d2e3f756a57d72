// The per-row stages of the ingest pipeline, after parsing: map, normalise,
// validate, deduplicate, DNC scrub, assign. Each row either becomes a contact
// in the result, or is counted and listed in the report as rejected or
// duplicate; see ingest_report.h for the counting rules.
//
// Internal to the ingest module (Ingester drives it). Not thread-safe.
#ifndef DIALER_SRC_INGEST_ROW_PROCESSOR_H_
#define DIALER_SRC_INGEST_ROW_PROCESSOR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "dialer/contact.h"
#include "ingest/assignment.h"
#include "ingest/column_mapping.h"
#include "ingest/dnc_checker.h"
#include "ingest/existing_contacts.h"
#include "ingest/ingest_options.h"
#include "ingest/ingest_report.h"
#include "ingest/phone_normalizer.h"

namespace dialer::ingest {

class RowProcessor {
 public:
  // All references must outlive the processor; results go to *contacts and
  // *report.
  RowProcessor(const IngestOptions& options, const PhoneNormalizer& phones,
               Assigner assigner, const ExistingContacts& existing,
               const DncChecker& dnc, std::vector<Contact>* contacts,
               IngestReport* report);

  // One well-formed row. REQUIRES: values.size() == mapping.columns().size().
  void Process(int64_t line, const ColumnMapping& mapping,
               const std::vector<std::string>& values);
  // A row the CSV reader could not split.
  void Malformed(int64_t line, std::string_view error);
  // A row whose field count differs from the header's.
  void Ragged(int64_t line, size_t fields, size_t expected);

 private:
  struct Number {
    std::string e164;
    std::string extension;
    std::string column;
  };
  struct Draft {
    Contact contact;
    std::vector<Number> numbers;  // valid, distinct, in column order
  };

  void AddIssue(int64_t line, std::string_view column, RowOutcome outcome,
                IssueReason reason, std::string_view value,
                std::string detail);
  // Returns false (and reports) if the row is rejected.
  bool MapAndValidate(int64_t line, const ColumnMapping& mapping,
                      const std::vector<std::string>& values, Draft* draft);
  // Index of an accepted contact sharing a phone or the email, or -1.
  int64_t FindInFile(const Draft& draft) const;
  bool FoundInStore(const Draft& draft, std::string* detail) const;
  // Drops numbers on a DNC list, each a warning. If `decides_row` and every
  // number was listed, the warnings become the row's rejection and the name
  // of the first list is returned; otherwise returns "".
  std::string ScrubDnc(int64_t line, Draft* draft, bool decides_row);
  void Merge(int64_t line, int64_t into, Draft* draft);
  void Index(int64_t contact_index, const Draft& draft);
  static void StoreNumbers(const std::vector<Number>& numbers, Contact* contact);

  const IngestOptions& options_;
  const PhoneNormalizer& phones_;
  Assigner assigner_;
  const ExistingContacts& existing_;
  const DncChecker& dnc_;
  std::vector<Contact>* contacts_;
  IngestReport* report_;

  // libphonenumber's answer for `raw`, from the memo when it has it.
  const NormalizedPhone& NormalizePhone(std::string_view raw);

  absl::flat_hash_map<std::string, NormalizedPhone> phone_memo_;
  NormalizedPhone unmemoized_;
  std::vector<int64_t> contact_lines_;  // line each accepted contact came from
  absl::flat_hash_map<uint64_t, uint32_t> by_phone_;
  absl::flat_hash_map<std::string, uint32_t> by_email_;
};

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_ROW_PROCESSOR_H_
