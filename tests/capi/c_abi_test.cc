// One test per C ABI function (include/dialer/c.h, c_provider.h): at least
// one success and one failure each, checking the status AND the thread's
// last error (code and message), as a host sees them. The host objects are
// C vtables filled from C++ here: a provider that records commands, a manual
// clock, an event recorder, and a store that can be told to throw (the
// exception must come back as DIALER_INTERNAL, never through the C ABI).
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <boost/json.hpp>

#include "dialer/c.h"
#include "dialer/c_provider.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

// 2026-03-10T16:00:00Z: noon in New York, inside every calling window.
constexpr dialer_time_us kNoonNewYork = 1773158400000000;

constexpr char kConfig[] =
    R"({"campaigns": [{"id": "q3", "caller_ids": ["+12125550100"],)"
    R"( "auto_advance_delay_s": 0, "voicemail_audio": "vm.wav",)"
    R"( "wrap_up": {"mode": "manual"}},)"
    R"( {"id": "pv", "caller_ids": ["+12125550100"], "preview_s": 30,)"
    R"( "auto_advance_delay_s": 0, "wrap_up": {"mode": "manual"}}]})";
constexpr char kAda[] =
    R"({"first_name": "Ada", "phone": "+12125550123", "state": "NY",)"
    R"( "time_zone": "America/New_York"})";
constexpr char kBo[] =
    R"({"first_name": "Bo", "phone": "+12125550142", "state": "NY",)"
    R"( "time_zone": "America/New_York"})";

// The last error after a call: what every failure test checks.
#define EXPECT_STATUS(call, code, text)                         \
  do {                                                          \
    dialer_status status_ = (call);                             \
    EXPECT_EQ(status_, code) << dialer_last_error_message();    \
    EXPECT_EQ(dialer_last_error_code(), code);                  \
    EXPECT_THAT(dialer_last_error_message(), HasSubstr(text));  \
  } while (0)

#define EXPECT_OK(call)                                          \
  do {                                                           \
    dialer_status status_ = (call);                              \
    EXPECT_EQ(status_, DIALER_OK) << dialer_last_error_message(); \
    EXPECT_EQ(dialer_last_error_code(), DIALER_OK);              \
    EXPECT_STREQ(dialer_last_error_message(), "");               \
  } while (0)

std::string Take(char* s) {
  std::string out = s == nullptr ? "<null>" : s;
  dialer_free(s);
  return out;
}

boost::json::object ParseObject(const std::string& s) {
  return boost::json::parse(s).as_object();
}

// ---- Host objects ------------------------------------------------------------

struct Provider {
  std::vector<int64_t> placed;
  std::vector<std::string> commands;
  int destroyed = 0;
  // When not OK, place_call fails with this status and message.
  dialer_status place_status = DIALER_OK;
  std::string place_message;
  // When set, place_call first tries dialer_buffer_set(error, NULL, 3) and
  // records what it returned.
  bool probe_null_data = false;
  dialer_status probe_status = -1;
  std::string probe_message;

  static Provider& Of(void* ud) { return *static_cast<Provider*>(ud); }

  dialer_provider VTable() {
    dialer_provider p = DIALER_PROVIDER_INIT;
    p.user_data = this;
    p.destroy = [](void* ud) { Of(ud).destroyed++; };
    p.place_call = [](void* ud, const dialer_dial_request* r, dialer_buffer* e) {
      Provider& self = Of(ud);
      if (self.probe_null_data) {
        self.probe_status = dialer_buffer_set(e, nullptr, 3);
        self.probe_message = dialer_last_error_message();
      }
      if (self.place_status != DIALER_OK) {
        dialer_buffer_set(e, self.place_message.data(), self.place_message.size());
        return self.place_status;
      }
      self.placed.push_back(r->call_id);
      return DIALER_OK;
    };
    p.cancel_call = [](void* ud, int64_t call, dialer_buffer*) {
      Of(ud).commands.push_back("cancel " + std::to_string(call));
      return DIALER_OK;
    };
    p.hangup = [](void* ud, int64_t call, dialer_buffer*) {
      Of(ud).commands.push_back("hangup " + std::to_string(call));
      return DIALER_OK;
    };
    p.bridge = [](void* ud, int64_t call, const char*, dialer_buffer*) {
      Of(ud).commands.push_back("bridge " + std::to_string(call));
      return DIALER_OK;
    };
    p.play_and_hangup = [](void* ud, int64_t call, const char* audio, bool,
                           dialer_buffer*) {
      Of(ud).commands.push_back("play " + std::string(audio) + " " +
                                std::to_string(call));
      return DIALER_OK;
    };
    return p;
  }
};

struct ManualClock {
  dialer_time_us now = kNoonNewYork;
  uint64_t seq = 0;
  std::map<std::pair<dialer_time_us, uint64_t>, uint64_t> timers;
  int destroyed = 0;

  static ManualClock& Of(void* ud) { return *static_cast<ManualClock*>(ud); }

  dialer_clock VTable() {
    dialer_clock c = DIALER_CLOCK_INIT;
    c.user_data = this;
    c.destroy = [](void* ud) { Of(ud).destroyed++; };
    c.now_us = [](void* ud) { return Of(ud).now; };
    c.schedule_at = [](void* ud, dialer_time_us when, uint64_t id) {
      ManualClock& self = Of(ud);
      self.timers.emplace(std::make_pair(std::max(when, self.now), ++self.seq), id);
    };
    return c;
  }

  void Advance(dialer_engine* engine, double seconds) {
    const dialer_time_us until = now + static_cast<dialer_time_us>(seconds * 1e6);
    while (!timers.empty() && timers.begin()->first.first <= until) {
      auto it = timers.begin();
      now = std::max(now, it->first.first);
      const uint64_t id = it->second;
      timers.erase(it);
      const dialer_status st = dialer_engine_fire_timer(engine, id);
      ASSERT_TRUE(st == DIALER_OK || st == DIALER_NOT_FOUND)
          << dialer_last_error_message();
    }
    now = std::max(now, until);
  }
};

