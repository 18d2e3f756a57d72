#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "dialer/engine.h"
#include "dialer/import.h"
#include "dialer/manual_clock.h"
#include "dialer/store.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/fakes.h"

namespace dialer {
namespace {

using ::dialer::testing::FakeProvider;
using ::dialer::testing::RecordingSink;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

// Tuesday 2026-03-10, 10:00 in New York (EDT): inside every calling window.
const absl::Time kTuesdayTenAmNewYork = absl::FromUnixSeconds(1773151200);

class ContactImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock_ = std::make_unique<ManualClock>(kTuesdayTenAmNewYork);
    auto engine = Engine::Create({}, {clock_.get(), &provider_, &store_, &sink_});
    ASSERT_TRUE(engine.ok()) << engine.status();
    engine_ = *std::move(engine);
    CampaignConfig config;
    config.id = "c1";
    config.caller_ids = {"+12125550100"};
    config.auto_advance_delay = absl::Seconds(2);
    ASSERT_TRUE(engine_->AddCampaign(config).ok());
  }

  absl::StatusOr<ImportReport> Import(const std::string& csv,
                                      const ImportOptions& options = {}) {
    std::istringstream in(csv);
    return engine_->ImportContacts("c1", in, options);
  }

  std::vector<std::string> StoredPhones() const {
    std::vector<std::string> out;
    for (const Contact& c : store_.Snapshot().contacts) out.push_back(c.phone);
    return out;
  }

  // A contact the engine holds before the import.
  void AddExisting(std::string phone, std::string email = "") {
    Contact c;
    c.phone = std::move(phone);
    c.email = std::move(email);
    ASSERT_TRUE(engine_->AddContacts("c1", {c}).ok());
  }

  int64_t Remaining() {
    auto stats = engine_->GetCampaignStats("c1");
    EXPECT_TRUE(stats.ok());
    return stats.ok() ? stats->contacts_remaining : -1;
  }

  std::unique_ptr<ManualClock> clock_;
  FakeProvider provider_;
  MemoryStore store_;
  RecordingSink sink_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(ContactImportTest, AcceptedContactsAreQueuedAndDialed) {
  auto report = Import(
      "First Name,Last Name,Phone,State\n"
      "Ann,Lee,(212) 234-5678,NY\n"
      "Bob,Ray,not a number,NY\n");
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->rows, 2);
  EXPECT_EQ(report->accepted, 1);
  EXPECT_EQ(report->rejected, 1);
  ASSERT_EQ(report->issues.size(), 1u);
  EXPECT_EQ(report->issues[0].line, 3);
  EXPECT_EQ(report->issues[0].column, "Phone");
  EXPECT_EQ(report->issues[0].outcome, "rejected");
  EXPECT_EQ(report->issues[0].reason, "invalid_phone");
  EXPECT_THAT(StoredPhones(), ElementsAre("+12122345678"));
  ASSERT_EQ(report->contact_ids.size(), 1u);
  EXPECT_EQ(store_.Snapshot().contacts.at(0).id, report->contact_ids[0]);
  EXPECT_EQ(Remaining(), 1);

  ASSERT_TRUE(engine_->Login("alice", "c1").ok());
  ASSERT_TRUE(engine_->Ready("alice").ok());
  clock_->RunDue();
  clock_->Advance(absl::Seconds(3));
  ASSERT_EQ(provider_.commands.size(), 1u);
  EXPECT_EQ(provider_.commands[0].verb, "place");
  EXPECT_EQ(provider_.commands[0].request.to, "+12122345678");
}

TEST_F(ContactImportTest, RowsMatchingContactsTheEngineHoldsAreDuplicates) {
  AddExisting("+12122345678", "ann@example.com");

  auto report = Import(
      "Name,Phone,Email\n"
      "Ann Lee,212.234.5678,\n"               // same phone, other format
      "Ann L,415-234-5678, ANN@Example.com\n"  // same email
      "Cy Po,646-234-5678,cy@example.com\n");
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->rows, 3);
  EXPECT_EQ(report->accepted, 1);
  EXPECT_EQ(report->duplicates, 2);
  EXPECT_EQ(report->duplicates_existing, 2);
  ASSERT_EQ(report->issues.size(), 2u);
  EXPECT_EQ(report->issues[0].line, 2);
  EXPECT_EQ(report->issues[0].reason, "duplicate_existing");
  EXPECT_EQ(report->issues[1].line, 3);
  EXPECT_EQ(report->issues[1].reason, "duplicate_existing");
  EXPECT_THAT(StoredPhones(),
              UnorderedElementsAre("+12122345678", "+16462345678"));
  EXPECT_EQ(Remaining(), 2);

  // An imported contact is itself known to the next import.
  auto again = Import("Phone\n646 234 5678\n");
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->accepted, 0);
  EXPECT_EQ(again->duplicates_existing, 1);
}

