/**
 * Cross-cutting plumbing every module may use: the problem-details error shape and its exceptions.
 * Deliberately tiny; domain logic never lives here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package com.rostra.platform;