struct Events {
  std::vector<std::string> all;
  static void On(void* ud, const char* json, size_t len) {
    static_cast<Events*>(ud)->all.emplace_back(json, len);
  }
  bool Any(const std::string& a, const std::string& b = "") const {
    for (const std::string& e : all) {
      if (e.find(a) != std::string::npos && e.find(b) != std::string::npos) return true;
    }
    return false;
  }
};

// A store as a C vtable that keeps contacts and the committed batches, and
// can be told to throw a C++ exception from add_contacts (a C++ host's bug
// the ABI must contain).
struct ThrowingStore {
  bool throw_on_add = false;
  int64_t next_id = 1;
  int destroyed = 0;
  std::map<int64_t, std::string> contacts;
  std::string commits;
  static ThrowingStore& Of(void* ud) { return *static_cast<ThrowingStore*>(ud); }

  dialer_store VTable() {
    dialer_store s = DIALER_STORE_INIT;
    s.user_data = this;
    s.destroy = [](void* ud) { Of(ud).destroyed++; };
    s.add_contacts = [](void* ud, const char* json, size_t len, dialer_buffer* out) {
      ThrowingStore& self = Of(ud);
      if (self.throw_on_add) throw std::runtime_error("store exploded");
      boost::json::array in = boost::json::parse(std::string(json, len)).as_array();
      boost::json::array ids;
      for (boost::json::value& c : in) {
        const int64_t id = self.next_id++;
        c.as_object()["id"] = id;
        self.contacts[id] = boost::json::serialize(c);
        ids.push_back(id);
      }
      const std::string text = boost::json::serialize(ids);
      return dialer_buffer_set(out, text.data(), text.size());
    };
    s.get_contact = [](void* ud, int64_t id, dialer_buffer* out) {
      auto it = Of(ud).contacts.find(id);
      if (it == Of(ud).contacts.end()) return static_cast<dialer_status>(DIALER_NOT_FOUND);
      return dialer_buffer_set(out, it->second.data(), it->second.size());
    };
    s.commit = [](void* ud, const char* json, size_t len, dialer_buffer*) {
      Of(ud).commits.append(json, len).append("\n");
      return static_cast<dialer_status>(DIALER_OK);
    };
    s.attempts_since = [](void*, int64_t, dialer_time_us, dialer_buffer* out) {
      return dialer_buffer_set(out, "[]", 2);
    };
    s.internal_dnc = [](void*, dialer_buffer* out) {
      return dialer_buffer_set(out, "[]", 2);
    };
    return s;
  }
};

// ---- Fixture: an engine with the recording provider and the manual clock ---

class CAbiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dialer_provider p = provider_.VTable();
    dialer_clock c = clock_.VTable();
    dialer_engine_options o = DIALER_ENGINE_OPTIONS_INIT;
    o.config_json = kConfig;
    o.provider = &p;
    o.clock = &c;
    o.on_event = Events::On;
    o.event_user_data = &events_;
    ASSERT_EQ(dialer_engine_new(&engine_, &o), DIALER_OK)
        << dialer_last_error_message();
  }
  void TearDown() override { dialer_engine_free(engine_); }

  void Push(int32_t type, int64_t call, int32_t amd = DIALER_AMD_UNKNOWN) {
    dialer_provider_event ev = DIALER_PROVIDER_EVENT_INIT;
    ev.type = type;
    ev.call_id = call;
    ev.amd = amd;
    if (type == DIALER_PROVIDER_EVENT_COMPLETED) ev.duration_us = 30000000;
    ASSERT_EQ(dialer_engine_push_provider_event(engine_, &ev), DIALER_OK)
        << dialer_last_error_message();
  }

  std::string AgentState(const char* agent) {
    char* out = nullptr;
    if (dialer_engine_agent(&out, engine_, agent) != DIALER_OK) return "?";
    return std::string(ParseObject(Take(out)).at("state").as_string());
  }

  // alice logged into q3 with Ada queued, dialed: returns the call id.
  int64_t Dialing() {
    EXPECT_OK(dialer_engine_add_contact(nullptr, engine_, "q3", kAda));
    EXPECT_OK(dialer_engine_login(engine_, "alice", "q3"));
    EXPECT_OK(dialer_engine_ready(engine_, "alice"));
    clock_.Advance(engine_, 1);
    EXPECT_EQ(provider_.placed.size(), 1u);
    return provider_.placed.empty() ? 0 : provider_.placed.back();
  }

  // ... and answered by a human: alice is on the call.
  int64_t OnCall() {
    const int64_t call = Dialing();
    Push(DIALER_PROVIDER_EVENT_RINGING, call);
    Push(DIALER_PROVIDER_EVENT_ANSWERED, call);
    clock_.Advance(engine_, 1);
    EXPECT_EQ(AgentState("alice"), "on_call");
    return call;
  }

  // ... and completed: alice is in wrap-up.
  int64_t WrapUp() {
    const int64_t call = OnCall();
    Push(DIALER_PROVIDER_EVENT_COMPLETED, call);
    clock_.Advance(engine_, 1);
    EXPECT_EQ(AgentState("alice"), "wrap_up");
    return call;
  }

  Provider provider_;
  ManualClock clock_;
  Events events_;
  dialer_engine* engine_ = nullptr;
};

// ---- Version, errors, memory -------------------------------------------------

TEST(CAbiVersionTest, Version) {
  int major = -1, minor = -1, patch = -1;
  dialer_version(&major, &minor, &patch);
  EXPECT_EQ(major, DIALER_VERSION_MAJOR);
  EXPECT_EQ(minor, DIALER_VERSION_MINOR);
  EXPECT_EQ(patch, DIALER_VERSION_PATCH);
  // Each out-param may be NULL.
  dialer_version(nullptr, &minor, nullptr);
  EXPECT_EQ(minor, DIALER_VERSION_MINOR);
}

TEST(CAbiVersionTest, VersionString) {
  EXPECT_STREQ(dialer_version_string(), DIALER_VERSION_STRING);
  EXPECT_EQ(std::to_string(DIALER_VERSION_MAJOR) + "." +
                std::to_string(DIALER_VERSION_MINOR) + "." +
                std::to_string(DIALER_VERSION_PATCH),
            dialer_version_string());
}

