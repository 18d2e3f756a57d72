package dialer;

/** A failed dialer call: {@code status} is the C ABI's status (absl::StatusCode number). */
public class DialerException extends RuntimeException {
  private final int status;

  public DialerException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The status number (3 = INVALID_ARGUMENT, 5 = NOT_FOUND, ...). */
  public int status() {
    return status;
  }

  /** The status name ("INVALID_ARGUMENT"). */
  public String code() {
    return DialerNative.dialer_status_name(status);
  }
}