TEST_F(ContactImportTest, DoNotCallNumbersAreNotAdded) {
  ASSERT_TRUE(engine_->AddToDoNotCall("+12122345679", "test").ok());
  auto report = Import(
      "Phone,Mobile\n"
      "212-234-5679,\n"              // only number listed: rejected
      "212-234-5680,212-234-5679\n"  // alternate listed: dropped, warned
      );
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->rows, 2);
  EXPECT_EQ(report->dnc, 1);
  EXPECT_EQ(report->rejected, 1);
  EXPECT_EQ(report->accepted, 1);
  EXPECT_EQ(report->stages.dnc_clear, 1);
  ASSERT_GE(report->issues.size(), 2u);
  EXPECT_EQ(report->issues[0].reason, "dnc");
  EXPECT_EQ(report->issues[1].reason, "phone_on_dnc");
  const auto contacts = store_.Snapshot().contacts;
  ASSERT_EQ(contacts.size(), 1u);
  EXPECT_EQ(contacts[0].phone, "+12122345680");
  EXPECT_TRUE(contacts[0].alternate_phones.empty());
}

TEST_F(ContactImportTest, UnreadableFileFailsWithNothingAdded) {
  std::string binary = "Phone\n212-234-5678\n";
  binary += std::string("\x00\x01\x02\x89PNG\x00\x00", 9);
  auto report = Import(binary);
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument)
      << report.status();
  EXPECT_TRUE(StoredPhones().empty());
  EXPECT_EQ(Remaining(), 0);

  EXPECT_FALSE(Import("").ok());  // no header row
  EXPECT_FALSE(Import("Name,Email\nAnn,ann@example.com\n").ok());  // no phone
  std::istringstream broken("Phone\n212-234-5678\n");
  broken.setstate(std::ios::badbit);
  EXPECT_FALSE(engine_->ImportContacts("c1", broken, {}).ok());
  EXPECT_TRUE(StoredPhones().empty());
}

TEST_F(ContactImportTest, CountsAddUpAndTheReportRendersEveryIssue) {
  AddExisting("+16462345678");
  ASSERT_TRUE(engine_->AddToDoNotCall("+12122345679", "test").ok());
  auto dirty = Import(
      "Name,Phone,Email\n"
      "Cy Po,212-234-5670,cy@example.com\n"     // accepted
      "Di,212-234-5670,\n"                      // duplicate in file
      "Ed,646-234-5678,\n"                      // duplicate existing
      "Fay,212-234-5679,\n"                     // DNC
      "Gus,12,\n"                               // invalid phone
      "Hal,212-234-5671,bad@@mail\n"            // invalid email
      "Ida,212-234-5672\n"                      // ragged
      "\n"
      "Jo,212-234-5673,jo@example.com\n");      // accepted
  ASSERT_TRUE(dirty.ok()) << dirty.status();
  EXPECT_EQ(dirty->rows, 8);
  EXPECT_EQ(dirty->rows, dirty->accepted + dirty->rejected + dirty->duplicates);
  EXPECT_EQ(dirty->duplicates_in_file, 1);
  EXPECT_EQ(dirty->duplicates_existing, 1);
  EXPECT_EQ(dirty->dnc, 1);
  EXPECT_EQ(dirty->blank_lines, 1);
  EXPECT_EQ(dirty->stages.dnc_clear, dirty->accepted);
  EXPECT_EQ(store_.Snapshot().contacts.size(),
            static_cast<size_t>(1 + dirty->accepted));

  const std::string csv = dirty->ToCsv();
  EXPECT_EQ(static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')),
            dirty->issues.size() + 1);
  EXPECT_THAT(csv, HasSubstr("line,column,outcome,reason,value,detail\n"));
  EXPECT_THAT(csv, HasSubstr("3,,duplicate,duplicate_in_file"));
  const boost::json::object json = boost::json::parse(dirty->ToJson()).as_object();
  EXPECT_EQ(json.at("rows").as_int64(), 8);
  EXPECT_EQ(json.at("dnc").as_int64(), 1);
  EXPECT_EQ(json.at("issues").as_array().size(), dirty->issues.size());
  EXPECT_EQ(json.at("stages").as_object().at("dnc_clear").as_int64(),
            dirty->accepted);
}

