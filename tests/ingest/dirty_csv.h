// Generates contact-list CSV files with the dirt real uploads have, for the
// ingest property test and benchmark: quoting with embedded commas, quotes
// and line breaks; CRLF and LF mixed; blank lines; ragged rows; text after a
// closing quote; phone numbers in many formats, with extensions, invalid,
// premium-rate, or empty; several phone columns; repeated numbers and emails;
// malformed emails; names in all caps or lower case; state names and codes;
// 4-digit ZIPs; and, optionally, an unclosed quote on the last line.
//
// Deterministic for a given seed. Header-only so that the benchmark can use
// it too.
#ifndef DIALER_TESTS_INGEST_DIRTY_CSV_H_
#define DIALER_TESTS_INGEST_DIRTY_CSV_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace dialer::ingest::testing {

struct DirtyCsv {
  std::string text;
  // Data rows written (blank lines not counted).
  int64_t rows = 0;
  // Rows written with a syntax or shape problem (malformed or ragged).
  int64_t broken_rows = 0;
  // Every phone value written, for the libphonenumber-only baseline.
  std::vector<std::string> phones;
};

struct DirtyCsvOptions {
  int64_t rows = 1000;
  uint64_t seed = 1;
  bool unclosed_quote_at_end = false;
  bool keep_phones = false;
  // Write the header row (false to append a further batch to a file).
  bool header = true;
};

inline DirtyCsv GenerateDirtyCsv(const DirtyCsvOptions& options) {
  std::mt19937_64 rng(options.seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<uint64_t>(n)); };
  auto chance = [&](int percent) { return pick(100) < percent; };
  static const char* kFirst[] = {"john", "MARY", "Anna", "o'brien", "DEL",
                                 "José", "li", "Sean", "MCKENZIE", "ava"};
  static const char* kLast[] = {"smith", "MCDONALD", "van der Berg", "O'BRIEN",
                                "García", "NGUYEN", "de la cruz", "Smith-Jones",
                                "lee", "Khan"};
  static const char* kCompany[] = {"IBM", "acme corp", "ACME WIDGETS LLC",
                                   "eBay Inc.", "AT&T", "3M", "globex, inc.",
                                   "Initech", "THE HOME DEPOT", "Stark \"Labs\""};
  static const char* kState[] = {"NY", "ca", "Texas", "fl", "WA", "Ill.", "ZZ",
                                 "Indiana", "AZ", ""};
  static const char* kArea[] = {"212", "415", "312", "617", "303", "206",
                                "512", "702", "404", "305", "317", "602"};
  static const char* kTz[] = {"", "", "America/New_York", "Eastern", "PST",
                              "MST", "bogus zone"};
  DirtyCsv out;
  std::string& t = out.text;
  t.reserve(static_cast<size_t>(options.rows) * 130);
  if (options.header) {
    t += "First Name,Last Name,Company,Phone,Mobile,Email,State,Zip,Time Zone,Notes\r\n";
  }
  std::vector<std::string> earlier_numbers;
  auto nanp = [&]() {
    std::string n = kArea[pick(12)];
    n += std::to_string(200 + pick(800));
    if (n.substr(3, 3) == "555" || n.substr(4, 2) == "11") n.replace(3, 3, "234");
    const int line = pick(10000);
    n += std::to_string(10000 + line).substr(1);
    return n;
  };
  auto phone_value = [&]() -> std::string {
    if (!earlier_numbers.empty() && chance(4)) {
      return earlier_numbers[pick(static_cast<int>(earlier_numbers.size()))];
    }
    const std::string n = nanp();
    std::string v;
    switch (pick(12)) {
      case 0: v = "(" + n.substr(0, 3) + ") " + n.substr(3, 3) + "-" + n.substr(6); break;
      case 1: v = n.substr(0, 3) + "." + n.substr(3, 3) + "." + n.substr(6); break;
      case 2: v = "+1 " + n; break;
      case 3: v = "1-" + n.substr(0, 3) + "-" + n.substr(3, 3) + "-" + n.substr(6); break;
      case 4: v = n + " x" + std::to_string(pick(9000) + 100); break;
      case 5: v = "555-0100"; break;                   // too short
      case 6: v = "1-900-" + n.substr(3); break;        // premium rate
      case 7: v = "not a number"; break;
      case 8: v = ""; break;
      case 9: v = "+44 20 7946 " + std::to_string(1000 + pick(9000)); break;
      default: v = n; break;
    }
    if (chance(30) && !v.empty()) earlier_numbers.push_back(v);
    if (earlier_numbers.size() > 4096) earlier_numbers.erase(earlier_numbers.begin());
    return v;
  };
  auto quote = [](const std::string& s) {
    std::string q = "\"";
    for (char c : s) {
      if (c == '"') q += '"';
      q += c;
    }
    return q + "\"";
  };
  auto field = [&](const std::string& s) {
    const bool needs = s.find_first_of(",\"\r\n") != std::string::npos;
    return needs || chance(10) ? quote(s) : s;
  };
  for (int64_t r = 0; r < options.rows; ++r) {
    if (chance(1)) t += chance(50) ? "\r\n" : "\n";  // blank line
    const std::string first = kFirst[pick(10)];
    const std::string last = kLast[pick(10)];
    std::string phone = phone_value();
    std::string mobile = chance(40) ? phone_value() : "";
    if (options.keep_phones) {
      if (!phone.empty()) out.phones.push_back(phone);
      if (!mobile.empty()) out.phones.push_back(mobile);
    }
    std::string email;
    switch (pick(6)) {
      case 0: email = ""; break;
      case 1: email = " " + first + "." + std::to_string(r) + "@Example.COM "; break;
      case 2: email = first + "@@example.com"; break;
      case 3: email = chance(20) ? "shared@example.com" : first + std::to_string(r) + "@example.org"; break;
      default: email = "x" + std::to_string(r) + "@corp.example.net"; break;
    }
    std::string zip = chance(20) ? std::to_string(1000 + pick(9000))
                                 : std::to_string(10000 + pick(90000));
    if (chance(3)) zip = "ABCDE";
    std::string notes;
    switch (pick(5)) {
      case 0: notes = "Called twice, said \"call back\""; break;
      case 1: notes = "line one\nline two, with comma"; break;
      case 2: notes = "multi\r\nline\r\nnote"; break;
      default: notes = ""; break;
    }
    std::vector<std::string> fields = {field(first), field(last),
                                       field(kCompany[pick(10)]), field(phone),
                                       field(mobile), field(email),
                                       field(kState[pick(10)]), field(zip),
                                       field(kTz[pick(7)]), field(notes)};
    const int dirt = pick(100);
    if (dirt < 2) {
      fields.pop_back();  // ragged: one field short
      ++out.broken_rows;
    } else if (dirt < 4) {
      fields.push_back("extra");  // ragged: one field more
      ++out.broken_rows;
    } else if (dirt < 5) {
      fields[1] = "\"Smith\"son";  // text after the closing quote
      fields[9] = "";              // keep the row on one physical line
      ++out.broken_rows;
    }
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) t += ',';
      t += fields[i];
    }
    t += chance(50) ? "\r\n" : "\n";
    ++out.rows;
  }
  if (options.unclosed_quote_at_end) {
    t += "Late,Row,\"Unclosed Co,2125550123,,,,,,\n";
    ++out.rows;
    ++out.broken_rows;
  }
  return out;
}

}  // namespace dialer::ingest::testing

#endif  // DIALER_TESTS_INGEST_DIRTY_CSV_H_
