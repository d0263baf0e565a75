package io.orderflow.app.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.pattern.PathPatternParser;

import io.orderflow.app.OrderflowProperties;
import io.orderflow.app.web.ServletErrors;
import jakarta.servlet.DispatcherType;

/**
 * Who may do what. Orders, carts, health and metrics are open. Operator endpoints need a login, three ways, all
 * through Spring Security: the operator token (Bearer, or Basic as the token user; an admin), a named operator
 * account (Basic; bcrypt via DelegatingPasswordEncoder) or a JWT of the identity provider configured under
 * {@code orderflow.security.jwt.*} (Bearer; Spring Security's resource server). Roles, each including the one before: viewer reads
 * dead letters, the audit, faults and routes; operator also replays, discards and cancels replay jobs; admin also
 * changes faults and controls routes.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    OperatorToken operatorToken(OrderflowProperties properties) {
        return OperatorToken.resolve(properties.security().operatorUser(), properties.security().operatorToken(),
                properties.dataDir());
    }

    @Bean
    UserDetailsService operatorAccounts(OrderflowProperties properties) {
        return OperatorAccounts.of(properties.security().operators(), properties.security().operatorUser());
    }

    @Bean
    AuthenticationManager operatorLogins(OperatorToken token, UserDetailsService accounts,
                                         OrderflowProperties properties, ApplicationEventPublisher events) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new OperatorTokenAuthenticationProvider(token));
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        providers.add(passwords);
        OperatorJwtDecoder.from(properties.security().jwt()).ifPresent(decoder -> {
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
            jwt.setJwtAuthenticationConverter(new OperatorJwtRoles(properties.security().jwt()));
            providers.add(jwt);
        });
        ProviderManager manager = new ProviderManager(providers);
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        // every failed login is counted and throttled (LoginThrottle), whatever exception a provider chose
        publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        manager.setAuthenticationEventPublisher(publisher);
        return manager;
    }

    /**
     * Camel's REST matching ignores case and surrounding slashes ({@code /api/FAULTS/} reaches the faults API), so
     * the rules match paths the same way: otherwise another spelling of an operator path would pass as an open one.
     */
    private static RequestMatcher[] paths(HttpMethod method, String... patterns) {
        PathPatternParser parser = new PathPatternParser();
        parser.setCaseSensitive(false);
        PathPatternRequestMatcher.Builder matchers = PathPatternRequestMatcher.withPathPatternParser(parser);
        return Arrays.stream(patterns).map(pattern -> matchers.matcher(method, pattern))
                .toArray(RequestMatcher[]::new);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager logins, LoginThrottle throttle)
            throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"orderflow\", Bearer");
            ServletErrors.write(response, 401, "unauthorized",
                    "operator credentials required and not accepted (Bearer token or Basic auth)");
        };
        return http
                .csrf(csrf -> csrf.disable()) // no cookies or sessions: every call carries its credentials
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(logins)
                .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .oauth2ResourceServer(bearer -> bearer
                        .authenticationManagerResolver(request -> logins)
                        .authenticationEntryPoint(unauthorized))
                .addFilterAfter(new OperatorHeaderFilter(), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // the error page of a request that was authorized (or refused) on entry; its dispatch
                        // runs without the (stateless) security context
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(paths(HttpMethod.GET, "/api/dead-letters/**", "/api/faults/**",
                                "/api/routes/**"))
                            .hasRole(OperatorRole.VIEWER.name())
                        // changing faults, and stopping or starting routes (route control), is for admins
                        .requestMatchers(paths(null, "/api/faults/**", "/api/routes/**"))
                            .hasRole(OperatorRole.ADMIN.name())
                        // replaying, discarding and cancelling a replay job
                        .requestMatchers(paths(null, "/api/dead-letters/**"))
                            .hasRole(OperatorRole.OPERATOR.name())
                        .requestMatchers(paths(null, "/api/orders/**", "/api/carts/**", "/api/api-doc"))
                            .permitAll()
                        // an API added later is an operator's until a rule above opens it
                        .requestMatchers(paths(null, "/api/**")).authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, ex) -> ServletErrors.write(response, 403,
                                "forbidden", "your role does not allow this (see GET /api/operators/me)")))
                .build();
    }
}
