// The conformance scenario through the C++ API: prints SimReport::ToJson()
// with wall_s zeroed, as dialer_sim_run does by default.
#include <fstream>
#include <iostream>
#include <sstream>

#include "dialer/simulator.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: conformance_cpp <scenario.json>\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  auto scenario = dialer::ParseScenario(text.str());
  if (!scenario.ok()) {
    std::cerr << scenario.status() << "\n";
    return 1;
  }
  auto report = dialer::RunSimulation(*scenario, {});
  if (!report.ok()) {
    std::cerr << report.status() << "\n";
    return 1;
  }
  report->wall_s = 0;
  std::cout << report->ToJson() << "\n";
  return 0;
}
