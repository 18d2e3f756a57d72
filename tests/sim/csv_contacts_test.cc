// A scenario whose contacts come from a CSV list: imported through the
// engine's ingest path, with every candidate zone as ground truth.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "compliance/zone_resolver.h"
#include "dialer/simulator.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "sim/contact_book.h"
#include "sim/report_builder.h"
#include "tests/sim/test_files.h"

namespace dialer {
namespace {

using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

constexpr char kCsvScenario[] = "tests/sim/scenarios/csv-power.json";

Scenario CsvScenario() {
  absl::StatusOr<Scenario> scenario =
      ParseScenario(ReadSourceFile(kCsvScenario));
  EXPECT_TRUE(scenario.ok()) << scenario.status();
  return scenario.ok() ? *scenario : Scenario{};
}

SimOptions NextToTheScenario() {
  SimOptions options;
  options.scenario_dir = std::string(DIALER_SOURCE_DIR) + "/tests/sim/scenarios";
  return options;
}

TEST(CsvContactsTest, ImportedListIsDialedWithoutViolations) {
  absl::StatusOr<SimReport> report =
      RunSimulation(CsvScenario(), NextToTheScenario());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_GT(report->dials, 0);
  // Also 0 means no number outside the imported list was dialed (the
  // duplicate, invalid, premium-rate and ragged rows), and the Los Angeles
  // and mixed-zone contacts waited for 08:00 in Los Angeles (the run starts
  // at 10:30 in New York).
  EXPECT_EQ(report->compliance_violations, 0);
}

TEST(CsvContactsTest, AbsolutePathIsTakenAsIs) {
  Scenario scenario = CsvScenario();
  scenario.contacts.csv =
      std::string(DIALER_SOURCE_DIR) + "/tests/sim/scenarios/csv-power.csv";
  absl::StatusOr<SimReport> report = RunSimulation(scenario, SimOptions{});
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_GT(report->dials, 0);
}

TEST(CsvContactsTest, MissingFileIsNotFoundNamingTheScenarioPath) {
  Scenario scenario = CsvScenario();
  scenario.contacts.csv = "no-such-list.csv";
  absl::StatusOr<SimReport> report =
      RunSimulation(scenario, NextToTheScenario());
  EXPECT_EQ(report.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(report.status().message(), HasSubstr("$.contacts.csv"));
  EXPECT_THAT(report.status().message(), HasSubstr("no-such-list.csv"));
}

TEST(CsvContactsTest, BinaryFileFailsTheRun) {
  const std::filesystem::path path =
      std::filesystem::path(::testing::TempDir()) / "csv_contacts_binary.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "Phone\n212-234-5678\n" << std::string("\0\1\2\3PNG\0", 8);
  }
  Scenario scenario = CsvScenario();
  scenario.contacts.csv = path.string();
  absl::StatusOr<SimReport> report = RunSimulation(scenario, SimOptions{});
  EXPECT_EQ(report.status().code(), absl::StatusCode::kInvalidArgument)
      << report.status();
  EXPECT_THAT(report.status().message(), HasSubstr("$.contacts.csv"));
  std::filesystem::remove(path);
}

std::vector<std::string> ZoneNames(const sim::ContactBook& book,
                                   const sim::SimContact& c) {
  std::vector<std::string> out;
  for (int z : c.zones) out.push_back(book.zones()[z].name);
  return out;
}

TEST(CsvContactsTest, EveryNumberGetsEveryCandidateZone) {
  Contact mixed;
  mixed.phone = "+12122345199";  // New York area code
  mixed.state = "CA";            // but the person says California
  mixed.alternate_phones = {"+13122345198"};
  Contact abroad;
  abroad.phone = "+442079460958";
  const auto& resolver = compliance::ZoneResolver::Default();
  sim::ContactBook book =
      sim::ContactBook::FromContacts({mixed, abroad}, resolver);
  ASSERT_EQ(book.contacts().size(), 3u);

  const int64_t m = book.Find("+12122345199");
  ASSERT_GE(m, 0);
  auto expected = resolver.CandidateZones("+12122345199", "CA", "", "");
  ASSERT_TRUE(expected.ok());
  EXPECT_GE(expected->size(), 2u);
  std::vector<std::string> names = ZoneNames(book, book.contacts()[m]);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, *expected);
  EXPECT_THAT(names, ::testing::Contains("America/New_York"));
  EXPECT_THAT(names, ::testing::Contains("America/Los_Angeles"));

  const int64_t alt = book.Find("+13122345198");
  ASSERT_GE(alt, 0);
  EXPECT_THAT(ZoneNames(book, book.contacts()[alt]),
              ::testing::Contains("America/Chicago"));

  const int64_t uk = book.Find("+442079460958");
  ASSERT_GE(uk, 0);
  EXPECT_TRUE(book.contacts()[uk].zones.empty());
}

TEST(CsvContactsTest, ADialOutsideTheWindowOfAnyCandidateZoneIsAViolation) {
  Contact mixed;  // New York number, California state
  mixed.phone = "+12122345199";
  mixed.state = "CA";
  Contact new_yorker;
  new_yorker.phone = "+12122345100";
  new_yorker.state = "NY";
  Contact abroad;
  abroad.phone = "+442079460958";
  sim::ContactBook book = sim::ContactBook::FromContacts(
      {mixed, new_yorker, abroad}, compliance::ZoneResolver::Default());
  const absl::TimeZone new_york = absl::FixedTimeZone(-4 * 3600);  // EDT
  // Tuesday 2026-03-10 10:30 in New York is 07:30 in Los Angeles.
  const absl::Time half_past_ten =
      absl::FromCivil(absl::CivilMinute(2026, 3, 10, 10, 30), new_york);
  const absl::Time half_past_eleven = half_past_ten + absl::Hours(1);
  const int64_t m = book.Find(mixed.phone);
  const int64_t ny = book.Find(new_yorker.phone);
  EXPECT_TRUE(sim::IsComplianceViolation(book, m, half_past_ten));
  EXPECT_FALSE(sim::IsComplianceViolation(book, m, half_past_eleven));
  EXPECT_FALSE(sim::IsComplianceViolation(book, ny, half_past_ten));
  EXPECT_TRUE(sim::IsComplianceViolation(book, book.Find(abroad.phone),
                                         half_past_eleven));
  EXPECT_TRUE(sim::IsComplianceViolation(book, -1, half_past_eleven));
}

}  // namespace
}  // namespace dialer
