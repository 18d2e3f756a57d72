#include "ingest/csv_reader.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

struct Read {
  int64_t line;
  std::vector<std::string> fields;
  std::string error;
};

// Reads all of `text`, appended in pieces of `piece` bytes.
std::vector<Read> ReadAll(std::string_view text, size_t piece = 1 << 20,
                          size_t max_record = 1 << 20) {
  CsvReader reader(',', max_record);
  std::vector<Read> out;
  CsvRecord record;
  size_t pos = 0;
  while (true) {
    const CsvReader::Result r = reader.Next(&record);
    if (r == CsvReader::Result::kEnd) break;
    if (r == CsvReader::Result::kNeedMore) {
      if (pos < text.size()) {
        reader.Append(text.substr(pos, piece));
        pos += piece;
      } else {
        reader.MarkEnd();
      }
      continue;
    }
    out.push_back({record.line, record.fields, record.error});
  }
  return out;
}

TEST(CsvReaderTest, QuotedFieldsWithDelimitersNewlinesAndQuotes) {
  const std::string text =
      "a,b,c\r\n"
      "\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
      "plain,5'10\",end\n";
  for (size_t piece : {1, 2, 3, 7, 1000}) {
    std::vector<Read> rows = ReadAll(text, piece);
    ASSERT_EQ(rows.size(), 3u) << "piece " << piece;
    EXPECT_THAT(rows[0].fields, ElementsAre("a", "b", "c"));
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_THAT(rows[1].fields, ElementsAre("x, y", "say \"hi\"", "two\nlines"));
    EXPECT_EQ(rows[2].line, 4);  // the quoted line break counts
    EXPECT_THAT(rows[2].fields, ElementsAre("plain", "5'10\"", "end"));
  }
}

TEST(CsvReaderTest, LineEndingsCrLfLfAndCrMixed) {
  std::vector<Read> rows = ReadAll("a\r\nb\nc\rd");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[3].line, 4);
  EXPECT_THAT(rows[3].fields, ElementsAre("d"));
}

TEST(CsvReaderTest, BlankLinesAreBlankRecordsButQuotedEmptyIsNot) {
  CsvReader reader;
  reader.Append("\n\"\"\n");
  reader.MarkEnd();
  CsvRecord record;
  ASSERT_EQ(reader.Next(&record), CsvReader::Result::kRecord);
  EXPECT_TRUE(record.blank());
  ASSERT_EQ(reader.Next(&record), CsvReader::Result::kRecord);
  EXPECT_FALSE(record.blank());
  EXPECT_EQ(reader.Next(&record), CsvReader::Result::kEnd);
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsReportedAndReadingGoesOn) {
  std::vector<Read> rows = ReadAll("h1,h2\n\"Smith\"son,x\nok,1\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(rows[1].error, HasSubstr("after the closing quote of field 1"));
  EXPECT_THAT(rows[1].fields, IsEmpty());
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_THAT(rows[2].fields, ElementsAre("ok", "1"));
}

TEST(CsvReaderTest, UnclosedQuoteResumesAtTheNextLine) {
  for (size_t piece : {1, 5, 1000}) {
    std::vector<Read> rows = ReadAll("h1,h2\n\"open,x\nnext,1\nlast,2\n", piece);
    ASSERT_EQ(rows.size(), 4u) << "piece " << piece;
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_THAT(rows[1].error, HasSubstr("not closed"));
    EXPECT_EQ(rows[2].line, 3);
    EXPECT_THAT(rows[2].fields, ElementsAre("next", "1"));
    EXPECT_EQ(rows[3].line, 4);
  }
}

TEST(CsvReaderTest, OverlongQuotedFieldIsReportedWithoutReadingToTheEnd) {
  std::string text = "h\n\"" + std::string(100, 'x') + "\nnext\n";
  std::vector<Read> rows = ReadAll(text, 10, /*max_record=*/50);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(rows[1].error, HasSubstr("within 50 bytes"));
  EXPECT_THAT(rows[2].fields, ElementsAre("next"));
}

TEST(CsvReaderTest, LastRecordWithoutLineBreak) {
  std::vector<Read> rows = ReadAll("a,b\n1,\"2\"");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_THAT(rows[1].fields, ElementsAre("1", "2"));
}

TEST(CsvReaderTest, OtherDelimiter) {
  CsvReader reader(';');
  reader.Append("a;\"b;c\"\n");
  reader.MarkEnd();
  CsvRecord record;
  ASSERT_EQ(reader.Next(&record), CsvReader::Result::kRecord);
  EXPECT_THAT(record.fields, ElementsAre("a", "b;c"));
}

}  // namespace
}  // namespace dialer::ingest
