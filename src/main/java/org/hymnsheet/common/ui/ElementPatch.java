package org.hymnsheet.common.ui;

import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Brings a display-only element tree on the page to the shape and text of a freshly built one, changing only what
 * differs: an element whose tag, component class and properties match is kept and gets the new attributes, text and
 * children; anything else is replaced. A live page that redraws often (a projected board) then sends the browser a
 * few changed texts instead of a new subtree, and the browser keeps its elements (and their layout) in place.
 *
 * <p>The fresh tree is built and thrown away; listeners on it are not carried over, so this is for trees that only
 * show. A fresh child may stand for an element kept elsewhere (a chart drawn in the browser, which must never be
 * rebuilt): {@code resolve} returns the element to use for it, which is then moved into place if it is not there.
 */
public final class ElementPatch {
    private ElementPatch() {}

    /** Makes {@code live}'s children match {@code fresh}'s (the two parents themselves are left as they are). */
    public static void children(Element live, Element fresh, UnaryOperator<Element> resolve) {
        List<Element> want = new ArrayList<>();
        fresh.getChildren().forEach(want::add);
        for (int i = 0; i < want.size(); i++) {
            Element next = resolve.apply(want.get(i));
            boolean kept = !next.equals(want.get(i));
            if (i >= live.getChildCount()) {
                live.appendChild(kept ? detached(next) : resolvedWithin(next, resolve));
                continue;
            }
            Element have = live.getChild(i);
            if (have.equals(next)) {
                continue;
            }
            if (kept || !compatible(have, next)) {
                // a kept element moves here from wherever it was; anything else new takes the old one's place
                live.setChild(i, kept ? detached(next) : resolvedWithin(next, resolve));
                continue;
            }
            patch(have, next, resolve);
        }
        while (live.getChildCount() > want.size()) {
            live.removeChild(live.getChildCount() - 1);
        }
    }

    private static Element detached(Element e) {
        if (e.getParent() != null) {
            e.removeFromParent();
        }
        return e;
    }

    /** A new subtree about to go on the page, with the kept elements in the places that stand for them. */
    private static Element resolvedWithin(Element fresh, UnaryOperator<Element> resolve) {
        for (int i = 0; i < fresh.getChildCount(); i++) {
            Element child = fresh.getChild(i);
            Element use = resolve.apply(child);
            if (use.equals(child)) {
                resolvedWithin(child, resolve);
            } else {
                fresh.setChild(i, detached(use));
            }
        }
        return fresh;
    }

    private static void patch(Element live, Element fresh, UnaryOperator<Element> resolve) {
        if (live.isTextNode()) {
            if (!live.getText().equals(fresh.getText())) {
                live.setText(fresh.getText());
            }
            return;
        }
        Set<String> names = new HashSet<>();
        fresh.getAttributeNames().forEach(names::add);
        for (String name : names) {
            String value = fresh.getAttribute(name);
            if (!Objects.equals(live.getAttribute(name), value)) {
                live.setAttribute(name, value);
            }
        }
        live.getAttributeNames().filter(name -> !names.contains(name)).toList().forEach(live::removeAttribute);
        if (live.isVisible() != fresh.isVisible()) {
            live.setVisible(fresh.isVisible());
        }
        children(live, fresh, resolve);
    }

    /** Same kind of node: both text, or the same tag, the same component class (or none) and the same properties. */
    private static boolean compatible(Element live, Element fresh) {
        if (live.isTextNode() || fresh.isTextNode()) {
            return live.isTextNode() && fresh.isTextNode();
        }
        if (!live.getTag().equals(fresh.getTag())) {
            return false;
        }
        if (!Objects.equals(live.getComponent().map(Object::getClass), fresh.getComponent().map(Object::getClass))) {
            return false;
        }
        Set<String> liveProps = new HashSet<>(live.getPropertyNames().toList());
        Set<String> freshProps = new HashSet<>(fresh.getPropertyNames().toList());
        return liveProps.equals(freshProps)
                && liveProps.stream().allMatch(p -> Objects.equals(live.getPropertyRaw(p), fresh.getPropertyRaw(p)));
    }
}
