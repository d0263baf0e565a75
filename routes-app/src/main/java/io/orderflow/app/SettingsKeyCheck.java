package io.orderflow.app;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Fails the start on a key under {@code orderflow.stages} or {@code orderflow.faults} that nothing reads. Binding
 * alone would take {@code orderflow.stages.paymnet.max-redeliveries} as the settings of a stage that does not
 * exist, and ignore {@code orderflow.stages.payment.max-redelivery}, so a typo would silently leave the defaults
 * in place. Runs before any bean is created, so nothing (broker, routes) starts with a setting that was lost.
 */
@Component
class SettingsKeyCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    /** The switch for fault injection as a whole, beside the per-stage faults. */
    static final String FAULTS_ENABLED = "enabled";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    static void check(Environment environment) {
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                iterable.stream().forEach(SettingsKeyCheck::check);
            }
        }
    }

    private static void check(ConfigurationPropertyName name) {
        if (name.getNumberOfElements() < 3 || !"orderflow".equals(name.getElement(0, Form.UNIFORM))) {
            return;
        }
        String group = name.getElement(1, Form.UNIFORM);
        if ("stages".equals(group)) {
            check(name, "a stage", OrderflowProperties.STAGES, "a stage's setting",
                    settingNames(OrderflowProperties.Stage.class));
        } else if ("faults".equals(group)) {
            if (name.getNumberOfElements() == 3 && FAULTS_ENABLED.equals(name.getElement(2, Form.UNIFORM))) {
                return;
            }
            check(name, "a stage with fault injection", OrderflowProperties.FAULT_STAGES, "a fault setting",
                    settingNames(OrderflowProperties.Fault.class));
        }
    }

    private static void check(ConfigurationPropertyName name, String whatKey, List<String> keys, String whatSetting,
                              List<String> settings) {
        String prefix = "orderflow." + name.getElement(1, Form.DASHED) + ".";
        String key = name.getElement(2, Form.DASHED);
        // a map key is taken as written (orderflow.faults.deadletter would be a stage named "deadletter")
        if (!keys.contains(key)) {
            throw new IllegalStateException(prefix + key + " is not " + whatKey + "; use one of " + keys
                    + " (in " + name + ")");
        }
        if (name.getNumberOfElements() != 4 || !uniform(settings).contains(name.getElement(3, Form.UNIFORM))) {
            throw new IllegalStateException(name + " is not " + whatSetting + "; use " + prefix + key + ".<"
                    + String.join("|", settings) + ">");
        }
    }

    /** The record's components as they are written in application.yml. */
    private static List<String> settingNames(Class<? extends Record> settings) {
        return Arrays.stream(settings.getRecordComponents()).map(RecordComponent::getName)
                .map(component -> component.replaceAll("([A-Z])", "-$1").toLowerCase()).toList();
    }

    /** Relaxed binding's form: lower case without dashes, so env variables and camelCase match too. */
    private static Set<String> uniform(List<String> names) {
        return names.stream().map(n -> ConfigurationPropertyName.of("x." + n).getElement(1, Form.UNIFORM))
                .collect(Collectors.toSet());
    }
}
