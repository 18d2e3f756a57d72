#include "ingest/ingester.h"

#include <set>
#include <sstream>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/ingest/dirty_csv.h"

namespace dialer::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class FakeExisting final : public ExistingContacts {
 public:
  absl::flat_hash_set<std::string> phones, emails;
  bool HasPhone(std::string_view e164) const override {
    return phones.contains(std::string(e164));
  }
  bool HasEmail(std::string_view email) const override {
    return emails.contains(std::string(email));
  }
};

struct IngestRun {
  absl::StatusOr<IngestResult> result;
  std::vector<IngestProgress> progress;
};

IngestRun IngestText(const std::string& text, IngestOptions options = {},
               const ExistingContacts* existing = nullptr,
               const DncChecker* dnc = nullptr) {
  static const NoExistingContacts kNone;
  static const NoDncLists kNoDnc;
  IngestRun run;
  absl::StatusOr<Ingester> ingester = Ingester::Create(
      std::move(options), existing ? *existing : kNone, dnc ? *dnc : kNoDnc);
  if (!ingester.ok()) {
    run.result = ingester.status();
    return run;
  }
  std::istringstream in(text);
  run.result = ingester->IngestCsv(
      in, [&](const IngestProgress& p) { run.progress.push_back(p); },
      static_cast<int64_t>(text.size()));
  return run;
}

const RowIssue* FindIssue(const IngestReport& report, int64_t line,
                          IssueReason reason) {
  for (const RowIssue& i : report.issues) {
    if (i.line == line && i.reason == reason) return &i;
  }
  return nullptr;
}

void ExpectNothingLost(const IngestReport& report) {
  const StageCounts& c = report.counts;
  EXPECT_EQ(c.rows, c.accepted + c.rejected + c.duplicates);
  std::set<int64_t> not_accepted;
  for (const RowIssue& i : report.issues) {
    if (i.outcome != RowOutcome::kWarning) not_accepted.insert(i.line);
  }
  EXPECT_EQ(static_cast<int64_t>(not_accepted.size()), c.rejected + c.duplicates);
}

TEST(IngesterTest, NormalizesAWholeRow) {
  const std::string csv =
      "\xEF\xBB\xBF" "First Name,Last Name,Company,Phone,Mobile,Email,State,Zip,Time Zone,Notes,Industry\r\n"
      "JOHN,MCDONALD,ACME WIDGETS LLC,(212) 234-5678 x12,415.234.5678, John.McDonald@Example.COM ,"
      "new york,2134,Eastern,\"Said \"\"call back\"\",\nafter lunch\",Finance\r\n";
  IngestRun run = IngestText(csv);
  ASSERT_TRUE(run.result.ok()) << run.result.status();
  const IngestResult& r = *run.result;
  ASSERT_EQ(r.contacts.size(), 1u);
  const Contact& c = r.contacts[0];
  EXPECT_EQ(c.first_name, "John");
  EXPECT_EQ(c.last_name, "McDonald");
  EXPECT_EQ(c.company, "Acme Widgets LLC");
  EXPECT_EQ(c.phone, "+12122345678");
  EXPECT_EQ(c.fields.at("phone_extension"), "12");
  EXPECT_THAT(c.alternate_phones, ElementsAre("+14152345678"));
  EXPECT_EQ(c.email, "john.mcdonald@example.com");
  EXPECT_EQ(c.state, "NY");
  EXPECT_EQ(c.zip, "02134");
  EXPECT_EQ(c.time_zone, "America/New_York");
  EXPECT_EQ(c.fields.at("notes"), "Said \"call back\",\nafter lunch");
  EXPECT_EQ(c.fields.at("Industry"), "Finance");
  EXPECT_EQ(r.report.encoding, TextEncoding::kUtf8Bom);
  EXPECT_EQ(r.report.counts.rows, 1);
  EXPECT_EQ(r.report.counts.accepted, 1);
  EXPECT_THAT(r.report.issues, IsEmpty());
}

