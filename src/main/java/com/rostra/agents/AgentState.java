package com.rostra.agents;

import java.util.Locale;

/** An agent's state as Gladly has it: logged out, active (with an active reason) or away (reason or idle). */
public enum AgentState {
    LOGGED_OUT, ACTIVE, AWAY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AgentState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
