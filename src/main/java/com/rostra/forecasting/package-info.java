/**
 * Forecasts of contact volume per queue and channel at 15-minute resolution, from the interval volume the
 * contacts and queues modules keep. Models are simple and explainable (same week last year is not one of them:
 * history is 90 days), each backtested on the weeks before now; the one with the lowest error is used.
 */
package com.rostra.forecasting;
