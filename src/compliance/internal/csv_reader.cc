#include "compliance/internal/csv_reader.h"

namespace dialer::compliance_internal {

bool CsvReader::Next(std::vector<std::string>* fields, int* line) {
  fields->clear();
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  *line = line_;
  fields->emplace_back();
  bool quoted = false;
  while (pos_ < text_.size()) {
    const char c = text_[pos_++];
    if (quoted) {
      if (c == '"' && pos_ < text_.size() && text_[pos_] == '"') {
        fields->back() += '"';
        ++pos_;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line_;
        fields->back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields->emplace_back();
    } else if (c == '\n') {
      ++line_;
      break;
    } else if (c != '\r') {
      fields->back() += c;
    }
  }
  return true;
}

}  // namespace dialer::compliance_internal
