package dialer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;

/** The conformance scenario through Java: prints the report JSON. */
public final class Conformance {
  public static void main(String[] args) throws Exception {
    String scenario = new String(Files.readAllBytes(Paths.get(args[0])), StandardCharsets.UTF_8);
    System.out.print(Dialer.runSimulation(scenario) + "\n");
  }
}
