/** Scheduled billing, dunning and notification dispatch. */
@NullMarked
package org.wispcrm.hostapp.jobs;

import org.jspecify.annotations.NullMarked;
