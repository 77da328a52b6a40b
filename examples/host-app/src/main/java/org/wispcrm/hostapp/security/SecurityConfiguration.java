package org.wispcrm.hostapp.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Login for every page and API call: a form (with CSRF tokens) for people, HTTP Basic for API clients. What each role
 * may do is on the controllers ({@code @PreAuthorize} with {@link Role.Can}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    /** The API and the seed's endpoints answer 401/403 as problem+json instead of redirecting to the login page. */
    public static final RequestMatcher API = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.startsWith("/cliente/") || path.startsWith("/factura/");
    };

    /** bcrypt, cost 12. */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(12);
    }

    /** The app's users. */
    @Bean
    public UserStore userStore(DataSource dataSource, PasswordEncoder encoder, Clock clock) {
        return new UserStore(dataSource, encoder, clock);
    }

    /** Creates the first admin. */
    @Bean
    public AdminBootstrap adminBootstrap(UserStore users, Environment env) {
        return new AdminBootstrap(users, env);
    }

    /** The failed-login backoff ({@code wispcrm.login.*}). */
    @Bean
    public LoginThrottle loginThrottle(Clock clock, Environment env) {
        return new LoginThrottle(
                clock,
                env.getProperty("wispcrm.login.free-failures", Integer.class, 5),
                env.getProperty("wispcrm.login.max-delay", Duration.class, Duration.ofMinutes(15)));
    }

    /** Password check behind the throttle. */
    @Bean
    public AuthenticationManager authenticationManager(
            UserStore users, PasswordEncoder encoder, LoginThrottle throttle) {
        var dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(dao, throttle));
    }

    /** The filter chain. */
    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http, AuthenticationManager manager) throws Exception {
        var login = new LoginUrlAuthenticationEntryPoint("/login");
        http.authenticationManager(manager)
                .authorizeHttpRequests(a -> a.requestMatchers(request -> {
                            String path = request.getRequestURI()
                                    .substring(request.getContextPath().length());
                            return path.equals("/login")
                                    || path.startsWith("/css/")
                                    || path.equals("/favicon.ico")
                                    || path.equals("/error");
                        })
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfiguration::unauthorized))
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                // CSRF guards the session cookie. A cross-site page cannot add an Authorization header, so Basic
                // calls need no token; an API call without a session has no cookie to abuse (and gets its 401)
                .csrf(c -> c.ignoringRequestMatchers(r ->
                        r.getHeader("Authorization") != null || (API.matches(r) && r.getRequestedSessionId() == null)))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(SecurityConfiguration::unauthorized, API)
                        .defaultAuthenticationEntryPointFor(login, r -> true)
                        .defaultAccessDeniedHandlerFor(
                                (request, response, ex) ->
                                        problem(response, 403, "Forbidden", "Your role may not do this"),
                                API));
        return http.build();
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, Exception ex)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"wispcrm\"");
        String detail = ex.getMessage() != null && ex.getMessage().startsWith("Too many failed logins")
                ? ex.getMessage()
                : "Sign in: HTTP Basic for the API, the login page for people";
        problem(response, 401, "Unauthorized", detail);
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail.replace("\"", "'") + "\"}");
    }
}
