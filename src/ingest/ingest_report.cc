#include "ingest/ingest_report.h"

#include "ingest/text_util.h"

namespace dialer::ingest {

std::string_view ToString(RowOutcome outcome) {
  switch (outcome) {
    case RowOutcome::kRejected:
      return "rejected";
    case RowOutcome::kDuplicate:
      return "duplicate";
    case RowOutcome::kWarning:
      return "warning";
  }
  return "unknown";
}

std::string_view ToString(IssueReason reason) {
  switch (reason) {
    case IssueReason::kMalformedRow:
      return "malformed_row";
    case IssueReason::kRaggedRow:
      return "ragged_row";
    case IssueReason::kMissingRequiredField:
      return "missing_required_field";
    case IssueReason::kInvalidPhone:
      return "invalid_phone";
    case IssueReason::kNotDialablePhone:
      return "not_dialable_phone";
    case IssueReason::kInvalidEmail:
      return "invalid_email";
    case IssueReason::kDuplicateInFile:
      return "duplicate_in_file";
    case IssueReason::kDuplicateExisting:
      return "duplicate_existing";
    case IssueReason::kDnc:
      return "dnc";
    case IssueReason::kPhoneDropped:
      return "phone_dropped";
    case IssueReason::kPhoneOnDnc:
      return "phone_on_dnc";
    case IssueReason::kUnrecognizedState:
      return "unrecognized_state";
    case IssueReason::kUnrecognizedZip:
      return "unrecognized_zip";
    case IssueReason::kUnrecognizedTimeZone:
      return "unrecognized_time_zone";
  }
  return "unknown";
}

std::string CsvEscape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(field);
  }
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string IssuesToCsv(const IngestReport& report) {
  std::string out = "line,column,outcome,reason,value,detail\n";
  for (const RowIssue& issue : report.issues) {
    out += Cat(issue.line, ",", CsvEscape(issue.column), ",",
                    ToString(issue.outcome), ",", ToString(issue.reason), ",",
                    CsvEscape(issue.value), ",", CsvEscape(issue.detail), "\n");
  }
  return out;
}

}  // namespace dialer::ingest
