package dialer;

/**
 * A failed dialer call: {@code status()} is the C ABI's status (the absl::StatusCode number), and
 * the subclass says which one, so hosts can catch {@code DialerException.NotFound} and the like.
 */
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

  /** The exception for a status: the subclass below when there is one. Called by the JNI layer. */
  public static DialerException of(int status, String message) {
    switch (status) {
      case Status.CANCELLED: return new Cancelled(message);
      case Status.INVALID_ARGUMENT: return new InvalidArgument(message);
      case Status.DEADLINE_EXCEEDED: return new DeadlineExceeded(message);
      case Status.NOT_FOUND: return new NotFound(message);
      case Status.ALREADY_EXISTS: return new AlreadyExists(message);
      case Status.PERMISSION_DENIED: return new PermissionDenied(message);
      case Status.RESOURCE_EXHAUSTED: return new ResourceExhausted(message);
      case Status.FAILED_PRECONDITION: return new FailedPrecondition(message);
      case Status.ABORTED: return new Aborted(message);
      case Status.OUT_OF_RANGE: return new OutOfRange(message);
      case Status.UNIMPLEMENTED: return new Unimplemented(message);
      case Status.INTERNAL: return new Internal(message);
      case Status.UNAVAILABLE: return new Unavailable(message);
      default: return new DialerException(status, message);
    }
  }

  /** The status numbers (dialer/c.h DIALER_*). */
  public static final class Status {
    private Status() {}
    public static final int OK = 0;
    public static final int CANCELLED = 1;
    public static final int UNKNOWN = 2;
    public static final int INVALID_ARGUMENT = 3;
    public static final int DEADLINE_EXCEEDED = 4;
    public static final int NOT_FOUND = 5;
    public static final int ALREADY_EXISTS = 6;
    public static final int PERMISSION_DENIED = 7;
    public static final int RESOURCE_EXHAUSTED = 8;
    public static final int FAILED_PRECONDITION = 9;
    public static final int ABORTED = 10;
    public static final int OUT_OF_RANGE = 11;
    public static final int UNIMPLEMENTED = 12;
    public static final int INTERNAL = 13;
    public static final int UNAVAILABLE = 14;
  }

  public static class Cancelled extends DialerException {
    public Cancelled(String m) { super(Status.CANCELLED, m); }
  }
  public static class InvalidArgument extends DialerException {
    public InvalidArgument(String m) { super(Status.INVALID_ARGUMENT, m); }
  }
  public static class DeadlineExceeded extends DialerException {
    public DeadlineExceeded(String m) { super(Status.DEADLINE_EXCEEDED, m); }
  }
  public static class NotFound extends DialerException {
    public NotFound(String m) { super(Status.NOT_FOUND, m); }
  }
  public static class AlreadyExists extends DialerException {
    public AlreadyExists(String m) { super(Status.ALREADY_EXISTS, m); }
  }
  public static class PermissionDenied extends DialerException {
    public PermissionDenied(String m) { super(Status.PERMISSION_DENIED, m); }
  }
  public static class ResourceExhausted extends DialerException {
    public ResourceExhausted(String m) { super(Status.RESOURCE_EXHAUSTED, m); }
  }
  public static class FailedPrecondition extends DialerException {
    public FailedPrecondition(String m) { super(Status.FAILED_PRECONDITION, m); }
  }
  public static class Aborted extends DialerException {
    public Aborted(String m) { super(Status.ABORTED, m); }
  }
  public static class OutOfRange extends DialerException {
    public OutOfRange(String m) { super(Status.OUT_OF_RANGE, m); }
  }
  public static class Unimplemented extends DialerException {
    public Unimplemented(String m) { super(Status.UNIMPLEMENTED, m); }
  }
  public static class Internal extends DialerException {
    public Internal(String m) { super(Status.INTERNAL, m); }
  }
  public static class Unavailable extends DialerException {
    public Unavailable(String m) { super(Status.UNAVAILABLE, m); }
  }
}
