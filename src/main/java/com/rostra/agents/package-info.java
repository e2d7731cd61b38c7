/**
 * People (agents and their Gladly ids), each agent's state timeline and current state, and how Gladly states
 * map to Rostra activity types. Knows nothing of Gladly's wire format: the gladly module hands it
 * {@link com.rostra.agents.StateChange}s.
 */
package com.rostra.agents;
