package dialer;

/**
 * One event of the host's telephony provider about a call the engine placed
 * (dialer_provider_event), pushed with {@link Engine#pushProviderEvent}. Build one with the
 * factories and the with* methods; a plain value.
 */
public final class ProviderEvent {
  /** Event types (DIALER_PROVIDER_EVENT_*). */
  public static final int RINGING = 0;
  public static final int ANSWERED = 1;
  public static final int AMD = 2;
  public static final int BRIDGED = 3;
  public static final int COMPLETED = 4;
  public static final int FAILED = 5;
  public static final int PLAYBACK_DONE = 6;

  /** Answering-machine verdicts (DIALER_AMD_*). */
  public static final class Amd {
    private Amd() {}
    public static final int HUMAN = 0;
    public static final int MACHINE_START = 1;
    public static final int MACHINE_END_BEEP = 2;
    public static final int MACHINE_END_SILENCE = 3;
    public static final int MACHINE_END_OTHER = 4;
    public static final int FAX = 5;
    public static final int UNKNOWN = 6;
  }

  /** How a call ended (DIALER_END_*). */
  public static final class End {
    private End() {}
    public static final int COMPLETED = 0;
    public static final int BUSY = 1;
    public static final int NO_ANSWER = 2;
    public static final int FAILED = 3;
    public static final int CANCELED = 4;
  }

  /** "Not known": the engine uses the time of delivery (DIALER_TIME_UNKNOWN). */
  public static final long TIME_UNKNOWN = Long.MIN_VALUE;

  public final int type;
  public final long callId;
  public final long atUs;
  public final int amd;
  public final int endStatus;
  public final long durationUs;
  public final int errorCode;
  public final String errorMessage;

  public ProviderEvent(int type, long callId, long atUs, int amd, int endStatus, long durationUs,
      int errorCode, String errorMessage) {
    this.type = type;
    this.callId = callId;
    this.atUs = atUs;
    this.amd = amd;
    this.endStatus = endStatus;
    this.durationUs = durationUs;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
  }

  public static ProviderEvent of(int type, long callId) {
    return new ProviderEvent(type, callId, TIME_UNKNOWN, Amd.UNKNOWN, End.COMPLETED, 0, 0, null);
  }

  public static ProviderEvent ringing(long callId) { return of(RINGING, callId); }

  public static ProviderEvent answered(long callId) { return of(ANSWERED, callId); }

  public static ProviderEvent amd(long callId, int verdict) {
    return new ProviderEvent(AMD, callId, TIME_UNKNOWN, verdict, End.COMPLETED, 0, 0, null);
  }

  public static ProviderEvent completed(long callId, int endStatus, long durationUs) {
    return new ProviderEvent(COMPLETED, callId, TIME_UNKNOWN, Amd.UNKNOWN, endStatus, durationUs,
        0, null);
  }

  public static ProviderEvent failed(long callId, int errorCode, String errorMessage) {
    return new ProviderEvent(FAILED, callId, TIME_UNKNOWN, Amd.UNKNOWN, End.COMPLETED, 0,
        errorCode, errorMessage);
  }

  /** This event observed at atUs (µs since the epoch). */
  public ProviderEvent at(long atUs) {
    return new ProviderEvent(type, callId, atUs, amd, endStatus, durationUs, errorCode,
        errorMessage);
  }
}
