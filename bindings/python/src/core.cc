// dialer._core: the thin Python layer over the C ABI (include/dialer/c.h).
// One Python function per C function, same names without the `dialer_`
// prefix; JSON stays JSON here (the pure-Python package parses it).
// scripts/check_binding_coverage.py reads the `// C: dialer_...` comments.
//
// The GIL is released around every call into the engine and taken in every
// callback from it, so a Python thread waiting on the engine never
// deadlocks against the engine's strand calling back into Python.
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "dialer/c.h"
#include "dialer/c_provider.h"

namespace py = pybind11;

namespace {

// Exception classes by status code, installed by the pure-Python package.
py::dict& ErrorClasses() {
  static py::dict* classes = new py::dict();
  return *classes;
}

[[noreturn]] void Raise(dialer_status code, const std::string& message) {
  py::object cls = py::none();
  if (ErrorClasses().contains(py::int_(code))) cls = ErrorClasses()[py::int_(code)];
  if (cls.is_none()) throw std::runtime_error(message);
  py::object error = cls(message);
  error.attr("code") = py::int_(code);
  PyErr_SetObject(cls.ptr(), error.ptr());
  throw py::error_already_set();
}

// Raises the mapped exception for a failed status. Called with the GIL held.
void Check(dialer_status status) {
  if (status != DIALER_OK) Raise(status, dialer_last_error_message());
}

std::string TakeString(char* s) {
  std::string out(s == nullptr ? "" : s);
  dialer_free(s);
  return out;
}

// Turns the Python exception being handled into a status for the engine and
// writes its message into `buffer`. Called with the GIL held.
dialer_status StatusFromPython(py::error_already_set& e, dialer_buffer* buffer) {
  dialer_status code = DIALER_INTERNAL;
  // A dialer.Error is the host's answer; anything else is a bug in the host
  // code, reported through sys.unraisablehook as well.
  const bool expected = e.value() && py::hasattr(e.value(), "code") &&
                        py::isinstance<py::int_>(e.value().attr("code"));
  if (expected) code = e.value().attr("code").cast<int32_t>();
  std::string message = py::str(e.value());
  if (buffer != nullptr) dialer_buffer_set(buffer, message.data(), message.size());
  if (!expected) e.discard_as_unraisable("dialer host callback");
  return code == DIALER_OK ? DIALER_INTERNAL : code;
}

// The host objects behind a vtable's user_data.
struct PyHost {
  py::object target;
};

void DestroyHost(void* user_data) {
  py::gil_scoped_acquire gil;
  delete static_cast<PyHost*>(user_data);
}

py::object& Target(void* user_data) { return static_cast<PyHost*>(user_data)->target; }

// Calls `method` of the host object; a returned str is copied into `out`.
template <typename... Args>
dialer_status CallHost(void* user_data, const char* method, dialer_buffer* out,
                       Args&&... args) {
  py::gil_scoped_acquire gil;
  try {
    py::object result = Target(user_data).attr(method)(std::forward<Args>(args)...);
    if (out != nullptr && py::isinstance<py::str>(result)) {
      std::string s = result.cast<std::string>();
      dialer_buffer_set(out, s.data(), s.size());
    }
    return DIALER_OK;
  } catch (py::error_already_set& e) {
    return StatusFromPython(e, out);
  }
}

dialer_provider MakeProvider(py::object target) {
  dialer_provider p = DIALER_PROVIDER_INIT;
  p.user_data = new PyHost{std::move(target)};
  p.destroy = DestroyHost;
  p.place_call = [](void* ud, const dialer_dial_request* r, dialer_buffer* error) {
    return CallHost(ud, "place_call", error, r->call_id, std::string(r->to),
                    std::string(r->caller_id), r->ring_timeout_us, r->amd_mode,
                    std::string(r->conference));
  };
  p.cancel_call = [](void* ud, int64_t call, dialer_buffer* error) {
    return CallHost(ud, "cancel_call", error, call);
  };
  p.hangup = [](void* ud, int64_t call, dialer_buffer* error) {
    return CallHost(ud, "hangup", error, call);
  };
  p.bridge = [](void* ud, int64_t call, const char* conference, dialer_buffer* error) {
    return CallHost(ud, "bridge", error, call, std::string(conference));
  };
  p.play_and_hangup = [](void* ud, int64_t call, const char* audio, bool after_beep,
                         dialer_buffer* error) {
    return CallHost(ud, "play_and_hangup", error, call, std::string(audio), after_beep);
  };
  p.set_participant = [](void* ud, const char* conference, const char* participant,
                         int32_t role, dialer_buffer* error) {
    return CallHost(ud, "set_participant", error, std::string(conference),
                    std::string(participant), role);
  };
  return p;
}

dialer_store MakeStore(py::object target) {
  dialer_store s = DIALER_STORE_INIT;
  s.user_data = new PyHost{std::move(target)};
  s.destroy = DestroyHost;
  s.add_contacts = [](void* ud, const char* json, size_t len, dialer_buffer* out) {
    return CallHost(ud, "add_contacts", out, std::string(json, len));
  };
  s.get_contact = [](void* ud, int64_t id, dialer_buffer* out) {
    return CallHost(ud, "get_contact", out, id);
  };
  s.commit = [](void* ud, const char* json, size_t len, dialer_buffer* out) {
    return CallHost(ud, "commit", out, std::string(json, len));
  };
  s.attempts_since = [](void* ud, int64_t id, dialer_time_us since, dialer_buffer* out) {
    return CallHost(ud, "attempts_since", out, id, since);
  };
  s.internal_dnc = [](void* ud, dialer_buffer* out) {
    return CallHost(ud, "internal_dnc", out);
  };
  return s;
}

dialer_clock MakeClock(py::object target) {
  dialer_clock c = DIALER_CLOCK_INIT;
  c.user_data = new PyHost{std::move(target)};
  c.destroy = DestroyHost;
  c.now_us = [](void* ud) -> dialer_time_us {
    py::gil_scoped_acquire gil;
    try {
      return Target(ud).attr("now_us")().cast<int64_t>();
    } catch (py::error_already_set& e) {
      StatusFromPython(e, nullptr);
      return 0;
    }
  };
  c.schedule_at = [](void* ud, dialer_time_us when, uint64_t id) {
    CallHost(ud, "schedule_at", nullptr, when, id);
  };
  c.cancel = [](void* ud, uint64_t id) { CallHost(ud, "cancel", nullptr, id); };
  return c;
}

void OnEvent(void* user_data, const char* json, size_t len) {
  py::gil_scoped_acquire gil;
  try {
    Target(user_data)(py::str(json, len));
  } catch (py::error_already_set& e) {
    e.discard_as_unraisable("dialer event callback");
  }
}

// Owns a dialer_engine and the Python event callback it calls.
class EngineHandle {
 public:
  EngineHandle(std::optional<std::string> config_json, py::object provider,
               py::object store, py::object clock, py::object on_event) {
    // C: dialer_engine_new
    dialer_engine_options o = DIALER_ENGINE_OPTIONS_INIT;
    if (config_json) o.config_json = config_json->c_str();
    dialer_provider p = MakeProvider(std::move(provider));
    o.provider = &p;
    dialer_store s;
    if (!store.is_none()) {
      s = MakeStore(std::move(store));
      o.store = &s;
    }
    dialer_clock c;
    if (!clock.is_none()) {
      c = MakeClock(std::move(clock));
      o.clock = &c;
    }
    if (!on_event.is_none()) {
      events_ = std::make_unique<PyHost>(PyHost{std::move(on_event)});
      o.on_event = OnEvent;
      o.event_user_data = events_.get();
    }
    dialer_status st;
    {
      py::gil_scoped_release release;
      st = dialer_engine_new(&engine_, &o);
    }
    Check(st);
  }
  ~EngineHandle() { Close(); }

