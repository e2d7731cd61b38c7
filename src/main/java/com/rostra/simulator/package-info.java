/**
 * A stand-in for a Gladly organization: same paths, Basic auth, payloads, CSV headers, rate limits and
 * error codes as Gladly's REST API and webhooks. Runs on its own HTTP server (in-process for tests and the
 * demo, or standalone via {@link com.rostra.simulator.SimulatorMain}); Rostra talks to it over HTTP only,
 * and no production module depends on this package.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.rostra.simulator;
