package org.hymnsheet.live.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import java.util.Set;
import org.hymnsheet.live.LiveSignals;
import org.hymnsheet.live.Subscription;
import org.hymnsheet.live.Topic;

/**
 * Keeps a page current by server push: while the page is on screen it hears its topics and re-reads through
 * {@code refresh} inside its UI; when the browser's push connection comes back after a drop (a sleeping laptop,
 * lost Wi-Fi) the page re-reads too, so it catches up from the tables whatever it missed. An invisible element
 * carries the reconnection hook.
 */
@Tag("live-refresh")
public final class LiveRefresh extends Component {
    private final transient LiveSignals signals;
    private final Runnable refresh;
    private Set<Topic> topics = Set.of();
    private long gapMillis = 1000 / LiveSignals.MAX_PER_SECOND;
    private Set<Topic> slowTopics = Set.of();
    private long slowGapMillis;
    private transient Subscription subscription;
    private transient Subscription slowSubscription;
    private UI ui;
    private Registration detach;

    private LiveRefresh(LiveSignals signals, Runnable refresh) {
        this.signals = signals;
        this.refresh = refresh;
        getElement().setAttribute("hidden", true);
        getElement().setAttribute("aria-hidden", "true");
    }

    /** Adds the hook to {@code view}; {@link #follow} says which topics it hears. */
    public static LiveRefresh on(Component view, LiveSignals signals, Runnable refresh) {
        var live = new LiveRefresh(signals, refresh);
        view.getElement().appendChild(live.getElement());
        return live;
    }

    /** Hears these topics from now on (replacing the ones before). */
    public void follow(Set<Topic> topics) {
        follow(topics, 1000 / LiveSignals.MAX_PER_SECOND);
    }

    /**
     * As {@link #follow(Set)}, re-reading at most once per {@code gapMillis} (at least
     * {@link LiveSignals#MIN_GAP_MILLIS}): for a page whose read is cheap and whose viewers wait for a burst to land.
     */
    public void follow(Set<Topic> topics, long gapMillis) {
        if (topics.equals(this.topics) && gapMillis == this.gapMillis) {
            return;
        }
        this.topics = Set.copyOf(topics);
        this.gapMillis = gapMillis;
        if (ui != null) {
            resubscribe();
        }
    }

    /**
     * Also hears these topics, but re-reads for them at most once per {@code gapMillis}: for changes a page shows
     * without hurry (a phone showing the room's answers), so a busy room does not wake every phone for every answer.
     */
    public void followSlowly(Set<Topic> topics, long gapMillis) {
        if (topics.equals(this.slowTopics) && gapMillis == slowGapMillis) {
            return;
        }
        this.slowTopics = Set.copyOf(topics);
        this.slowGapMillis = gapMillis;
        if (ui != null) {
            resubscribe();
        }
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent event) {
        ui = event.getUI();
        resubscribe();
        getElement().executeJs("""
                const el = this;
                const store = window.Vaadin && window.Vaadin.connectionState;
                if (store && !el.__liveHooked) {
                  el.__liveHooked = true;
                  let lost = false;
                  store.addStateChangeListener((before, now) => {
                    if (now === 'reconnecting' || now === 'connection-lost') { lost = true; return; }
                    if (now === 'connected' && lost && el.isConnected) { lost = false; el.$server.reconnected(); }
                  });
                }""");
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        close();
        ui = null;
    }

    @ClientCallable
    private void reconnected() {
        refresh.run();
    }

    private void resubscribe() {
        close();
        UI target = ui;
        Runnable inUi = () -> {
            try {
                target.access(() -> {
                    if (isAttached()) {
                        refresh.run();
                    }
                });
            } catch (UIDetachedException closed) {
                // the tab closed between the change and this run; its detach ends the subscription
            }
        };
        subscription = signals.subscribe(topics, gapMillis, inUi);
        if (!slowTopics.isEmpty()) {
            slowSubscription = signals.subscribe(slowTopics, slowGapMillis, inUi);
        }
    }

    private void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        if (slowSubscription != null) {
            slowSubscription.close();
            slowSubscription = null;
        }
    }
}