TEST(IngesterTest, EveryRejectedRowIsReportedWithLineColumnAndReason) {
  const std::string csv =
      "Name,Phone,Cell,Email\n"
      "Ann Lee,212-234-5678,,ann@example.com\n"        // 2 accepted
      "Bob Ray,555-0100,,bob@example.com\n"             // 3 invalid phone
      "Cy Day,1-900-234-5678,,cy@example.com\n"         // 4 premium rate
      "Di Fox,,,di@example.com\n"                       // 5 no phone
      "Ed Gold,312-234-5678,,ed@@example.com\n"         // 6 bad email
      "Flo,312-234-5679\n"                              // 7 ragged
      "\"Gus\"x,312-234-5670,,\n"                       // 8 malformed
      "\n"                                               // 9 blank
      "Hal Ito,not a number,617-234-5678,hal@example.com\n"  // 10 accepted, warning
      "Ida Jo,212-234-5678,,\n";                        // 11 duplicate of 2
  IngestRun run = IngestText(csv);
  ASSERT_TRUE(run.result.ok()) << run.result.status();
  const IngestReport& report = run.result->report;
  EXPECT_EQ(report.counts.rows, 9);
  EXPECT_EQ(report.counts.blank_lines, 1);
  EXPECT_EQ(report.counts.accepted, 2);
  EXPECT_EQ(report.counts.rejected, 6);
  EXPECT_EQ(report.counts.duplicates, 1);
  ExpectNothingLost(report);

  const RowIssue* invalid = FindIssue(report, 3, IssueReason::kInvalidPhone);
  ASSERT_NE(invalid, nullptr);
  EXPECT_EQ(invalid->column, "Phone");
  EXPECT_EQ(invalid->value, "555-0100");
  EXPECT_NE(FindIssue(report, 4, IssueReason::kNotDialablePhone), nullptr);
  const RowIssue* missing = FindIssue(report, 5, IssueReason::kMissingRequiredField);
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->column, "phone");
  const RowIssue* email = FindIssue(report, 6, IssueReason::kInvalidEmail);
  ASSERT_NE(email, nullptr);
  EXPECT_EQ(email->column, "Email");
  EXPECT_NE(FindIssue(report, 7, IssueReason::kRaggedRow), nullptr);
  EXPECT_NE(FindIssue(report, 8, IssueReason::kMalformedRow), nullptr);
  const RowIssue* dropped = FindIssue(report, 10, IssueReason::kPhoneDropped);
  ASSERT_NE(dropped, nullptr);
  EXPECT_EQ(dropped->outcome, RowOutcome::kWarning);
  EXPECT_EQ(run.result->contacts[1].phone, "+16172345678");
  const RowIssue* dup = FindIssue(report, 11, IssueReason::kDuplicateInFile);
  ASSERT_NE(dup, nullptr);
  EXPECT_THAT(dup->detail, HasSubstr("line 2"));

  // Full names are split.
  EXPECT_EQ(run.result->contacts[0].first_name, "Ann");
  EXPECT_EQ(run.result->contacts[0].last_name, "Lee");
  // The CSV report lists every issue.
  const std::string csv_report = IssuesToCsv(report);
  EXPECT_THAT(csv_report, HasSubstr("3,Phone,rejected,invalid_phone,555-0100,"));
}

TEST(IngesterTest, PunctuationAloneIsAMissingPhone) {
  IngestRun run = IngestText("Phone,Mobile\n-,()\n");
  ASSERT_TRUE(run.result.ok());
  EXPECT_EQ(run.result->report.counts.rejected, 1);
  EXPECT_NE(FindIssue(run.result->report, 2, IssueReason::kMissingRequiredField), nullptr);
}

