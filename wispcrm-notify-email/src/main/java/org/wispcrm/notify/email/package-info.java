/** Email notifications over SMTP (Jakarta Mail) or AWS SES v2, both sending the same MIME message. */
@NullMarked
package org.wispcrm.notify.email;

import org.jspecify.annotations.NullMarked;
