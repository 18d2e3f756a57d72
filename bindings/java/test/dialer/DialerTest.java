package dialer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The Java binding's test program: exits non-zero on the first failed check. */
public final class DialerTest {
  private static void check(boolean ok, String what) {
    if (!ok) {
      System.err.println("FAILED: " + what);
      System.exit(1);
    }
    System.out.println("ok: " + what);
  }

  private interface Action {
    void run();
  }

  /** Runs action, which must throw the DialerException subclass `type` with `text` in it. */
  private static void expectThrows(Class<? extends DialerException> type, String text,
      Action action, String what) {
    try {
      action.run();
    } catch (DialerException e) {
      check(type.isInstance(e) && e.getMessage().contains(text),
          what + " (got " + e.getClass().getSimpleName() + " " + e.code() + ": "
              + e.getMessage() + ")");
      return;
    }
    check(false, what + " (nothing thrown)");
  }

  static final String CONFIG = "{\"campaigns\": [{\"id\": \"q3\", "
      + "\"caller_ids\": [\"+12125550100\"], \"auto_advance_delay_s\": 0, "
      + "\"wrap_up\": {\"mode\": \"manual\"}}]}";
  // Tuesday 2026-03-10 12:00 in New York: inside the calling window.
  static final long NOON_NEW_YORK_US = 1773158400000000L;
  static final String ADA = "{\"first_name\": \"Ada\", \"phone\": \"+12125550123\", "
      + "\"state\": \"NY\", \"time_zone\": \"America/New_York\"}";

  /** A provider that records its commands (the engine calls it on its strand). */
  static class RecordingProvider implements TelephonyProvider {
    final List<DialRequest> placed = Collections.synchronizedList(new ArrayList<>());
    final List<String> commands = Collections.synchronizedList(new ArrayList<>());

    @Override public void placeCall(DialRequest request) { placed.add(request); }
    @Override public void cancelCall(long callId) { commands.add("cancel " + callId); }
    @Override public void hangup(long callId) { commands.add("hangup " + callId); }
    @Override public void bridge(long callId, String conference) {
      commands.add("bridge " + callId);
    }
    @Override public void playAndHangup(long callId, String audio, boolean afterBeep) {
      commands.add("play " + callId);
    }
  }

  static final class Events implements EventListener {
    final List<String> all = Collections.synchronizedList(new ArrayList<>());

    @Override public void onEvent(String eventJson) { all.add(eventJson); }

    boolean any(String... parts) {
      synchronized (all) {
        for (String e : all) {
          boolean match = true;
          for (String p : parts) match &= e.contains(p);
          if (match) return true;
        }
      }
      return false;
    }
  }

  static void simulation(String scenario) {
    check(Dialer.version().matches("\\d+\\.\\d+\\.\\d+"), "version string");
    int[] v = Dialer.versionNumbers();
    check(Dialer.version().equals(v[0] + "." + v[1] + "." + v[2]), "dialer_version numbers");

    String a = Dialer.runSimulation(scenario);
    String b = Dialer.runSimulation(scenario);
    check(a.equals(b), "simulation report is reproducible");
    check(a.contains("\"wall_s\":0") && !a.contains("\"dials\":0,"),
        "report has dials and zero wall time");

    String other = Dialer.runSimulation(scenario, "power", 99);
    check(other.contains("\"seed\":99"), "seed override through dialer_sim_options");

    expectThrows(DialerException.InvalidArgument.class, "$.agents.count",
        () -> Dialer.runSimulation("{\"format\": 1, \"agents\": {\"count\": \"x\"}}"),
        "bad scenario throws InvalidArgument naming the JSON path");
  }

