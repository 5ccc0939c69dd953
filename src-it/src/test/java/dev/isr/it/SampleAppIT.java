package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample application of docs/using.md ({@code src-it/sample}, built by the invoker from the published artifacts
 * only) deploys and caches: its pages are stored, then hits, and the purge it fires after a commit removes them.
 *
 * <p>Its EAR is deployed instead of the demo's, never beside it: both start the module's cache on the same store
 * directory. Arquillian undeploys the demo EAR after each other class, and this one after this class. The shop lives
 * at {@code /shop}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SampleAppIT {

    private static final String SAMPLE = "shop";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = SAMPLE, managed = false, testable = false)
    static EnterpriseArchive shop() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("isr.sample.ear")));
    }

    @BeforeEach
    void shopDeployed() throws Exception {
        if (!controller.isStarted(DeployedEar.CONTAINER)) {
            TargetServer.current().start(controller);
        }
        if (!DeploymentState.isDeployedFor(getClass())) {
            DeployedEar.deleteDurableStore();
            deployer.deploy(SAMPLE);
            DeploymentState.deployedFor(getClass());
        }
    }

    @Test
    void productPageIsStoredThenHit() throws Exception {
        HttpResponse<String> first = Http.get("/shop/products/3");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(first));

        HttpResponse<String> second = Http.get("/shop/products/3");
        assertTrue(Http.cacheStatus(second).matches("isr; hit; ttl=\\d+"), Http.cacheStatus(second));
        assertEquals(first.body(), second.body(), "a hit replays the stored page (it shows when it was rendered)");
    }

    @Test
    void annotatedCategoryPageIsCachedForItsDeclaredLifetimeAndPurgedByItsTags() throws Exception {
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(Http.get("/shop/categories/kitchen")));
        HttpResponse<String> hit = Http.get("/shop/categories/kitchen");
        Matcher ttl = Pattern.compile("isr; hit; ttl=(\\d+)").matcher(Http.cacheStatus(hit));
        assertTrue(ttl.matches(), Http.cacheStatus(hit));
        assertTrue(
                Integer.parseInt(ttl.group(1)) > 60 && Integer.parseInt(ttl.group(1)) <= 120,
                "@Isr(maxAge = \"120s\"): " + Http.cacheStatus(hit));
        assertTrue(hit.headers().firstValue("Isr-Cache-Control").isEmpty(), "the module's own field is removed");

        // the page carries products (from @Isr) and product-3 (added by FeaturedProducts through IsrContext): a price
        // change of product 3 purges both tags; that IsrContext tags alone suffice is AnnotationIT's to show
        assertEquals(303, Http.postForm("/shop/products/3/price", "cents=11900").statusCode());
        HttpResponse<String> again = Http.get("/shop/categories/kitchen");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(again));
        assertTrue(again.body().contains("119.00 EUR"), again.body());
    }

    @Test
    void priceChangePurgesTheProductAndTheListAfterCommit() throws Exception {
        Http.get("/shop/products");
        Http.get("/shop/products/1");
        Http.get("/shop/products/2");
        assertTrue(Http.cacheStatus(Http.get("/shop/products")).startsWith("isr; hit;"));
        assertTrue(Http.cacheStatus(Http.get("/shop/products/1")).startsWith("isr; hit;"));

        HttpResponse<String> change = Http.postForm("/shop/products/1/price", "cents=1250");
        assertEquals(303, change.statusCode(), change.body());

        HttpResponse<String> list = Http.get("/shop/products");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(list), "the list was purged by its tag (IsrPurge)");
        assertTrue(list.body().contains("12.50 EUR"), list.body());
        HttpResponse<String> product = Http.get("/shop/products/1");
        assertEquals("isr; fwd=uri-miss; stored", Http.cacheStatus(product));
        assertTrue(product.body().contains("12.50 EUR"), product.body());
        assertTrue(
                Http.cacheStatus(Http.get("/shop/products/2")).startsWith("isr; hit;"),
                "another product's page is untouched");
    }
}
