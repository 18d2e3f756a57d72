#include "ingest/csv_reader.h"

#include <cstring>

#include "ingest/text_util.h"

namespace dialer::ingest {

void CsvReader::Append(std::string_view text) {
  if (pos_ > 0 && pos_ >= buffer_.size() / 2) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  buffer_.append(text);
  appended_ += static_cast<int64_t>(text.size());
}

size_t CsvReader::NextLineStart(size_t from) const {
  size_t p = from;
  while (p < buffer_.size() && buffer_[p] != '\n' && buffer_[p] != '\r') ++p;
  if (p < buffer_.size()) {
    if (buffer_[p] == '\r' && p + 1 < buffer_.size() && buffer_[p + 1] == '\n') {
      ++p;
    }
    ++p;
  }
  return p;
}

CsvReader::Parse CsvReader::ParseRecord(CsvRecord* record, size_t* end,
                                        int64_t* lines, std::string* error,
                                        bool* unclosed_quote) {
  const char* data = buffer_.data();
  const size_t n = buffer_.size();
  size_t p = pos_;
  *lines = 0;
  record->fields.clear();
  record->quoted_first_ = false;
  std::string field;
  while (true) {
    field.clear();
    if (p < n && data[p] == '"') {
      if (record->fields.empty()) record->quoted_first_ = true;
      ++p;
      while (true) {
        const void* q = p < n ? std::memchr(data + p, '"', n - p) : nullptr;
        if (q == nullptr) {
          if (!end_ && n - pos_ <= max_record_bytes_) return Parse::kNeedMore;
          *unclosed_quote = true;
          *error = end_ && n - pos_ <= max_record_bytes_
                       ? "quoted field not closed before the end of the file"
                       : Cat("quoted field not closed within ",
                                      max_record_bytes_, " bytes");
          return Parse::kMalformed;
        }
        const size_t qp = static_cast<const char*>(q) - data;
        for (size_t k = p; k < qp; ++k) {
          if (data[k] == '\n' ||
              (data[k] == '\r' && (k + 1 >= n || data[k + 1] != '\n'))) {
            ++*lines;
          }
        }
        field.append(data + p, qp - p);
        p = qp + 1;
        if (p == n && !end_) return Parse::kNeedMore;
        if (p < n && data[p] == '"') {
          field.push_back('"');
          ++p;
          continue;
        }
        break;
      }
      if (p < n && data[p] != delimiter_ && data[p] != '\n' && data[p] != '\r') {
        *error = Cat("text after the closing quote of field ",
                              record->fields.size() + 1);
        *end = NextLineStart(p);
        if (*end == n && !end_) return Parse::kNeedMore;
        ++*lines;
        return Parse::kMalformed;
      }
    } else {
      const size_t start = p;
      while (p < n && data[p] != delimiter_ && data[p] != '\n' &&
             data[p] != '\r') {
        ++p;
      }
      field.append(data + start, p - start);
    }
    if (p == n) {
      if (!end_) return Parse::kNeedMore;
      record->fields.push_back(std::move(field));
      *end = p;
      return Parse::kDone;
    }
    if (data[p] == delimiter_) {
      record->fields.push_back(std::move(field));
      ++p;
      continue;
    }
    // Line break ends the record; a CR at the end of the text may be half of
    // a CRLF.
    if (data[p] == '\r') {
      if (p + 1 == n && !end_) return Parse::kNeedMore;
      if (p + 1 < n && data[p + 1] == '\n') ++p;
    }
    record->fields.push_back(std::move(field));
    *end = p + 1;
    ++*lines;
    return Parse::kDone;
  }
}

CsvReader::Result CsvReader::Next(CsvRecord* record) {
  if (skipping_line_) {
    // Resuming after an unclosed quote: drop the rest of its first line,
    // which may not have arrived yet.
    size_t p = pos_;
    while (p < buffer_.size() && buffer_[p] != '\n' && buffer_[p] != '\r') ++p;
    if (p == buffer_.size() || (buffer_[p] == '\r' && p + 1 == buffer_.size() && !end_)) {
      pos_ = p;
      return end_ ? Result::kEnd : Result::kNeedMore;
    }
    pos_ = NextLineStart(p);
    line_ += 1;
    skipping_line_ = false;
  }
  if (pos_ >= buffer_.size()) {
    return end_ ? Result::kEnd : Result::kNeedMore;
  }
  record->error.clear();
  record->line = line_;
  size_t end = pos_;
  int64_t lines = 0;
  bool unclosed_quote = false;
  switch (ParseRecord(record, &end, &lines, &record->error, &unclosed_quote)) {
    case Parse::kNeedMore:
      return Result::kNeedMore;
    case Parse::kDone:
      pos_ = end;
      line_ += lines;
      return Result::kRecord;
    case Parse::kMalformed:
      record->fields.clear();
      if (unclosed_quote) {
        skipping_line_ = true;
      } else {
        pos_ = end;
        line_ += lines;
      }
      return Result::kRecord;
  }
  return Result::kEnd;
}

}  // namespace dialer::ingest
