package dev.toolgate.core.engine;

import dev.toolgate.core.egress.EgressDecision;
import dev.toolgate.core.render.RenderedRequest;

/**
 * The answer to a test fire: the request exactly as rendered, the egress verdict on its destination and, unless
 * it was a dry run, the outcome of sending it.
 *
 * @param request the rendered, signed request (mask before showing), or null when the arguments were invalid
 * @param egress the egress decision (addresses resolved and judged), or null when nothing was rendered
 * @param outcome the outcome of the call; for a dry run null when the request rendered, else the failure that
 *     stopped it (e.g. invalid arguments)
 */
public record TestFireResult(RenderedRequest request, EgressDecision egress, InvocationOutcome outcome) {}
