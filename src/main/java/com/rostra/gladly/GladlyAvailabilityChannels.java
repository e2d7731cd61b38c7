package com.rostra.gladly;

import java.util.List;

import org.springframework.stereotype.Component;

import com.rostra.agents.AvailabilityChannels;

/** Gladly's availability codes as Rostra channels, for the agents module ({@link GladlyMapping#channelsAvailableFor}). */
@Component
class GladlyAvailabilityChannels implements AvailabilityChannels {

    @Override
    public List<String> channels(List<String> availableFor) {
        return GladlyMapping.channelsAvailableFor(availableFor);
    }
}
