/** Reports as plain data: invoiced and collected, aging, subscriptions, MRR and ARPU, churn, collection rate, tax. */
@NullMarked
package org.wispcrm.billing.report;

import org.jspecify.annotations.NullMarked;
