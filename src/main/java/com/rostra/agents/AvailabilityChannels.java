package com.rostra.agents;

import java.util.List;

/**
 * Rostra channels for what Gladly says an agent is available for (its availability codes, as agent states carry
 * them). Gladly's vocabulary is the gladly module's: it implements this, so agents stays free of Gladly's wire format
 * and of a dependency on gladly.
 */
public interface AvailabilityChannels {

    /** Channel names (phone, email, chat, sms, social) in their usual order; codes with no channel are left out. */
    List<String> channels(List<String> availableFor);
}
