// Converts the bytes of an uploaded text file to UTF-8, chunk by chunk.
//
// Contact lists arrive from Excel, CRMs and old systems in several encodings.
// The decoder recognises them without being told:
//  - a byte-order mark selects UTF-8, UTF-16LE or UTF-16BE (the mark is
//    dropped);
//  - without a mark the bytes are read as UTF-8 as long as they are valid
//    UTF-8; if an invalid byte appears before any non-ASCII UTF-8 sequence,
//    the file is Windows-1252 (a superset of printable Latin-1) from there on,
//    which is exact because everything before it was ASCII;
//  - in a UTF-8 file, an isolated invalid byte is read as Windows-1252 and
//    counted in repaired_sequences() (files pasted together from two sources).
// NUL bytes outside UTF-16 mean a binary file or UTF-16 without a mark: the
// file cannot be read and Decode() fails.
//
// Not thread-safe: one decoder per file.
#ifndef DIALER_SRC_INGEST_TEXT_DECODER_H_
#define DIALER_SRC_INGEST_TEXT_DECODER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace dialer::ingest {

enum class TextEncoding {
  kUnknown,      // nothing but ASCII seen so far (ASCII is valid UTF-8)
  kUtf8,         // no mark, non-ASCII UTF-8 seen
  kUtf8Bom,      // UTF-8 with a byte-order mark
  kUtf16Le,
  kUtf16Be,
  kWindows1252,  // no mark, not UTF-8
};

// Stable lower-case name ("utf-8", "utf-16le", "windows-1252", ...).
std::string_view ToString(TextEncoding encoding);

class TextDecoder {
 public:
  // Appends the UTF-8 form of `bytes` (the next chunk of the file, any size)
  // to *out. Bytes of a character split across chunks are held back until
  // the next call. Fails, naming the byte offset, on a NUL byte in an 8-bit
  // file.
  [[nodiscard]] absl::Status Decode(std::string_view bytes, std::string* out);

  // Ends the input: a sequence left incomplete at the end becomes U+FFFD
  // (UTF-16) or Windows-1252 characters (8-bit), counted as repaired. Fails
  // like Decode() on a file too short to have been judged before.
  [[nodiscard]] absl::Status Finish(std::string* out);

  // The encoding recognised so far (final after Finish()).
  TextEncoding encoding() const { return encoding_; }
  // Invalid sequences that were replaced or read as Windows-1252 inside a
  // file recognised as UTF-8 or UTF-16.
  int64_t repaired_sequences() const { return repaired_; }

 private:
  absl::Status DecodeEightBit(std::string_view bytes, std::string* out);
  void DecodeUtf16(std::string_view bytes, std::string* out);
  void AppendWindows1252(unsigned char byte, std::string* out);

  TextEncoding encoding_ = TextEncoding::kUnknown;
  bool started_ = false;
  std::string pending_;  // bytes of an incomplete character or mark
  uint32_t high_surrogate_ = 0;
  int64_t offset_ = 0;  // bytes consumed before the current chunk
  int64_t repaired_ = 0;
};

// Appends code point `cp` encoded as UTF-8.
void AppendUtf8(uint32_t cp, std::string* out);

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_TEXT_DECODER_H_
