// dialer_sim_run: the simulator over the C ABI.
#include <ostream>
#include <streambuf>
#include <string>

#include <boost/json.hpp>

#include "capi/c_guard.h"
#include "capi/json_codec.h"
#include "dialer/simulator.h"

namespace dialer::capi {
namespace {

// Hands each complete line written to it to the host's callback.
class LineBuf final : public std::streambuf {
 public:
  LineBuf(dialer_log_line_fn fn, void* user_data)
      : fn_(fn), user_data_(user_data) {}

 protected:
  int_type overflow(int_type ch) override {
    if (ch == traits_type::eof()) return traits_type::not_eof(ch);
    if (ch == '\n') {
      fn_(user_data_, line_.c_str(), line_.size());
      line_.clear();
    } else {
      line_.push_back(static_cast<char>(ch));
    }
    return ch;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    for (std::streamsize i = 0; i < n; ++i) overflow(s[i]);
    return n;
  }

 private:
  dialer_log_line_fn fn_;
  void* user_data_;
  std::string line_;
};

}  // namespace
}  // namespace dialer::capi

extern "C" dialer_status dialer_sim_run(char** out, const char* scenario_json,
                                        const dialer_sim_options* options) {
  using namespace dialer::capi;
  return Guard([&]() -> absl::Status {
    if (out == nullptr) return NotNull(out, "out");
    *out = nullptr;
    if (scenario_json == nullptr) return NotNull(scenario_json, "scenario_json");
    dialer_sim_options o = dialer_sim_options DIALER_SIM_OPTIONS_INIT;
    if (options != nullptr) {
      if (auto st = ReadSized(options, sizeof o, sizeof o, &o, "options");
          !st.ok()) {
        return st;
      }
    }
    auto scenario = dialer::ParseScenario(scenario_json);
    if (!scenario.ok()) return scenario.status();
    dialer::SimOptions sim;
    if (o.pacer != nullptr) sim.pacer = o.pacer;
    if (o.override_seed) sim.seed = o.seed;
    LineBuf buf(o.on_log_line, o.log_user_data);
    std::ostream log(&buf);
    if (o.on_log_line != nullptr) sim.event_log = &log;
    auto report = dialer::RunSimulation(*scenario, sim);
    if (!report.ok()) return report.status();
    log.flush();
    if (!o.keep_wall_time) report->wall_s = 0;
    *out = CopyOut(report->ToJson());
    return absl::OkStatus();
  });
}
