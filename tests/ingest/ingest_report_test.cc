#include "ingest/ingest_report.h"

#include "gtest/gtest.h"

namespace dialer::ingest {
namespace {

TEST(IngestReportTest, IssuesToCsvQuotesWhatNeedsIt) {
  IngestReport report;
  report.issues.push_back({7, "Email", RowOutcome::kRejected,
                           IssueReason::kInvalidEmail, "a,\"b\"@x", "not an email"});
  report.issues.push_back({9, "", RowOutcome::kDuplicate,
                           IssueReason::kDuplicateInFile, "", "same as line 2"});
  EXPECT_EQ(IssuesToCsv(report),
            "line,column,outcome,reason,value,detail\n"
            "7,Email,rejected,invalid_email,\"a,\"\"b\"\"@x\",not an email\n"
            "9,,duplicate,duplicate_in_file,,same as line 2\n");
}

TEST(IngestReportTest, ReasonNamesAreDistinct) {
  std::set<std::string_view> names;
  for (int r = 0; r <= static_cast<int>(IssueReason::kUnrecognizedTimeZone); ++r) {
    names.insert(ToString(static_cast<IssueReason>(r)));
  }
  EXPECT_EQ(names.size(),
            static_cast<size_t>(IssueReason::kUnrecognizedTimeZone) + 1);
  EXPECT_EQ(names.count("unknown"), 0u);
}

}  // namespace
}  // namespace dialer::ingest
