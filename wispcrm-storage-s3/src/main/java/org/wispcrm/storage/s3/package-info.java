/** DocumentStorage on Amazon S3 (or an S3-compatible store) with the AWS SDK v2, linked by presigned URLs. */
@NullMarked
package org.wispcrm.storage.s3;

import org.jspecify.annotations.NullMarked;
