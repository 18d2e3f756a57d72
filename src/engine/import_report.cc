#include <string>

#include "absl/strings/str_cat.h"
#include <boost/json.hpp>
#include "core/absl_view.h"
#include "dialer/import.h"
#include "ingest/ingest_report.h"

namespace dialer {
inline namespace v1 {

std::string ImportReport::ToCsv() const {
  std::string out = "line,column,outcome,reason,value,detail\n";
  for (const ImportIssue& i : issues) {
    absl::StrAppend(&out, i.line, ",", ingest::CsvEscape(i.column), ",",
                    ingest::CsvEscape(i.outcome), ",",
                    ingest::CsvEscape(i.reason), ",",
                    ingest::CsvEscape(i.value), ",",
                    ingest::CsvEscape(i.detail), "\n");
  }
  return out;
}

std::string ImportReport::ToJson() const {
  boost::json::object o;
  o["rows"] = rows;
  o["accepted"] = accepted;
  o["rejected"] = rejected;
  o["duplicates"] = duplicates;
  o["duplicates_in_file"] = duplicates_in_file;
  o["duplicates_existing"] = duplicates_existing;
  o["merged"] = merged;
  o["dnc"] = dnc;
  o["warnings"] = warnings;
  o["blank_lines"] = blank_lines;
  o["stages"] = boost::json::object{{"parsed", stages.parsed},
                                    {"validated", stages.validated},
                                    {"unique", stages.unique},
                                    {"dnc_clear", stages.dnc_clear}};
  o["bytes"] = bytes;
  o["encoding"] = encoding;
  boost::json::array list;
  list.reserve(issues.size());
  for (const ImportIssue& i : issues) {
    list.push_back(boost::json::object{{"line", i.line},
                                       {"column", i.column},
                                       {"outcome", i.outcome},
                                       {"reason", i.reason},
                                       {"value", i.value},
                                       {"detail", i.detail}});
  }
  o["issues"] = std::move(list);
  return boost::json::serialize(o);
}

}  // namespace v1
}  // namespace dialer
