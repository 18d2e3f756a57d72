// Baseline of the bindings' event-rate benchmark: the same simulation as
// event_rate.py / event_rate.js, with every event-log line delivered to a C++
// callback (a streambuf that counts lines). Prints "<events> <seconds>" of
// the fastest of 5 runs. Usage: event_rate_cpp <scenario.json>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <streambuf>

#include "dialer/simulator.h"

namespace {
class CountingBuf final : public std::streambuf {
 public:
  long lines = 0;

 protected:
  int_type overflow(int_type ch) override {
    if (ch == '\n') ++lines;
    return ch;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i) {
      if (s[i] == '\n') ++lines;
    }
    return n;
  }
};
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " SCENARIO.json\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  auto scenario = dialer::ParseScenario(text.str());
  if (!scenario.ok()) return 1;
  double best = 1e9;
  long events = 0;
  for (int i = 0; i < 5; ++i) {
    CountingBuf buf;
    std::ostream log(&buf);
    dialer::SimOptions options;
    options.event_log = &log;
    auto start = std::chrono::steady_clock::now();
    auto report = dialer::RunSimulation(*scenario, options);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!report.ok()) return 1;
    if (s < best) best = s;
    events = buf.lines;
  }
  std::cout << events << " " << best << "\n";
  return 0;
}
