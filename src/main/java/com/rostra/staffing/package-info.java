/**
 * Staffing: how many agents each interval needs to meet a service level, from the forecast (Erlang C for
 * contacts answered live, workload for deferred ones such as email), per queue and channel with its settings.
 */
package com.rostra.staffing;
