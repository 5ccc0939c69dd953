package dev.isr.jaxrs.admin;

import java.util.Objects;

/**
 * What {@link WebhookVerifier} decided about one webhook delivery.
 *
 * @param outcome accepted, or the first reason it was refused
 * @param detail for a refusal, what the sender should fix, fit for a problem detail (no secret, no signature); empty
 *     when accepted
 */
record WebhookVerdict(Outcome outcome, String detail) {

    enum Outcome {
        ACCEPTED,
        /** No {@code Isr-Signature} header. */
        MISSING,
        /** The {@code sha256=<hex>} form, which has no timestamp and so could be replayed forever. */
        LEGACY_FORM,
        MALFORMED,
        /** {@code t} is further from this node's clock than {@code isr.webhook.tolerance}, in either direction. */
        OUTSIDE_TOLERANCE,
        /** No {@code v1} is the HMAC of {@code "<t>.<body>"} under {@code isr.webhook.secret}. */
        WRONG_SIGNATURE,
        /** Correctly signed, but the same signature was accepted before, on this node or another. */
        REPLAYED
    }

    static final WebhookVerdict ACCEPTED = new WebhookVerdict(Outcome.ACCEPTED, "");

    WebhookVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    static WebhookVerdict refused(Outcome outcome, String detail) {
        if (outcome == Outcome.ACCEPTED) {
            throw new IllegalArgumentException("a refusal needs a reason, not " + outcome);
        }
        return new WebhookVerdict(outcome, detail);
    }

    boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
