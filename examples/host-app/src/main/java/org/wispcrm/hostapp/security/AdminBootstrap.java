package org.wispcrm.hostapp.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.wispcrm.core.common.ErrorCode;
import org.wispcrm.core.common.WispCrmException;

/**
 * On the first start (no user yet) creates {@code admin} with {@code WISPCRM_ADMIN_PASSWORD}, or with a random
 * password printed once on the console (not through the log).
 */
public class AdminBootstrap implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserStore users;
    private final Environment env;

    /** A bootstrap over the store. */
    public AdminBootstrap(UserStore users, Environment env) {
        this.users = users;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String configured = env.getProperty("wispcrm.admin.password", "");
        boolean random = configured.isBlank();
        String password = random ? randomPassword() : configured;
        try {
            users.create("admin", password, Role.ADMIN);
        } catch (WispCrmException e) {
            if (e.code() == ErrorCode.DUPLICATE) {
                return; // another instance created it first
            }
            throw e;
        }
        LOG.info(
                "Created the first user 'admin' ({})",
                random ? "random password on the console" : "WISPCRM_ADMIN_PASSWORD");
        if (random) {
            System.out.println();
            System.out.println("=== WISP CRM first start: user 'admin', password '" + password + "' (shown once) ===");
            System.out.println();
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
