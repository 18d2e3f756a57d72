package dialer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/** The Java binding's test program: exits non-zero on the first failed check. */
public final class DialerTest {
  private static void check(boolean ok, String what) {
    if (!ok) {
      System.err.println("FAILED: " + what);
      System.exit(1);
    }
    System.out.println("ok: " + what);
  }

  public static void main(String[] args) throws Exception {
    String scenario = new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.UTF_8);
    check(Dialer.version().matches("\\d+\\.\\d+\\.\\d+"), "version string");

    String a = Dialer.runSimulation(scenario);
    String b = Dialer.runSimulation(scenario);
    check(a.equals(b), "simulation report is reproducible");
    check(a.contains("\"wall_s\":0") && !a.contains("\"dials\":0,"), "report has dials and zero wall time");

    String other = Dialer.runSimulation(scenario, "power", 99);
    check(other.contains("\"seed\":99"), "seed override through dialer_sim_options");

    try {
      Dialer.runSimulation("{\"format\": 1, \"agents\": {\"count\": \"x\"}}");
      check(false, "bad scenario throws");
    } catch (DialerException e) {
      check(e.status() == 3 && e.code().equals("INVALID_ARGUMENT"), "bad scenario throws INVALID_ARGUMENT");
      check(e.getMessage().contains("$.agents.count"), "message names the JSON path");
    }
    System.out.println("DialerTest: all checks passed");
  }
}