  /** A campaign driven from Java: a Java provider, Java events, a manual clock. */
  static void campaign() {
    RecordingProvider provider = new RecordingProvider();
    Events events = new Events();
    try (Engine engine = Engine.create(CONFIG, provider, events, NOON_NEW_YORK_US)) {
      long id = engine.addContact("q3", ADA);
      check(id > 0, "addContact returns the new id");
      engine.login("alice", "q3");
      engine.ready("alice");
      engine.advance(1);
      check(provider.placed.size() == 1, "the Java provider placed one call");
      DialRequest call = provider.placed.get(0);
      check(call.to.equals("+12125550123") && call.callerId.equals("+12125550100"),
          "the dial request carries the numbers");
      check(events.any("\"type\":\"screen_pop\"", "\"first_name\":\"Ada\""),
          "a screen pop reached the Java listener");
      check(events.any("\"type\":\"agent_state\"", "\"to\":\"dialing\""),
          "agent_state dialing reached the Java listener");

      engine.pushProviderEvent(ProviderEvent.ringing(call.callId));
      engine.pushProviderEvent(ProviderEvent.answered(call.callId));
      engine.advance(1);
      check(engine.agent("alice").contains("\"state\":\"on_call\""), "agent is on the call");
      engine.addNote("alice", "asked for a demo");
      engine.pushProviderEvent(
          ProviderEvent.completed(call.callId, ProviderEvent.End.COMPLETED, 30_000_000L));
      engine.advance(1);
      check(engine.agent("alice").contains("\"state\":\"wrap_up\""), "agent is in wrap-up");
      expectThrows(DialerException.FailedPrecondition.class, "",
          () -> engine.ready("alice"), "ready before the disposition is FailedPrecondition");
      expectThrows(DialerException.InvalidArgument.class, "",
          () -> engine.disposition("alice", "{\"code\": \"no_such_code\"}"),
          "an unknown disposition code is InvalidArgument");
      engine.disposition("alice",
          "{\"code\": \"meeting_booked\", \"notes\": \"Tuesday\", \"fields\": {\"deal\": \"10k\"}}");
      engine.takeBreak("alice", "lunch");
      String stats = engine.campaignStats("q3");
      check(stats.contains("\"dials\":1") && stats.contains("\"break\":1"),
          "campaign stats count the dial and the break: " + stats);
      String dashboard = engine.dashboard("q3");
      check(dashboard.contains("\"agent_id\":\"alice\""), "dashboard lists alice");

      engine.addToDnc("+12125550199", "test");
      String report = engine.importCsv("q3",
          "first_name,phone\nBea,+12125550123\nCy,+12125550177\nDan,+12125550199\nEd,nope\n",
          null);
      check(report.contains("\"duplicates_existing\":1") && report.contains("\"dnc\":1")
              && report.contains("\"accepted\":1") && report.contains("\"rejected\":2"),
          "importCsv goes through the engine: dedupe against its contacts, DNC scrub: " + report);
      check(report.matches(".*\"contact_ids\":\\[\\d+\\].*"), "the report lists the new id");
      engine.logout("alice");
    }
  }

  static void errors() {
    RecordingProvider provider = new RecordingProvider();
    Engine engine = Engine.create(CONFIG, provider, null);
    expectThrows(DialerException.NotFound.class, "nope",
        () -> engine.addContact("nope", ADA), "unknown campaign is NotFound");
    expectThrows(DialerException.InvalidArgument.class, "$.phone",
        () -> engine.addContact("q3", "{\"phone\": 5}"), "bad contact JSON names the field");
    expectThrows(DialerException.AlreadyExists.class, "q3",
        () -> engine.addCampaign("{\"id\": \"q3\", \"caller_ids\": [\"+12125550100\"]}"),
        "duplicate campaign is AlreadyExists");
    expectThrows(DialerException.InvalidArgument.class, "event.type",
        () -> engine.pushProviderEvent(ProviderEvent.of(42, 1)),
        "an out-of-range provider event type is InvalidArgument");
    expectThrows(DialerException.FailedPrecondition.class, "system clock",
        () -> engine.advance(1), "advance needs the manual clock");
    expectThrows(DialerException.InvalidArgument.class, "$.duplicates",
        () -> engine.importCsv("q3", "phone\n+12125550123\n", "{\"duplicates\": \"keep\"}"),
        "bad import options name the field");
    engine.close();
    engine.close();
    expectThrows(DialerException.FailedPrecondition.class, "closed",
        () -> engine.login("a", "q3"), "a closed engine is FailedPrecondition");
    expectThrows(DialerException.InvalidArgument.class, "campaigns[0].mode",
        () -> Engine.create("{\"campaigns\": [{\"id\": \"a\", \"mode\": \"turbo\"}]}", provider,
            null),
        "a bad config fails create with the JSON path");
    expectThrows(DialerException.InvalidArgument.class, "provider",
        () -> Engine.create(CONFIG, null, null), "a null provider fails create");
  }

  /** A provider that throws: the call fails, the engine carries on. */
  static void throwingProvider() {
    RecordingProvider provider = new RecordingProvider() {
      @Override public void placeCall(DialRequest request) {
        throw new DialerException.Unavailable("switch is down");
      }
    };
    Events events = new Events();
    try (Engine engine = Engine.create(CONFIG, provider, events, NOON_NEW_YORK_US)) {
      engine.addContact("q3", ADA);
      engine.login("alice", "q3");
      engine.ready("alice");
      engine.advance(1);
      check(events.any("\"type\":\"call\"", "\"state\":\"ended\""),
          "a provider exception fails the call");
      check(engine.agent("alice").contains("\"state\":\"ready\""),
          "the agent is ready again after the failed dial");
    }
  }

  public static void main(String[] args) throws Exception {
    String scenario = new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.UTF_8);
    simulation(scenario);
    campaign();
    errors();
    throwingProvider();
    System.out.println("DialerTest: all checks passed");
  }
}
