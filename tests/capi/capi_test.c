/* The C ABI from real C: a simulated campaign through dialer_sim_run, and an
 * engine driven by a C host (manual clock and provider implemented here)
 * through a power-dialed call from login to disposition, with the failures a
 * host must see as status codes. Prints one line per check; exits non-zero
 * on the first failure.
 *
 * Usage: capi_test <scenario.json> */
#include <dialer/c.h>
#include <dialer/c_provider.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define CHECK(cond)                                                    \
  do {                                                                 \
    if (!(cond)) {                                                     \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s %s)\n", \
              __FILE__, __LINE__, #cond,                               \
              dialer_status_name(dialer_last_error_code()),            \
              dialer_last_error_message());                            \
      exit(1);                                                         \
    }                                                                  \
  } while (0)

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)n + 1);
  if (text == NULL || fread(text, 1, (size_t)n, f) != (size_t)n) {
    fclose(f);
    free(text);
    return NULL;
  }
  text[n] = '\0';
  fclose(f);
  return text;
}

/* ---- A manual clock --------------------------------------------------------- */

#define MAX_TIMERS 256
typedef struct {
  dialer_time_us now;
  int count;
  uint64_t ids[MAX_TIMERS];
  dialer_time_us when[MAX_TIMERS];
  int destroyed;
} manual_clock;

static dialer_time_us clock_now(void *ud) { return ((manual_clock *)ud)->now; }

static void clock_schedule(void *ud, dialer_time_us when, uint64_t id) {
  manual_clock *c = ud;
  CHECK(c->count < MAX_TIMERS);
  c->ids[c->count] = id;
  c->when[c->count] = when;
  c->count++;
}

static void clock_destroy(void *ud) { ((manual_clock *)ud)->destroyed++; }

/* Fires every timer due up to `until`, earliest (then first scheduled)
 * first, moving the time to each deadline. Returns how many fired. */
static int clock_advance_to(manual_clock *c, dialer_engine *engine,
                            dialer_time_us until) {
  int fired = 0;
  for (;;) {
    int best = -1;
    for (int i = 0; i < c->count; ++i) {
      if (c->when[i] <= until && (best < 0 || c->when[i] < c->when[best])) {
        best = i;
      }
    }
    if (best < 0) break;
    uint64_t id = c->ids[best];
    if (c->when[best] > c->now) c->now = c->when[best];
    memmove(&c->ids[best], &c->ids[best + 1],
            (size_t)(c->count - best - 1) * sizeof c->ids[0]);
    memmove(&c->when[best], &c->when[best + 1],
            (size_t)(c->count - best - 1) * sizeof c->when[0]);
    c->count--;
    dialer_status st = dialer_engine_fire_timer(engine, id);
    CHECK(st == DIALER_OK || st == DIALER_NOT_FOUND);
    if (st == DIALER_OK) fired++;
  }
  if (until > c->now) c->now = until;
  return fired;
}

/* ---- A provider that records commands ------------------------------------- */

typedef struct {
  int64_t last_call;
  char last_to[32];
  int placed, hangups, bridges, plays, destroyed;
} recording_provider;

static dialer_status place_call(void *ud, const dialer_dial_request *r,
                                dialer_buffer *error) {
  recording_provider *p = ud;
  if (strncmp(r->to, "+1", 2) != 0) {
    const char msg[] = "test provider: only +1 numbers";
    dialer_buffer_set(error, msg, sizeof msg - 1);
    return DIALER_INVALID_ARGUMENT;
  }
  p->last_call = r->call_id;
  snprintf(p->last_to, sizeof p->last_to, "%s", r->to);
  p->placed++;
  return DIALER_OK;
}
static dialer_status cancel_call(void *ud, int64_t call, dialer_buffer *e) {
  (void)ud; (void)call; (void)e;
  return DIALER_OK;
}
static dialer_status hangup(void *ud, int64_t call, dialer_buffer *e) {
  (void)call; (void)e;
  ((recording_provider *)ud)->hangups++;
  return DIALER_OK;
}
static dialer_status bridge(void *ud, int64_t call, const char *conf,
                            dialer_buffer *e) {
  (void)call; (void)conf; (void)e;
  ((recording_provider *)ud)->bridges++;
  return DIALER_OK;
}
static dialer_status play(void *ud, int64_t call, const char *audio,
                          bool after_beep, dialer_buffer *e) {
  (void)call; (void)audio; (void)after_beep; (void)e;
  ((recording_provider *)ud)->plays++;
  return DIALER_OK;
}
static void provider_destroy(void *ud) {
  ((recording_provider *)ud)->destroyed++;
}

/* ---- Events ---------------------------------------------------------------------- */

typedef struct {
  int count, screen_pops, agent_states, calls;
} event_counts;