  // C: dialer_engine_free
  void Close() {
    if (engine_ == nullptr) return;
    dialer_engine* e = std::exchange(engine_, nullptr);
    {
      py::gil_scoped_release release;
      dialer_engine_free(e);
    }
    events_.reset();
  }
  bool closed() const { return engine_ == nullptr; }

  // Runs `f(engine)` without the GIL and raises on failure.
  template <typename F>
  void Run(F&& f) {
    if (engine_ == nullptr) Raise(DIALER_FAILED_PRECONDITION, "the engine is closed");
    dialer_status st;
    {
      py::gil_scoped_release release;
      st = f(engine_);
    }
    Check(st);
  }

  template <typename F>
  std::string RunString(F&& f) {
    char* out = nullptr;
    Run([&](dialer_engine* e) { return f(&out, e); });
    return TakeString(out);
  }

 private:
  dialer_engine* engine_ = nullptr;
  std::unique_ptr<PyHost> events_;
};

using Agent1 = dialer_status (*)(dialer_engine*, const char*);

void BindAgentCall(py::class_<EngineHandle>& cls, const char* name, Agent1 fn) {
  cls.def(name, [fn](EngineHandle& h, const std::string& agent_id) {
    h.Run([&](dialer_engine* e) { return fn(e, agent_id.c_str()); });
  });
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "Thin binding of the dialer C ABI; use the `dialer` package.";

  // C: dialer_version
  m.def("version", [] {
    int major, minor, patch;
    dialer_version(&major, &minor, &patch);
    return py::make_tuple(major, minor, patch);
  });
  // C: dialer_version_string
  m.def("version_string", [] { return std::string(dialer_version_string()); });
  // C: dialer_status_name
  m.def("status_name", [](int32_t s) { return std::string(dialer_status_name(s)); });
  // C: dialer_last_error_message
  m.def("last_error_message", [] { return std::string(dialer_last_error_message()); });
  // C: dialer_last_error_code
  m.def("last_error_code", [] { return dialer_last_error_code(); });
  m.def("set_error_classes", [](py::dict classes) { ErrorClasses() = std::move(classes); });

  // C: dialer_sim_run
  m.def(
      "sim_run",
      [](const std::string& scenario_json, std::optional<std::string> pacer,
         std::optional<uint64_t> seed, py::object on_log_line, bool keep_wall_time) {
        dialer_sim_options o = DIALER_SIM_OPTIONS_INIT;
        if (pacer) o.pacer = pacer->c_str();
        if (seed) {
          o.override_seed = true;
          o.seed = *seed;
        }
        PyHost log{on_log_line};
        if (!on_log_line.is_none()) {
          o.on_log_line = [](void* ud, const char* line, size_t len) {
            py::gil_scoped_acquire gil;
            try {
              Target(ud)(py::str(line, len));
            } catch (py::error_already_set& e) {
              e.discard_as_unraisable("dialer log callback");
            }
          };
          o.log_user_data = &log;
        }
        o.keep_wall_time = keep_wall_time;
        char* out = nullptr;
        dialer_status st;
        {
          py::gil_scoped_release release;
          st = dialer_sim_run(&out, scenario_json.c_str(), &o);
        }
        Check(st);
        return TakeString(out);
      },
      py::arg("scenario_json"), py::arg("pacer") = py::none(), py::arg("seed") = py::none(),
      py::arg("on_log_line") = py::none(), py::arg("keep_wall_time") = false);

  py::class_<EngineHandle> cls(m, "EngineHandle");
  cls.def(py::init<std::optional<std::string>, py::object, py::object, py::object,
                   py::object>(),
          py::arg("config_json"), py::arg("provider"), py::arg("store") = py::none(),
          py::arg("clock") = py::none(), py::arg("on_event") = py::none());
  cls.def("close", &EngineHandle::Close);
  cls.def_property_readonly("closed", &EngineHandle::closed);
  // C: dialer_engine_add_campaign
  cls.def("add_campaign", [](EngineHandle& h, const std::string& json) {
    h.Run([&](dialer_engine* e) { return dialer_engine_add_campaign(e, json.c_str()); });
  });
  // C: dialer_engine_add_contact
  cls.def("add_contact", [](EngineHandle& h, const std::string& campaign,
                            const std::string& json) {
    int64_t id = 0;
    h.Run([&](dialer_engine* e) {
      return dialer_engine_add_contact(&id, e, campaign.c_str(), json.c_str());
    });
    return id;
  });
  // C: dialer_engine_import_csv
  cls.def("import_csv", [](EngineHandle& h, const std::string& campaign,
                           const py::bytes& csv, std::optional<std::string> options) {
    std::string data = csv;
    return h.RunString([&](char** out, dialer_engine* e) {
      return dialer_engine_import_csv(out, e, campaign.c_str(), data.data(), data.size(),
                                      options ? options->c_str() : nullptr);
    });
  });
  // C: dialer_engine_login
  cls.def("login", [](EngineHandle& h, const std::string& agent, const std::string& campaign) {
    h.Run([&](dialer_engine* e) {
      return dialer_engine_login(e, agent.c_str(), campaign.c_str());
    });
  });
  // C: dialer_engine_ready
  BindAgentCall(cls, "ready", dialer_engine_ready);
  // C: dialer_engine_logout
  BindAgentCall(cls, "logout", dialer_engine_logout);
  // C: dialer_engine_dial_now
  BindAgentCall(cls, "dial_now", dialer_engine_dial_now);
  // C: dialer_engine_skip_contact
  BindAgentCall(cls, "skip_contact", dialer_engine_skip_contact);
  // C: dialer_engine_hangup
  BindAgentCall(cls, "hangup", dialer_engine_hangup);
  // C: dialer_engine_drop_voicemail
  BindAgentCall(cls, "drop_voicemail", dialer_engine_drop_voicemail);
  // C: dialer_engine_hangup_machine
  BindAgentCall(cls, "hangup_machine", dialer_engine_hangup_machine);
  // C: dialer_engine_break
  cls.def("break_", [](EngineHandle& h, const std::string& agent, const std::string& reason) {
    h.Run([&](dialer_engine* e) {
      return dialer_engine_break(e, agent.c_str(), reason.c_str());
    });
  });
  // C: dialer_engine_disposition
  cls.def("disposition", [](EngineHandle& h, const std::string& agent,
                            const std::string& json) {
    h.Run([&](dialer_engine* e) {
      return dialer_engine_disposition(e, agent.c_str(), json.c_str());
    });
  });
  // C: dialer_engine_add_note
  cls.def("add_note", [](EngineHandle& h, const std::string& agent, const std::string& text) {
    h.Run([&](dialer_engine* e) {
      return dialer_engine_add_note(e, agent.c_str(), text.c_str());
    });
  });
  // C: dialer_engine_add_to_dnc
  cls.def("add_to_dnc", [](EngineHandle& h, const std::string& phone,
                           const std::string& source) {
    h.Run([&](dialer_engine* e) {
      return dialer_engine_add_to_dnc(e, phone.c_str(), source.c_str());
    });
  });
  // C: dialer_engine_campaign_stats
  cls.def("campaign_stats", [](EngineHandle& h, const std::string& campaign) {
    return h.RunString([&](char** out, dialer_engine* e) {
      return dialer_engine_campaign_stats(out, e, campaign.c_str());
    });
  });
  // C: dialer_engine_agent
  cls.def("agent", [](EngineHandle& h, const std::string& agent) {
    return h.RunString([&](char** out, dialer_engine* e) {
      return dialer_engine_agent(out, e, agent.c_str());
    });
  });
  // C: dialer_engine_dashboard
  cls.def("dashboard", [](EngineHandle& h, const std::string& campaign) {
    return h.RunString([&](char** out, dialer_engine* e) {
      return dialer_engine_dashboard(out, e, campaign.c_str());
    });
  });
  // C: dialer_engine_push_provider_event
  cls.def(
      "push_provider_event",
      [](EngineHandle& h, int32_t type, int64_t call_id, int64_t at_us, int32_t amd,
         int32_t end_status, int64_t duration_us, int32_t error_code,
         const std::string& error_message) {
        dialer_provider_event ev = DIALER_PROVIDER_EVENT_INIT;
        ev.type = type;
        ev.call_id = call_id;
        ev.at_us = at_us;
        ev.amd = amd;
        ev.end_status = end_status;
        ev.duration_us = duration_us;
        ev.error_code = error_code;
        ev.error_message = error_message.c_str();
        h.Run([&](dialer_engine* e) { return dialer_engine_push_provider_event(e, &ev); });
      },
      py::arg("type"), py::arg("call_id"), py::arg("at_us") = DIALER_TIME_UNKNOWN,
      py::arg("amd") = DIALER_AMD_UNKNOWN, py::arg("end_status") = DIALER_END_COMPLETED,
      py::arg("duration_us") = 0, py::arg("error_code") = 0, py::arg("error_message") = "");
  // C: dialer_engine_fire_timer
  cls.def("fire_timer", [](EngineHandle& h, uint64_t id) {
    h.Run([&](dialer_engine* e) { return dialer_engine_fire_timer(e, id); });
  });

  // Constants of c.h and c_provider.h, for the enums of the pure-Python layer.
#define DIALER_PY_CONSTANT(name) m.attr(#name) = py::int_(name)
  DIALER_PY_CONSTANT(DIALER_OK);
  DIALER_PY_CONSTANT(DIALER_CANCELLED);
  DIALER_PY_CONSTANT(DIALER_UNKNOWN);
  DIALER_PY_CONSTANT(DIALER_INVALID_ARGUMENT);
  DIALER_PY_CONSTANT(DIALER_DEADLINE_EXCEEDED);
  DIALER_PY_CONSTANT(DIALER_NOT_FOUND);
  DIALER_PY_CONSTANT(DIALER_ALREADY_EXISTS);
  DIALER_PY_CONSTANT(DIALER_PERMISSION_DENIED);
  DIALER_PY_CONSTANT(DIALER_RESOURCE_EXHAUSTED);
  DIALER_PY_CONSTANT(DIALER_FAILED_PRECONDITION);
  DIALER_PY_CONSTANT(DIALER_ABORTED);
  DIALER_PY_CONSTANT(DIALER_OUT_OF_RANGE);
  DIALER_PY_CONSTANT(DIALER_UNIMPLEMENTED);
  DIALER_PY_CONSTANT(DIALER_INTERNAL);
  DIALER_PY_CONSTANT(DIALER_UNAVAILABLE);
  DIALER_PY_CONSTANT(DIALER_DATA_LOSS);
  DIALER_PY_CONSTANT(DIALER_UNAUTHENTICATED);
  DIALER_PY_CONSTANT(DIALER_TIME_UNKNOWN);
  DIALER_PY_CONSTANT(DIALER_MODE_POWER);
  DIALER_PY_CONSTANT(DIALER_MODE_PARALLEL);
  DIALER_PY_CONSTANT(DIALER_MODE_PREDICTIVE);
  DIALER_PY_CONSTANT(DIALER_AGENT_LOGGED_OUT);
  DIALER_PY_CONSTANT(DIALER_AGENT_READY);
  DIALER_PY_CONSTANT(DIALER_AGENT_PREVIEW);
  DIALER_PY_CONSTANT(DIALER_AGENT_DIALING);
  DIALER_PY_CONSTANT(DIALER_AGENT_ON_CALL);
  DIALER_PY_CONSTANT(DIALER_AGENT_WRAP_UP);
  DIALER_PY_CONSTANT(DIALER_AGENT_BREAK);
  DIALER_PY_CONSTANT(DIALER_CALL_DIALING);
  DIALER_PY_CONSTANT(DIALER_CALL_RINGING);
  DIALER_PY_CONSTANT(DIALER_CALL_ANSWERED);
  DIALER_PY_CONSTANT(DIALER_CALL_CONNECTING);
  DIALER_PY_CONSTANT(DIALER_CALL_CONNECTED);
  DIALER_PY_CONSTANT(DIALER_CALL_MACHINE);
  DIALER_PY_CONSTANT(DIALER_CALL_ABANDONING);
  DIALER_PY_CONSTANT(DIALER_CALL_ENDED);
  DIALER_PY_CONSTANT(DIALER_PROVIDER_EVENT_RINGING);
  DIALER_PY_CONSTANT(DIALER_PROVIDER_EVENT_ANSWERED);
  DIALER_PY_CONSTANT(DIALER_PROVIDER_EVENT_AMD);
  DIALER_PY_CONSTANT(DIALER_PROVIDER_EVENT_BRIDGED);
  DIALER_PY_CONSTANT(DIALER_PROVIDER_EVENT_COMPLETED);
  DIALER_PY_CONSTANT(DIALER_PROVIDER_EVENT_FAILED);
  DIALER_PY_CONSTANT(DIALER_PROVIDER_EVENT_PLAYBACK_DONE);
  DIALER_PY_CONSTANT(DIALER_AMD_HUMAN);
  DIALER_PY_CONSTANT(DIALER_AMD_MACHINE_START);
  DIALER_PY_CONSTANT(DIALER_AMD_MACHINE_END_BEEP);
  DIALER_PY_CONSTANT(DIALER_AMD_MACHINE_END_SILENCE);
  DIALER_PY_CONSTANT(DIALER_AMD_MACHINE_END_OTHER);
  DIALER_PY_CONSTANT(DIALER_AMD_FAX);
  DIALER_PY_CONSTANT(DIALER_AMD_UNKNOWN);
  DIALER_PY_CONSTANT(DIALER_END_COMPLETED);
  DIALER_PY_CONSTANT(DIALER_END_BUSY);
  DIALER_PY_CONSTANT(DIALER_END_NO_ANSWER);
  DIALER_PY_CONSTANT(DIALER_END_FAILED);
  DIALER_PY_CONSTANT(DIALER_END_CANCELED);
  DIALER_PY_CONSTANT(DIALER_AMD_MODE_OFF);
  DIALER_PY_CONSTANT(DIALER_AMD_MODE_DETECT);
  DIALER_PY_CONSTANT(DIALER_AMD_MODE_DETECT_MESSAGE_END);
  DIALER_PY_CONSTANT(DIALER_ROLE_AGENT);
  DIALER_PY_CONSTANT(DIALER_ROLE_LISTEN);
  DIALER_PY_CONSTANT(DIALER_ROLE_WHISPER);
  DIALER_PY_CONSTANT(DIALER_ROLE_BARGE);
  DIALER_PY_CONSTANT(DIALER_ROLE_TAKEOVER);
#undef DIALER_PY_CONSTANT
}
