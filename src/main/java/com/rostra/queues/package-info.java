/**
 * Queues: named, optionally nested groups of contacts defined by ordered rules on contact attributes, with
 * exclusions that keep contacts out of volume without deleting them. Owns the assignment of contacts to queues
 * (incrementally as contacts arrive, and for the whole history when rules change) and volume per queue.
 */
package com.rostra.queues;
