// Importing contact lists: how an upload (a CSV file, or records from an API
// or a form) is read and judged, and the report of what happened to every
// row. Engine::ImportContacts and Engine::ImportRecords take these.
//
// The pipeline behind them: parse -> map columns -> normalise (phones to
// E.164 with libphonenumber, emails, names, state/ZIP/zone) -> validate ->
// deduplicate (within the file, and against the contacts the engine already
// holds, by phone and by email) -> do-not-call scrub -> assign -> add.
// See docs/ingest.md and docs/import.md.
//
// Plain values: copyable, not thread-safe to mutate.
#ifndef DIALER_IMPORT_H_
#define DIALER_IMPORT_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "dialer/export.h"
#include "dialer/types.h"

namespace dialer {
inline namespace v1 {

// A rule handing contacts whose `field` has one of `values` to `agents`
// (round-robin) or to `team`. Rules are tried in order; the first match
// decides.
struct ImportTerritoryRule {
  // "state", "zip", "area_code" (of the primary number, NANP), "time_zone",
  // "company", "title", "email_domain", or any custom column name.
  std::string field;
  // Compared ignoring case; a value ending in '*' matches by prefix ("021*").
  std::vector<std::string> values;
  // Exactly one of the two.
  std::vector<std::string> agents;
  std::string team;  // recorded in Contact::fields["team"]
};

struct ImportOptions {
  // ISO 3166 region for numbers written without a country code.
  std::string default_region = "US";
  // Also refuse toll-free numbers (800, 888, ...).
  bool reject_toll_free = false;

  // Explicit column mapping, header text -> field name, overriding header
  // recognition for the columns it names. Field names: external_id,
  // first_name, last_name, full_name, phone, mobile_phone, direct_phone,
  // work_phone, home_phone, other_phone, email, company, title, state, zip,
  // time_zone, notes, talk_track, last_interaction, "ignore", or
  // "custom:<key>" (kept in Contact::fields[<key>]). Unknown names make the
  // import fail with InvalidArgument.
  std::vector<std::pair<std::string, std::string>> column_mapping;

  // Field names a row must have to be accepted. "phone" means at least one
  // valid, dialable number in any phone column; "full_name" means a first
  // or last name.
  std::vector<std::string> required_fields = {"phone"};

  enum class Duplicates {
    // A row whose phone or email matches an earlier row is skipped.
    kSkip,
    // ... is folded into the earlier row's contact (its numbers become
    // alternates, its values fill empty fields). A row matching a contact
    // the engine already holds is skipped under both rules.
    kMerge,
  };
  Duplicates duplicates = Duplicates::kSkip;
  // Two contacts with the same email are duplicates (phones always are).
  bool dedupe_by_email = true;

  // Assignment: territory rules, then round-robin over `round_robin_agents`
  // for contacts no rule matches (empty: they stay in the shared queue).
  std::vector<ImportTerritoryRule> territory_rules;
  std::vector<std::string> round_robin_agents;

  char delimiter = ',';
  // Rows between two progress callbacks.
  int64_t progress_every_rows = 10000;
};

// One record from an API or a form: (field or header name, value) pairs,
// named as a CSV header would be ("first_name", "Phone", "Mobile", ...).
using ImportRecord = std::vector<std::pair<std::string, std::string>>;

// One rejected, skipped or warned-about row.
struct ImportIssue {
  int64_t line = 0;     // physical line where the row starts (header is 1);
                        // record index + 1 for ImportRecords
  std::string column;   // header text; empty for whole-row problems
  std::string outcome;  // "rejected", "duplicate" or "warning"
  // "malformed_row", "ragged_row", "missing_required_field",
  // "invalid_phone", "not_dialable_phone", "invalid_email",
  // "duplicate_in_file", "duplicate_existing", "dnc", and the warnings
  // "phone_dropped", "phone_on_dnc", "unrecognized_state",
  // "unrecognized_zip", "unrecognized_time_zone".
  std::string reason;
  std::string value;   // the offending value as read
  std::string detail;  // human-readable explanation
};

// Every data row ends in exactly one of accepted, rejected or duplicates:
//   rows == accepted + rejected + duplicates.
// dnc is a subset of rejected, merged of duplicates.
struct DIALER_EXPORT ImportReport {
  int64_t rows = 0;
  int64_t accepted = 0;  // contacts added to the campaign
  int64_t rejected = 0;
  int64_t duplicates = 0;
  int64_t duplicates_in_file = 0;
  int64_t duplicates_existing = 0;  // matched a contact the engine holds
  int64_t merged = 0;
  int64_t dnc = 0;  // every number of the row is on a do-not-call list
  int64_t warnings = 0;
  int64_t blank_lines = 0;

  // Rows left after each stage, in pipeline order.
  struct Stages {
    int64_t parsed = 0;     // well-formed, with the header's field count
    int64_t validated = 0;  // normalised and validated
    int64_t unique = 0;     // after deduplication
    int64_t dnc_clear = 0;  // after the do-not-call scrub
  } stages;

  int64_t bytes = 0;
  std::string encoding;  // "utf-8", "windows-1252", ... as detected

  // In input order.
  std::vector<ImportIssue> issues;

  // The ids the accepted contacts got, in input order (empty when none
  // was accepted). Not part of ToJson(), whose keys are fixed.
  std::vector<ContactId> contact_ids;

  // The issues as CSV with a header row:
  // line,column,outcome,reason,value,detail (RFC 4180 quoting).
  std::string ToCsv() const;
  // One JSON object: the counts, "stages", "bytes", "encoding" and
  // "issues" (an array of objects with the ImportIssue members).
  std::string ToJson() const;
};

}  // namespace v1
}  // namespace dialer

#endif  // DIALER_IMPORT_H_