TEST(IngesterTest, FullNameForms) {
  IngestRun run = IngestText(
      "Full Name,Phone\n"
      "ANNA VAN DER BERG,212-234-5670\n"
      "\"Smith, Jane\",212-234-5671\n"
      "Mary Ann Lee Jr.,212-234-5672\n"
      "Cher,212-234-5673\n");
  ASSERT_TRUE(run.result.ok()) << run.result.status();
  const std::vector<Contact>& c = run.result->contacts;
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].first_name, "Anna");
  EXPECT_EQ(c[0].last_name, "van der Berg");
  EXPECT_EQ(c[1].first_name, "Jane");
  EXPECT_EQ(c[1].last_name, "Smith");
  EXPECT_EQ(c[2].first_name, "Mary Ann");
  EXPECT_EQ(c[2].last_name, "Lee Jr.");
  EXPECT_EQ(c[3].first_name, "Cher");
}

TEST(IngesterTest, DuplicatesMergeWhenAsked) {
  const std::string csv =
      "First Name,Phone,Mobile,Email,Company\n"
      "Ann,212-234-5678,,,\n"
      "ann,,212 234 5678,ANN@example.com,Acme Inc\n"
      "Annie,646-234-5678,,ann@example.com,\n";
  IngestOptions options;
  options.duplicates = DuplicatePolicy::kMerge;
  // Second row: same number in the Mobile column; third: same email.
  IngestRun run = IngestText(csv, options);
  ASSERT_TRUE(run.result.ok()) << run.result.status();
  ASSERT_EQ(run.result->contacts.size(), 1u);
  const Contact& c = run.result->contacts[0];
  EXPECT_EQ(c.first_name, "Ann");
  EXPECT_EQ(c.email, "ann@example.com");
  EXPECT_EQ(c.company, "Acme Inc");
  EXPECT_THAT(c.alternate_phones, ElementsAre("+16462345678"));
  EXPECT_EQ(run.result->report.counts.duplicates, 2);
  EXPECT_EQ(run.result->report.counts.merged, 2);
  ExpectNothingLost(run.result->report);

  IngestRun skip = IngestText(csv);
  ASSERT_TRUE(skip.result.ok());
  EXPECT_THAT(skip.result->contacts[0].alternate_phones, IsEmpty());
  EXPECT_EQ(skip.result->contacts[0].email, "");
  EXPECT_EQ(skip.result->report.counts.merged, 0);
}

TEST(IngesterTest, EmailDedupeCanBeTurnedOff) {
  IngestOptions options;
  options.dedupe_by_email = false;
  IngestRun run = IngestText("Phone,Email\n212-234-5678,a@b.com\n212-234-5679,a@b.com\n",
                       options);
  ASSERT_TRUE(run.result.ok());
  EXPECT_EQ(run.result->report.counts.accepted, 2);
}

TEST(IngesterTest, ContactsAlreadyInTheStoreAreDuplicates) {
  FakeExisting existing;
  existing.phones.insert("+12122345678");
  existing.emails.insert("known@example.com");
  IngestRun run = IngestText(
      "Phone,Email\n(212) 234-5678,\n312-234-5678,Known@Example.com\n"
      "415-234-5678,new@example.com\n",
      {}, &existing);
  ASSERT_TRUE(run.result.ok());
  const IngestReport& report = run.result->report;
  EXPECT_EQ(report.counts.duplicates_existing, 2);
  EXPECT_EQ(report.counts.accepted, 1);
  EXPECT_NE(FindIssue(report, 2, IssueReason::kDuplicateExisting), nullptr);
  EXPECT_NE(FindIssue(report, 3, IssueReason::kDuplicateExisting), nullptr);
  ExpectNothingLost(report);
}

