package org.backproplab.arch.broken.ui;

/** Allowed: a view that reads a view-model's property. */
public final class UsesOnlyTheSession {
    public double rate(org.backproplab.arch.broken.session.HoldsAProperty vm) {
        return vm.rate.get();
    }
}