TEST(CAbiErrorTest, LastErrorMessageAndCodeFollowTheLastCall) {
  EXPECT_STATUS(dialer_engine_ready(nullptr, "a"), DIALER_INVALID_ARGUMENT,
                "engine must not be NULL");
  EXPECT_STREQ(dialer_status_name(dialer_last_error_code()), "INVALID_ARGUMENT");
  // A success clears both.
  dialer_sim_options o;
  EXPECT_OK(dialer_sim_options_init(&o, sizeof o));
}

TEST(CAbiErrorTest, LastErrorIsPerThread) {
  EXPECT_STATUS(dialer_engine_ready(nullptr, "a"), DIALER_INVALID_ARGUMENT,
                "engine");
  std::string other_message = "unset";
  dialer_status other_code = -1;
  std::thread t([&] {
    other_message = dialer_last_error_message();
    other_code = dialer_last_error_code();
  });
  t.join();
  EXPECT_EQ(other_message, "");
  EXPECT_EQ(other_code, DIALER_OK);
  EXPECT_EQ(dialer_last_error_code(), DIALER_INVALID_ARGUMENT);
}

TEST(CAbiErrorTest, StatusName) {
  EXPECT_STREQ(dialer_status_name(DIALER_OK), "OK");
  EXPECT_STREQ(dialer_status_name(DIALER_NOT_FOUND), "NOT_FOUND");
  EXPECT_STREQ(dialer_status_name(DIALER_UNAUTHENTICATED), "UNAUTHENTICATED");
  // Not a status: "UNKNOWN", never NULL.
  EXPECT_STREQ(dialer_status_name(-1), "UNKNOWN");
  EXPECT_STREQ(dialer_status_name(17), "UNKNOWN");
}

TEST(CAbiMemoryTest, FreeAcceptsNullAndLibraryStrings) {
  dialer_free(nullptr);
  char* report = nullptr;
  ASSERT_EQ(dialer_sim_run(&report, "{\"format\": 1, \"agents\": {\"count\": \"x\"}}",
                           nullptr),
            DIALER_INVALID_ARGUMENT);
  EXPECT_EQ(report, nullptr);  // a failure leaves nothing to free
  dialer_free(report);
}

// ---- Struct initializers -----------------------------------------------------

// Every _init: the defaults for the host's size (checked by `defaults`),
// zeros past the library's struct, and INVALID_ARGUMENT for NULL or a size
// below the first version.
template <typename T, typename Defaults>
void CheckInit(dialer_status (*init)(T*, size_t), Defaults defaults,
               const char* name) {
  SCOPED_TRACE(name);
  struct Bigger {
    T t;
    char tail[16];
  } big;
  std::memset(static_cast<void*>(&big), 0x5a, sizeof big);
  EXPECT_OK(init(&big.t, sizeof big));
  EXPECT_EQ(big.t.struct_size, sizeof big);
  defaults(big.t);
  for (char c : big.tail) EXPECT_EQ(c, 0);
  EXPECT_STATUS(init(nullptr, sizeof(T)), DIALER_INVALID_ARGUMENT,
                std::string(name) + " must not be NULL");
  T t;
  EXPECT_STATUS(init(&t, sizeof(T) - 1), DIALER_INVALID_ARGUMENT,
                "struct_size");
}

TEST(CAbiInitTest, EngineOptionsInit) {
  CheckInit(dialer_engine_options_init, [](const dialer_engine_options& o) {
    EXPECT_EQ(o.config_json, nullptr);
    EXPECT_EQ(o.provider, nullptr);
    EXPECT_EQ(o.store, nullptr);
    EXPECT_EQ(o.clock, nullptr);
    EXPECT_EQ(o.on_event, nullptr);
    EXPECT_EQ(o.event_user_data, nullptr);
  }, "options");
}

TEST(CAbiInitTest, ProviderEventInit) {
  CheckInit(dialer_provider_event_init, [](const dialer_provider_event& e) {
    EXPECT_EQ(e.type, 0);
    EXPECT_EQ(e.call_id, 0);
    EXPECT_EQ(e.at_us, DIALER_TIME_UNKNOWN);
    EXPECT_EQ(e.amd, DIALER_AMD_UNKNOWN);
    EXPECT_EQ(e.end_status, DIALER_END_COMPLETED);
    EXPECT_EQ(e.duration_us, 0);
    EXPECT_EQ(e.error_code, 0);
    EXPECT_EQ(e.error_message, nullptr);
  }, "event");
}

TEST(CAbiInitTest, SimOptionsInit) {
  CheckInit(dialer_sim_options_init, [](const dialer_sim_options& o) {
    EXPECT_EQ(o.pacer, nullptr);
    EXPECT_FALSE(o.override_seed);
    EXPECT_EQ(o.seed, 0u);
    EXPECT_EQ(o.on_log_line, nullptr);
    EXPECT_EQ(o.log_user_data, nullptr);
    EXPECT_FALSE(o.keep_wall_time);
  }, "options");
}

TEST(CAbiInitTest, ProviderInit) {
  CheckInit(dialer_provider_init, [](const dialer_provider& p) {
    EXPECT_EQ(p.user_data, nullptr);
    EXPECT_EQ(p.destroy, nullptr);
    EXPECT_EQ(p.place_call, nullptr);
    EXPECT_EQ(p.set_participant, nullptr);
  }, "provider");
}

TEST(CAbiInitTest, StoreInit) {
  CheckInit(dialer_store_init, [](const dialer_store& s) {
    EXPECT_EQ(s.user_data, nullptr);
    EXPECT_EQ(s.add_contacts, nullptr);
    EXPECT_EQ(s.internal_dnc, nullptr);
  }, "store");
}

TEST(CAbiInitTest, ClockInit) {
  CheckInit(dialer_clock_init, [](const dialer_clock& c) {
    EXPECT_EQ(c.user_data, nullptr);
    EXPECT_EQ(c.now_us, nullptr);
    EXPECT_EQ(c.cancel, nullptr);
  }, "clock");
}

// ---- Engine lifetime ---------------------------------------------------------

