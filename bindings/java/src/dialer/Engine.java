package dialer;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * An engine with its campaigns, over the C ABI (dialer_engine). JSON documents go in and come
 * out as strings (docs/c-api.md has every schema); every failure throws the {@link
 * DialerException} subclass of its status. Thread-safe: calls are serialized on the engine's
 * strand. Close it (try-with-resources) to stop the engine and release the native objects.
 */
public final class Engine implements AutoCloseable {
  static {
    System.loadLibrary("dialer_java");
  }

  private SWIGTYPE_p_dialer_engine handle;
  // The directors and the clock the native engine calls; kept here so they live as long as it.
  private final ProviderBridge provider;
  private final ListenerBridge listener;
  private final ManualClock clock;

  private Engine(SWIGTYPE_p_dialer_engine handle, ProviderBridge provider,
      ListenerBridge listener, ManualClock clock) {
    this.handle = handle;
    this.provider = provider;
    this.listener = listener;
    this.clock = clock;
  }

  /**
   * An engine on the system clock. configJson: {"engine": {...}, "campaigns": [...]} or null;
   * listener may be null (events are dropped).
   */
  public static Engine create(String configJson, TelephonyProvider provider,
      EventListener listener) {
    return create(configJson, provider, listener, null);
  }

  /**
   * An engine on a manual clock that starts at startUs (µs since the epoch) and moves only with
   * {@link #advance}: timers fire on the thread that advances it. For tests and simulations.
   */
  public static Engine create(String configJson, TelephonyProvider provider,
      EventListener listener, long startUs) {
    return create(configJson, provider, listener, new ManualClock(startUs));
  }

  private static Engine create(String configJson, TelephonyProvider provider,
      EventListener listener, ManualClock clock) {
    if (provider == null) {
      if (clock != null) clock.delete();
      throw new DialerException.InvalidArgument("provider must not be null");
    }
    ProviderBridge p = new ProviderBridge(provider);
    ListenerBridge l = listener == null ? null : new ListenerBridge(listener);
    SWIGTYPE_p_dialer_engine h = DialerNative.java_engine_new(configJson, p, l, clock);
    if (h == null) {
      DialerException error = DialerException.of(
          DialerNative.dialer_last_error_code(), DialerNative.dialer_last_error_message());
      p.delete();
      if (l != null) l.delete();
      if (clock != null) clock.delete();
      throw error;
    }
    return new Engine(h, p, l, clock);
  }

  /** Stops the engine (timers canceled, provider detached). Idempotent. */
  @Override
  public synchronized void close() {
    if (handle == null) return;
    DialerNative.dialer_engine_free(handle);
    handle = null;
    provider.delete();
    if (listener != null) listener.delete();
    if (clock != null) clock.delete();
  }

  private synchronized SWIGTYPE_p_dialer_engine h() {
    if (handle == null) throw new DialerException.FailedPrecondition("the engine is closed");
    return handle;
  }

  // ---- Campaigns and contacts ----

  public void addCampaign(String campaignJson) {
    DialerNative.dialer_engine_add_campaign(h(), campaignJson);
  }

  /** Adds one contact to a campaign's queue; returns its id. */
  public long addContact(String campaignId, String contactJson) {
    long[] id = new long[1];
    DialerNative.dialer_engine_add_contact(id, h(), campaignId, contactJson);
    return id[0];
  }

  /**
   * Imports a CSV file through the engine's import pipeline; returns the report JSON.
   * optionsJson may be null.
   */
  public String importCsv(String campaignId, byte[] csv, String optionsJson) {
    String[] out = new String[1];
    DialerNative.dialer_engine_import_csv(out, h(), campaignId, csv, optionsJson);
    return out[0];
  }

  public String importCsv(String campaignId, String csv, String optionsJson) {
    return importCsv(campaignId, csv.getBytes(StandardCharsets.UTF_8), optionsJson);
  }

  // ---- Agents ----

  public void login(String agentId, String campaignId) {
    DialerNative.dialer_engine_login(h(), agentId, campaignId);
  }

  public void ready(String agentId) {
    DialerNative.dialer_engine_ready(h(), agentId);
  }

  /** Pauses the agent ("break" is a Java keyword). */
  public void takeBreak(String agentId, String reason) {
    DialerNative.dialer_engine_break(h(), agentId, reason);
  }

  public void logout(String agentId) {
    DialerNative.dialer_engine_logout(h(), agentId);
  }

  public void dialNow(String agentId) {
    DialerNative.dialer_engine_dial_now(h(), agentId);
  }

  public void skipContact(String agentId) {
    DialerNative.dialer_engine_skip_contact(h(), agentId);
  }

  public void hangup(String agentId) {
    DialerNative.dialer_engine_hangup(h(), agentId);
  }

  public void dropVoicemail(String agentId) {
    DialerNative.dialer_engine_drop_voicemail(h(), agentId);
  }

  /** Hangs up on the machine the agent hears, leaving no message. */
  public void hangupMachine(String agentId) {
    DialerNative.dialer_engine_hangup_machine(h(), agentId);
  }

  /** {"code": "...", "notes": "...", "fields": {...}, "callback_at_us": ...}. */
  public void disposition(String agentId, String dispositionJson) {
    DialerNative.dialer_engine_disposition(h(), agentId, dispositionJson);
  }

  public void addNote(String agentId, String text) {
    DialerNative.dialer_engine_add_note(h(), agentId, text);
  }

  // ---- Manager actions ----

