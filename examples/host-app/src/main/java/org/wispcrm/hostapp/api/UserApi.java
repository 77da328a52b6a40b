package org.wispcrm.hostapp.api;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wispcrm.core.common.Violations;
import org.wispcrm.hostapp.security.Role;
import org.wispcrm.hostapp.security.Role.Can;
import org.wispcrm.hostapp.security.UserStore;

/** Staff accounts (admin only). */
@RestController
@RequestMapping("/api/users")
public class UserApi {
    private final UserStore users;

    /** Over the user store. */
    public UserApi(UserStore users) {
        this.users = users;
    }

    /** A new account. */
    public record NewUser(
            @Nullable String username,
            @Nullable String password,
            @Nullable String role) {}

    /** Every account (never a hash). */
    @GetMapping
    @PreAuthorize(Can.ADMINISTER)
    public List<UserStore.AppUser> list() {
        return users.list();
    }

    /** Creates an account. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Can.ADMINISTER)
    public UserStore.AppUser create(@RequestBody NewUser body) {
        var v = new Violations();
        Role role = Params.requiredEnum(v, "role", body.role(), Role.class);
        v.throwIfAny();
        return users.create(body.username(), body.password(), role);
    }
}