TEST(CAbiEngineNewTest, CreatesAndFreesRunningDestroyOnce) {
  Provider provider;
  ManualClock clock;
  dialer_provider p = provider.VTable();
  dialer_clock c = clock.VTable();
  dialer_engine_options o;
  ASSERT_EQ(dialer_engine_options_init(&o, sizeof o), DIALER_OK);
  o.config_json = kConfig;
  o.provider = &p;
  o.clock = &c;
  dialer_engine* engine = nullptr;
  EXPECT_OK(dialer_engine_new(&engine, &o));
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(provider.destroyed, 0);
  dialer_engine_free(engine);
  EXPECT_EQ(provider.destroyed, 1);
  EXPECT_EQ(clock.destroyed, 1);
  dialer_engine_free(nullptr);  // NULL is a no-op
}

TEST(CAbiEngineNewTest, FailuresNameTheProblemAndRunDestroy) {
  Provider provider;
  dialer_provider p = provider.VTable();
  dialer_engine_options o = DIALER_ENGINE_OPTIONS_INIT;
  o.provider = &p;
  dialer_engine* engine = reinterpret_cast<dialer_engine*>(1);

  EXPECT_STATUS(dialer_engine_new(nullptr, &o), DIALER_INVALID_ARGUMENT,
                "out must not be NULL");
  EXPECT_STATUS(dialer_engine_new(&engine, nullptr), DIALER_INVALID_ARGUMENT,
                "options must not be NULL");
  EXPECT_EQ(engine, nullptr);

  dialer_engine_options small = o;
  small.struct_size = 4;
  EXPECT_STATUS(dialer_engine_new(&engine, &small), DIALER_INVALID_ARGUMENT,
                "struct_size");

  dialer_engine_options none = DIALER_ENGINE_OPTIONS_INIT;
  EXPECT_STATUS(dialer_engine_new(&engine, &none), DIALER_INVALID_ARGUMENT,
                "options.provider must not be NULL");

  dialer_provider incomplete = provider.VTable();
  incomplete.hangup = nullptr;
  dialer_engine_options o2 = o;
  o2.provider = &incomplete;
  const int destroyed = provider.destroyed;
  EXPECT_STATUS(dialer_engine_new(&engine, &o2), DIALER_INVALID_ARGUMENT,
                "hangup");
  EXPECT_EQ(provider.destroyed, destroyed + 1);  // destroy ran on failure

  o.config_json = R"({"campaigns": [{"id": "a", "mode": "turbo"}]})";
  EXPECT_STATUS(dialer_engine_new(&engine, &o), DIALER_INVALID_ARGUMENT,
                "$.campaigns[0].mode");
  o.config_json = R"({"campaigns": [{"id": "a", "caller_ids": ["+12125550100"]},)"
                  R"( {"id": "a", "caller_ids": ["+12125550100"]}]})";
  EXPECT_STATUS(dialer_engine_new(&engine, &o), DIALER_ALREADY_EXISTS,
                "campaign 'a' already exists");
  o.config_json = "{not json";
  EXPECT_STATUS(dialer_engine_new(&engine, &o), DIALER_INVALID_ARGUMENT,
                "config");
  EXPECT_EQ(engine, nullptr);
}

// ---- Campaigns and contacts --------------------------------------------------

TEST_F(CAbiTest, AddCampaign) {
  EXPECT_OK(dialer_engine_add_campaign(
      engine_, R"({"id": "q4", "caller_ids": ["+12125550100"]})"));
  EXPECT_STATUS(dialer_engine_add_campaign(
                    engine_, R"({"id": "q4", "caller_ids": ["+12125550100"]})"),
                DIALER_ALREADY_EXISTS, "campaign 'q4' already exists");
  EXPECT_STATUS(dialer_engine_add_campaign(engine_, R"({"id": "q5", "lines_per_agent": "two"})"),
                DIALER_INVALID_ARGUMENT, "$.lines_per_agent");
  EXPECT_STATUS(dialer_engine_add_campaign(engine_, R"({"id": "q5", "colour": 1})"),
                DIALER_INVALID_ARGUMENT, "$.colour");
  EXPECT_STATUS(dialer_engine_add_campaign(engine_, nullptr),
                DIALER_INVALID_ARGUMENT, "campaign_json must not be NULL");
  EXPECT_STATUS(dialer_engine_add_campaign(nullptr, "{}"),
                DIALER_INVALID_ARGUMENT, "engine must not be NULL");
}

TEST_F(CAbiTest, AddContact) {
  int64_t id = 0;
  EXPECT_OK(dialer_engine_add_contact(&id, engine_, "q3", kAda));
  EXPECT_GT(id, 0);
  EXPECT_OK(dialer_engine_add_contact(nullptr, engine_, "q3", kBo));  // out may be NULL
  EXPECT_STATUS(dialer_engine_add_contact(&id, engine_, "nope", kAda),
                DIALER_NOT_FOUND, "nope");
  EXPECT_STATUS(dialer_engine_add_contact(&id, engine_, "q3", R"({"phone": 5})"),
                DIALER_INVALID_ARGUMENT, "$.phone");
  EXPECT_STATUS(dialer_engine_add_contact(&id, engine_, "q3", R"({"first_name": "x"})"),
                DIALER_INVALID_ARGUMENT, "phone");
  EXPECT_STATUS(dialer_engine_add_contact(&id, engine_, nullptr, kAda),
                DIALER_INVALID_ARGUMENT, "campaign_id must not be NULL");
  char* stats = nullptr;
  ASSERT_EQ(dialer_engine_campaign_stats(&stats, engine_, "q3"), DIALER_OK);
  EXPECT_EQ(ParseObject(Take(stats)).at("contacts_remaining").as_int64(), 2);
}

