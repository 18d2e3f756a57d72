package dialer;

/**
 * Receives every engine event as one JSON object (docs/c-api.md "Events"): its "type" is
 * agent_state, screen_pop, call, alert or log. Runs on the engine's strand, in order; an
 * exception it throws is dropped (printed to stderr), since an event cannot fail the engine.
 */
@FunctionalInterface
public interface EventListener {
  void onEvent(String eventJson);
}
