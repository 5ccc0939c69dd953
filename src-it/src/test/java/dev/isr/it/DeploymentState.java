package dev.isr.it;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which test classes have deployed the EAR: JUnit makes a new test instance per test method, Arquillian undeploys
 * after each class, so the flag must outlive instances but be per class.
 */
final class DeploymentState {

    private static final Set<Class<?>> DEPLOYED = ConcurrentHashMap.newKeySet();

    private DeploymentState() {}

    static boolean isDeployedFor(Class<?> testClass) {
        return DEPLOYED.contains(testClass);
    }

    static void deployedFor(Class<?> testClass) {
        DEPLOYED.add(testClass);
    }
}