TEST(CAbiExceptionTest, AnExceptionFromAHostCallbackBecomesInternal) {
  Provider provider;
  ThrowingStore store;
  ManualClock clock;
  dialer_provider p = provider.VTable();
  dialer_store s = store.VTable();
  dialer_clock c = clock.VTable();
  dialer_engine_options o = DIALER_ENGINE_OPTIONS_INIT;
  o.config_json = kConfig;
  o.provider = &p;
  o.store = &s;
  o.clock = &c;
  dialer_engine* engine = nullptr;
  ASSERT_EQ(dialer_engine_new(&engine, &o), DIALER_OK) << dialer_last_error_message();
  int64_t id = 0;
  EXPECT_OK(dialer_engine_add_contact(&id, engine, "q3", kAda));
  EXPECT_EQ(id, 1);
  store.throw_on_add = true;
  EXPECT_STATUS(dialer_engine_add_contact(&id, engine, "q3", kBo),
                DIALER_INTERNAL, "dialer: exception: store exploded");
  // The engine is still usable after the exception.
  store.throw_on_add = false;
  EXPECT_OK(dialer_engine_add_contact(&id, engine, "q3", kBo));
  EXPECT_EQ(id, 2);
  dialer_engine_free(engine);
  EXPECT_EQ(store.destroyed, 1);
}

TEST_F(CAbiTest, ImportCsvGoesThroughTheEnginePipeline) {
  int64_t ada = 0;
  ASSERT_EQ(dialer_engine_add_contact(&ada, engine_, "q3", kAda), DIALER_OK);
  ASSERT_EQ(dialer_engine_add_to_dnc(engine_, "+12125550199", nullptr), DIALER_OK);
  // Ada's number is in another campaign: the engine's dedupe spans them all.
  const std::string csv =
      "first_name,phone,email,state\n"
      "Bo,(212) 555-0142,bo@example.com,NY\n"
      "Cy,not a number,cy@example.com,NY\n"
      "Di,212-555-0199,di@example.com,NY\n"
      "Ada again,+1 212 555 0123,,NY\n"
      "Bo twice,212 555 0142,,NY\n";
  char* out = nullptr;
  EXPECT_OK(dialer_engine_import_csv(&out, engine_, "pv", csv.data(), csv.size(),
                                     R"({"assignment": {"agents": ["bob"]}})"));
  boost::json::object report = ParseObject(Take(out));
  const boost::json::object& counts = report.at("counts").as_object();
  EXPECT_EQ(counts.at("rows").as_int64(), 5);
  EXPECT_EQ(counts.at("accepted").as_int64(), 1);
  EXPECT_EQ(counts.at("rejected").as_int64(), 2);
  EXPECT_EQ(counts.at("dnc").as_int64(), 1);
  EXPECT_EQ(counts.at("duplicates_existing").as_int64(), 1);
  EXPECT_EQ(counts.at("duplicates_in_file").as_int64(), 1);
  EXPECT_EQ(report.at("encoding").as_string(), "ascii");  // as detected
  ASSERT_EQ(report.at("contact_ids").as_array().size(), 1u);
  EXPECT_GT(report.at("contact_ids").as_array()[0].as_int64(), ada);
  EXPECT_EQ(report.at("issues").as_array().size(), 4u);
  // The next import knows Bo, the contact the first one added.
  EXPECT_OK(dialer_engine_import_csv(&out, engine_, "q3", csv.data(), csv.size(), nullptr));
  boost::json::object again = ParseObject(Take(out));
  EXPECT_EQ(again.at("counts").at("accepted").as_int64(), 0);
  EXPECT_GE(again.at("counts").at("duplicates_existing").as_int64(), 2);
  EXPECT_TRUE(again.at("contact_ids").as_array().empty());

  // Failures: nothing added, *out NULL, the message names the problem.
  out = reinterpret_cast<char*>(1);
  EXPECT_STATUS(dialer_engine_import_csv(&out, engine_, "nope", csv.data(), csv.size(), nullptr),
                DIALER_NOT_FOUND, "nope");
  EXPECT_EQ(out, nullptr);
  EXPECT_STATUS(dialer_engine_import_csv(&out, engine_, "q3", csv.data(), csv.size(),
                                         R"({"duplicates": "keep"})"),
                DIALER_INVALID_ARGUMENT, "$.duplicates");
  EXPECT_STATUS(dialer_engine_import_csv(&out, engine_, "q3", csv.data(), csv.size(),
                                         R"({"mapping": {"Mobile": "fax"}})"),
                DIALER_INVALID_ARGUMENT, "$.mapping");
  const std::string no_phone = "first_name,email\nEd,ed@example.com\n";
  EXPECT_STATUS(dialer_engine_import_csv(&out, engine_, "q3", no_phone.data(),
                                         no_phone.size(), nullptr),
                DIALER_INVALID_ARGUMENT, "phone");
  EXPECT_STATUS(dialer_engine_import_csv(nullptr, engine_, "q3", csv.data(), csv.size(), nullptr),
                DIALER_INVALID_ARGUMENT, "out must not be NULL");
  EXPECT_STATUS(dialer_engine_import_csv(&out, engine_, "q3", nullptr, 3, nullptr),
                DIALER_INVALID_ARGUMENT, "csv must not be NULL");
}

// ---- Agents --------------------------------------------------------------------

TEST_F(CAbiTest, Login) {
  EXPECT_OK(dialer_engine_login(engine_, "alice", "q3"));
  EXPECT_EQ(AgentState("alice"), "break");
  EXPECT_STATUS(dialer_engine_login(engine_, "alice", "pv"),
                DIALER_FAILED_PRECONDITION, "already logged in");
  EXPECT_STATUS(dialer_engine_login(engine_, "bob", "nope"), DIALER_NOT_FOUND,
                "nope");
  EXPECT_STATUS(dialer_engine_login(engine_, nullptr, "q3"),
                DIALER_INVALID_ARGUMENT, "agent_id must not be NULL");
  EXPECT_STATUS(dialer_engine_login(engine_, "", "q3"), DIALER_INVALID_ARGUMENT,
                "agent id is empty");
}

TEST_F(CAbiTest, Ready) {
  Dialing();
  EXPECT_TRUE(events_.Any("\"type\":\"agent_state\"", "\"to\":\"ready\""));
  EXPECT_STATUS(dialer_engine_ready(engine_, "bob"), DIALER_NOT_FOUND, "'bob'");
}

TEST_F(CAbiTest, ReadyFromWrapUpNeedsADisposition) {
  WrapUp();
  EXPECT_STATUS(dialer_engine_ready(engine_, "alice"), DIALER_FAILED_PRECONDITION,
                "must disposition");
}

