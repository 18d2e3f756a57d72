package dialer;

/** One call the engine asks the provider to place (dialer_dial_request). A plain value. */
public final class DialRequest {
  /** Report it in every ProviderEvent of this call. */
  public final long callId;
  /** E.164. */
  public final String to;
  /** E.164. */
  public final String callerId;
  public final long ringTimeoutUs;
  /** AmdMode.OFF, DETECT or DETECT_MESSAGE_END. */
  public final int amdMode;
  /** "" or the conference to join on answer. */
  public final String conference;

  public DialRequest(long callId, String to, String callerId, long ringTimeoutUs, int amdMode,
      String conference) {
    this.callId = callId;
    this.to = to;
    this.callerId = callerId;
    this.ringTimeoutUs = ringTimeoutUs;
    this.amdMode = amdMode;
    this.conference = conference;
  }

  /** Answering-machine detection modes (DIALER_AMD_MODE_*). */
  public static final class AmdMode {
    private AmdMode() {}
    public static final int OFF = 0;
    public static final int DETECT = 1;
    public static final int DETECT_MESSAGE_END = 2;
  }
}