TEST(IngesterTest, DncScrubRejectsFullyListedRowsAndDropsListedAlternates) {
  InternalDncList dnc("internal");
  ASSERT_TRUE(dnc.Add("+12122345678").ok());
  ASSERT_TRUE(dnc.Add("+13122345678").ok());
  IngestRun run = IngestText(
      "Phone,Mobile\n"
      "212-234-5678,\n"               // 2 rejected: only number listed
      "212-234-5678,415-234-5678\n"   // 3 accepted with the mobile
      "415-234-5679,312-234-5678\n",  // 4 accepted, alternate dropped
      {}, nullptr, &dnc);
  ASSERT_TRUE(run.result.ok());
  const IngestReport& report = run.result->report;
  EXPECT_EQ(report.counts.dnc, 1);
  EXPECT_EQ(report.counts.rejected, 1);
  EXPECT_EQ(report.counts.accepted, 2);
  const RowIssue* listed = FindIssue(report, 2, IssueReason::kDnc);
  ASSERT_NE(listed, nullptr);
  EXPECT_EQ(listed->outcome, RowOutcome::kRejected);
  EXPECT_THAT(listed->detail, HasSubstr("internal"));
  EXPECT_EQ(run.result->contacts[0].phone, "+14152345678");
  EXPECT_THAT(run.result->contacts[0].alternate_phones, IsEmpty());
  EXPECT_THAT(run.result->contacts[1].alternate_phones, IsEmpty());
  EXPECT_NE(FindIssue(report, 4, IssueReason::kPhoneOnDnc), nullptr);
  EXPECT_EQ(report.counts.warnings, 2);
  ExpectNothingLost(report);
}

TEST(IngesterTest, AssignsRoundRobinInInputOrder) {
  IngestOptions options;
  options.assignment.fallback_agents = {"ann", "bob"};
  IngestRun run = IngestText("Phone\n212-234-5670\n212-234-5671\n212-234-5672\n", options);
  ASSERT_TRUE(run.result.ok());
  std::vector<std::string> agents;
  for (const Contact& c : run.result->contacts) agents.push_back(c.assigned_agent);
  EXPECT_THAT(agents, ElementsAre("ann", "bob", "ann"));
}

TEST(IngesterTest, RequiredFieldsAreConfigurable) {
  IngestOptions options;
  options.required = {ContactField::kEmail, ContactField::kFullName};
  IngestRun run = IngestText("Email,Phone,First Name\na@b.com,,Al\n,212-234-5678,Bo\nc@d.com,,\n",
                       options);
  ASSERT_TRUE(run.result.ok()) << run.result.status();
  EXPECT_EQ(run.result->report.counts.accepted, 1);
  EXPECT_NE(FindIssue(run.result->report, 3, IssueReason::kMissingRequiredField), nullptr);
  EXPECT_NE(FindIssue(run.result->report, 4, IssueReason::kMissingRequiredField), nullptr);
}

TEST(IngesterTest, UnreadableInputFailsAsAWhole) {
  EXPECT_THAT(IngestText("").result.status().message(), HasSubstr("no header row"));
  EXPECT_THAT(IngestText("\n\n").result.status().message(), HasSubstr("no header row"));
  EXPECT_THAT(IngestText(std::string("P\0h\0o\0n\0e\0\n\0", 12)).result.status().message(),
              HasSubstr("NUL byte"));
  EXPECT_THAT(IngestText("Name,Email\nA,a@b.com\n").result.status().message(),
              HasSubstr("no phone column among the headers (Name, Email)"));
  EXPECT_THAT(IngestText("\"Phone\n").result.status().message(),
              HasSubstr("header row (line 1) is malformed"));
  IngestOptions options;
  options.mapping = {{"Cell", ColumnTarget{ContactField::kMobilePhone, ""}}};
  EXPECT_THAT(IngestText("Phone\n212-234-5678\n", options).result.status().message(),
              HasSubstr("'Cell'"));
  IngestOptions bad_region;
  bad_region.phone.default_region = "ZZ";
  EXPECT_FALSE(IngestText("Phone\n", bad_region).result.ok());
}

TEST(IngesterTest, ExplicitMappingMakesAnyColumnAPhone) {
  IngestOptions options;
  options.mapping = {{"Numero", ColumnTarget{ContactField::kPhone, ""}}};
  IngestRun run = IngestText("Numero\n212-234-5678\n", options);
  ASSERT_TRUE(run.result.ok()) << run.result.status();
  EXPECT_EQ(run.result->contacts[0].phone, "+12122345678");
}

