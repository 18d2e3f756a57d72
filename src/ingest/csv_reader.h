// Splits UTF-8 text into CSV records (RFC 4180), as the text arrives.
//
// Accepted: fields quoted with `"` holding delimiters, line breaks and doubled
// quotes; CRLF, LF and lone CR line ends, mixed in one file; a quote inside an
// unquoted field is kept literally (5'10" is not ambiguous). Reported, never
// guessed: text after a closing quote (`"abc"def`) and a quoted field that is
// not closed within `max_record_bytes` or by the end of the input. After such
// a record the reader resumes at a line boundary, so one stray quote does not
// swallow the rest of the file: after text following a closing quote, at the
// next line; after an unclosed quote, at the line after the record's first.
//
// Not thread-safe: one reader per input.
#ifndef DIALER_SRC_INGEST_CSV_READER_H_
#define DIALER_SRC_INGEST_CSV_READER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dialer::ingest {

struct CsvRecord {
  // Physical line (1-based) on which the record starts.
  int64_t line = 0;
  std::vector<std::string> fields;
  // Non-empty when the record is malformed; `fields` is then empty.
  std::string error;

  // An empty line: one empty, unquoted field.
  bool blank() const {
    return error.empty() && fields.size() == 1 && fields[0].empty() &&
           !quoted_first_;
  }

 private:
  friend class CsvReader;
  bool quoted_first_ = false;
};

class CsvReader {
 public:
  enum class Result {
    kRecord,    // *record holds the next record (or a malformed one)
    kNeedMore,  // Append() more text, or call MarkEnd()
    kEnd,       // input exhausted
  };

  explicit CsvReader(char delimiter = ',',
                     size_t max_record_bytes = size_t{1} << 20)
      : delimiter_(delimiter), max_record_bytes_(max_record_bytes) {}

  // Adds the next piece of text (any size; may split a record anywhere).
  void Append(std::string_view text);
  // No more text will come.
  void MarkEnd() { end_ = true; }

  Result Next(CsvRecord* record);

  // Bytes of text appended so far.
  int64_t bytes_appended() const { return appended_; }

 private:
  enum class Parse { kDone, kNeedMore, kMalformed };
  Parse ParseRecord(CsvRecord* record, size_t* end, int64_t* lines,
                    std::string* error, bool* unclosed_quote);
  // Position just after the line break that ends the line holding `from`
  // (the end of the buffer if that line break has not arrived).
  size_t NextLineStart(size_t from) const;

  const char delimiter_;
  const size_t max_record_bytes_;
  std::string buffer_;
  size_t pos_ = 0;     // start of the next record in buffer_
  int64_t line_ = 1;   // physical line of pos_
  bool end_ = false;
  bool skipping_line_ = false;  // dropping the line of an unclosed quote
  int64_t appended_ = 0;
};

}  // namespace dialer::ingest

#endif  // DIALER_SRC_INGEST_CSV_READER_H_
