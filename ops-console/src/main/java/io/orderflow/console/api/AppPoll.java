package io.orderflow.console.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.orderflow.console.ui.Fx;

/**
 * One round of asking the app for something, run by a background schedule: it waits a bounded time for the answer
 * (so rounds never pile up) and hands the answer, or the failure, to the FX thread.
 */
public final class AppPoll {

    static final long WAIT_SECONDS = 20;

    private AppPoll() {
    }

    public static <T> Runnable of(Supplier<CompletableFuture<T>> call, Consumer<T> onAnswer,
                                  Consumer<Throwable> onFailure) {
        return () -> {
            try {
                T answer = call.get().get(WAIT_SECONDS, TimeUnit.SECONDS);
                Fx.run(() -> onAnswer.accept(answer));
            } catch (ExecutionException e) {
                Fx.run(() -> onFailure.accept(e.getCause()));
            } catch (TimeoutException e) {
                Fx.run(() -> onFailure.accept(new ApiException(0, "unreachable",
                        "no answer within " + WAIT_SECONDS + " s")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Why a call failed, in words an operator can act on: a refused token says how to give the right one. */
    public static String explain(Throwable failure) {
        if (failure instanceof ApiException e && e.unauthorized()) {
            return "The app refused the operator token (" + e.getMessage() + "). Start the console with --token=…,"
                    + " ORDERFLOW_OPERATOR_TOKEN or a data/operator-token file.";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