static void on_event(void *ud, const char *json, size_t len) {
  event_counts *c = ud;
  CHECK(strlen(json) == len);
  CHECK(json[0] == '{');
  c->count++;
  if (strstr(json, "\"type\":\"screen_pop\"") != NULL) c->screen_pops++;
  if (strstr(json, "\"type\":\"agent_state\"") != NULL) c->agent_states++;
  if (strstr(json, "\"type\":\"call\"") != NULL) c->calls++;
}

static void push(dialer_engine *engine, int32_t type, int64_t call,
                 dialer_time_us at) {
  dialer_provider_event ev = DIALER_PROVIDER_EVENT_INIT;
  ev.type = type;
  ev.call_id = call;
  ev.at_us = at;
  if (type == DIALER_PROVIDER_EVENT_COMPLETED) ev.duration_us = 60000000;
  CHECK(dialer_engine_push_provider_event(engine, &ev) == DIALER_OK);
}

static void test_errors_and_version(void) {
  int major = -1, minor = -1, patch = -1;
  dialer_version(&major, &minor, &patch);
  CHECK(major == DIALER_VERSION_MAJOR && minor == DIALER_VERSION_MINOR &&
        patch == DIALER_VERSION_PATCH);
  CHECK(strcmp(dialer_version_string(), DIALER_VERSION_STRING) == 0);
  CHECK(strcmp(dialer_status_name(DIALER_NOT_FOUND), "NOT_FOUND") == 0);
  CHECK(strcmp(dialer_status_name(99), "UNKNOWN") == 0);

  dialer_engine *engine = (dialer_engine *)1;
  dialer_engine_options options = DIALER_ENGINE_OPTIONS_INIT;
  CHECK(dialer_engine_new(&engine, &options) == DIALER_INVALID_ARGUMENT);
  CHECK(engine == NULL);
  CHECK(strstr(dialer_last_error_message(), "provider") != NULL);
  CHECK(dialer_last_error_code() == DIALER_INVALID_ARGUMENT);
  CHECK(dialer_engine_ready(NULL, "a") == DIALER_INVALID_ARGUMENT);
  dialer_engine_free(NULL);
  dialer_free(NULL);
  printf("ok: version, status names, NULL handling\n");
}

static void test_simulated_campaign(const char *scenario) {
  char *report = NULL;
  dialer_sim_options options = DIALER_SIM_OPTIONS_INIT;
  CHECK(dialer_sim_run(&report, scenario, &options) == DIALER_OK);
  CHECK(report != NULL);
  CHECK(strstr(report, "\"dials\":") != NULL);
  CHECK(strstr(report, "\"dials\":0,") == NULL);
  CHECK(strstr(report, "\"wall_s\":0") != NULL);
  char *again = NULL;
  CHECK(dialer_sim_run(&again, scenario, NULL) == DIALER_OK);
  CHECK(strcmp(report, again) == 0);
  dialer_free(again);
  dialer_free(report);

  report = (char *)1;
  CHECK(dialer_sim_run(&report, "{\"format\": 1, \"agents\": {\"count\": \"x\"}}",
                       NULL) == DIALER_INVALID_ARGUMENT);
  CHECK(report == NULL);
  CHECK(strstr(dialer_last_error_message(), "$.agents.count") != NULL);
  printf("ok: simulated campaign, reproducible report, scenario errors\n");
}