TEST_F(ContactImportTest, UnknownCampaignFailsBeforeReading) {
  std::istringstream in("Phone\n212-234-5678\n");
  auto report = engine_->ImportContacts("nope", in, {});
  EXPECT_EQ(report.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(in.tellg(), 0);
  EXPECT_TRUE(StoredPhones().empty());
}

TEST_F(ContactImportTest, BadOptionsAreInvalidArgument) {
  ImportOptions mapping;
  mapping.column_mapping = {{"Tel", "telephone"}};
  EXPECT_EQ(Import("Tel\n212-234-5678\n", mapping).status().code(),
            absl::StatusCode::kInvalidArgument);
  ImportOptions region;
  region.default_region = "XX";
  EXPECT_FALSE(Import("Phone\n212-234-5678\n", region).ok());
  EXPECT_TRUE(StoredPhones().empty());
}

TEST_F(ContactImportTest, OptionsReachThePipeline) {
  ImportOptions options;
  options.column_mapping = {{"Tel", "phone"}, {"Region", "custom:region"}};
  options.round_robin_agents = {"alice", "bob"};
  options.required_fields = {"phone", "email"};
  auto report = Import(
      "Tel,Region,E-mail\n"
      "212-234-5678,east,a@example.com\n"
      "212-234-5679,east,\n"
      "212-234-5680,west,c@example.com\n",
      options);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->accepted, 2);
  EXPECT_EQ(report->rejected, 1);
  const auto contacts = store_.Snapshot().contacts;
  ASSERT_EQ(contacts.size(), 2u);
  EXPECT_EQ(contacts[0].assigned_agent, "alice");
  EXPECT_EQ(contacts[1].assigned_agent, "bob");
  EXPECT_EQ(contacts[0].fields.at("region"), "east");
}

TEST_F(ContactImportTest, RecordsGoThroughTheSamePipeline) {
  AddExisting("+12122345678");
  std::vector<ImportRecord> records = {
      {{"first_name", "Ann"}, {"phone", "(212) 234-5678"}},
      {{"first_name", "Bo"}, {"Mobile", "415 234 5678"}},
      {{"first_name", "Cy"}, {"phone", "nope"}}};
  auto report = engine_->ImportRecords("c1", records, {});
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->rows, 3);
  EXPECT_EQ(report->accepted, 1);
  EXPECT_EQ(report->duplicates_existing, 1);
  EXPECT_EQ(report->rejected, 1);
  ASSERT_EQ(report->issues.size(), 2u);
  EXPECT_EQ(report->issues[0].line, 1);
  EXPECT_EQ(report->issues[1].line, 3);
  EXPECT_THAT(StoredPhones(), ElementsAre("+12122345678", "+14152345678"));
}

TEST_F(ContactImportTest, ProgressIsReportedOnTheCallingThread) {
  ImportOptions options;
  options.progress_every_rows = 2;
  std::istringstream in(
      "Phone\n212-234-5670\n212-234-5671\n212-234-5672\n212-234-5673\n"
      "212-234-5674\n");
  std::vector<int64_t> rows;
  int64_t last_bytes = 0;
  auto report = engine_->ImportContacts(
      "c1", in, options, [&](int64_t r, int64_t bytes) {
        rows.push_back(r);
        last_bytes = bytes;
      });
  ASSERT_TRUE(report.ok()) << report.status();
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.back(), 5);
  EXPECT_EQ(last_bytes, report->bytes);
}

TEST_F(ContactImportTest, AContactAddedWhileTheFileIsReadAbortsTheImport) {
  ImportOptions options;
  options.progress_every_rows = 1;
  std::istringstream in("Phone\n212-234-5670\n212-234-5671\n");
  bool added = false;
  auto report = engine_->ImportContacts(
      "c1", in, options, [&](int64_t rows, int64_t) {
        if (rows != 1 || added) return;
        added = true;
        // Another caller takes the first row's number in the meantime.
        Contact c;
        c.phone = "+12122345670";
        ASSERT_TRUE(engine_->AddContacts("c1", {c}).ok());
      });
  ASSERT_TRUE(added);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kAborted)
      << report.status();
  EXPECT_THAT(StoredPhones(), ElementsAre("+12122345670"));
}

}  // namespace
}  // namespace dialer
