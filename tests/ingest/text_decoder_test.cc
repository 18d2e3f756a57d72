#include "ingest/text_decoder.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace dialer::ingest {
namespace {

// Decodes `bytes` fed in pieces of `piece` bytes.
std::string DecodeInPieces(std::string_view bytes, size_t piece,
                           TextDecoder* decoder) {
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += piece) {
    EXPECT_TRUE(decoder->Decode(bytes.substr(i, piece), &out).ok());
  }
  EXPECT_TRUE(decoder->Finish(&out).ok());
  return out;
}

TEST(TextDecoderTest, PlainAsciiPassesThrough) {
  TextDecoder d;
  EXPECT_EQ(DecodeInPieces("a,b\r\nc,d\n", 3, &d), "a,b\r\nc,d\n");
  EXPECT_EQ(d.encoding(), TextEncoding::kUnknown);
}

TEST(TextDecoderTest, Utf8BomIsDroppedAndSplitCharactersSurvive) {
  const std::string input = "\xEF\xBB\xBFJos\xC3\xA9,\xE2\x82\xAC\xF0\x9F\x98\x80";
  for (size_t piece = 1; piece <= input.size(); ++piece) {
    TextDecoder d;
    EXPECT_EQ(DecodeInPieces(input, piece, &d),
              "Jos\xC3\xA9,\xE2\x82\xAC\xF0\x9F\x98\x80")
        << "piece " << piece;
    EXPECT_EQ(d.encoding(), TextEncoding::kUtf8Bom);
    EXPECT_EQ(d.repaired_sequences(), 0);
  }
}

TEST(TextDecoderTest, Utf16LittleAndBigEndianWithSurrogatePairs) {
  // "Zoë😀" in UTF-16LE and BE, with byte-order marks.
  const std::string le("\xFF\xFEZ\0o\0\xEB\0\x3D\xD8\x00\xDE", 12);
  const std::string be("\xFE\xFF\0Z\0o\0\xEB\xD8\x3D\xDE\x00", 12);
  for (size_t piece = 1; piece <= le.size(); ++piece) {
    TextDecoder d1, d2;
    EXPECT_EQ(DecodeInPieces(le, piece, &d1), "Zo\xC3\xAB\xF0\x9F\x98\x80");
    EXPECT_EQ(d1.encoding(), TextEncoding::kUtf16Le);
    EXPECT_EQ(DecodeInPieces(be, piece, &d2), "Zo\xC3\xAB\xF0\x9F\x98\x80");
    EXPECT_EQ(d2.encoding(), TextEncoding::kUtf16Be);
  }
}

TEST(TextDecoderTest, LoneSurrogateBecomesReplacementCharacter) {
  const std::string le("\xFF\xFE\x3D\xD8\x41\x00", 6);  // high surrogate, 'A'
  TextDecoder d;
  EXPECT_EQ(DecodeInPieces(le, 2, &d), "\xEF\xBF\xBD" "A");
  EXPECT_EQ(d.repaired_sequences(), 1);
}

TEST(TextDecoderTest, Windows1252IsDetectedAndConverted) {
  // "Café, €5, “quoted”" as Windows-1252.
  const std::string input = "Caf\xE9, \x80" "5, \x93quoted\x94";
  TextDecoder d;
  EXPECT_EQ(DecodeInPieces(input, 4, &d),
            "Caf\xC3\xA9, \xE2\x82\xAC" "5, \xE2\x80\x9Cquoted\xE2\x80\x9D");
  EXPECT_EQ(d.encoding(), TextEncoding::kWindows1252);
  EXPECT_EQ(d.repaired_sequences(), 0);
}

TEST(TextDecoderTest, InvalidByteInUtf8FileIsRepairedAndCounted) {
  const std::string input = "Jos\xC3\xA9 and Caf\xE9";
  TextDecoder d;
  EXPECT_EQ(DecodeInPieces(input, 100, &d), "Jos\xC3\xA9 and Caf\xC3\xA9");
  EXPECT_EQ(d.encoding(), TextEncoding::kUtf8);
  EXPECT_EQ(d.repaired_sequences(), 1);
}

TEST(TextDecoderTest, TruncatedUtf8AtEndIsRepaired) {
  TextDecoder d;
  EXPECT_EQ(DecodeInPieces("ok \xC3\xA9 \xE2\x82", 100, &d),
            "ok \xC3\xA9 \xC3\xA2\xE2\x80\x9A");
  EXPECT_EQ(d.repaired_sequences(), 2);
}

TEST(TextDecoderTest, NulByteWithoutMarkFailsNamingTheOffset) {
  TextDecoder d;
  std::string out;
  const std::string utf16_without_bom("a\0b\0", 4);
  absl::Status s = d.Decode(utf16_without_bom, &out);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), ::testing::HasSubstr("offset 1"));
}

TEST(TextDecoderTest, ShortFileIsJudgedAtFinish) {
  TextDecoder d;
  std::string out;
  ASSERT_TRUE(d.Decode("a", &out).ok());
  ASSERT_TRUE(d.Finish(&out).ok());
  EXPECT_EQ(out, "a");
  TextDecoder nul;
  out.clear();
  ASSERT_TRUE(nul.Decode(std::string("\0", 1), &out).ok());
  EXPECT_FALSE(nul.Finish(&out).ok());
}

}  // namespace
}  // namespace dialer::ingest
