package org.wispcrm.storage.s3;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.wispcrm.core.common.WispCrmException;

/** What {@link S3StorageConfig} needs but an interface cannot keep privately. */
final class S3ConfigChecks {
    static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private S3ConfigChecks() {}

    /** Reads one setting; if it is bad, records the problem and returns null so the others are checked too. */
    static <T> @Nullable T check(List<String> problems, Supplier<T> setting) {
        try {
            return setting.get();
        } catch (WispCrmException e) {
            problems.add(e.getMessage());
            return null;
        }
    }
}
