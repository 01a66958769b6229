package org.modgres.api.catalog;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by the operator of a planned call of a {@link SystemFunction}, so that an executor
 * finds the function the call was planned with.
 */
@ConsumerType
public interface SystemFunctionOperator {

    /** Returns the function this operator calls. */
    SystemFunction function();
}
