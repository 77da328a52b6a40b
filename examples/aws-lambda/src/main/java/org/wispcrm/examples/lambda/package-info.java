/** AWS Lambda handlers for WISP CRM's scheduled jobs: the daily billing run with dunning, and notification dispatch. */
@NullMarked
package org.wispcrm.examples.lambda;

import org.jspecify.annotations.NullMarked;
