#include "compliance/dnc_registry_loader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "absl/strings/str_cat.h"
#include "compliance/nanp_number.h"

namespace dialer::compliance {

DncRegistryParser::DncRegistryParser(DncSetBuilder* builder, DncLoadOptions options)
    : builder_(builder), options_(std::move(options)) {}

void DncRegistryParser::Feed(std::string_view chunk) {
  report_.bytes += chunk.size();
  size_t start = 0;
  if (!partial_.empty()) {
    const size_t nl = chunk.find('\n');
    if (nl == std::string_view::npos) {
      partial_.append(chunk);
      return;
    }
    partial_.append(chunk.substr(0, nl));
    Line(partial_);
    partial_.clear();
    start = nl + 1;
  }
  while (start < chunk.size()) {
    const size_t nl = chunk.find('\n', start);
    if (nl == std::string_view::npos) {
      partial_.assign(chunk.substr(start));
      return;
    }
    Line(chunk.substr(start, nl - start));
    start = nl + 1;
  }
}

void DncRegistryParser::Finish() {
  if (!partial_.empty()) {
    Line(partial_);
    partial_.clear();
  }
  if (options_.progress) options_.progress(report_);
}

void DncRegistryParser::Line(std::string_view line) {
  ++report_.lines;
  uint64_t value = 0;
  int digits = 0;
  bool ok = true;
  for (char c : line) {
    if (c >= '0' && c <= '9') {
      if (++digits > 11) {
        ok = false;
        break;
      }
      value = value * 10 + static_cast<uint64_t>(c - '0');
    } else if (c == '+') {
      if (digits != 0) ok = false;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != ',' &&
               c != '\r' && c != '\t') {
      ok = false;
    }
  }
  if (digits == 0 && line.find_first_not_of(" \t\r") == std::string_view::npos) {
    return;  // blank line
  }
  if (ok && digits == 11) {
    ok = value / 10000000000ULL == 1;
    value %= 10000000000ULL;
    digits = 10;
  }
  if (ok && digits == 7 && options_.area_code >= 200 && options_.area_code <= 999) {
    value += static_cast<uint64_t>(options_.area_code) * 10000000ULL;
    digits = 10;
  }
  if (ok && digits == 10 && options_.area_code != 0) {
    ok = value / 10000000ULL == static_cast<uint64_t>(options_.area_code);
  }
  ok = ok && digits == 10 && IsValidNanpNational(value);
  if (ok) {
    builder_->Add(value);
    ++report_.good;
  } else {
    ++report_.bad;
    if (report_.first_bad.size() < DncLoadReport::kMaxBadLinesKept) {
      report_.first_bad.push_back({report_.lines, std::string(line.substr(0, 40))});
    }
  }
  if (options_.progress && options_.progress_every_lines > 0 &&
      report_.lines % options_.progress_every_lines == 0) {
    options_.progress(report_);
  }
}

absl::StatusOr<DncLoadReport> LoadDncRegistryFile(const std::string& path,
                                                  DncSetBuilder* builder,
                                                  DncLoadOptions options) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    return absl::NotFoundError(
        absl::StrCat("DNC registry file '", path, "': ", std::strerror(errno)));
  }
  DncRegistryParser parser(builder, std::move(options));
  std::vector<char> buffer(1 << 20);
  while (true) {
    const size_t n = std::fread(buffer.data(), 1, buffer.size(), file.get());
    if (n > 0) parser.Feed(std::string_view(buffer.data(), n));
    if (n < buffer.size()) {
      if (std::ferror(file.get())) {
        return absl::InternalError(
            absl::StrCat("DNC registry file '", path, "': read error"));
      }
      break;
    }
  }
  parser.Finish();
  return parser.report();
}

}  // namespace dialer::compliance
