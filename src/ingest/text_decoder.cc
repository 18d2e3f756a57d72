#include "ingest/text_decoder.h"

#include <array>

#include "ingest/text_util.h"

namespace dialer::ingest {
namespace {

// Windows-1252 0x80-0x9F; the five undefined bytes map to the C1 control of
// the same value, as WHATWG's decoder does, so that no byte is lost.
constexpr std::array<uint16_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// Length of the valid UTF-8 sequence at data[i], 0 if invalid, -1 if the
// data ends before the sequence could be judged.
int Utf8SequenceLength(std::string_view data, size_t i) {
  const auto b0 = static_cast<unsigned char>(data[i]);
  int len;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (int k = 1; k < len; ++k) {
    if (i + k >= data.size()) return -1;
    const auto b = static_cast<unsigned char>(data[i + k]);
    if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return 0;
  }
  return len;
}

}  // namespace

std::string_view ToString(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUnknown:
      return "ascii";
    case TextEncoding::kUtf8:
      return "utf-8";
    case TextEncoding::kUtf8Bom:
      return "utf-8-bom";
    case TextEncoding::kUtf16Le:
      return "utf-16le";
    case TextEncoding::kUtf16Be:
      return "utf-16be";
    case TextEncoding::kWindows1252:
      return "windows-1252";
  }
  return "unknown";
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void TextDecoder::AppendWindows1252(unsigned char byte, std::string* out) {
  AppendUtf8(byte >= 0x80 && byte <= 0x9F ? kWindows1252High[byte - 0x80] : byte,
             out);
}

absl::Status TextDecoder::Decode(std::string_view bytes, std::string* out) {
  std::string joined;
  if (!pending_.empty()) {
    joined = pending_ + std::string(bytes);
    pending_.clear();
    bytes = joined;
  }
  if (!started_) {
    if (bytes.size() < 3) {
      pending_.assign(bytes);
      return absl::OkStatus();
    }
    started_ = true;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
      encoding_ = TextEncoding::kUtf8Bom;
      bytes.remove_prefix(3);
      offset_ += 3;
    } else if (bytes.starts_with("\xFF\xFE")) {
      encoding_ = TextEncoding::kUtf16Le;
      bytes.remove_prefix(2);
      offset_ += 2;
    } else if (bytes.starts_with("\xFE\xFF")) {
      encoding_ = TextEncoding::kUtf16Be;
      bytes.remove_prefix(2);
      offset_ += 2;
    }
  }
  if (encoding_ == TextEncoding::kUtf16Le ||
      encoding_ == TextEncoding::kUtf16Be) {
    DecodeUtf16(bytes, out);
    return absl::OkStatus();
  }
  return DecodeEightBit(bytes, out);
}

absl::Status TextDecoder::DecodeEightBit(std::string_view data,
                                         std::string* out) {
  size_t i = 0;
  const size_t n = data.size();
  while (i < n) {
    size_t run = i;
    while (run < n && static_cast<unsigned char>(data[run]) < 0x80 &&
           data[run] != '\0') {
      ++run;
    }
    out->append(data.data() + i, run - i);
    i = run;
    if (i == n) break;
    const auto byte = static_cast<unsigned char>(data[i]);
    if (byte == 0) {
      return absl::InvalidArgumentError(Cat(
          "NUL byte at offset ", offset_ + static_cast<int64_t>(i),
          ": not a text file (or UTF-16 without a byte-order mark)"));
    }
    if (encoding_ == TextEncoding::kWindows1252) {
      AppendWindows1252(byte, out);
      ++i;
      continue;
    }
    const int len = Utf8SequenceLength(data, i);
    if (len < 0) {  // split across chunks: wait for the rest
      pending_.assign(data.substr(i));
      offset_ += static_cast<int64_t>(i);
      return absl::OkStatus();
    }
    if (len > 0) {
      out->append(data.data() + i, len);
      if (encoding_ == TextEncoding::kUnknown) encoding_ = TextEncoding::kUtf8;
      i += len;
      continue;
    }
    if (encoding_ == TextEncoding::kUnknown) {
      encoding_ = TextEncoding::kWindows1252;
    } else {
      ++repaired_;
    }
    AppendWindows1252(byte, out);
    ++i;
  }
  offset_ += static_cast<int64_t>(n);
  return absl::OkStatus();
}

void TextDecoder::DecodeUtf16(std::string_view bytes, std::string* out) {
  const bool little = encoding_ == TextEncoding::kUtf16Le;
  size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    const auto b1 = static_cast<unsigned char>(bytes[i + 1]);
    const uint32_t unit = little ? (b1 << 8 | b0) : (b0 << 8 | b1);
    if (high_surrogate_ != 0) {
      if (unit >= 0xDC00 && unit <= 0xDFFF) {
        AppendUtf8(0x10000 + ((high_surrogate_ - 0xD800) << 10) +
                       (unit - 0xDC00),
                   out);
        high_surrogate_ = 0;
        continue;
      }
      AppendUtf8(0xFFFD, out);
      ++repaired_;
      high_surrogate_ = 0;
    }
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      high_surrogate_ = unit;
    } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
      AppendUtf8(0xFFFD, out);
      ++repaired_;
    } else {
      AppendUtf8(unit, out);
    }
  }
  pending_.assign(bytes.substr(i));
  offset_ += static_cast<int64_t>(bytes.size());
}

absl::Status TextDecoder::Finish(std::string* out) {
  if (!started_) {
    started_ = true;
    std::string rest;
    rest.swap(pending_);
    // Fewer than three bytes in the whole file: no mark is possible.
    if (absl::Status s = DecodeEightBit(rest, out); !s.ok()) return s;
  }
  if (encoding_ == TextEncoding::kUtf16Le ||
      encoding_ == TextEncoding::kUtf16Be) {
    if (high_surrogate_ != 0 || !pending_.empty()) {
      AppendUtf8(0xFFFD, out);
      ++repaired_;
    }
    high_surrogate_ = 0;
    pending_.clear();
    return absl::OkStatus();
  }
  for (char c : pending_) {
    if (encoding_ == TextEncoding::kUnknown) {
      encoding_ = TextEncoding::kWindows1252;
    } else if (encoding_ != TextEncoding::kWindows1252) {
      ++repaired_;
    }
    AppendWindows1252(static_cast<unsigned char>(c), out);
  }
  pending_.clear();
  return absl::OkStatus();
}

}  // namespace dialer::ingest