TEST_F(CAbiTest, Break) {
  EXPECT_OK(dialer_engine_login(engine_, "alice", "q3"));
  EXPECT_OK(dialer_engine_ready(engine_, "alice"));
  EXPECT_OK(dialer_engine_break(engine_, "alice", nullptr));  // NULL reason: ""
  EXPECT_EQ(AgentState("alice"), "break");
  EXPECT_STATUS(dialer_engine_break(engine_, "bob", "lunch"), DIALER_NOT_FOUND, "'bob'");
  EXPECT_STATUS(dialer_engine_break(engine_, nullptr, "lunch"),
                DIALER_INVALID_ARGUMENT, "agent_id must not be NULL");
}

TEST_F(CAbiTest, Logout) {
  OnCall();
  EXPECT_STATUS(dialer_engine_logout(engine_, "alice"), DIALER_FAILED_PRECONDITION,
                "on a call");
  EXPECT_OK(dialer_engine_hangup(engine_, "alice"));
  EXPECT_OK(dialer_engine_disposition(engine_, "alice", R"({"code": "not_interested"})"));
  EXPECT_OK(dialer_engine_logout(engine_, "alice"));
  EXPECT_EQ(AgentState("alice"), "logged_out");
  EXPECT_STATUS(dialer_engine_logout(engine_, "bob"), DIALER_NOT_FOUND, "'bob'");
}

TEST_F(CAbiTest, DialNowInPreview) {
  EXPECT_OK(dialer_engine_add_contact(nullptr, engine_, "pv", kAda));
  EXPECT_OK(dialer_engine_login(engine_, "alice", "pv"));
  EXPECT_STATUS(dialer_engine_dial_now(engine_, "alice"), DIALER_FAILED_PRECONDITION,
                "not previewing");
  EXPECT_OK(dialer_engine_ready(engine_, "alice"));
  clock_.Advance(engine_, 1);
  ASSERT_EQ(AgentState("alice"), "preview");
  EXPECT_TRUE(events_.Any("\"type\":\"screen_pop\"", "\"preview\":true"));
  EXPECT_OK(dialer_engine_dial_now(engine_, "alice"));
  EXPECT_EQ(provider_.placed.size(), 1u);
  EXPECT_STATUS(dialer_engine_dial_now(engine_, "bob"), DIALER_NOT_FOUND, "'bob'");
}

TEST_F(CAbiTest, SkipContactInPreview) {
  EXPECT_OK(dialer_engine_add_contact(nullptr, engine_, "pv", kAda));
  EXPECT_OK(dialer_engine_login(engine_, "alice", "pv"));
  EXPECT_STATUS(dialer_engine_skip_contact(engine_, "alice"),
                DIALER_FAILED_PRECONDITION, "not previewing");
  EXPECT_OK(dialer_engine_ready(engine_, "alice"));
  clock_.Advance(engine_, 1);
  ASSERT_EQ(AgentState("alice"), "preview");
  EXPECT_OK(dialer_engine_skip_contact(engine_, "alice"));
  EXPECT_TRUE(provider_.placed.empty());
  EXPECT_STATUS(dialer_engine_skip_contact(nullptr, "alice"),
                DIALER_INVALID_ARGUMENT, "engine must not be NULL");
}

TEST_F(CAbiTest, Hangup) {
  const int64_t call = OnCall();
  EXPECT_OK(dialer_engine_login(engine_, "bob", "q3"));
  EXPECT_STATUS(dialer_engine_hangup(engine_, "bob"), DIALER_FAILED_PRECONDITION,
                "no live call");
  EXPECT_OK(dialer_engine_hangup(engine_, "alice"));
  EXPECT_THAT(provider_.commands, ::testing::Contains("hangup " + std::to_string(call)));
  EXPECT_EQ(AgentState("alice"), "wrap_up");
}

TEST_F(CAbiTest, DropVoicemail) {
  const int64_t call = OnCall();
  EXPECT_OK(dialer_engine_login(engine_, "bob", "q3"));
  EXPECT_STATUS(dialer_engine_drop_voicemail(engine_, "bob"),
                DIALER_FAILED_PRECONDITION, "not listening to an answered call");
  EXPECT_OK(dialer_engine_drop_voicemail(engine_, "alice"));
  EXPECT_THAT(provider_.commands,
              ::testing::Contains("play vm.wav " + std::to_string(call)));
  EXPECT_TRUE(events_.Any("\"type\":\"call\"", "voicemail_drop"));
}

TEST_F(CAbiTest, HangupMachine) {
  const int64_t call = OnCall();
  EXPECT_OK(dialer_engine_login(engine_, "bob", "q3"));
  EXPECT_STATUS(dialer_engine_hangup_machine(engine_, "bob"),
                DIALER_FAILED_PRECONDITION,
                "not listening to an answered call");
  EXPECT_OK(dialer_engine_hangup_machine(engine_, "alice"));
  EXPECT_THAT(provider_.commands,
              ::testing::Contains("hangup " + std::to_string(call)));
  EXPECT_TRUE(events_.Any("\"type\":\"call\"", "machine_hangup"));
  EXPECT_NE(AgentState("alice"), "wrap_up");
}

TEST_F(CAbiTest, Disposition) {
  WrapUp();
  EXPECT_OK(dialer_engine_login(engine_, "bob", "q3"));
  EXPECT_STATUS(dialer_engine_disposition(engine_, "bob", R"({"code": "meeting_booked"})"),
                DIALER_FAILED_PRECONDITION, "no call in wrap-up");
  EXPECT_STATUS(dialer_engine_disposition(engine_, "alice", R"({"code": "no_such_code"})"),
                DIALER_INVALID_ARGUMENT, "no_such_code");
  EXPECT_STATUS(dialer_engine_disposition(engine_, "alice", R"({"notes": "x"})"),
                DIALER_INVALID_ARGUMENT, "code");
  EXPECT_STATUS(dialer_engine_disposition(engine_, "alice", R"({"code": 7})"),
                DIALER_INVALID_ARGUMENT, "$.code");
  EXPECT_STATUS(dialer_engine_disposition(engine_, "alice", R"({"code": "callback"})"),
                DIALER_INVALID_ARGUMENT, "callback");
  EXPECT_OK(dialer_engine_disposition(
      engine_, "alice",
      R"({"code": "meeting_booked", "notes": "Tuesday", "fields": {"deal": "10k"}})"));
  EXPECT_STATUS(dialer_engine_disposition(engine_, "alice", R"({"code": "meeting_booked"})"),
                DIALER_FAILED_PRECONDITION, "already dispositioned");
  EXPECT_OK(dialer_engine_ready(engine_, "alice"));
}