TEST(IngesterTest, ProgressIsReportedWhileReading) {
  std::string csv = "Phone\n";
  for (int i = 0; i < 2500; ++i) csv += "212-234-" + std::to_string(1000 + i) + "\n";
  IngestOptions options;
  options.progress_every_rows = 1000;
  options.chunk_bytes = 4096;
  IngestRun run = IngestText(csv, options);
  ASSERT_TRUE(run.result.ok());
  ASSERT_EQ(run.progress.size(), 3u);
  EXPECT_EQ(run.progress[0].rows_done, 1000);
  EXPECT_EQ(run.progress[1].rows_done, 2000);
  EXPECT_LT(run.progress[0].bytes_read, run.progress[2].bytes_read);
  EXPECT_EQ(run.progress[2].rows_done, 2500);
  EXPECT_EQ(run.progress[2].bytes_read, static_cast<int64_t>(csv.size()));
  EXPECT_EQ(run.progress[2].total_bytes, static_cast<int64_t>(csv.size()));
}

// Encodes UTF-8 `text` as UTF-16LE with a byte-order mark.
std::string ToUtf16Le(std::string_view text) {
  std::string out = "\xFF\xFE";
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    uint32_t cp;
    int len;
    if (b < 0x80) { cp = b; len = 1; }
    else if (b < 0xE0) { cp = b & 0x1F; len = 2; }
    else if (b < 0xF0) { cp = b & 0x0F; len = 3; }
    else { cp = b & 0x07; len = 4; }
    for (int k = 1; k < len; ++k) cp = cp << 6 | (text[i + k] & 0x3F);
    i += len;
    auto unit = [&](uint32_t u) {
      out.push_back(static_cast<char>(u & 0xFF));
      out.push_back(static_cast<char>(u >> 8));
    };
    if (cp >= 0x10000) {
      unit(0xD800 + ((cp - 0x10000) >> 10));
      unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      unit(cp);
    }
  }
  return out;
}