  /** Adds a number to the internal do-not-call list; source may be null ("api"). */
  public void addToDnc(String phoneE164, String source) {
    DialerNative.dialer_engine_add_to_dnc(h(), phoneE164, source);
  }

  // ---- Observing ----

  public String campaignStats(String campaignId) {
    String[] out = new String[1];
    DialerNative.dialer_engine_campaign_stats(out, h(), campaignId);
    return out[0];
  }

  public String agent(String agentId) {
    String[] out = new String[1];
    DialerNative.dialer_engine_agent(out, h(), agentId);
    return out[0];
  }

  public String dashboard(String campaignId) {
    String[] out = new String[1];
    DialerNative.dialer_engine_dashboard(out, h(), campaignId);
    return out[0];
  }

  // ---- Provider events and time ----

  /** Pushes one provider event; safe from any thread, including inside a provider method. */
  public void pushProviderEvent(ProviderEvent event) {
    dialer_provider_event e = new dialer_provider_event();
    try {
      DialerNative.dialer_provider_event_init(e, DialerNative.provider_event_size());
      e.setType(event.type);
      e.setCall_id(event.callId);
      e.setAt_us(event.atUs);
      e.setAmd(event.amd);
      e.setEnd_status(event.endStatus);
      e.setDuration_us(event.durationUs);
      e.setError_code(event.errorCode);
      DialerNative.java_push_provider_event(h(), e, event.errorMessage);
    } finally {
      e.delete();
    }
  }

  /** Runs a host timer by id (only for hosts that schedule timers themselves). */
  public void fireTimer(long timerId) {
    DialerNative.dialer_engine_fire_timer(h(), BigInteger.valueOf(timerId));
  }

  /**
   * Manual clock only: moves time forward by seconds, firing the timers that come due on this
   * thread. Returns how many ran.
   */
  public int advance(double seconds) {
    ManualClock c = manualClock();
    return advanceTo(c.now() + Math.round(seconds * 1e6));
  }

  /** Manual clock only: moves time to untilUs (never backwards). Returns the timers that ran. */
  public int advanceTo(long untilUs) {
    int fired = manualClock().advanceTo(h(), untilUs);
    if (fired < 0) {
      throw DialerException.of(
          DialerNative.dialer_last_error_code(), DialerNative.dialer_last_error_message());
    }
    return fired;
  }

  /** The engine's time in µs since the epoch (manual clock), or the system time. */
  public long nowUs() {
    return clock != null ? clock.now() : System.currentTimeMillis() * 1000;
  }

  private ManualClock manualClock() {
    if (clock == null) {
      throw new DialerException.FailedPrecondition(
          "the engine uses the system clock (create it with a start time)");
    }
    return clock;
  }

  // ---- The directors: Java objects the native engine calls ----

  /** Maps a provider's exceptions to statuses and messages (what the C vtable returns). */
  private static final class ProviderBridge extends NativeProvider {
    private final TelephonyProvider provider;

    ProviderBridge(TelephonyProvider provider) {
      this.provider = provider;
    }

    private interface Command {
      void run();
    }

    private static int call(SWIGTYPE_p_dialer_buffer error, Command command) {
      try {
        command.run();
        return DialerException.Status.OK;
      } catch (DialerException e) {
        setError(error, e.getMessage());
        return e.status() == DialerException.Status.OK ? DialerException.Status.INTERNAL
                                                        : e.status();
      } catch (Throwable t) {
        setError(error, t.toString());
        return DialerException.Status.INTERNAL;
      }
    }

    private static void setError(SWIGTYPE_p_dialer_buffer error, String message) {
      byte[] bytes = (message == null ? "" : message).getBytes(StandardCharsets.UTF_8);
      DialerNative.dialer_buffer_set(error, bytes);
    }

    @Override
    public int placeCall(dialer_dial_request r, SWIGTYPE_p_dialer_buffer error) {
      // The request is borrowed for this call: copy it into a Java value.
      DialRequest request = new DialRequest(r.getCall_id(), r.getTo(), r.getCaller_id(),
          r.getRing_timeout_us(), r.getAmd_mode(), r.getConference());
      return call(error, () -> provider.placeCall(request));
    }

    @Override
    public int cancelCall(long callId, SWIGTYPE_p_dialer_buffer error) {
      return call(error, () -> provider.cancelCall(callId));
    }

    @Override
    public int hangup(long callId, SWIGTYPE_p_dialer_buffer error) {
      return call(error, () -> provider.hangup(callId));
    }

    @Override
    public int bridge(long callId, String conference, SWIGTYPE_p_dialer_buffer error) {
      return call(error, () -> provider.bridge(callId, conference));
    }

    @Override
    public int playAndHangup(long callId, String audio, boolean afterBeep,
        SWIGTYPE_p_dialer_buffer error) {
      return call(error, () -> provider.playAndHangup(callId, audio, afterBeep));
    }

    @Override
    public int setParticipant(String conference, String participant, int role,
        SWIGTYPE_p_dialer_buffer error) {
      return call(error, () -> provider.setParticipant(conference, participant, role));
    }
  }

  private static final class ListenerBridge extends NativeEventListener {
    private final EventListener listener;

    ListenerBridge(EventListener listener) {
      this.listener = listener;
    }

    @Override
    public void onEvent(String eventJson) {
      try {
        listener.onEvent(eventJson);
      } catch (Throwable t) {
        System.err.println("dialer: event listener threw: " + t);
      }
    }
  }
}
