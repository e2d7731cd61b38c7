package com.rostra.volume;

import java.util.function.ToIntBiFunction;

import com.rostra.tenancy.CompanyId;

/**
 * Whose answer-time target a volume figure is read against. Staffing owns the targets (per queue and channel); volume
 * only stores how long answers took, so it asks through this interface and staffing implements it.
 */
public interface AnswerTargets {

    /** For one company: the target in seconds for contacts of a queue path ("" for no queue) and channel. */
    ToIntBiFunction<String, String> of(CompanyId company);
}
