#include "compliance/dnc_registry_loader.h"

#include <cstdio>
#include <fstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::compliance {
namespace {

using ::testing::ElementsAre;

TEST(DncRegistryLoaderTest, ReadsTenDigitLinesAndCountsBadOnes) {
  DncSetBuilder builder;
  DncRegistryParser parser(&builder, {});
  parser.Feed("2125550100\n(305) 555-0101\r\n+1 415 555 0102\n\n12125550103\n");
  parser.Feed("555-0104\n0125550105\nabc\n21255501\n");
  parser.Finish();
  const DncLoadReport& r = parser.report();
  EXPECT_EQ(r.good, 4u);
  EXPECT_EQ(r.bad, 4u);
  EXPECT_EQ(r.lines, 9u);
  ASSERT_EQ(r.first_bad.size(), 4u);
  EXPECT_EQ(r.first_bad[0].line, 6u);
  EXPECT_EQ(r.first_bad[0].text, "555-0104");
  EXPECT_EQ(r.first_bad[2].line, 8u);
  const DncSet set = std::move(builder).Build();
  EXPECT_THAT(set.ToVector(), ElementsAre(2125550100, 2125550103, 3055550101, 4155550102));
}

TEST(DncRegistryLoaderTest, LinesMaySpanChunks) {
  DncSetBuilder builder;
  DncRegistryParser parser(&builder, {});
  const std::string text = "2125550100\n3055550101\n4155550102";
  for (char c : text) parser.Feed(std::string_view(&c, 1));
  parser.Finish();
  EXPECT_EQ(parser.report().good, 3u);
  EXPECT_EQ(parser.report().bytes, text.size());
}

TEST(DncRegistryLoaderTest, AreaCodeFiles) {
  DncSetBuilder builder;
  DncRegistryParser parser(&builder, {.area_code = 212});
  parser.Feed("5550100\n2125550101\n3055550102\n");
  parser.Finish();
  EXPECT_EQ(parser.report().good, 2u);
  EXPECT_EQ(parser.report().bad, 1u);  // 305 number in the 212 file
  EXPECT_THAT(std::move(builder).Build().ToVector(), ElementsAre(2125550100, 2125550101));
}

TEST(DncRegistryLoaderTest, KeepsOnlyTheFirstBadLinesAndReportsProgress) {
  DncSetBuilder builder;
  std::vector<uint64_t> progress_lines;
  DncLoadOptions options;
  options.progress_every_lines = 10;
  options.progress = [&](const DncLoadReport& r) { progress_lines.push_back(r.lines); };
  DncRegistryParser parser(&builder, options);
  for (int i = 0; i < 25; ++i) parser.Feed("bad\n");
  parser.Finish();
  EXPECT_EQ(parser.report().bad, 25u);
  EXPECT_EQ(parser.report().first_bad.size(), DncLoadReport::kMaxBadLinesKept);
  EXPECT_THAT(progress_lines, ElementsAre(10, 20, 25));
}

TEST(DncRegistryLoaderTest, LoadsAFile) {
  const std::string path = ::testing::TempDir() + "/dnc_registry_loader_test.txt";
  {
    std::ofstream out(path);
    out << "2125550100\n2125550101\nnope\n";
  }
  DncSetBuilder builder;
  auto report = LoadDncRegistryFile(path, &builder);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->good, 2u);
  EXPECT_EQ(report->bad, 1u);
  std::remove(path.c_str());
  auto missing = LoadDncRegistryFile(path, &builder);
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(missing.status().message()), ::testing::HasSubstr(path));
}

}  // namespace
}  // namespace dialer::compliance
