package dialer;

/** Idiomatic entry points of the Java binding (over the SWIG layer DialerNative). */
public final class Dialer {
  static {
    System.loadLibrary("dialer_java");
  }

  private Dialer() {}

  /** The library's version as {major, minor, patch}. */
  public static int[] versionNumbers() {
    int[] major = new int[1], minor = new int[1], patch = new int[1];
    DialerNative.dialer_version(major, minor, patch);
    return new int[] {major[0], minor[0], patch[0]};
  }

  /** The library's version, "major.minor.patch". */
  public static String version() {
    return DialerNative.dialer_version_string();
  }

  /** Runs a simulated campaign day; returns the report JSON (wall_s is 0). */
  public static String runSimulation(String scenarioJson) {
    String[] out = new String[1];
    DialerNative.dialer_sim_run(out, scenarioJson, null);
    return out[0];
  }

  /** As runSimulation, with another pacer and seed. */
  public static String runSimulation(String scenarioJson, String pacer, long seed) {
    dialer_sim_options options = new dialer_sim_options();
    DialerNative.dialer_sim_options_init(options, DialerNative.sim_options_size());
    options.setPacer(pacer);
    options.setOverride_seed(true);
    options.setSeed(java.math.BigInteger.valueOf(seed));
    String[] out = new String[1];
    DialerNative.dialer_sim_run(out, scenarioJson, options);
    return out[0];
  }
}
