package io.orderflow.app.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import io.orderflow.app.OrderflowProperties;
import jakarta.servlet.DispatcherType;
import io.orderflow.app.web.ServletErrors;

/**
 * Dead-letter, fault and route endpoints (reads included: dead letters and failure messages carry customer data) need
 * the operator secret;
 * orders, carts, health and metrics are open.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    OperatorToken operatorToken(OrderflowProperties properties) {
        return OperatorToken.resolve(properties.security().operatorUser(), properties.security().operatorToken(),
                properties.dataDir());
    }

    /** No form or default users: the only identity is the operator secret. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, OperatorToken token) throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // no cookies or sessions: every call carries its credentials
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new OperatorAuthenticationFilter(token), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        // platform-http completes requests asynchronously: the request was authorized on entry,
                        // and the async dispatch runs without the (stateless) security context
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        // stopping, suspending, starting or resuming a route is an admin action; every operator
                        // is one until operator roles exist, then this is the one line to change
                        .requestMatchers(HttpMethod.POST, "/api/routes/**").hasRole(OperatorAuthenticationFilter.ROLE)
                        .requestMatchers("/api/dead-letters", "/api/dead-letters/**", "/api/faults", "/api/faults/**",
                                "/api/routes", "/api/routes/**")
                            .hasRole(OperatorAuthenticationFilter.ROLE)
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"orderflow\", Bearer");
                            ServletErrors.write(response, 401, "unauthorized",
                                    "operator credentials required (Bearer token or Basic auth)");
                        })
                        .accessDeniedHandler((request, response, ex) ->
                                ServletErrors.write(response, 403, "forbidden", "not allowed for these credentials")))
                .build();
    }
}
