/* The conformance scenario through the C ABI: prints dialer_sim_run's report. */
#include <dialer/c.h>

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: conformance_c <scenario.json>\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "rb");
  if (f == NULL) return 2;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)n + 1);
  if (text == NULL || fread(text, 1, (size_t)n, f) != (size_t)n) return 2;
  text[n] = '\0';
  fclose(f);
  char *report = NULL;
  if (dialer_sim_run(&report, text, NULL) != DIALER_OK) {
    fprintf(stderr, "%s\n", dialer_last_error_message());
    return 1;
  }
  printf("%s\n", report);
  dialer_free(report);
  free(text);
  return 0;
}