static void test_engine_with_c_host(void) {
  manual_clock clock = {0};
  clock.now = 1773158400000000; /* 2026-03-10T16:00:00Z, 12:00 in New York */
  recording_provider rec = {0};
  event_counts events = {0};

  dialer_clock c = DIALER_CLOCK_INIT;
  c.user_data = &clock;
  c.destroy = clock_destroy;
  c.now_us = clock_now;
  c.schedule_at = clock_schedule;
  dialer_provider p = DIALER_PROVIDER_INIT;
  p.user_data = &rec;
  p.destroy = provider_destroy;
  p.place_call = place_call;
  p.cancel_call = cancel_call;
  p.hangup = hangup;
  p.bridge = bridge;
  p.play_and_hangup = play;

  dialer_engine_options options = DIALER_ENGINE_OPTIONS_INIT;
  options.config_json =
      "{\"campaigns\": [{\"id\": \"q3\", \"caller_ids\": [\"+12125550100\"],"
      " \"auto_advance_delay_s\": 2, \"wrap_up\": {\"mode\": \"manual\"}}]}";
  options.provider = &p;
  options.clock = &c;
  options.on_event = on_event;
  options.event_user_data = &events;
  dialer_engine *engine = NULL;
  CHECK(dialer_engine_new(&engine, &options) == DIALER_OK);

  int64_t id = 0;
  CHECK(dialer_engine_add_contact(
            &id, engine, "q3",
            "{\"first_name\": \"Ada\", \"phone\": \"+12125550123\","
            " \"state\": \"NY\", \"time_zone\": \"America/New_York\"}") ==
        DIALER_OK);
  CHECK(id > 0);
  CHECK(dialer_engine_add_contact(&id, engine, "nope",
                                  "{\"phone\": \"+12125550124\"}") ==
        DIALER_NOT_FOUND);
  CHECK(dialer_engine_add_contact(&id, engine, "q3", "{\"phone\": 5}") ==
        DIALER_INVALID_ARGUMENT);
  CHECK(strstr(dialer_last_error_message(), "$.phone") != NULL);

  CHECK(dialer_engine_login(engine, "alice", "q3") == DIALER_OK);
  CHECK(dialer_engine_ready(engine, "alice") == DIALER_OK);
  clock_advance_to(&clock, engine, clock.now + 2000000);
  CHECK(rec.placed == 1);
  CHECK(strcmp(rec.last_to, "+12125550123") == 0);

  push(engine, DIALER_PROVIDER_EVENT_RINGING, rec.last_call, clock.now);
  push(engine, DIALER_PROVIDER_EVENT_ANSWERED, rec.last_call, clock.now);
  clock_advance_to(&clock, engine, clock.now + 1000000);
  char *agent = NULL;
  CHECK(dialer_engine_agent(&agent, engine, "alice") == DIALER_OK);
  CHECK(strstr(agent, "\"state\":\"on_call\"") != NULL);
  dialer_free(agent);

  CHECK(dialer_engine_add_note(engine, "alice", "asked for a demo") ==
        DIALER_OK);
  push(engine, DIALER_PROVIDER_EVENT_COMPLETED, rec.last_call, clock.now);
  clock_advance_to(&clock, engine, clock.now + 1000000);
  CHECK(dialer_engine_ready(engine, "alice") == DIALER_FAILED_PRECONDITION);
  CHECK(dialer_engine_disposition(engine, "alice", "{\"code\": \"no_such\"}") ==
        DIALER_INVALID_ARGUMENT);
  CHECK(dialer_engine_disposition(
            engine, "alice",
            "{\"code\": \"meeting_booked\", \"notes\": \"Tuesday\","
            " \"fields\": {\"deal\": \"10k\"}}") == DIALER_OK);
  CHECK(dialer_engine_break(engine, "alice", "lunch") == DIALER_OK);

  char *stats = NULL;
  CHECK(dialer_engine_campaign_stats(&stats, engine, "q3") == DIALER_OK);
  CHECK(strstr(stats, "\"dials\":1,") != NULL);
  CHECK(strstr(stats, "\"human_answers\":1,") != NULL ||
        strstr(stats, "\"answers\":1,") != NULL);
  dialer_free(stats);
  char *dashboard = NULL;
  CHECK(dialer_engine_dashboard(&dashboard, engine, "q3") == DIALER_OK);
  CHECK(strstr(dashboard, "\"agent_id\":\"alice\"") != NULL);
  dialer_free(dashboard);
  CHECK(dialer_engine_campaign_stats(&stats, engine, "nope") ==
        DIALER_NOT_FOUND);

  CHECK(dialer_engine_add_to_dnc(engine, "+12125550199", NULL) == DIALER_OK);
  const char csv[] =
      "first_name,phone,email\n"
      "Bo,(212) 555-0142,bo@example.com\n"
      "Cy,not a number,cy@example.com\n"
      "Di,212-555-0199,di@example.com\n"
      "Ada again,+1 212 555 0123,\n";
  char *report = NULL;
  CHECK(dialer_engine_import_csv(&report, engine, "q3", csv, sizeof csv - 1,
                                 NULL) == DIALER_OK);
  CHECK(strstr(report, "\"rows\":4,") != NULL);
  CHECK(strstr(report, "\"accepted\":1,") != NULL);
  CHECK(strstr(report, "\"dnc\":1,") != NULL);
  CHECK(strstr(report, "\"duplicates_existing\":1,") != NULL);
  dialer_free(report);

  dialer_provider_event bad = DIALER_PROVIDER_EVENT_INIT;
  bad.type = 42;
  CHECK(dialer_engine_push_provider_event(engine, &bad) ==
        DIALER_INVALID_ARGUMENT);
  CHECK(dialer_engine_fire_timer(engine, 999999) == DIALER_NOT_FOUND);

  CHECK(events.screen_pops >= 1);
  CHECK(events.agent_states >= 3);
  CHECK(events.calls >= 2);
  dialer_engine_free(engine);
  CHECK(rec.destroyed == 1);
  CHECK(clock.destroyed == 1);
  printf("ok: engine with a C clock and provider: %d events, %d dials\n",
         events.count, rec.placed);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s <scenario.json>\n", argv[0]);
    return 2;
  }
  char *scenario = read_file(argv[1]);
  if (scenario == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 2;
  }
  test_errors_and_version();
  test_simulated_campaign(scenario);
  test_engine_with_c_host();
  free(scenario);
  printf("capi_test: all checks passed\n");
  return failures;
}
