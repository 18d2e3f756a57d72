package dialer;

/**
 * The telephony provider a Java host implements (dialer_provider in dialer/c_provider.h).
 *
 * <p>Commands are asynchronous: return to accept; report what happens to the call later with
 * {@link Engine#pushProviderEvent}. Throw a {@link DialerException} to refuse a command with that
 * status (InvalidArgument: can never be placed; Unavailable: not now); any other exception fails
 * it as INTERNAL. Methods run on the engine's strand, one at a time, and must not block on a
 * thread that is itself waiting for the engine.
 */
public interface TelephonyProvider {
  void placeCall(DialRequest request);

  /** Cancels a call not yet answered. */
  void cancelCall(long callId);

  /** Hangs up an answered call. */
  void hangup(long callId);

  /** Moves an answered call into a conference. */
  void bridge(long callId, String conference);

  /** Plays audio (a URL or a name), then hangs up; afterBeep waits for a machine's beep. */
  void playAndHangup(long callId, String audio, boolean afterBeep);

  /** Adds or changes a conference participant (role: ParticipantRole). Optional. */
  default void setParticipant(String conference, String participant, int role) {
    throw new DialerException.Unimplemented("set_participant is not implemented by this provider");
  }

  /** Conference participant roles (DIALER_ROLE_*). */
  final class ParticipantRole {
    private ParticipantRole() {}
    public static final int AGENT = 0;
    public static final int LISTEN = 1;
    public static final int WHISPER = 2;
    public static final int BARGE = 3;
    public static final int TAKEOVER = 4;
  }
}