TEST_F(CAbiTest, AddNote) {
  OnCall();
  EXPECT_OK(dialer_engine_login(engine_, "bob", "q3"));
  EXPECT_STATUS(dialer_engine_add_note(engine_, "bob", "hello"),
                DIALER_FAILED_PRECONDITION, "no current or last contact");
  EXPECT_OK(dialer_engine_add_note(engine_, "alice", "asked for a demo"));
  EXPECT_STATUS(dialer_engine_add_note(engine_, "alice", ""),
                DIALER_INVALID_ARGUMENT, "note text is empty");
  EXPECT_STATUS(dialer_engine_add_note(engine_, "alice", nullptr),
                DIALER_INVALID_ARGUMENT, "text must not be NULL");
}

// ---- Manager actions, observing ---------------------------------------------------

TEST_F(CAbiTest, AddToDnc) {
  EXPECT_OK(dialer_engine_add_to_dnc(engine_, "+12125550123", "complaint"));
  EXPECT_OK(dialer_engine_add_to_dnc(engine_, "+12125550124", nullptr));
  // A listed number is not dialed.
  EXPECT_OK(dialer_engine_add_contact(nullptr, engine_, "q3", kAda));
  EXPECT_OK(dialer_engine_login(engine_, "alice", "q3"));
  EXPECT_OK(dialer_engine_ready(engine_, "alice"));
  clock_.Advance(engine_, 1);
  EXPECT_TRUE(provider_.placed.empty());
  EXPECT_STATUS(dialer_engine_add_to_dnc(engine_, "555-0123", nullptr),
                DIALER_INVALID_ARGUMENT, "555-0123");
  EXPECT_STATUS(dialer_engine_add_to_dnc(engine_, nullptr, nullptr),
                DIALER_INVALID_ARGUMENT, "phone_e164 must not be NULL");
}

TEST_F(CAbiTest, CampaignStats) {
  OnCall();
  char* out = nullptr;
  EXPECT_OK(dialer_engine_campaign_stats(&out, engine_, "q3"));
  boost::json::object stats = ParseObject(Take(out));
  EXPECT_EQ(stats.at("campaign_id").as_string(), "q3");
  EXPECT_EQ(stats.at("dials").as_int64(), 1);
  EXPECT_EQ(stats.at("agents_by_state").at("on_call").as_int64(), 1);
  out = reinterpret_cast<char*>(1);
  EXPECT_STATUS(dialer_engine_campaign_stats(&out, engine_, "nope"), DIALER_NOT_FOUND,
                "nope");
  EXPECT_STATUS(dialer_engine_campaign_stats(nullptr, engine_, "q3"),
                DIALER_INVALID_ARGUMENT, "out must not be NULL");
}

TEST_F(CAbiTest, Agent) {
  const int64_t call = OnCall();
  char* out = nullptr;
  EXPECT_OK(dialer_engine_agent(&out, engine_, "alice"));
  boost::json::object agent = ParseObject(Take(out));
  EXPECT_EQ(agent.at("campaign_id").as_string(), "q3");
  EXPECT_EQ(agent.at("state").as_string(), "on_call");
  EXPECT_EQ(agent.at("call_id").as_int64(), call);
  EXPECT_STATUS(dialer_engine_agent(&out, engine_, "bob"), DIALER_NOT_FOUND, "'bob'");
  EXPECT_STATUS(dialer_engine_agent(&out, engine_, nullptr), DIALER_INVALID_ARGUMENT,
                "agent_id must not be NULL");
}

TEST_F(CAbiTest, Dashboard) {
  EXPECT_OK(dialer_engine_login(engine_, "alice", "q3"));
  EXPECT_OK(dialer_engine_login(engine_, "bob", "pv"));
  char* out = nullptr;
  EXPECT_OK(dialer_engine_dashboard(&out, engine_, "q3"));
  boost::json::object d = ParseObject(Take(out));
  EXPECT_EQ(d.at("at_us").as_int64(), clock_.now);
  ASSERT_EQ(d.at("agents").as_array().size(), 1u);  // bob is in pv
  EXPECT_EQ(d.at("agents").as_array()[0].at("agent_id").as_string(), "alice");
  EXPECT_EQ(d.at("stats").at("campaign_id").as_string(), "q3");
  EXPECT_STATUS(dialer_engine_dashboard(&out, engine_, "nope"), DIALER_NOT_FOUND,
                "nope");
  EXPECT_STATUS(dialer_engine_dashboard(nullptr, engine_, "q3"),
                DIALER_INVALID_ARGUMENT, "out must not be NULL");
}

// ---- Provider events and timers -------------------------------------------------

TEST_F(CAbiTest, PushProviderEvent) {
  const int64_t call = Dialing();
  dialer_provider_event ev = DIALER_PROVIDER_EVENT_INIT;
  ev.type = DIALER_PROVIDER_EVENT_ANSWERED;
  ev.call_id = call;
  EXPECT_OK(dialer_engine_push_provider_event(engine_, &ev));
  clock_.Advance(engine_, 1);
  EXPECT_EQ(AgentState("alice"), "on_call");

  dialer_provider_event bad = DIALER_PROVIDER_EVENT_INIT;
  bad.type = 42;
  EXPECT_STATUS(dialer_engine_push_provider_event(engine_, &bad),
                DIALER_INVALID_ARGUMENT, "event.type: 42");
  bad = dialer_provider_event DIALER_PROVIDER_EVENT_INIT;
  bad.amd = 99;
  EXPECT_STATUS(dialer_engine_push_provider_event(engine_, &bad),
                DIALER_INVALID_ARGUMENT, "event.amd: 99");
  bad = dialer_provider_event DIALER_PROVIDER_EVENT_INIT;
  bad.end_status = -1;
  EXPECT_STATUS(dialer_engine_push_provider_event(engine_, &bad),
                DIALER_INVALID_ARGUMENT, "event.end_status: -1");
  bad = dialer_provider_event DIALER_PROVIDER_EVENT_INIT;
  bad.struct_size = 8;
  EXPECT_STATUS(dialer_engine_push_provider_event(engine_, &bad),
                DIALER_INVALID_ARGUMENT, "struct_size");
  EXPECT_STATUS(dialer_engine_push_provider_event(engine_, nullptr),
                DIALER_INVALID_ARGUMENT, "event must not be NULL");
}

