package com.rostra.queues;

/** One rule or exclusion as the API shows it: {@code {attribute, operator, value}}. */
public record QueueRule(String attribute, String operator, String value) {}
