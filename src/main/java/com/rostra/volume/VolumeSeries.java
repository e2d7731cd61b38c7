package com.rostra.volume;

import java.util.List;

/** Volume per interval as the API answers it. */
public record VolumeSeries(String timeZone, String interval, List<VolumeInterval> intervals) {}