TEST_F(CAbiTest, FireTimer) {
  EXPECT_OK(dialer_engine_add_contact(nullptr, engine_, "q3", kAda));
  EXPECT_OK(dialer_engine_login(engine_, "alice", "q3"));
  EXPECT_OK(dialer_engine_ready(engine_, "alice"));
  ASSERT_FALSE(clock_.timers.empty());
  const uint64_t id = clock_.timers.begin()->second;
  clock_.timers.erase(clock_.timers.begin());
  EXPECT_OK(dialer_engine_fire_timer(engine_, id));
  EXPECT_STATUS(dialer_engine_fire_timer(engine_, id), DIALER_NOT_FOUND, "");
  EXPECT_STATUS(dialer_engine_fire_timer(engine_, 999999), DIALER_NOT_FOUND, "");
  EXPECT_STATUS(dialer_engine_fire_timer(nullptr, id), DIALER_INVALID_ARGUMENT,
                "engine must not be NULL");
}

TEST(CAbiFireTimerTest, SystemClockEnginesHaveNoHostTimers) {
  Provider provider;
  dialer_provider p = provider.VTable();
  dialer_engine_options o = DIALER_ENGINE_OPTIONS_INIT;
  o.provider = &p;
  dialer_engine* engine = nullptr;
  ASSERT_EQ(dialer_engine_new(&engine, &o), DIALER_OK);
  EXPECT_STATUS(dialer_engine_fire_timer(engine, 1), DIALER_FAILED_PRECONDITION,
                "system clock");
  dialer_engine_free(engine);
}

// ---- Host buffers ---------------------------------------------------------------

TEST(CAbiBufferTest, BufferSetCarriesAProviderFailureIntoTheEngine) {
  Provider provider;
  ThrowingStore store;
  ManualClock clock;
  Events events;
  provider.place_status = DIALER_UNAVAILABLE;
  provider.place_message = "switch is down";
  dialer_provider p = provider.VTable();
  dialer_store s = store.VTable();
  dialer_clock c = clock.VTable();
  dialer_engine_options o = DIALER_ENGINE_OPTIONS_INIT;
  o.config_json = kConfig;
  o.provider = &p;
  o.store = &s;
  o.clock = &c;
  o.on_event = Events::On;
  o.event_user_data = &events;
  dialer_engine* engine = nullptr;
  ASSERT_EQ(dialer_engine_new(&engine, &o), DIALER_OK) << dialer_last_error_message();
  EXPECT_OK(dialer_engine_add_contact(nullptr, engine, "q3", kAda));
  EXPECT_OK(dialer_engine_login(engine, "alice", "q3"));
  EXPECT_OK(dialer_engine_ready(engine, "alice"));
  clock.Advance(engine, 1);
  // The failed dial ends the call; the provider's message is the attempt's
  // provider_error in the store.
  EXPECT_TRUE(events.Any("\"state\":\"ended\"", "\"type\":\"call\""));
  EXPECT_THAT(store.commits, HasSubstr("switch is down"));
  dialer_engine_free(engine);
}

TEST_F(CAbiTest, BufferSetFailures) {
  EXPECT_STATUS(dialer_buffer_set(nullptr, "x", 1), DIALER_INVALID_ARGUMENT,
                "buffer must not be NULL");
  // NULL data with a length, from inside a host function (the only place a
  // buffer exists).
  provider_.probe_null_data = true;
  Dialing();
  EXPECT_EQ(provider_.probe_status, DIALER_INVALID_ARGUMENT);
  EXPECT_THAT(provider_.probe_message, HasSubstr("data must not be NULL"));
}

// ---- Simulation -------------------------------------------------------------------

std::string ReadScenario() {
  std::ifstream in(DIALER_SOURCE_DIR "/tests/conformance/scenario.json");
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(CAbiSimTest, SimRun) {
  const std::string scenario = ReadScenario();
  ASSERT_FALSE(scenario.empty());
  char* out = nullptr;
  dialer_sim_options o = DIALER_SIM_OPTIONS_INIT;
  o.override_seed = true;
  o.seed = 7;
  int lines = 0;
  o.on_log_line = [](void* ud, const char*, size_t) { ++*static_cast<int*>(ud); };
  o.log_user_data = &lines;
  EXPECT_OK(dialer_sim_run(&out, scenario.c_str(), &o));
  const std::string report = Take(out);
  EXPECT_THAT(report, HasSubstr("\"seed\":7"));
  EXPECT_THAT(report, HasSubstr("\"wall_s\":0"));
  EXPECT_GT(lines, 0);

  out = reinterpret_cast<char*>(1);
  EXPECT_STATUS(dialer_sim_run(&out, R"({"format": 1, "agents": {"count": "x"}})", nullptr),
                DIALER_INVALID_ARGUMENT, "$.agents.count");
  EXPECT_EQ(out, nullptr);
  o.pacer = "turbo";
  EXPECT_STATUS(dialer_sim_run(&out, scenario.c_str(), &o), DIALER_INVALID_ARGUMENT,
                "turbo");
  EXPECT_STATUS(dialer_sim_run(nullptr, scenario.c_str(), nullptr),
                DIALER_INVALID_ARGUMENT, "out must not be NULL");
  EXPECT_STATUS(dialer_sim_run(&out, nullptr, nullptr), DIALER_INVALID_ARGUMENT,
                "must not be NULL");
}

}  // namespace