TEST(IngesterTest, Utf16AndWindows1252FilesReadLikeUtf8) {
  const std::string utf8 = "Name,Phone\nJOSÉ GARCÍA,212-234-5678\n";
  IngestRun a = IngestText(ToUtf16Le(utf8));
  ASSERT_TRUE(a.result.ok()) << a.result.status();
  EXPECT_EQ(a.result->report.encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(a.result->contacts[0].first_name, "José");
  EXPECT_EQ(a.result->contacts[0].last_name, "García");
  IngestRun b = IngestText("Name,Phone\nJOS\xC9 GARC\xCD" "A,212-234-5678\n");
  ASSERT_TRUE(b.result.ok()) << b.result.status();
  EXPECT_EQ(b.result->report.encoding, TextEncoding::kWindows1252);
  EXPECT_EQ(b.result->contacts[0].last_name, "García");
}

TEST(IngesterTest, ApiRecordsGoThroughTheSameStages) {
  const NoExistingContacts existing;
  const NoDncLists dnc;
  absl::StatusOr<Ingester> ingester = Ingester::Create({}, existing, dnc);
  ASSERT_TRUE(ingester.ok());
  absl::StatusOr<IngestResult> r = ingester->IngestRecords({
      {{"first_name", "MARY"}, {"phone", "212 234 5678"}, {"email", "M@x.com"}},
      {{"first_name", "Dup"}, {"mobile_phone", "+1 212-234-5678"}},
      {{"first_name", "Nophone"}},
  });
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ(r->contacts.size(), 1u);
  EXPECT_EQ(r->contacts[0].first_name, "Mary");
  EXPECT_EQ(r->contacts[0].email, "m@x.com");
  EXPECT_EQ(r->report.counts.duplicates, 1);
  EXPECT_EQ(r->report.counts.rejected, 1);
  EXPECT_NE(FindIssue(r->report, 3, IssueReason::kMissingRequiredField), nullptr);
}

// The property the report promises, over generated dirty files: every row is
// accounted for exactly once, in any chunking and encoding.
TEST(IngesterPropertyTest, NoRowIsLostInDirtyFiles) {
  for (uint64_t seed = 1; seed <= 12; ++seed) {
    testing::DirtyCsv dirty = testing::GenerateDirtyCsv(
        {.rows = 400, .seed = seed, .unclosed_quote_at_end = seed % 3 == 0});
    IngestOptions options;
    options.duplicates = seed % 2 ? DuplicatePolicy::kSkip : DuplicatePolicy::kMerge;
    options.chunk_bytes = 1 << 16;
    IngestRun run = IngestText(dirty.text, options);
    ASSERT_TRUE(run.result.ok()) << "seed " << seed << ": " << run.result.status();
    const IngestReport& report = run.result->report;
    SCOPED_TRACE(::testing::Message() << "seed " << seed);
    EXPECT_EQ(report.counts.rows, dirty.rows);
    ExpectNothingLost(report);
    EXPECT_EQ(report.counts.rows - report.counts.parsed, dirty.broken_rows);
    EXPECT_GT(report.counts.accepted, 0);
    EXPECT_GT(report.counts.rejected, 0);
    EXPECT_GT(report.counts.duplicates, 0);
    EXPECT_EQ(static_cast<int64_t>(run.result->contacts.size()), report.counts.accepted);
    // Stage counts only shrink, and each drop is explained.
    const StageCounts& c = report.counts;
    EXPECT_EQ(c.parsed - c.validated + (c.rows - c.parsed) + c.dnc, c.rejected);
    EXPECT_EQ(c.validated - c.unique, c.duplicates);
    EXPECT_EQ(c.unique - c.dnc_clear, c.dnc);
    // Accepted contacts have distinct E.164 primaries.
    absl::flat_hash_set<std::string> primaries;
    for (const Contact& contact : run.result->contacts) {
      EXPECT_TRUE(contact.phone.starts_with("+")) << contact.phone;
      EXPECT_TRUE(primaries.insert(contact.phone).second) << contact.phone;
    }

    // Without the phone memo, or with one that keeps emptying, the outcome
    // is the same.
    for (size_t memo : {size_t{0}, size_t{3}}) {
      IngestOptions no_memo = options;
      no_memo.phone_memo_entries = memo;
      IngestRun plain = IngestText(dirty.text, no_memo);
      ASSERT_TRUE(plain.result.ok());
      EXPECT_EQ(plain.result->report.counts.accepted, c.accepted);
      EXPECT_EQ(plain.result->report.issues.size(), report.issues.size());
      EXPECT_EQ(plain.result->report.phone_values, report.phone_values);
      if (memo == 0) {
        EXPECT_EQ(plain.result->report.phone_memo_hits, 0);
      }
    }
    EXPECT_GT(report.phone_memo_hits, 0);

    // Tiny chunks and UTF-16 give the same outcome.
    IngestOptions tiny = options;
    tiny.chunk_bytes = 7;
    IngestRun chunked = IngestText(dirty.text, tiny);
    ASSERT_TRUE(chunked.result.ok());
    EXPECT_EQ(chunked.result->report.counts.accepted, c.accepted);
    EXPECT_EQ(chunked.result->report.issues.size(), report.issues.size());
    IngestRun utf16 = IngestText(ToUtf16Le(dirty.text), options);
    ASSERT_TRUE(utf16.result.ok());
    EXPECT_EQ(utf16.result->report.counts.rows, c.rows);
    EXPECT_EQ(utf16.result->report.counts.accepted, c.accepted);
    EXPECT_EQ(utf16.result->report.counts.duplicates, c.duplicates);
  }
}

}  // namespace
}  // namespace dialer::ingest
