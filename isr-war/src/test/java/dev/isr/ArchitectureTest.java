package dev.isr;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module's architecture, checked on its compiled classes by the build (ArchUnit): a pure core, adapters that meet
 * only through it, each container API confined to the adapter for it, no package cycle, and a demo application that
 * sees nothing but the public API. It lives in the demo's module because that is the one whose classpath holds every
 * jar of the module ({@code isr-ejb}, {@code isr-jaxrs}, {@code isr-undertow}) as an application has them.
 *
 * <p>A rule that fails names the class and the dependency that break it; change the rule only deliberately, with the
 * reason in its description. The rules run as plain JUnit tests over classes imported once (ArchUnit's own JUnit 5
 * engine silently runs no field rule under Surefire 3.5.3, TNG/ArchUnit#1442).
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.isr");

    /** Every package of the module's own code (the demo is an application of it). */
    private static final String[] MODULE = {
        "dev.isr.api..",
        "dev.isr.config..",
        "dev.isr.core..",
        "dev.isr.health..",
        "dev.isr.metrics..",
        "dev.isr.purge..",
        "dev.isr.revalidation..",
        "dev.isr.store..",
        "dev.isr.jaxrs..",
        "dev.isr.undertow.."
    };

    private static final ArchRule coreIsPlainJava = classes()
            .that()
            .resideInAPackage("dev.isr.core..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("dev.isr.core..", "java..", "org.jspecify.annotations..")
            .because("the HTTP caching decisions are plain Java, testable without a container (pure core, thin edges)");

    private static final ArchRule noPackageCycles =
            slices().matching("dev.isr.(**)").should().beFreeOfCycles();

    /**
     * Which adapter may use which: the core is everyone's; the store is wired by the configuration only (everyone else
     * sees it through {@code ResponseCache} and {@code Leases}); the revalidator is started by the front door and the
     * purge service; the health checks hear from the store; the admin resource is the JAX-RS adapter's; nothing uses
     * the metrics, the Undertow handler or the configuration producers directly (CDI and the server do).
     */
    private static final ArchRule adaptersMeetThroughTheCore = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("dev.isr..")
            .layer("Core")
            .definedBy("dev.isr.core..")
            .layer("Api")
            .definedBy("dev.isr.api..")
            .layer("Config")
            .definedBy("dev.isr.config..")
            .layer("Store")
            .definedBy("dev.isr.store..")
            .layer("Health")
            .definedBy("dev.isr.health..")
            .layer("Metrics")
            .definedBy("dev.isr.metrics..")
            .layer("Revalidation")
            .definedBy("dev.isr.revalidation..")
            .layer("Purge")
            .definedBy("dev.isr.purge..")
            .layer("JaxRs")
            .definedBy("dev.isr.jaxrs")
            .layer("Admin")
            .definedBy("dev.isr.jaxrs.admin..")
            .layer("Undertow")
            .definedBy("dev.isr.undertow..")
            .layer("Application")
            .definedBy("dev.isr.demo..")
            .whereLayer("Core")
            .mayOnlyBeAccessedByLayers(
                    "Api",
                    "Config",
                    "Store",
                    "Health",
                    "Metrics",
                    "Revalidation",
                    "Purge",
                    "JaxRs",
                    "Admin",
                    "Undertow")
            .whereLayer("Api")
            .mayOnlyBeAccessedByLayers("Purge", "JaxRs", "Application")
            .whereLayer("Store")
            .mayOnlyBeAccessedByLayers("Config")
            .whereLayer("Health")
            .mayOnlyBeAccessedByLayers("Store")
            .whereLayer("Revalidation")
            .mayOnlyBeAccessedByLayers("Purge", "JaxRs")
            .whereLayer("Purge")
            .mayOnlyBeAccessedByLayers("Admin")
            .whereLayer("Admin")
            .mayOnlyBeAccessedByLayers("JaxRs")
            .whereLayer("Config")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Metrics")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("JaxRs")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Undertow")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Application")
            .mayNotBeAccessedByAnyLayer();

    private static final ArchRule applicationsUseOnlyThePublicApi = noClasses()
            .that()
            .resideInAPackage("dev.isr.demo..")
            .should()
            .dependOnClassesThat(resideInAnyPackage(MODULE).and(not(resideInAPackage("dev.isr.api.."))))
            .because("the demo is an application like any other: what it needs beyond dev.isr.api is missing from it");

    private static final ArchRule infinispanOnlyInTheStore = noClasses()
            .that(resideInAnyPackage(MODULE).and(not(resideInAPackage("dev.isr.store.."))))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.infinispan..", "org.jgroups..");

    private static final ArchRule jaxRsOnlyInItsAdapter = noClasses()
            .that(resideInAnyPackage(MODULE).and(not(resideInAPackage("dev.isr.jaxrs.."))))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.ws.rs..");

    private static final ArchRule undertowOnlyInItsAdapter = noClasses()
            .that(resideInAnyPackage(MODULE).and(not(resideInAPackage("dev.isr.undertow.."))))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.undertow..");

    private static final ArchRule servletOnlyAtTheFrontDoor = noClasses()
            .that(resideInAnyPackage(MODULE).and(not(resideInAnyPackage("dev.isr.jaxrs..", "dev.isr.undertow.."))))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.servlet..");

    private static final ArchRule microProfileEachInItsAdapter = noClasses()
            .that(resideInAnyPackage(MODULE)
                    .and(not(resideInAnyPackage("dev.isr.config..", "dev.isr.health..", "dev.isr.metrics.."))))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.eclipse.microprofile..");

    private static final ArchRule ejbOnlyForTimersAndStartup = noClasses()
            .that(resideInAnyPackage(MODULE).and(not(resideInAnyPackage("dev.isr.store..", "dev.isr.metrics.."))))
            .should()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.ejb..");

    /**
     * A session bean is reached through the container's proxy, which takes business methods only: Payara refuses a call
     * to a package-private method of a {@code @Singleton} at run time ("Not a business method"), where WildFly lets it
     * through. Found on Payara, where the sweep failed at every tick because it asked the container bean for its
     * maintenance view through a package-private method.
     */
    private static final ArchRule sessionBeansAreCalledThroughPublicMethods = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith("jakarta.ejb.Singleton")
            .and(calledFromAnotherClass())
            .should()
            .bePublic()
            .because("the container's proxy of a session bean forwards business (public) methods only");

    private static DescribedPredicate<JavaMethod> calledFromAnotherClass() {
        return DescribedPredicate.describe(
                "are called from another class",
                method -> method.getAccessesToSelf().stream()
                        .anyMatch(call -> !call.getOriginOwner().equals(method.getOwner())));
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("the core is plain Java", coreIsPlainJava),
                Arguments.of("no package cycles", noPackageCycles),
                Arguments.of("adapters meet through the core", adaptersMeetThroughTheCore),
                Arguments.of("applications use only the public API", applicationsUseOnlyThePublicApi),
                Arguments.of("Infinispan only in the store", infinispanOnlyInTheStore),
                Arguments.of("JAX-RS only in its adapter", jaxRsOnlyInItsAdapter),
                Arguments.of("Undertow only in its adapter", undertowOnlyInItsAdapter),
                Arguments.of("the Servlet API only at the front door", servletOnlyAtTheFrontDoor),
                Arguments.of("each MicroProfile API in its adapter", microProfileEachInItsAdapter),
                Arguments.of("EJB only for timers and startup", ejbOnlyForTimersAndStartup),
                Arguments.of(
                        "session beans are called through public methods", sessionBeansAreCalledThroughPublicMethods));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(String name, ArchRule rule) {
        rule.check(CLASSES);
    }

    /** A rule that checks nothing would pass for ever: the import must have found the module and the demo. */
    @Test
    void theImportSeesEveryJar() {
        for (String type : new String[] {
            "dev.isr.core.FrontDoor",
            "dev.isr.store.IsrCacheContainer",
            "dev.isr.jaxrs.FrontDoorFilter",
            "dev.isr.undertow.FastLane",
            "dev.isr.demo.HeaderLab"
        }) {
            assertTrue(CLASSES.contain(type), type + " imported");
        }
    }
}
